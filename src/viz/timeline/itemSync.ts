import type { DataSet } from 'vis-data/esnext';
import type { TimelineItem } from 'vis-timeline/esnext';
import type { DatasetIndex } from '../../domain/indexes';
import { isHighlightedMeeting, NO_HIGHLIGHT, type Highlight } from '../../domain/derive';
import { meetingItem, toVisId } from './visItems';
import { countInRange, lowerBound } from './density';
import { toTimelineItem, type TimelineItemSpec } from './toTimelineItems';
import { displayKind, estimateLabelPx, type FitEntry } from './labelLayout';
import type { ItemBatch } from './visInternals';
import { chooseDenseLanes, splitByLane, type LaneAssignment, type LaneEntries } from '../../domain/lanes';
import { laneCountsInWindow } from './laneDensity';
import { visibleStarts } from './visibleStarts';

/**
 * Above this many meetings in the window, draw density bins instead of items. vis-timeline spends
 * about 0.6 ms creating and measuring each item, so a few hundred items cost a frame budget many
 * times over; the bins (with counts, and a click to zoom in) read better at that density anyway.
 */
export const ITEM_THRESHOLD = 120;
const MAX_IN_PLACE_UPDATES = 12;
/** How many specs of meetings taken off the timeline are kept for a step that brings them back (see `recent`). */
const RECENT_SPECS = ITEM_THRESHOLD * 4;

/** The filtered meetings with their start times in date order, ready for binary search. */
export interface VisibleMeetings {
  index: DatasetIndex;
  visible: Int32Array;
  visStart: Float64Array;
  /** Longest possible span of any visible meeting: how far back an overlapping meeting can start. */
  maxDuration: number;
  /**
   * What is drawn, in start order: one entry per meeting, or with lanes one per (meeting, lane).
   * `entryLane` is null without lanes; `laneKeys` names each lane (the vis-timeline group id).
   */
  entryPos: Int32Array;
  entryStart: Float64Array;
  entryLane: Int32Array | null;
  laneKeys: readonly string[] | null;
  /** Each lane's entries on its own (null without lanes): a crowded lane is drawn as density on its own. */
  lanes: LaneEntries | null;
}

/** How a window is drawn: all items, all density, or (with lanes) crowded lanes as density and the rest as items. */
export type DrawMode = 'items' | 'density' | 'mixed';

/** Separates meeting id and lane key in an item id: neither slugs nor codes contain it. */
export const LANE_ITEM_SEPARATOR = ':';

/** The meeting an item id stands for (item ids carry the lane when lanes are on). */
export function meetingOfItem(itemId: string): string {
  const cut = itemId.indexOf(LANE_ITEM_SEPARATOR);
  return cut < 0 ? itemId : itemId.slice(0, cut);
}

export function toVisibleMeetings(index: DatasetIndex, visible: Int32Array, lanes: LaneAssignment | null = null): VisibleMeetings {
  const { visStart, maxDuration } = visibleStarts(index, visible);
  if (!lanes) return { index, visible, visStart, maxDuration, entryPos: visible, entryStart: visStart, entryLane: null, laneKeys: null, lanes: null };
  const entryStart = new Float64Array(lanes.entryPos.length);
  for (let e = 0; e < entryStart.length; e++) entryStart[e] = index.start[lanes.entryPos[e]!]!;
  return {
    index,
    visible,
    visStart,
    maxDuration,
    entryPos: lanes.entryPos,
    entryStart,
    entryLane: lanes.entryLane,
    laneKeys: lanes.lanes.map((l) => l.key),
    lanes: splitByLane(lanes.entryPos, lanes.entryLane, entryStart, lanes.lanes.length),
  };
}

/**
 * Keeps one DataSet in step with what the window should show: individual meetings when few enough,
 * nothing when the window is dense (the controller then draws a density band). Never more than a few
 * hundred DataSet entries, whatever the dataset size.
 */
