import type { DatasetIndex, QueryIndex } from './indexes';
import { DAY_MS, isoToMs } from './dates';
import { searchTextOf, termMatcher } from './searchText';
import { betweenMask, type BetweenSides } from './between';

/**
 * What the user narrowed the dataset to. Within a facet values are OR-ed; facets are AND-ed; a
 * `between` pair needs both sides present in the same meeting.
 */
export interface Filters {
  actors: readonly string[];
  countries: readonly string[];
  topics: readonly string[];
  /** Inclusive ISO days; a meeting matches when its possible dates overlap the range. */
  from: string | null;
  to: string | null;
  q: string;
  /** Only meetings between these two sides (see between.ts), or null. */
  between: BetweenSides | null;
}

export const EMPTY_FILTERS: Filters = Object.freeze({ actors: [], countries: [], topics: [], from: null, to: null, q: '', between: null });

export function hasActiveFilters(f: Filters): boolean {
  return f.actors.length > 0 || f.countries.length > 0 || f.topics.length > 0 || f.from !== null || f.to !== null || f.q.trim() !== '' || f.between !== null;
}

/**
 * Whether every meeting passing `inner` also passes `outer`, judged from the filters alone (the search aside): each
 * facet of `outer` is unused or holds every value `inner` chose (and `inner` chose some), the dates lie within
 * `outer`'s, and the pair is `outer`'s or `outer` has none. A search answered within `outer` then answers `inner` too.
 */
export function narrows(outer: Filters, inner: Filters): boolean {
  const within = (o: readonly string[], i: readonly string[]) => o.length === 0 || (i.length > 0 && i.every((v) => o.includes(v)));
  const samePair = (a: Filters['between'], b: Filters['between']) => a === null || (b !== null && a[0] === b[0] && a[1] === b[1]);
  return (
    within(outer.actors, inner.actors) &&
    within(outer.countries, inner.countries) &&
    within(outer.topics, inner.topics) &&
    (outer.from === null || (inner.from !== null && inner.from >= outer.from)) &&
    (outer.to === null || (inner.to !== null && inner.to <= outer.to)) &&
    samePair(outer.between, inner.between)
  );
}

export function searchTerms(q: string): string[] {
  return q.toLowerCase().split(/\s+/).filter(Boolean);
}

/** Each meeting's searchable text (see searchText.ts), by position. */
export type TextOf = (position: number) => string;

/** The search texts of a full index (built from its records); an index without records has none. */
function textsOf(index: QueryIndex): TextOf | null {
  return 'dataset' in index ? (i) => searchTextOf(index as DatasetIndex, i) : null;
}

/**
 * Positions of the meetings that pass every filter, in date order. A search term needs the meetings' texts:
 * a full index has them; an index without records (the query worker's) must be given `textOf`. Or the search was
 * answered elsewhere (the query worker holds the texts of large datasets): `searchHits` marks with 1 the position of
 * every meeting matching `f.q`, and no text is read.
 */
export function filterMeetings(index: QueryIndex, f: Filters, textOf: TextOf | null = textsOf(index), searchHits: Uint8Array | null = null): Int32Array {
  const n = index.meetings.length;
  const facets = [
    facetLists(f.actors, (id) => {
      const pos = index.actorPos.get(id);
      return pos === undefined ? undefined : index.byActor[pos];
    }),
    facetLists(f.countries, (code) => index.byAffiliation.get(code)),
    facetLists(f.topics, (id) => index.byTopic.get(id)),
  ].filter((lists): lists is Int32Array[] => lists !== null);
  const from = f.from ? isoToMs(f.from) : -Infinity;
  const to = f.to ? isoToMs(f.to) + DAY_MS : Infinity;
  const terms = searchTerms(f.q);
  const matchers = terms.map(termMatcher);
  if (!facets.length && !f.between && !terms.length && from === -Infinity && to === Infinity) return index.order.slice();
  // The facet with the fewest meetings drives the pass when it holds few enough: its meetings, in date order, are the
  // only candidates (an actor's 1,117 of 250,000 meetings instead of a pass over all of them and a mask per facet).
  const sizes = facets.map((lists) => lists.reduce((sum, list) => sum + list.length, 0));
  const smallest = sizes.length ? sizes.indexOf(Math.min(...sizes)) : -1;
  const driver = smallest >= 0 && sizes[smallest]! * DRIVER_SHARE < n ? facets[smallest]! : null;
  const masks = facets.filter((lists) => lists !== driver).map((lists) => facetMask(n, lists));
  if (f.between) masks.push(betweenMask(index, f.between));
  if (searchHits && terms.length) masks.push(searchHits);
  const readTexts = terms.length > 0 && !searchHits;
  if (readTexts && !textOf) throw new Error('searching needs the meetings\' texts, which this index does not hold');
  const candidates = driver ? inDisplayOrder(index, driver) : index.order;
  const out = new Int32Array(candidates.length);
  const passed = keepPassing(candidates, masks, index.start, index.end, from, to, out);
  const count = readTexts ? keepMatching(out, passed, matchers, textOf!) : passed;
  return out.slice(0, count);
}

/*
 * The passes of filterMeetings, each a function of its own with nothing after its loop: filterMeetings runs once per
 * step over up to every meeting, so Chrome and Node compile it while its loop runs (on-stack replacement) and throw
 * that code away at the first line after the loop, or when a step takes the other branch (a country of 1 in 7 after
 * one of 1 in 16: 16 ms instead of 2.4 in Node at 250k). Written as one loop each, they stay compiled.
 */

