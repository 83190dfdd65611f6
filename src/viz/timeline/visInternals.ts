import type { Timeline } from 'vis-timeline/esnext';

/**
 * Two workarounds for vis-timeline 8.5 forcing layouts synchronously. Both reach into private state
 * (the version is pinned at 8.5.4); if the shape is not as expected the timeline is left untouched:
 * only slower, never broken.
 *
 * 1. vis-timeline draws each item the moment it is added to a group (Group.add → _checkIfVisible →
 * item.show()), and every draw writes DOM then reads sizes back: one forced layout per item. Adding a
 * few hundred meetings after a filter change therefore costs hundreds of layouts of the whole chart.
 * The group's own redraw, queued right after every add, already finds newly visible items and draws
 * them in batched phases (all DOM writes, then all reads), so the eager draw is skipped here.
 *
 * 2. Every DataSet add, update and remove makes the item set redraw at once (and read layout back),
 * so a diff applied as remove + update + add redraws three times in one task, and queues a redraw of the
 * whole timeline for the next frame, which created, measured and placed the items a second time (its own
 * forced layouts inside the frame). `batchItemChanges` skips those and draws the whole timeline once, at once.
 */
interface VisGroup {
  add(item: unknown): void;
  _checkIfVisible(item: unknown, visibleItems: unknown[], range: unknown): void;
}

const deferred = new WeakSet<object>();

/** Safe to call again after groups change: each group is patched once. */
export function deferItemShow(timeline: Timeline): boolean {
  const groups = (timeline as unknown as { itemSet?: { groups?: Record<string, VisGroup> } }).itemSet?.groups;
  if (!groups) return false;
  let patched = false;
  for (const group of Object.values(groups)) {
    if (typeof group?.add !== 'function' || typeof group._checkIfVisible !== 'function') continue;
    if (deferred.has(group)) {
      patched = true;
      continue;
    }
    deferred.add(group);
    const add = group.add;
    const check = group._checkIfVisible;
    group.add = function addWithoutDrawing(this: VisGroup, item: unknown) {
      this._checkIfVisible = noop;
      try {
        add.call(this, item);
      } finally {
        this._checkIfVisible = check;
      }
    };
    patched = true;
  }
  return patched;
}

function noop(): void {}

/**
 * 3. Every item vis-timeline creates copies its table of ~30 locales and merges each with English (Item's
 * constructor): ~50 µs an item, 5 ms of the ~100 items a filter step can bring in. The table is one shared object,
 * reachable through the current-time marker's defaults; Parley labels the axis in English only, so the table keeps
 * English alone. Returns whether it did.
 */
export function englishLocaleOnly(timeline: Timeline): boolean {
  const table = (timeline as unknown as { currentTime?: { defaultOptions?: { locales?: unknown } } }).currentTime?.defaultOptions?.locales;
  if (!table || typeof table !== 'object' || !('en' in table)) return false;
  for (const key of Object.keys(table)) if (key !== 'en') delete (table as Record<string, unknown>)[key];
  return true;
}

interface VisTimeAxis {
  redraw(): boolean;
  body?: { range?: { start: number; end: number }; domProps?: { center: { width: number }; root: { height: number }; top: { height: number }; bottom: { height: number } }; dom?: { top?: Node; bottom?: Node } };
  dom?: { foreground?: Node };
  options?: { orientation?: { axis?: string } };
}

/**
 * 4. vis-timeline redraws its time axis on every redraw of the timeline: it takes the axis out of the page and puts it
 * back (every label's style worked out again), measures its characters (a forced layout, after the items have just
 * been placed) and steps through the range's dates with moment. A filter step changes the items only; the axis is
 * redrawn when what it is drawn from changed: the range, the sizes of the panels, or the fonts. Returns what stops
 * listening for fonts (the timeline's destroy calls it), or null when the private shape was not there.
 */
