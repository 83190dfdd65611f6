import type { Actor, Country, Dataset, Meeting, Source, Topic } from './schema';
import { DAY_MS, isoToMs } from './dates';

/**
 * The part of an index the data engine's queries read (filter, facet counts, graph, time bins): typed arrays plus
 * each actor's id and affiliation and each meeting's topics. A full `DatasetIndex` is one; the query worker builds
 * one from the packed columns without the records (search texts, which need them, are passed in separately).
 */
export interface QueryIndex {
  readonly meetings: readonly { readonly topics: readonly string[] }[];
  readonly actors: readonly { readonly id: string; readonly affiliation: string }[];
  readonly actorPos: ReadonlyMap<string, number>;
  readonly countryByCode: ReadonlyMap<string, unknown>;
  /** ms since epoch (UTC) of each meeting's earliest day, and of the end of its latest day. */
  readonly start: Float64Array;
  readonly end: Float64Array;
  /** Actor positions taking part in each meeting. */
  readonly participants: readonly Int32Array[];
  /** Meeting positions per actor position, ascending. */
  readonly byActor: readonly Int32Array[];
  readonly byAffiliation: ReadonlyMap<string, Int32Array>;
  readonly byTopic: ReadonlyMap<string, Int32Array>;
  /** Meeting positions sorted by earliest day, then id: the canonical display order. */
  readonly order: Int32Array;
  readonly minTime: number;
  readonly maxTime: number;
}

/**
 * Read-only lookups over a validated dataset, built once. Meetings and actors are addressed by
 * their position in the dataset arrays so filters can work on typed arrays at 100k-meeting scale.
 */
export interface DatasetIndex extends QueryIndex {
  readonly dataset: Dataset;
  readonly meetings: readonly Meeting[];
  readonly actors: readonly Actor[];
  readonly meetingPos: ReadonlyMap<string, number>;
  readonly countryByCode: ReadonlyMap<string, Country>;
  readonly topicById: ReadonlyMap<string, Topic>;
  readonly sourceById: ReadonlyMap<string, Source>;
  /** Each actor's place in name order, when the load worker ranked them (see nameOrder.ts). */
  readonly nameRank?: Int32Array;
}

/** Meeting positions per key, ascending, each meeting once per key. */
function groupPositions(n: number, forEachKey: (i: number, add: (key: string) => void) => void): Map<string, Int32Array> {
  const lists = new Map<string, number[]>();
  let i = 0;
  const add = (key: string) => {
    let list = lists.get(key);
    if (!list) lists.set(key, (list = []));
    if (list[list.length - 1] !== i) list.push(i);
  };
  for (; i < n; i++) forEachKey(i, add);
  return new Map([...lists].map(([k, v]) => [k, Int32Array.from(v)]));
}

export function buildIndex(dataset: Dataset): DatasetIndex {
  const { meetings, actors } = dataset;
  const n = meetings.length;
  const actorPos = new Map(actors.map((a, i) => [a.id, i]));
  const topicById = new Map(dataset.topics.map((t) => [t.id, t]));
  const start = new Float64Array(n);
  const end = new Float64Array(n);
  const participants: Int32Array[] = new Array(n);
  const byActorLists: number[][] = actors.map(() => []);
  for (let i = 0; i < n; i++) {
    const m = meetings[i]!;
    start[i] = isoToMs(m.earliest);
    end[i] = isoToMs(m.latest) + DAY_MS;
    const ps = new Int32Array(m.participants.length);
    for (let j = 0; j < ps.length; j++) {
      const pos = actorPos.get(m.participants[j]!.actorId) ?? -1;
      ps[j] = pos;
      if (pos >= 0) byActorLists[pos]!.push(i);
    }
    participants[i] = ps;
  }
  const byAffiliation = groupPositions(n, (i, add) => {
    for (const a of participants[i]!) if (a >= 0) add(actors[a]!.affiliation);
  });
  const byTopic = groupPositions(n, (i, add) => {
    for (const t of meetings[i]!.topics) add(t);
  });
  const order = displayOrder(meetings, start);
  const { minTime, maxTime } = timeSpan(start, end);
  return {
    dataset,
    meetings,
    actors,
    meetingPos: new Map(meetings.map((m, i) => [m.id, i])),
    actorPos,
    topicById,
    countryByCode: new Map(dataset.countries.map((c) => [c.code, c])),
    sourceById: new Map(dataset.sources.map((s) => [s.id, s])),
    start,
    end,
    participants,
    byActor: byActorLists.map((l) => Int32Array.from(l)),
    byAffiliation,
    byTopic,
    order,
    minTime,
    maxTime,
  };
}

/** Meeting positions sorted by earliest day, then id: the canonical display order (shared with the load engine). */
export function displayOrder(meetings: readonly { id: string }[], start: Float64Array): Int32Array {
  const n = meetings.length;
  // Meetings grouped by day first (a counting sort over the distinct days, found by one native numeric sort), then
  // each day's few by id: an event file has a few hundred days for 200,000 meetings, and one comparator over all of
  // them compared ids for most pairs (half of packing a year of ICEWS).
  const days = Float64Array.from(start).sort();
  let distinct = 0;
  for (let i = 0; i < n; i++) if (i === 0 || days[i] !== days[distinct - 1]) days[distinct++] = days[i]!;
  const dayOf = new Int32Array(n);
  const offsets = new Int32Array(distinct + 1);
  for (let i = 0; i < n; i++) offsets[(dayOf[i] = lowerBound(days, distinct, start[i]!)) + 1]!++;
  for (let d = 0; d < distinct; d++) offsets[d + 1]! += offsets[d]!;
  const order = new Int32Array(n);
  const fill = offsets.slice(0, distinct);
  for (let i = 0; i < n; i++) order[fill[dayOf[i]!]!++] = i;
  const ids = new Array<string>(n);
  for (let i = 0; i < n; i++) ids[i] = meetings[i]!.id;
  const byId = (a: number, b: number) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : a - b);
  for (let d = 0; d < distinct; d++) if (offsets[d + 1]! - offsets[d]! > 1) order.subarray(offsets[d]!, offsets[d + 1]!).sort(byId);
  return order;
}

/** The first index below `length` whose value is not less than `value` (`values` ascending). */
function lowerBound(values: Float64Array, length: number, value: number): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First start and last end over all meetings; an empty dataset gets the year 2000 so the timeline has an axis. */
export function timeSpan(start: Float64Array, end: Float64Array): { minTime: number; maxTime: number } {
  if (!start.length) return { minTime: Date.UTC(2000, 0, 1), maxTime: Date.UTC(2001, 0, 1) };
  let minTime = Infinity;
  let maxTime = -Infinity;
  for (let i = 0; i < start.length; i++) {
    if (start[i]! < minTime) minTime = start[i]!;
    if (end[i]! > maxTime) maxTime = end[i]!;
  }
  return { minTime, maxTime };
}
