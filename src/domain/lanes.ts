import type { DatasetIndex } from './indexes';

/**
 * Timeline lanes: one lane per country/organisation or per actor, a meeting listed in the lane of each
 * participant's group (so a meeting between Iran and the UN appears in both lanes). Lanes are ordered
 * by how many of the given meetings they hold (then by label); past `maxLanes` the rest share one
 * "N more" lane, which holds each of their meetings once.
 */
export type LaneMode = 'country' | 'actor';

export const LANE_MODES: readonly LaneMode[] = ['country', 'actor'];

export interface Lane {
  /** Stable id: the country code or actor id, or MORE_LANE. */
  key: string;
  label: string;
  /** Meetings drawn in this lane. */
  count: number;
  /** Keys and names of the groups folded into the "more" lane (empty for ordinary lanes). */
  folded: readonly string[];
  foldedLabels: readonly string[];
}

export const MORE_LANE = '__more';
export const DEFAULT_MAX_LANES = 12;

export interface LaneAssignment {
  lanes: Lane[];
  /** One entry per (meeting, lane), ordered by meeting start (the order of `visible`), then lane order. */
  entryPos: Int32Array;
  entryLane: Int32Array;
}

function groupKeys(index: DatasetIndex, pos: number, mode: LaneMode, out: string[]): string[] {
  out.length = 0;
  for (const a of index.participants[pos]!) {
    if (a < 0) continue;
    const actor = index.actors[a]!;
    const key = mode === 'actor' ? actor.id : actor.affiliation;
    if (!out.includes(key)) out.push(key);
  }
  return out;
}

function groupLabel(index: DatasetIndex, mode: LaneMode, key: string): string {
  if (mode === 'actor') return index.actors[index.actorPos.get(key)!]?.name ?? key;
  return index.countryByCode.get(key)?.name ?? key;
}

/** `visible`: meeting positions in date order (as filterMeetings returns them). */
export function assignLanes(index: DatasetIndex, visible: Int32Array, mode: LaneMode, maxLanes = DEFAULT_MAX_LANES): LaneAssignment {
  if (maxLanes < 1) throw new RangeError(`maxLanes must be at least 1, got ${maxLanes}`);
  const counts = new Map<string, number>();
  const keys: string[] = [];
  for (let k = 0; k < visible.length; k++) {
    for (const key of groupKeys(index, visible[k]!, mode, keys)) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const ranked = [...counts].map(([key, count]) => ({ key, count, label: groupLabel(index, mode, key) }));
  ranked.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'en') || (a.key < b.key ? -1 : 1));
  // A "1 more" lane would take the room of the lane it replaces: show that lane instead.
  const shown = ranked.length <= maxLanes + 1 ? ranked : ranked.slice(0, maxLanes);
  const folded = ranked.slice(shown.length);
  const laneOf = new Map<string, number>(shown.map((g, i) => [g.key, i]));
  const lanes: Lane[] = shown.map((g) => ({ key: g.key, label: g.label, count: g.count, folded: [], foldedLabels: [] }));
  const moreLane = folded.length ? lanes.length : -1;
  if (folded.length) lanes.push({ key: MORE_LANE, label: `${folded.length} more`, count: 0, folded: folded.map((g) => g.key), foldedLabels: folded.map((g) => g.label) });

  const entryPos: number[] = [];
  const entryLane: number[] = [];
  const laneIds: number[] = [];
  for (let k = 0; k < visible.length; k++) {
    const pos = visible[k]!;
    laneIds.length = 0;
    let inMore = false;
    for (const key of groupKeys(index, pos, mode, keys)) {
      const lane = laneOf.get(key);
      if (lane !== undefined) laneIds.push(lane);
      else inMore = true;
    }
    if (inMore) {
      laneIds.push(moreLane);
      lanes[moreLane]!.count++;
    }
    laneIds.sort((a, b) => a - b);
    for (const lane of laneIds) {
      entryPos.push(pos);
      entryLane.push(lane);
    }
  }
  return { lanes, entryPos: Int32Array.from(entryPos), entryLane: Int32Array.from(entryLane) };
}

/**
 * Each lane's entries on its own, for drawing lanes one by one: `starts[l]` the start times (ascending,
 * ready for binary search) and `positions[l]` the meeting positions of lane l's entries, in the same order.
 * `entryStart[e]` is the start of entry e (entries are in start order, so each lane's list stays sorted).
 */
export interface LaneEntries {
  starts: Float64Array[];
  positions: Int32Array[];
}

export function splitByLane(entryPos: Int32Array, entryLane: Int32Array, entryStart: Float64Array, laneCount: number): LaneEntries {
  const sizes = new Int32Array(laneCount);
  for (let e = 0; e < entryLane.length; e++) sizes[entryLane[e]!]!++;
  const starts = Array.from(sizes, (n) => new Float64Array(n));
  const positions = Array.from(sizes, (n) => new Int32Array(n));
  const fill = new Int32Array(laneCount);
  for (let e = 0; e < entryLane.length; e++) {
    const l = entryLane[e]!;
    const k = fill[l]!++;
    starts[l]![k] = entryStart[e]!;
    positions[l]![k] = entryPos[e]!;
  }
  return { starts, positions };
}

/**
 * Which lanes to draw as density bars rather than items, given how many meetings each lane holds in the
 * window: the fullest lanes first (ties: the earlier lane) until what is left fits `budget` items in all.
 * So one crowded lane turns into bars while the quieter lanes keep their meetings as items.
 */
export function chooseDenseLanes(counts: ArrayLike<number>, budget: number): boolean[] {
  const dense = Array.from({ length: counts.length }, () => false);
  let total = 0;
  for (let l = 0; l < counts.length; l++) total += counts[l]!;
  if (total <= budget) return dense;
  const order = Array.from(dense, (_, l) => l).sort((a, b) => counts[b]! - counts[a]! || a - b);
  for (const l of order) {
    if (total <= budget) break;
    dense[l] = true;
    total -= counts[l]!;
  }
  return dense;
}