export function redrawAxisOnlyWhenChanged(timeline: Timeline): (() => void) | null {
  const axis = (timeline as unknown as { timeAxis?: VisTimeAxis }).timeAxis;
  const redraw = axis?.redraw;
  if (!axis || typeof redraw !== 'function' || !axis.body?.range || !axis.body.domProps || !axis.dom?.foreground) return null;
  let drawnFor: string | null = null;
  // Characters are measured again after a font arrives (labels are spaced by their width).
  const fonts = typeof document !== 'undefined' ? document.fonts : undefined;
  const fontArrived = () => (drawnFor = null);
  fonts?.addEventListener?.('loadingdone', fontArrived);
  const drawnFrom = (a: VisTimeAxis) => {
    const body = a.body!;
    const { range, domProps } = body as Required<NonNullable<VisTimeAxis['body']>>;
    const parent = a.options?.orientation?.axis === 'top' ? body.dom?.top : body.dom?.bottom;
    return [range.start, range.end, domProps.center.width, domProps.root.height, domProps.top.height, domProps.bottom.height, a.dom?.foreground?.parentNode === parent].join();
  };
  axis.redraw = function redrawIfChanged(this: VisTimeAxis) {
    if (drawnFrom(this) === drawnFor) return false;
    const resized = redraw.call(this);
    // Taken after drawing: the first drawing also puts the axis into the page.
    drawnFor = drawnFrom(this);
    return resized;
  };
  // Removed with the timeline: left on document.fonts, the listener would keep the whole timeline reachable.
  return () => fonts?.removeEventListener?.('loadingdone', fontArrived);
}

export type ItemBatch = (apply: () => void) => void;

export function batchItemChanges(timeline: Timeline): ItemBatch {
  const itemSet = (timeline as unknown as { itemSet?: { redraw?: () => boolean } }).itemSet;
  const redraw = itemSet?.redraw;
  if (!itemSet || typeof redraw !== 'function') return (apply) => apply();
  const core = timeline as unknown as { _redraw?: () => void; _origRedraw?: () => void };
  const full = core._origRedraw;
  return (apply) => {
    itemSet.redraw = () => false;
    // The DataSet's events also queue a redraw of the whole timeline for the next frame: drawn whole here instead,
    // so the items are created, measured and placed once, not again in the frame (a second round of forced layouts).
    const queue = core._redraw;
    if (typeof full === 'function') core._redraw = noop;
    try {
      apply();
    } finally {
      delete (itemSet as { redraw?: unknown }).redraw;
      if (itemSet.redraw !== redraw) itemSet.redraw = redraw;
      core._redraw = queue;
    }
    if (typeof full === 'function') full.call(timeline);
    else itemSet.redraw();
  };
}

/**
 * The element vis-timeline draws a group's row into (its foreground: one per group, as tall as the row,
 * scrolled with the lanes), or null if the private shape is not as expected. A lane's density bars are
 * drawn there so they stay in their row whatever the row's height and the vertical scroll.
 */
export function groupRow(timeline: Timeline, groupId: string): HTMLElement | null {
  const groups = (timeline as unknown as { itemSet?: { groups?: Record<string, { dom?: { foreground?: unknown } }> } }).itemSet?.groups;
  const row = groups && Object.prototype.hasOwnProperty.call(groups, groupId) ? groups[groupId]?.dom?.foreground : null;
  return row instanceof HTMLElement ? row : null;
}

/**
 * Draws the whole timeline now. vis-timeline's public redraw() waits for an animation frame, so its drawing (axis
 * labels through moment, the items, the layouts it reads back) ran inside the frame's own task, on top of that frame's
 * style, layout and paint; drawn here in a task of its own, the frame after it only paints.
 */
export function redrawNow(timeline: Timeline): void {
  const core = timeline as unknown as { _origRedraw?: unknown; redrawCount?: unknown };
  // A fresh drawing, not a step of a loop: vis-timeline counts every redraw, the ones it skips while the timeline is
  // hidden included, and clears the count only after one that changed no size. Built hidden, the timeline reached its
  // limit of 5 on its first visible drawing: it logged "WARNING: infinite loop in redraw?" on every load and stopped
  // redrawing until its sizes had settled.
  if (typeof core.redrawCount === 'number') core.redrawCount = 0;
  const draw = core._origRedraw;
  if (typeof draw === 'function') draw.call(timeline);
  else timeline.redraw();
}
