import type { DataItemCollectionType, TimelineItem } from 'vis-timeline/esnext';
import { visLibrary } from './visLibrary';
import type { DatasetIndex } from '../../domain/indexes';
import type { Highlight } from '../../domain/derive';
import { DAY_MS, isoToMs, msToIso } from '../../domain/dates';
import type { TimeWindow } from '../../state/types';
import { toVisId } from './visItems';
import { batchItemChanges, deferItemShow, englishLocaleOnly, redrawAxisOnlyWhenChanged, redrawNow } from './visInternals';
import { createDensityBand } from './densityBand';
import { createItemSync, toVisibleMeetings, type DrawMode, type VisibleMeetings } from './itemSync';
import { createLaneBands } from './laneBands';
import { createBrushOverlay } from './brush';
import { snapBrush } from './brushSnap';
import { fitWindow } from './labelLayout';
import { createNextTask } from '../nextTask';
import { cancelRaf, observeHeight, observeWidth, raf, timelineOptions, toTimeWindow } from './timelineOptions';
import { wireTimelineEvents } from './timelineEvents';
import { createLaneGroups } from './laneGroups';
import { revealWindow } from './keyboardModel';
import type { LaneAssignment, LaneMode } from '../../domain/lanes';
import { maxWindowMs } from '../../domain/timelineSpan';
import { createDrawnWindow } from './drawnWindow';

export interface TimelineCallbacks {
  onSelect(meetingId: string | null): void;
  onHover(meetingId: string | null): void;
  /** Debounced; only for moves the user made (pan, zoom, keyboard, toolbar). */
  onWindowChange(window: TimeWindow, byUser: true): void;
  /** Inclusive ISO days of a drag made in brush mode. */
  onBrush(from: string, to: string): void;
  /** A lane's label was activated: filter to its country or actor. */
  onLane?(mode: LaneMode, key: string): void;
}

export interface TimelineController {
  /** `lanes`: draw one lane per group (see assignLanes), or null for a single lane. */
  setData(index: DatasetIndex, visible: Int32Array, lanes?: { mode: LaneMode; assignment: LaneAssignment } | null): void;
  /** `dimOthers`: fade meetings outside both highlights (for actor/edge emphasis). */
  setHighlight(selected: Highlight, hovered: Highlight, dimOthers: boolean): void;
  setSelection(meetingId: string | null): void;
  /**
   * Move without reporting back; null means "fit the visible meetings", also after later data changes.
   * `animate`: slide there (playback), unless the user prefers reduced motion.
   */
  setWindow(window: TimeWindow | null, animate?: boolean): void;
  /** The keyboard's current meeting: drawn with a focus ring (or its density bar ringed) and scrolled into view. */
  focusMeeting(meetingId: string | null): void;
  setBrushing(on: boolean): void;
  getWindow(): TimeWindow;
  fit(): void;
  /** User zoom: factor > 1 zooms in around the centre. */
  zoom(factor: number): void;
  /** User pan by a fraction of the visible span (negative = earlier). */
  pan(fraction: number): void;
  destroy(): void;
}

export { ITEM_THRESHOLD } from './itemSync';
export { toTimeWindow } from './timelineOptions';
const REPORT_DELAY_MS = 250;
/** Length of a playback slide: shorter than the fastest step interval, so slides never queue up. */
const SLIDE_MS = 200;
const prefersReducedMotion = () => typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