export function createItemSync(items: DataSet<TimelineItem>, widthPx: () => number, batch: ItemBatch = (apply) => apply()) {
  let data: VisibleMeetings | null = null;
  let index: DatasetIndex | null = null;
  let visible: Int32Array = new Int32Array(0);
  let visStart: Float64Array = new Float64Array(0);
  let focusedId: string | null = null;
  /** What the DataSet holds: item id → signature "kind|class". */
  const shown = new Map<string, string>();
  const specs = new Map<string, TimelineItemSpec>();
  /**
   * Specs of meetings taken off the timeline, by meeting id: a step often brings back what the one before took away (a
   * search and its clearing, a date typed and removed), and working ~100 specs out again was a few ms of that step.
   * Emptied when full, so it never holds more than RECENT_SPECS.
   */
  const recent = new Map<string, TimelineItemSpec>();
  const keepRecent = (meetingId: string) => {
    const spec = specs.get(meetingId);
    if (!spec) return;
    specs.delete(meetingId);
    if (recent.size >= RECENT_SPECS) recent.clear();
    recent.set(meetingId, spec);
  };
  let selected: Highlight = NO_HIGHLIGHT;
  let hovered: Highlight = NO_HIGHLIGHT;
  let denseLanes: readonly boolean[] | null = null;

  /** Without lanes the whole window is items or density; with lanes, each lane decides (chooseDenseLanes). */
  function plan(ws: number, we: number): { mode: DrawMode; dense: boolean[] | null } {
    const { lanes, entryStart, maxDuration } = data!;
    if (!lanes) return { mode: countInRange(entryStart, ws - maxDuration, we) > ITEM_THRESHOLD ? 'density' : 'items', dense: null };
    const counts = laneCountsInWindow(lanes.starts, ws, we, maxDuration);
    const dense = chooseDenseLanes(counts, ITEM_THRESHOLD);
    const anyDense = dense.some(Boolean);
    const allDense = dense.every((d, l) => d || counts[l] === 0);
    return { mode: !anyDense ? 'items' : allDense ? 'density' : 'mixed', dense };
  }

  const meetingClass = (pos: number, spec: TimelineItemSpec, kind: 'point' | 'range') =>
    spec.className +
    (kind !== spec.kind ? ' is-narrow' : '') +
    (spec.id === focusedId ? ' is-focused' : '') +
    (isHighlightedMeeting(selected, pos) ? ' is-highlighted' : '') +
    (isHighlightedMeeting(hovered, pos) ? ' is-hover-linked' : '');
  const kindOf = (sig: string) => sig.slice(0, sig.indexOf('|'));

  const specFor = (pos: number) => {
    const id = index!.meetings[pos]!.id;
    let spec = specs.get(id);
    if (!spec) specs.set(id, (spec = recent.get(id) ?? measured.get(id) ?? toTimelineItem(index!, pos)));
    return spec;
  };

  /**
   * Brings the DataSet to `desired` by touching only what differs. vis-timeline redraws an updated
   * item synchronously (a forced layout each), so beyond a few changes they are replaced in one batch.
   * `rebuild` says when a change cannot be patched (a meeting switching between point and range).
   */
  function applyDiff(
    desired: Map<string, string>,
    build: (id: string) => TimelineItem,
    patch: (id: string) => Partial<TimelineItem>,
    rebuild: (oldSig: string, sig: string) => boolean = () => false,
  ) {
    const remove: string[] = [];
    for (const id of shown.keys()) if (!desired.has(id)) remove.push(id);
    const add: TimelineItem[] = [];
    const changed: string[] = [];
    const rebuilt: string[] = [];
    for (const [id, sig] of desired) {
      const old = shown.get(id);
      if (old === undefined) add.push(build(id));
      else if (old === sig) continue;
      else if (rebuild(old, sig)) {
        rebuilt.push(id);
        add.push(build(id));
      } else changed.push(id);
    }
    const replace = changed.length > MAX_IN_PLACE_UPDATES;
    if (replace) for (const id of changed) add.push(build(id));
    const drop = remove.concat(rebuilt, replace ? changed : []);
    for (const id of remove) {
      shown.delete(id);
      keepRecent(meetingOfItem(id));
    }
    if (!drop.length && !add.length && !changed.length) return;
    batch(() => {
      if (drop.length) items.remove(drop.map(toVisId));
      if (!replace && changed.length) items.update(changed.map(patch) as TimelineItem[]);
      if (add.length) items.add(add);
    });
    for (const [id, sig] of desired) shown.set(id, sig);
  }

  /** `dense`: with lanes, the lanes drawn as density, whose meetings get no items. */
  function renderItems(ws: number, we: number, msPerPx: number, dense: readonly boolean[] | null) {
    const { entryPos, entryStart, laneKeys, lanes, maxDuration } = data!;
    // Where to look: all entries, or each lane still drawn as items (by its own sorted starts).
    const sources: { starts: Float64Array; positions: Int32Array; group: string | null }[] =
      lanes && laneKeys ? laneKeys.flatMap((group, l) => (dense?.[l] ? [] : [{ starts: lanes.starts[l]!, positions: lanes.positions[l]!, group }])) : [{ starts: entryStart, positions: entryPos, group: null }];
    const margin = (we - ws) / 2;
    const spans = (pad: number) => sources.map((src) => [lowerBound(src.starts, ws - pad - maxDuration), lowerBound(src.starts, we + pad)] as const);
    let ranges = spans(margin);
    if (ranges.reduce((n, [lo, hi]) => n + hi - lo, 0) > ITEM_THRESHOLD * 3) ranges = spans(0);
    const desired = new Map<string, string>();
    const byId = new Map<string, { spec: TimelineItemSpec; group: string | null }>();
    sources.forEach(({ positions, group }, s) => {
      const [lo, hi] = ranges[s]!;
      for (let k = lo; k < hi; k++) {
        const pos = positions[k]!;
        if (index!.end[pos]! <= ws - margin) continue;
        const spec = specFor(pos);
        const kind = displayKind(spec, msPerPx);
        const id = group === null ? spec.id : `${spec.id}${LANE_ITEM_SEPARATOR}${group}`;
        byId.set(id, { spec, group });
        desired.set(id, `${kind}|${meetingClass(pos, spec, kind)}`);
      }
    });
    const split = (id: string) => {
      const sig = desired.get(id)!;
      const kind = kindOf(sig) as 'point' | 'range';
      return { kind, className: sig.slice(kind.length + 1) };
    };
    applyDiff(
      desired,
      (id) => {
        const { kind, className } = split(id);
        const { spec, group } = byId.get(id)!;
        return meetingItem(spec, className, kind, id, group);
      },
      (id) => ({ id: toVisId(id), className: split(id).className }),
      (old, sig) => kindOf(old) !== kindOf(sig),
    );
  }

  /** Specs worked out to fit a window (labelPx), kept for the drawing that follows it rather than worked out twice. */
  const measured = new Map<string, TimelineItemSpec>();
  const labelPx = (pos: number): number => {
    const id = index!.meetings[pos]!.id;
    let spec = specs.get(id) ?? recent.get(id) ?? measured.get(id);
    if (!spec) measured.set(id, (spec = toTimelineItem(index!, pos)));
    return estimateLabelPx(spec.label);
  };

  function itemIdsOf(meetingId: string): string[] {
    if (!data?.laneKeys) return shown.has(meetingId) ? [meetingId] : [];
    const ids: string[] = [];
    for (const key of data.laneKeys) {
      const id = `${meetingId}${LANE_ITEM_SEPARATOR}${key}`;
      if (shown.has(id)) ids.push(id);
    }
    return ids;
  }

  return {
    setData(next: VisibleMeetings) {
      // Item ids differ with and without lanes: start from an empty DataSet rather than diff across them.
      if (next.index !== index || (next.laneKeys === null) !== (data?.laneKeys == null)) {
        batch(() => items.clear());
        shown.clear();
        specs.clear();
        recent.clear();
        measured.clear();
      }
      data = next;
      ({ index, visible, visStart } = next);
    },
    /** The meeting with the keyboard focus ring (all its items when it sits in several lanes). */
    setFocused(id: string | null) {
      focusedId = id;
    },
    setHighlight(nextSelected: Highlight, nextHovered: Highlight) {
      selected = nextSelected;
      hovered = nextHovered;
    },
    /** Which mode the window [ws, we) needs, without drawing it; null before any data. */
    modeAt(ws: number, we: number): DrawMode | null {
      return data ? plan(ws, we).mode : null;
    },
    /** Draws the window [ws, we); returns the mode used, or null before any data. */
    render(ws: number, we: number): DrawMode | null {
      if (!data) return null;
      const { mode, dense } = plan(ws, we);
      denseLanes = dense;
      // Density is drawn outside vis-timeline (see densityBand), so it needs no items at all.
      if (mode === 'density') applyDiff(new Map(), () => ({}) as TimelineItem, () => ({}));
      else renderItems(ws, we, (we - ws) / (widthPx() || 800), dense);
      measured.clear();
      return mode;
    },
    /** With lanes, which lanes the last render drew as density (null without lanes). */
    denseLanes: (): readonly boolean[] | null => denseLanes,
    /** Estimated label width of the meeting at index position `pos`, without caching its spec. */
    labelPx,
    /**
     * What "fit all" must show: each meeting with its label when few enough to be drawn one by one,
     * else (density bins, no labels) just the overall extent. Needs data.
     */
    fitEntries(): FitEntry[] {
      const n = visible.length;
      if (!n) return [{ start: index!.minTime, end: index!.maxTime, labelPx: 0 }];
      if (n <= ITEM_THRESHOLD) {
        return Array.from(visible, (pos) => ({ start: index!.start[pos]!, end: index!.end[pos]!, labelPx: labelPx(pos) }));
      }
      let last = visStart[0]!;
      for (let k = 0; k < n; k++) last = Math.max(last, index!.end[visible[k]!]!);
      return [{ start: visStart[0]!, end: last, labelPx: 0 }];
    },
    /** Whether the meeting is drawn as an item now (in any lane). */
    has: (meetingId: string) => itemIdsOf(meetingId).length > 0,
    /** The items drawing a meeting: its id, or one id per lane it appears in. */
    itemIdsOf,
    size: () => shown.size,
  };
}