/** Writes to `out` the candidates in every mask and within [from, to); returns how many. */
function keepPassing(candidates: Int32Array, masks: readonly Uint8Array[], start: Float64Array, end: Float64Array, from: number, to: number, out: Int32Array): number {
  const m = masks.length;
  let count = 0;
  outer: for (let k = 0; k < candidates.length; k++) {
    const i = candidates[k]!;
    for (let j = 0; j < m; j++) if (!masks[j]![i]) continue outer;
    if (end[i]! <= from || start[i]! >= to) continue;
    out[count++] = i;
  }
  return count;
}

/** Keeps, in place and in order, the first `count` meetings of `out` whose texts match every term; returns how many. */
function keepMatching(out: Int32Array, count: number, matchers: readonly ((text: string) => boolean)[], textOf: TextOf): number {
  let kept = 0;
  outer: for (let k = 0; k < count; k++) {
    const text = textOf(out[k]!);
    for (const matches of matchers) if (!matches(text)) continue outer;
    out[kept++] = out[k]!;
  }
  return kept;
}

/**
 * The meetings among `positions` (kept in their order) whose texts hold every term of `q`. A search within a view
 * the other filters have narrowed reads those meetings' texts only, not every meeting's.
 */
export function searchAmong(positions: Int32Array, q: string, textOf: TextOf): Int32Array {
  const matchers = searchTerms(q).map(termMatcher);
  const out = new Int32Array(positions.length);
  let count = 0;
  outer: for (let k = 0; k < positions.length; k++) {
    const text = textOf(positions[k]!);
    for (const matches of matchers) if (!matches(text)) continue outer;
    out[count++] = positions[k]!;
  }
  return out.slice(0, count);
}

/** A facet drives the pass when its meetings are fewer than 1 in this many (otherwise a pass over all is as quick). */
const DRIVER_SHARE = 8;

/** The posting lists of a facet's chosen values; null when the facet is unused. */
function facetLists(keys: readonly string[], lists: (key: string) => Int32Array | undefined): Int32Array[] | null {
  if (!keys.length) return null;
  const out: Int32Array[] = [];
  for (const key of keys) {
    const list = lists(key);
    if (list) out.push(list);
  }
  return out;
}

/** Marks meetings in any of the given posting lists. */
function facetMask(n: number, lists: readonly Int32Array[]): Uint8Array {
  const mask = new Uint8Array(n);
  for (const list of lists) for (let i = 0; i < list.length; i++) mask[list[i]!] = 1;
  return mask;
}

const displayRanks = new WeakMap<QueryIndex, Int32Array>();
/** Each meeting's place in the display order (`order`), made once per index. */
function displayRank(index: QueryIndex): Int32Array {
  let rank = displayRanks.get(index);
  if (!rank) {
    rank = new Int32Array(index.order.length);
    for (let k = 0; k < index.order.length; k++) rank[index.order[k]!] = k;
    displayRanks.set(index, rank);
  }
  return rank;
}

/** The meetings of the given posting lists, each once, in display order (a numeric sort of their ranks). */
function inDisplayOrder(index: QueryIndex, lists: readonly Int32Array[]): Int32Array {
  const rank = displayRank(index);
  let total = 0;
  for (const list of lists) total += list.length;
  const ranks = new Int32Array(total);
  let at = 0;
  for (const list of lists) for (let i = 0; i < list.length; i++) ranks[at++] = rank[list[i]!]!;
  ranks.sort();
  const out = new Int32Array(total);
  let count = 0;
  for (let k = 0; k < total; k++) if (k === 0 || ranks[k] !== ranks[k - 1]) out[count++] = index.order[ranks[k]!]!;
  return out.subarray(0, count);
}

const longestSpans = new WeakMap<QueryIndex, number>();

/** The longest possible span of any meeting (end − start), kept per index. */
function longestSpan(index: QueryIndex): number {
  let longest = longestSpans.get(index);
  if (longest === undefined) {
    longest = 0;
    for (let i = 0; i < index.start.length; i++) longest = Math.max(longest, index.end[i]! - index.start[i]!);
    longestSpans.set(index, longest);
  }
  return longest;
}

/** First k in `visible` (in display order, so by start) whose meeting starts at or after `ms`. */
function firstStartingFrom(index: QueryIndex, visible: Int32Array, ms: number): number {
  let lo = 0;
  let hi = visible.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (index.start[visible[mid]!]! < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Meetings (from `visible`, in display order as filterMeetings gives them) whose possible dates overlap [fromMs, toMs).
 * Only the meetings starting from one longest span before the window to its end are looked at: a playback step over
 * 250,000 meetings reads its window's few thousand, not all of them.
 */
export function meetingsInWindow(index: QueryIndex, visible: Int32Array, fromMs: number, toMs: number): Int32Array {
  const lo = firstStartingFrom(index, visible, fromMs - longestSpan(index));
  const hi = firstStartingFrom(index, visible, toMs);
  const out = new Int32Array(Math.max(0, hi - lo));
  let count = 0;
  for (let k = lo; k < hi; k++) {
    const i = visible[k]!;
    if (index.end[i]! > fromMs) out[count++] = i;
  }
  return count === out.length ? out : out.slice(0, count);
}
