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

export function searchTerms(q: string): string[] {
  return q.toLowerCase().split(/\s+/).filter(Boolean);
}

/** Marks meetings in any of the given posting lists; null when the facet is unused. */
function facetMask(n: number, keys: readonly string[], lists: (key: string) => Int32Array | undefined): Uint8Array | null {
  if (!keys.length) return null;
  const mask = new Uint8Array(n);
  for (const key of keys) {
    const list = lists(key);
    if (list) for (let i = 0; i < list.length; i++) mask[list[i]!] = 1;
  }
  return mask;
}

/** Each meeting's searchable text (see searchText.ts), by position. */
export type TextOf = (position: number) => string;

/** The search texts of a full index (built from its records); an index without records has none. */
function textsOf(index: QueryIndex): TextOf | null {
  return 'dataset' in index ? (i) => searchTextOf(index as DatasetIndex, i) : null;
}

/**
 * Positions of the meetings that pass every filter, in date order. A search term needs the meetings' texts:
 * a full index has them; an index without records (the query worker's) must be given `textOf`.
 */
export function filterMeetings(index: QueryIndex, f: Filters, textOf: TextOf | null = textsOf(index)): Int32Array {
  const n = index.meetings.length;
  const masks = [
    facetMask(n, f.actors, (id) => {
      const pos = index.actorPos.get(id);
      return pos === undefined ? undefined : index.byActor[pos];
    }),
    facetMask(n, f.countries, (code) => index.byAffiliation.get(code)),
    facetMask(n, f.topics, (id) => index.byTopic.get(id)),
    f.between ? betweenMask(index, f.between) : null,
  ].filter((m): m is Uint8Array => m !== null);
  const from = f.from ? isoToMs(f.from) : -Infinity;
  const to = f.to ? isoToMs(f.to) + DAY_MS : Infinity;
  const terms = searchTerms(f.q);
  const matchers = terms.map(termMatcher);
  if (!masks.length && !terms.length && from === -Infinity && to === Infinity) return index.order.slice();
  if (terms.length && !textOf) throw new Error('searching needs the meetings\' texts, which this index does not hold');
  const out = new Int32Array(n);
  let count = 0;
  const { order, start, end } = index;
  outer: for (let k = 0; k < n; k++) {
    const i = order[k]!;
    for (const mask of masks) if (!mask[i]) continue outer;
    if (end[i]! <= from || start[i]! >= to) continue;
    if (terms.length) {
      const text = textOf!(i);
      for (const matches of matchers) if (!matches(text)) continue outer;
    }
    out[count++] = i;
  }
  return out.slice(0, count);
}

/** Meetings (from `visible`) whose possible dates overlap [fromMs, toMs). */
export function meetingsInWindow(index: QueryIndex, visible: Int32Array, fromMs: number, toMs: number): Int32Array {
  return visible.filter((i) => index.end[i]! > fromMs && index.start[i]! < toMs);
}
