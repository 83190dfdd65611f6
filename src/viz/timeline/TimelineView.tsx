import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import 'vis-timeline/styles/vis-timeline-graph2d.min.css';
import './timeline.css';
import { useStore } from '../../state/store';
import { selectIndex, selectSelectionHighlight, selectTotalCount, selectVisible } from '../../state/selectors';
import { highlightFor, NO_HIGHLIGHT } from '../../domain/derive';
import { formatIsoDay } from '../../domain/dates';
import { dateRangeText, meetingCountText } from '../../domain/countText';
import { createTimelineController, type TimelineController } from './createTimelineController';
import { provideTimelineShot } from '../exportSources';

const ZOOM_STEP = 1.5;

/** Thin React shell: the controller owns everything inside the host div. */
export function TimelineView() {
  const index = useStore(selectIndex);
  const visible = useStore(selectVisible);
  const selectionHighlight = useStore(selectSelectionHighlight);
  const selection = useStore((s) => s.selection);
  const hoveredMeeting = useStore((s) => s.hoveredMeeting);
  const hoveredActor = useStore((s) => s.hoveredActor);
  const timeWindow = useStore((s) => s.window);
  const followWindow = useStore((s) => s.followWindow);
  const totalCount = useStore(selectTotalCount);
  const dateFrom = useStore((s) => s.filters.from);
  const dateTo = useStore((s) => s.filters.to);
  const [brushing, setBrushing] = useState(false);
  const hostRef = useRef<HTMLDivElement>(null);
  const controllerRef = useRef<TimelineController | null>(null);
  const helpId = useId();

  const hoverHighlight = useMemo(() => {
    if (!index) return NO_HIGHLIGHT;
    const target = hoveredActor ? { kind: 'actor' as const, id: hoveredActor } : hoveredMeeting ? { kind: 'meeting' as const, id: hoveredMeeting } : null;
    return highlightFor(index, visible, target);
  }, [index, visible, hoveredActor, hoveredMeeting]);
  const dimOthers = hoveredActor !== null || selection?.kind === 'actor' || selection?.kind === 'edge';
  const selectedMeeting = selection?.kind === 'meeting' ? selection.id : null;

  useEffect(() => {
    const controller = createTimelineController(hostRef.current!, {
      onSelect: (id) => useStore.getState().select(id ? { kind: 'meeting', id } : null),
      onHover: (id) => useStore.getState().hoverMeeting(id),
      onWindowChange: (w) => useStore.getState().setWindow(w),
      onBrush: (from, to) => {
        useStore.getState().setFilters({ from, to });
        setBrushing(false);
      },
    });
    controllerRef.current = controller;
    const host = hostRef.current!;
    const stopProviding = provideTimelineShot(() => ({ window: controller.getWindow(), width: host.clientWidth }));
    return () => {
      stopProviding();
      controller.destroy();
      controllerRef.current = null;
    };
  }, []);

  useEffect(() => {
    if (index) controllerRef.current?.setData(index, visible);
  }, [index, visible]);
  useEffect(() => {
    controllerRef.current?.setHighlight(selectionHighlight, hoverHighlight, dimOthers);
  }, [selectionHighlight, hoverHighlight, dimOthers]);
  useEffect(() => {
    controllerRef.current?.setSelection(selectedMeeting);
  }, [selectedMeeting]);
  useEffect(() => {
    controllerRef.current?.setWindow(timeWindow);
  }, [timeWindow]);
  useEffect(() => {
    controllerRef.current?.setBrushing(brushing);
  }, [brushing]);

  const fitAll = () => {
    useStore.getState().setWindow(null);
    controllerRef.current?.fit();
  };
  const zoom = (factor: number) => controllerRef.current?.zoom(factor);
  const filterToVisiblePeriod = () => {
    const w = controllerRef.current?.getWindow();
    if (w) useStore.getState().setFilters({ from: w.start, to: w.end });
  };

  const onKeyDown = (ev: KeyboardEvent<HTMLDivElement>) => {
    const c = controllerRef.current;
    if (!c || ev.altKey || ev.ctrlKey || ev.metaKey) return;
    const handled = (() => {
      switch (ev.key) {
        case 'ArrowLeft':
          c.pan(ev.shiftKey ? -0.5 : -0.2);
          return true;
        case 'ArrowRight':
          c.pan(ev.shiftKey ? 0.5 : 0.2);
          return true;
        case '+':
        case '=':
          c.zoom(ZOOM_STEP);
          return true;
        case '-':
        case '_':
          c.zoom(1 / ZOOM_STEP);
          return true;
        case 'Home':
          fitAll();
          return true;
        case 'Escape':
          if (brushing) setBrushing(false);
          else useStore.getState().select(null);
          return true;
        default:
          return false;
      }
    })();
    if (handled) ev.preventDefault();
  };

  const dates = dateRangeText(dateFrom, dateTo, formatIsoDay);
  const shown = timeWindow ? ` · showing ${formatIsoDay(timeWindow.start)} – ${formatIsoDay(timeWindow.end)}` : '';

  return (
    <div className="timeline">
      <div className="timeline-toolbar" role="toolbar" aria-label="Timeline controls">
        <button type="button" onClick={fitAll}>
          Fit all
        </button>
        <button type="button" onClick={() => zoom(ZOOM_STEP)} aria-label="Zoom in">
          + Zoom in
        </button>
        <button type="button" onClick={() => zoom(1 / ZOOM_STEP)} aria-label="Zoom out">
          − Zoom out
        </button>
        <button type="button" aria-pressed={brushing} onClick={() => setBrushing((b) => !b)}>
          Brush dates
        </button>
        <button type="button" onClick={filterToVisiblePeriod}>
          Filter to visible dates
        </button>
        <label className="timeline-follow">
          <input type="checkbox" checked={followWindow} onChange={(e) => useStore.getState().setFollowWindow(e.target.checked)} />
          Network: only visible period
        </label>
      </div>
      <p className="timeline-status" role="status">
        {meetingCountText(visible.length, totalCount)} · {dates}
        {shown}
        {brushing ? ' · drag across the timeline to set the date filter (Escape cancels)' : ''}
      </p>
      <div
        ref={hostRef}
        className="timeline-host"
        tabIndex={0}
        role="group"
        aria-roledescription="timeline"
        aria-label="Timeline of meetings"
        aria-describedby={helpId}
        onKeyDown={onKeyDown}
      />
      <p id={helpId} className="visually-hidden">
        Left and right arrow keys pan, plus and minus zoom, Home shows all dates, Escape clears the selection. Every meeting is also
        listed in the table view.
      </p>
    </div>
  );
}
