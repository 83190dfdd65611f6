import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import 'vis-timeline/styles/vis-timeline-graph2d.min.css';
import './timeline.css';
import { useStore } from '../../state/store';
import { selectGraphMeetings, selectIndex, selectSelectionHighlight, selectTotalCount, selectVisible } from '../../state/selectors';
import { highlightFor, NO_HIGHLIGHT } from '../../domain/derive';
import { formatIsoDay } from '../../domain/dates';
import { dateRangeText, meetingCountText } from '../../domain/countText';
import { assignLanes } from '../../domain/lanes';
import { createTimelineController, type TimelineController } from './createTimelineController';
import { isVisLibraryLoaded, loadVisLibrary } from './visLibrary';
import { provideTimelineShot } from '../exportSources';
import { stepMeeting, timelineKeyAction } from './keyboardModel';
import { toTimelineItem } from './toTimelineItems';
import { usePlayback } from './usePlayback';
import { useThrottledText } from './useThrottledText';
import { TimelineToolbar } from './TimelineToolbar';
import { TimelineLegend } from './TimelineLegend';
import { visibleStarts } from './visibleStarts';

const NO_STARTS = new Float64Array(0);

/** Thin React shell: the controller owns everything inside the host div. */
export function TimelineView() {
  const index = useStore(selectIndex);
  const visible = useStore(selectVisible);
  const selectionHighlight = useStore(selectSelectionHighlight);
  const selection = useStore((s) => s.selection);
  const hoveredMeeting = useStore((s) => s.hoveredMeeting);
  const hoveredActor = useStore((s) => s.hoveredActor);
  const timeWindow = useStore((s) => s.window);
  const totalCount = useStore(selectTotalCount);
  const dateFrom = useStore((s) => s.filters.from);
  const dateTo = useStore((s) => s.filters.to);
  const laneMode = useStore((s) => s.lanes);
  const networkMeetings = useStore((s) => selectGraphMeetings(s).length);
  const [brushing, setBrushing] = useState(false);
  const [focused, setFocused] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  // A step with nothing further that way says so: the button doing nothing looked broken.
  const [stepEdge, setStepEdge] = useState('');
  // vis-timeline's construction lays out the page; the first data goes in a task after it, so neither makes one long task.
  const [built, setBuilt] = useState(false);
  // vis-timeline comes in a chunk of its own (visLibrary.ts); main.tsx has usually fetched it by the time this mounts.
  const [visLoaded, setVisLoaded] = useState(isVisLibraryLoaded);
  const hostRef = useRef<HTMLDivElement>(null);
  const controllerRef = useRef<TimelineController | null>(null);
  const helpId = useId();
  const playback = usePlayback(index, visible, () => controllerRef.current?.getWindow() ?? null);

  const hoverHighlight = useMemo(() => {
    if (!index) return NO_HIGHLIGHT;
    const target = hoveredActor ? { kind: 'actor' as const, id: hoveredActor } : hoveredMeeting ? { kind: 'meeting' as const, id: hoveredMeeting } : null;
    return highlightFor(index, visible, target);
  }, [index, visible, hoveredActor, hoveredMeeting]);
  const lanes = useMemo(() => (index && laneMode ? { mode: laneMode, assignment: assignLanes(index, visible, laneMode) } : null), [index, visible, laneMode]);
  const starts = useMemo(() => (index ? visibleStarts(index, visible).visStart : NO_STARTS), [index, visible]);
  const dimOthers = hoveredActor !== null || selection?.kind === 'actor' || selection?.kind === 'edge';
  const selectedMeeting = selection?.kind === 'meeting' ? selection.id : null;

  useEffect(() => {
    if (visLoaded) return;
    let live = true;
    loadVisLibrary().then(
      () => live && setVisLoaded(true),
      (error: unknown) => console.error('The timeline could not be loaded:', error),
    );
    return () => {
      live = false;
    };
  }, [visLoaded]);

  useEffect(() => {
    if (!visLoaded) return;
    const controller = createTimelineController(hostRef.current!, {
      onSelect: (id) => useStore.getState().select(id ? { kind: 'meeting', id } : null),
      onHover: (id) => useStore.getState().hoverMeeting(id),
      onWindowChange: (w) => useStore.getState().setWindow(w),
      onBrush: (from, to) => {
        useStore.getState().setFilters({ from, to });
        setBrushing(false);
      },
      onLane: (mode, key) => {
        const s = useStore.getState();
        const facet = mode === 'actor' ? 'actors' : 'countries';
        if (!s.filters[facet].includes(key)) s.toggleFilterValue(facet, key);
      },
    });
    controllerRef.current = controller;
    const host = hostRef.current!;
    const stopProviding = provideTimelineShot(() => ({ window: controller.getWindow(), width: host.clientWidth }));
    const filling = setTimeout(() => setBuilt(true), 0);
    return () => {
      clearTimeout(filling);
      stopProviding();
      controller.destroy();
      controllerRef.current = null;
    };
  }, [visLoaded]);

  // Until `built`, the controller gets nothing; then everything, in the order a later change would apply it.
  useEffect(() => {
    if (built && index) controllerRef.current?.setData(index, visible, lanes);
  }, [built, index, visible, lanes]);
  useEffect(() => {
    if (built) controllerRef.current?.setHighlight(selectionHighlight, hoverHighlight, dimOthers);
  }, [built, selectionHighlight, hoverHighlight, dimOthers]);
  useEffect(() => {
    if (built) controllerRef.current?.setSelection(selectedMeeting);
  }, [built, selectedMeeting]);
  useEffect(() => {
    if (built) controllerRef.current?.setWindow(timeWindow, useStore.getState().playing);
  }, [built, timeWindow]);
  useEffect(() => {
    if (built) controllerRef.current?.setBrushing(brushing);
  }, [built, brushing]);
  // A filter that hides the focused meeting takes the focus ring with it.
  useEffect(() => {
    if (focused && index && !visible.includes(index.meetingPos.get(focused) ?? -1)) {
      setFocused(null);
      controllerRef.current?.focusMeeting(null);
    }
  }, [focused, index, visible]);

  const fitAll = () => {
    useStore.getState().setWindow(null);
    controllerRef.current?.fit();
  };
  const zoom = (factor: number) => controllerRef.current?.zoom(factor);
  const filterToVisiblePeriod = () => {
    const w = controllerRef.current?.getWindow();
    if (w) useStore.getState().setFilters({ from: w.start, to: w.end });
  };

  /** ←/→: the previous/next meeting in time order, from the focused (or selected) one. */
  const stepFocus = (c: TimelineController, direction: -1 | 1) => {
    if (!index || !visible.length) return;
    const from = focused ?? selectedMeeting;
    const current = from === null ? -1 : visible.indexOf(index.meetingPos.get(from) ?? -1);
    const w = c.getWindow();
    const k = stepMeeting(starts, current, direction, Date.parse(w.start), Date.parse(w.end));
    const pos = visible[k]!;
    const id = index.meetings[pos]!.id;
    setFocused(id);
    c.focusMeeting(id);
    const edge = k === current ? (direction > 0 ? ' (last)' : ' (first)') : '';
    setAnnouncement(`Meeting ${k + 1} of ${visible.length}${edge}: ${toTimelineItem(index, pos).accessibleLabel}. Enter opens it.`);
  };

  const onKeyDown = (ev: KeyboardEvent<HTMLDivElement>) => {
    const c = controllerRef.current;
    // Keys on a lane label (a button inside the chart) keep their own meaning.
    if (!c || ev.target !== ev.currentTarget) return;
    const action = timelineKeyAction(ev);
    if (!action) return;
    ev.preventDefault();
    switch (action.type) {
      case 'step':
        return stepFocus(c, action.direction);
      case 'pan':
        return c.pan(action.fraction);
      case 'zoom':
        return c.zoom(action.factor);
      case 'fit':
        return fitAll();
      case 'open':
        if (focused) useStore.getState().select({ kind: 'meeting', id: focused });
        return;
      case 'togglePlay':
        return playback.toggle();
      case 'escape':
        if (brushing) setBrushing(false);
        else if (playback.playing) playback.pause();
        else useStore.getState().select(null);
        return;
      case 'swallow':
        return;
    }
  };

  const stepWindow = (direction: -1 | 1) =>
    setStepEdge(playback.step(direction) ? '' : direction < 0 ? 'no meetings before this window' : 'no meetings after this window');
  useEffect(() => setStepEdge(''), [timeWindow, visible]);

  const dates = dateRangeText(dateFrom, dateTo, formatIsoDay);
  const shown = timeWindow ? ` · showing ${formatIsoDay(timeWindow.start)} – ${formatIsoDay(timeWindow.end)}` : '';
  const period = timeWindow ? `${formatIsoDay(timeWindow.start)} – ${formatIsoDay(timeWindow.end)}` : 'all dates';
  // Playback frames are announced in words, at most once a second.
  const windowNews = useThrottledText(
    playback.playing && timeWindow ? `${period}: ${networkMeetings} meeting${networkMeetings === 1 ? '' : 's'} in the network` : '',
  );

  return (
    <div className="timeline">
      <TimelineToolbar
        playback={playback}
        onStep={stepWindow}
        brushing={brushing}
        onFit={fitAll}
        onZoom={zoom}
        onToggleBrush={() => setBrushing((b) => !b)}
        onFilterToVisible={filterToVisiblePeriod}
        status={
          <p className="timeline-status" role="status">
            {meetingCountText(visible.length, totalCount)} · {dates}
            {shown}
            {stepEdge ? ` · ${stepEdge}` : ''}
            {brushing ? ' · drag across the timeline to set the date filter (Escape cancels)' : ''}
          </p>
        }
      />
      <p className="visually-hidden" aria-live="polite" data-testid="timeline-announcer">
        {announcement}
        {windowNews ? ` ${windowNews}` : ''}
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
        onBlur={() => setAnnouncement('')}
      />
      <p id={helpId} className="visually-hidden">
        Left and right arrow keys move between meetings in time order and Enter opens the focused one; Shift with the arrow keys
        pans, plus and minus zoom, Home shows all dates, Space plays or pauses, Escape clears the selection. Every meeting is also
        listed in the table view.
      </p>
      <TimelineLegend />
    </div>
  );
}
