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