/** Needs vis-timeline loaded (`loadVisLibrary`). */
export function createTimelineController(el: HTMLElement, callbacks: TimelineCallbacks): TimelineController {
  const { Timeline, DataSet } = visLibrary();
  const canvas = document.createElement('div');
  canvas.className = 'tl-canvas';
  el.classList.add('tl-root');
  el.append(canvas);

  const items = new DataSet<TimelineItem>();
  const options = timelineOptions();
  // Built hidden: vis-timeline skips drawing into an invisible container, and its first drawing (a forced layout of
  // the page, the axis labels) then runs in a task of its own (`reveal`), not in the task that builds it.
  canvas.style.display = 'none';
  // vis-timeline's typings expect its own loose DataItem; the DataSet is typed more strictly here.
  const timeline = new Timeline(canvas, items as unknown as DataItemCollectionType, options);
  deferItemShow(timeline);
  englishLocaleOnly(timeline);
  const stopAxisWatch = redrawAxisOnlyWhenChanged(timeline);
  const centrePanel = canvas.querySelector<HTMLElement>('.vis-panel.vis-center') ?? canvas;
  const band = createDensityBand(el, centrePanel);
  let laneMode: LaneMode | null = null;
  const laneGroups = createLaneGroups(timeline, (key) => laneMode && callbacks.onLane?.(laneMode, key));
  const laneBands = createLaneBands(el, timeline);

  /** Kept from resize observations: reading clientWidth after a DOM change would force a layout. */
  let widthPx = canvas.clientWidth;
  const sync = createItemSync(items, () => widthPx, batchItemChanges(timeline));
  let data: VisibleMeetings | null = null;
  let selectedId: string | null = null;
  let autoFit = true;
  let lastReported: TimeWindow | null = null;
  let reportTimer: ReturnType<typeof setTimeout> | null = null;
  let renderFrame: number | null = null;
  let moveFrame: number | null = null;
  let moving: { start: number; end: number } | null = null;
  let mode: DrawMode | null = null;
  const drawn = createDrawnWindow();
  let dayPx = '';
  let destroyed = false;

  const range = () => {
    const w = timeline.getWindow();
    return { start: w.start.valueOf(), end: w.end.valueOf() };
  };


  /** Scale for CSS-drawn extents (circa brackets): kept current during a zoom gesture, not only after it. */
  function updateDayPx(ws: number, we: number) {
    const px = `${(((widthPx || 800) * DAY_MS) / Math.max(1, we - ws)).toPrecision(4)}px`;
    // A pan keeps the scale; rewriting the variable anyway would restyle every item each frame.
    if (px === dayPx) return;
    dayPx = px;
    el.style.setProperty('--tl-day-px', px);
  }

  /**
   * `from`: what asks for the drawing. After an app update (`'commit'`, a React commit) and in a frame
   * (`'frame'`), an items-mode diff (vis-timeline's DataSet changes plus its forced layout) is applied in
   * the next task instead, so neither task runs long. After an app update the density band is painted in
   * the next frame, before it is shown: drawing its counts (canvas text) resolves the page's style and
   * layout, and mid-commit that was a forced full layout (~30 ms at 20k, with the filter column's counts
   * dirty) which the frame then did again. The rendered count is reported once the items or band are there.
   */
  function render(from: 'commit' | 'frame' | null = null) {
    // An app update leaves a frame already asked for in place (it will draw this update too).
    if (from !== 'commit') renderFrame = null;
    if (from === 'commit') drawn.touch();
    if (destroyed || !data) return;
    const { start: ws, end: we } = range();
    if (from === 'frame' && drawn.isDrawn(ws, we)) return;
    if (from !== null) {
      const density = sync.modeAt(ws, we) === 'density';
      if (!density) return itemsTask.schedule();
      if (from === 'commit') return scheduleRender();
    }
    itemsTask.cancel();
    updateDayPx(ws, we);
    mode = sync.render(ws, we);
    if (!mode) return;
    drawn.drew(ws, we);
    if (mode === 'density' && !data.lanes) {
      band.draw(ws, we);
      band.describe(ws, we);
    } else band.hide();
    if (data.lanes) {
      const dense = sync.denseLanes();
      // A lane turning dense (or back) changes its label's height: let vis-timeline re-measure the rows.
      if (laneGroups.markDense(dense)) timeline.redraw();
      laneBands.render(dense, ws, we, true);
    }
    const want = selectedId ? sync.itemIdsOf(selectedId).map(toVisId) : [];
    const have = timeline.getSelection();
    if (have.length !== want.length || have.some((id, i) => id !== want[i])) timeline.setSelection(want);
    el.dataset.mode = mode;
    el.dataset.renderedCount = String(data.visible.length);
    el.dataset.itemCount = String(sync.size());
  }

  const itemsTask = createNextTask(() => render());

  /** Shows and draws the timeline built hidden (in the next task, or at once when data arrives first). */
  function reveal() {
    revealTask.cancel();
    if (destroyed || canvas.style.display !== 'none') return;
    canvas.style.removeProperty('display');
    if (!canvas.getAttribute('style')) canvas.removeAttribute('style');
    widthPx = canvas.clientWidth;
    drawTask.schedule();
  }
  const drawTask = createNextTask(() => !destroyed && redrawNow(timeline));
  const revealTask = createNextTask(reveal);
  revealTask.schedule();

  const scheduleRender = () => {
    if (renderFrame === null && !destroyed) renderFrame = raf(() => render('frame'));
  };

  /** Reports where the user left the window, once they pause. */
  function report() {
    autoFit = false;
    if (reportTimer) clearTimeout(reportTimer);
    reportTimer = setTimeout(() => {
      reportTimer = null;
      if (destroyed) return;
      const { start, end } = range();
      lastReported = toTimeWindow(start, end);
      callbacks.onWindowChange(lastReported, true);
    }, REPORT_DELAY_MS);
  }

  function moveTo(startMs: number, endMs: number, animate = false) {
    timeline.setWindow(startMs, endMs, { animation: animate ? { duration: SLIDE_MS, easingFunction: 'easeInOutQuad' } : false });
    scheduleRender();
  }

  /** vis-timeline's zoomMax: a fixed one hid part of a dataset spanning more than it, so it follows the data. */
  let zoomMax = options.zoomMax!;
  function setZoomMax(spanMs: number) {
    if (spanMs === zoomMax) return;
    zoomMax = spanMs;
    timeline.setOptions({ zoomMax });
  }

  function fit() {
    if (!data) return;
    const w = fitWindow(sync.fitEntries(), widthPx)!;
    if (w.end - w.start > zoomMax) setZoomMax(w.end - w.start);
    moveTo(w.start, w.end);
  }

  /** During a pan or zoom: at most one repaint per frame of what vis-timeline does not draw itself. */
  function frame() {
    moveFrame = null;
    if (destroyed || !moving) return;
    updateDayPx(moving.start, moving.end);
    if (mode === 'density' && !data?.lanes) band.draw(moving.start, moving.end);
    else if (mode !== 'items' && data?.lanes) laneBands.draw(moving.start, moving.end);
    moving = null;
  }
  timeline.on('rangechange', (props: { start: Date; end: Date }) => {
    moving = { start: props.start.valueOf(), end: props.end.valueOf() };
    if (moveFrame === null && !destroyed) moveFrame = raf(frame);
  });
  timeline.on('rangechanged', (props: { byUser: boolean }) => {
    scheduleRender();
    if (props.byUser) report();
  });
  const unwireEvents = wireTimelineEvents(
    timeline,
    canvas,
    {
      mode: () => mode,
      selectedId: () => selectedId,
      itemIdsOf: (id) => sync.itemIdsOf(id),
      binAt: (ms, group) => (data?.lanes ? laneBands.binAt(group, ms) : band.binAt(ms)),
      hover: (ms, group) => (data?.lanes ? laneBands.hover(group, ms) : band.hover(ms)),
      moveTo,
      report,
    },
    callbacks,
  );

  // Room for labels depends on the width, so an automatic fit is redone when the host resizes.
  const stopObserving = observeWidth(canvas, (width) => {
    // The first observation after `reveal` reports the width it already read.
    if (width === widthPx) return;
    widthPx = width;
    if (destroyed) return;
    // vis-timeline measures itself only when it redraws (its own size polling is off, see timelineOptions).
    timeline.redraw();
    drawn.touch();
    if (autoFit) fit();
    else scheduleRender();
  });
  const stopObservingHeight = observeHeight(canvas, () => {
    if (!destroyed) timeline.redraw();
  });

  const brush = createBrushOverlay(
    el,
    (ev) => timeline.getEventProperties(ev).time.valueOf(),
    (rawFrom, rawTo) => {
      const { start, end } = range();
      const { fromMs, toMs } = snapBrush(rawFrom, rawTo, (end - start) / Math.max(1, widthPx || canvas.clientWidth));
      callbacks.onBrush(msToIso(fromMs), msToIso(toMs - 1));
    },
  );

  return {
    setData(index, visible, lanes = null) {
      reveal();
      data = toVisibleMeetings(index, visible, lanes?.assignment ?? null);
      laneMode = lanes?.mode ?? null;
      sync.setData(data);
      laneGroups.set(lanes?.assignment.lanes ?? null, lanes?.mode === 'actor' ? 'actors' : 'countries and organisations');
      el.classList.toggle('has-lanes', lanes !== null);
      band.setData(index, data.visStart);
      setZoomMax(maxWindowMs(index.minTime, index.maxTime));
      laneBands.setData(index, lanes?.assignment.lanes ?? [], data.lanes);
      if (autoFit) fit();
      render('commit');
    },
    setHighlight(nextSelected, nextHovered, dimOthers) {
      sync.setHighlight(nextSelected, nextHovered);
      band.setHighlight(nextSelected, nextHovered);
      laneBands.setHighlight(nextSelected, nextHovered);
      el.classList.toggle('has-highlight', dimOthers && (nextSelected.meetings.length > 0 || nextHovered.meetings.length > 0));
      render('commit');
    },
    setSelection(meetingId) {
      selectedId = meetingId;
      render('commit');
    },
    setWindow(window, animate = false) {
      if (!window) {
        autoFit = true;
        lastReported = null;
        fit();
        return;
      }
      autoFit = false;
      const same = (w: TimeWindow | null) => w !== null && w.start === window.start && w.end === window.end;
      if (same(lastReported)) return;
      if (reportTimer) clearTimeout(reportTimer);
      reportTimer = null;
      const current = range();
      if (same(toTimeWindow(current.start, current.end))) return;
      lastReported = window;
      moveTo(isoToMs(window.start), isoToMs(window.end) + DAY_MS, animate && !prefersReducedMotion());
    },
    focusMeeting(meetingId) {
      sync.setFocused(meetingId);
      const pos = meetingId !== null && data ? data.index.meetingPos.get(meetingId) : undefined;
      band.setFocus(pos === undefined ? null : data!.index.start[pos]!);
      laneBands.setFocus(pos ?? null);
      if (pos !== undefined) {
        const { start, end } = range();
        const to = revealWindow(start, end, data!.index.start[pos]!, data!.index.end[pos]!);
        if (to) {
          moveTo(to.start, to.end);
          report();
          return;
        }
      }
      render();
    },
    setBrushing(on) {
      brush.setEnabled(on);
      el.classList.toggle('is-brushing', on);
    },
    getWindow() {
      const r = range();
      return toTimeWindow(r.start, r.end);
    },
    fit,
    zoom(factor) {
      const { start, end } = range();
      const mid = (start + end) / 2;
      const half = Math.max((end - start) / factor / 2, 3.5 * DAY_MS);
      moveTo(mid - half, mid + half);
      report();
    },
    pan(fraction) {
      const { start, end } = range();
      const shift = (end - start) * fraction;
      moveTo(start + shift, end + shift);
      report();
    },
    destroy() {
      destroyed = true;
      if (reportTimer) clearTimeout(reportTimer);
      stopAxisWatch?.();
      itemsTask.destroy();
      revealTask.destroy();
      drawTask.destroy();
      if (renderFrame !== null) cancelRaf(renderFrame);
      if (moveFrame !== null) cancelRaf(moveFrame);
      stopObserving();
      stopObservingHeight();
      brush.destroy();
      unwireEvents();
      laneGroups.destroy();
      laneBands.destroy();
      band.destroy();
      timeline.destroy();
      items.clear();
      canvas.remove();
      el.classList.remove('tl-root', 'has-highlight', 'is-brushing', 'has-lanes');
      delete el.dataset.mode;
      delete el.dataset.renderedCount;
      delete el.dataset.itemCount;
      el.style.removeProperty('--tl-day-px');
      if (!el.getAttribute('style')) el.removeAttribute('style');
    },
  };
}
