import { Timeline, type DataItemCollectionType, type TimelineItem, type TimelineOptions } from 'vis-timeline/peer';
import { DataSet } from 'vis-data/peer';
import moment from 'moment';
import type { DatasetIndex } from '../../domain/indexes';
import type { Highlight } from '../../domain/derive';
import { DAY_MS, isoToMs, msToIso } from '../../domain/dates';
import type { TimeWindow } from '../../state/types';
import { binIndexOf, chooseBinUnit, computeBins, countInRange, lowerBound, type DensityBin } from './density';
import { toTimelineItem, type TimelineItemSpec } from './toTimelineItems';
import { binId, binItem, isBinId, meetingItem } from './visItems';
import { createBrushOverlay } from './brush';

export interface TimelineCallbacks {
  onSelect(meetingId: string | null): void;
  onHover(meetingId: string | null): void;
  /** Debounced; only for moves the user made (pan, zoom, keyboard, toolbar). */
  onWindowChange(window: TimeWindow, byUser: true): void;
  /** Inclusive ISO days of a drag made in brush mode. */
  onBrush(from: string, to: string): void;
}

export interface TimelineController {
  setData(index: DatasetIndex, visible: Int32Array): void;
  /** `dimOthers`: fade meetings outside both highlights (for actor/edge emphasis). */
  setHighlight(selected: Highlight, hovered: Highlight, dimOthers: boolean): void;
  setSelection(meetingId: string | null): void;
  /** Move without reporting back; null means "fit the visible meetings", also after later data changes. */
  setWindow(window: TimeWindow | null): void;
  setBrushing(on: boolean): void;
  getWindow(): TimeWindow;
  fit(): void;
  /** User zoom: factor > 1 zooms in around the centre. */
  zoom(factor: number): void;
  /** User pan by a fraction of the visible span (negative = earlier). */
  pan(fraction: number): void;
  destroy(): void;
}

/** Above this many meetings in the window, draw density bins instead of items. */
export const ITEM_THRESHOLD = 300;
const REPORT_DELAY_MS = 250;
const MAX_IN_PLACE_UPDATES = 12;
const BIN_WIDTH_PX = 18;
const EMPTY_SET: ReadonlySet<string> = new Set();

const raf = (cb: () => void): number =>
  typeof requestAnimationFrame === 'function' ? requestAnimationFrame(cb) : (setTimeout(cb, 16) as unknown as number);
const cancelRaf = (id: number) => (typeof cancelAnimationFrame === 'function' ? cancelAnimationFrame(id) : clearTimeout(id));

export function toTimeWindow(startMs: number, endMs: number): TimeWindow {
  return { start: msToIso(startMs), end: msToIso(Math.max(startMs, endMs - 1)) };
}

export function createTimelineController(el: HTMLElement, callbacks: TimelineCallbacks): TimelineController {
  const canvas = document.createElement('div');
  canvas.className = 'tl-canvas';
  el.classList.add('tl-root');
  el.append(canvas);

  const items = new DataSet<TimelineItem>();
  const compact = typeof matchMedia === 'function' && matchMedia('(max-width: 600px)').matches;
  const options: TimelineOptions = {
    height: compact ? 220 : 290,
    // Days are UTC; render the axis in UTC too so a meeting never appears on the previous day.
    moment: (date: moment.MomentInput) => moment(date).utc(),
    stack: true,
    selectable: true,
    multiselect: false,
    editable: false,
    showCurrentTime: false,
    verticalScroll: true,
    zoomMin: 7 * DAY_MS,
    zoomMax: 300 * 365 * DAY_MS,
    orientation: { axis: 'bottom', item: 'bottom' },
    margin: { item: { horizontal: 2, vertical: 3 } },
    tooltip: { followMouse: false, overflowMethod: 'cap', delay: 250 },
    dataAttributes: ['id'],
  };
  // vis-timeline's typings expect its own loose DataItem; the DataSet is typed more strictly here.
  const timeline = new Timeline(canvas, items as unknown as DataItemCollectionType, options);

  let index: DatasetIndex | null = null;
  let visible: Int32Array = new Int32Array(0);
  let visStart = new Float64Array(0);
  let maxDuration = 0;
  let dataMin = 0;
  let dataMax = 0;
  /** What the DataSet holds: id → signature (class for meetings, drawing state for bins). */
  const shown = new Map<string, string>();
  const specs = new Map<string, TimelineItemSpec>();
  let selected: ReadonlySet<string> = EMPTY_SET;
  let hovered: ReadonlySet<string> = EMPTY_SET;
  let selectedId: string | null = null;
  let autoFit = true;
  let lastReported: TimeWindow | null = null;
  let reportTimer: ReturnType<typeof setTimeout> | null = null;
  let renderFrame: number | null = null;
  let destroyed = false;

  const range = () => {
    const w = timeline.getWindow();
    return { start: w.start.valueOf(), end: w.end.valueOf() };
  };

  const meetingClass = (spec: TimelineItemSpec) =>
    spec.className + (selected.has(spec.id) ? ' is-highlighted' : '') + (hovered.has(spec.id) ? ' is-hover-linked' : '');

  const specFor = (pos: number) => {
    const id = index!.meetings[pos]!.id;
    let spec = specs.get(id);
    if (!spec) specs.set(id, (spec = toTimelineItem(index!, pos)));
    return spec;
  };

  /**
   * Brings the DataSet to `desired` by touching only what differs. vis-timeline redraws an updated
   * item synchronously (a forced layout each), so beyond a few changes they are replaced in one batch.
   */
  function applyDiff(desired: Map<string, string>, build: (id: string) => TimelineItem, patch: (id: string) => Partial<TimelineItem>) {
    const remove: string[] = [];
    for (const id of shown.keys()) if (!desired.has(id)) remove.push(id);
    const add: TimelineItem[] = [];
    const changed: string[] = [];
    for (const [id, sig] of desired) {
      const old = shown.get(id);
      if (old === undefined) add.push(build(id));
      else if (old !== sig) changed.push(id);
    }
    const replace = changed.length > MAX_IN_PLACE_UPDATES;
    if (replace) for (const id of changed) add.push(build(id));
    const drop = replace ? remove.concat(changed) : remove;
    if (drop.length) items.remove(drop);
    for (const id of remove) {
      shown.delete(id);
      specs.delete(id);
    }
    if (!replace && changed.length) items.update(changed.map(patch) as TimelineItem[]);
    if (add.length) items.add(add);
    for (const [id, sig] of desired) shown.set(id, sig);
  }

  function renderItems(ws: number, we: number) {
    const margin = (we - ws) / 2;
    let lo = lowerBound(visStart, ws - margin - maxDuration);
    let hi = lowerBound(visStart, we + margin);
    if (hi - lo > ITEM_THRESHOLD * 3) {
      lo = lowerBound(visStart, ws - maxDuration);
      hi = lowerBound(visStart, we);
    }
    const desired = new Map<string, string>();
    const byId = new Map<string, TimelineItemSpec>();
    for (let k = lo; k < hi; k++) {
      const pos = visible[k]!;
      if (index!.end[pos]! <= ws - margin) continue;
      const spec = specFor(pos);
      byId.set(spec.id, spec);
      desired.set(spec.id, meetingClass(spec));
    }
    applyDiff(
      desired,
      (id) => meetingItem(byId.get(id)!, desired.get(id)!),
      (id) => ({ id, className: desired.get(id)! }),
    );
  }

  function renderDensity(ws: number, we: number) {
    const span = we - ws;
    const maxBins = Math.max(12, Math.round((canvas.clientWidth || 800) / BIN_WIDTH_PX));
    // A quarter-window margin each side keeps short pans covered until rangechanged recomputes.
    const bins = computeBins(visStart, ws - span / 4, we + span / 4, chooseBinUnit(span, maxBins));
    const linked = new Uint32Array(bins.length);
    for (const set of [selected, hovered]) {
      for (const id of set) {
        const pos = index!.meetingPos.get(id);
        if (pos === undefined || (set === hovered && selected.has(id))) continue;
        const b = binIndexOf(bins, index!.start[pos]!);
        if (b >= 0) linked[b]!++;
      }
    }
    let max = 1;
    for (const b of bins) if (b.count > max) max = b.count;
    const desired = new Map<string, string>();
    const byId = new Map<string, { bin: DensityBin; level: number; linked: number }>();
    bins.forEach((bin, i) => {
      const level = Math.max(0.06, bin.count / max);
      const id = binId(bin);
      byId.set(id, { bin, level, linked: linked[i]! });
      desired.set(id, `${bin.end}|${bin.count}|${level.toFixed(3)}|${linked[i]}`);
    });
    const build = (id: string) => {
      const b = byId.get(id)!;
      return binItem(b.bin, b.level, b.linked);
    };
    applyDiff(desired, build, build);
  }

  function render() {
    renderFrame = null;
    if (destroyed || !index) return;
    const { start: ws, end: we } = range();
    const dense = countInRange(visStart, ws - maxDuration, we) > ITEM_THRESHOLD;
    if (dense) renderDensity(ws, we);
    else renderItems(ws, we);
    const want = selectedId && shown.has(selectedId) ? [selectedId] : [];
    const have = timeline.getSelection();
    if (have.length !== want.length || have[0] !== want[0]) timeline.setSelection(want);
    el.dataset.mode = dense ? 'density' : 'items';
    el.dataset.renderedCount = String(visible.length);
    el.dataset.itemCount = String(shown.size);
  }

  const scheduleRender = () => {
    if (renderFrame === null && !destroyed) renderFrame = raf(render);
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

  function moveTo(startMs: number, endMs: number) {
    timeline.setWindow(startMs, endMs, { animation: false });
    scheduleRender();
  }

  function fit() {
    if (!index) return;
    const n = visStart.length;
    const first = n ? visStart[0]! : dataMin;
    let last = dataMax;
    if (n) {
      last = first;
      for (let k = 0; k < n; k++) last = Math.max(last, index!.end[visible[k]!]!);
    }
    const pad = Math.max(15 * DAY_MS, (last - first) * 0.05);
    moveTo(first - pad, last + pad);
  }

  timeline.on('rangechanged', (props: { byUser: boolean }) => {
    scheduleRender();
    if (props.byUser) report();
  });
  timeline.on('select', (props: { items: (string | number)[] }) => {
    const id = props.items[0];
    if (typeof id === 'string' && !isBinId(id)) {
      callbacks.onSelect(id === selectedId ? null : id);
      return;
    }
    // A click on empty space: vis cleared its selection, the app keeps it.
    timeline.setSelection(selectedId && shown.has(selectedId) ? [selectedId] : []);
  });
  timeline.on('click', (props: { item: string | number | null }) => {
    if (!isBinId(props.item)) return;
    const bin = items.get(props.item as string);
    if (!bin || bin.end === undefined) return;
    const s = Number(bin.start);
    const e = Number(bin.end);
    const pad = (e - s) * 0.1;
    moveTo(s - pad, e + pad);
    report();
  });
  timeline.on('itemover', (props: { item: string | number }) => {
    if (!isBinId(props.item)) callbacks.onHover(String(props.item));
  });
  timeline.on('itemout', (props: { item: string | number }) => {
    if (!isBinId(props.item)) callbacks.onHover(null);
  });

  const brush = createBrushOverlay(
    el,
    (ev) => timeline.getEventProperties(ev).time.valueOf(),
    (fromMs, toMs) => callbacks.onBrush(msToIso(fromMs), msToIso(Math.max(fromMs, toMs - 1))),
  );

  return {
    setData(nextIndex, nextVisible) {
      if (nextIndex !== index) {
        items.clear();
        shown.clear();
        specs.clear();
        index = nextIndex;
        dataMin = nextIndex.minTime;
        dataMax = nextIndex.maxTime;
      }
      visible = nextVisible;
      visStart = new Float64Array(visible.length);
      maxDuration = 0;
      for (let k = 0; k < visible.length; k++) {
        const pos = visible[k]!;
        const s = nextIndex.start[pos]!;
        visStart[k] = s;
        const d = nextIndex.end[pos]! - s;
        if (d > maxDuration) maxDuration = d;
      }
      if (autoFit) fit();
      render();
    },
    setHighlight(nextSelected, nextHovered, dimOthers) {
      selected = nextSelected.meetings;
      hovered = nextHovered.meetings;
      el.classList.toggle('has-highlight', dimOthers && (selected.size > 0 || hovered.size > 0));
      render();
    },
    setSelection(meetingId) {
      selectedId = meetingId;
      render();
    },
    setWindow(window) {
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
      moveTo(isoToMs(window.start), isoToMs(window.end) + DAY_MS);
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
      if (renderFrame !== null) cancelRaf(renderFrame);
      brush.destroy();
      timeline.destroy();
      items.clear();
      canvas.remove();
      el.classList.remove('tl-root', 'has-highlight', 'is-brushing');
      delete el.dataset.mode;
      delete el.dataset.renderedCount;
      delete el.dataset.itemCount;
    },
  };
}
