import { filterMeetings, hasActiveFilters, type Filters } from './filters';
import type { QueryIndex } from './indexes';
import { memoizeLast } from './memo';
import { csrOfRows } from './engine/packedIndex';

/**
 * Facet counts "among meetings matching the other filters": the number next to a country is how many
 * meetings you would see if that country were (also) ticked, given every other active filter.
 * Leaving the facet's own selection out keeps ticked values from zeroing their siblings.
 */
const affiliationSlots = new WeakMap<QueryIndex, { codes: string[]; slotOfActor: Int32Array }>();

/** Affiliation of each actor as a small integer, so counting needs no string hashing per meeting. */
function slotsFor(index: QueryIndex) {
  let slots = affiliationSlots.get(index);
  if (!slots) {
    const codes: string[] = [];
    const slotOfCode = new Map<string, number>();
    const slotOfActor = new Int32Array(index.actors.length);
    index.actors.forEach((a, i) => {
      let slot = slotOfCode.get(a.affiliation);
      if (slot === undefined) slotOfCode.set(a.affiliation, (slot = codes.push(a.affiliation) - 1));
      slotOfActor[i] = slot;
    });
    affiliationSlots.set(index, (slots = { codes, slotOfActor }));
  }
  return slots;
}

/** Meetings per affiliation among `positions`; a meeting counts once per affiliation however many of its people share it. */
export function countByAffiliation(index: QueryIndex, positions: Int32Array): Map<string, number> {
  const { codes, slotOfActor } = slotsFor(index);
  const counts = new Uint32Array(codes.length);
  const lastSeen = new Int32Array(codes.length).fill(-1);
  const { offsets, values } = csrOfRows(index.participants);
  for (let k = 0; k < positions.length; k++) {
    const i = positions[k]!;
    for (let j = offsets[i]!, end = offsets[i + 1]!; j < end; j++) {
      const a = values[j]!;
      if (a < 0) continue;
      const slot = slotOfActor[a]!;
      if (lastSeen[slot] !== i) {
        lastSeen[slot] = i;
        counts[slot]!++;
      }
    }
  }
  return new Map(codes.map((code, s) => [code, counts[s]!]));
}

const topicSlots = new WeakMap<QueryIndex, { ids: string[]; offsets: Int32Array; slots: Int32Array }>();

/** countByTopic for a few meetings; topics in the same order (by-topic keys are in first-seen order, as slot ids are). */
function countFew(index: QueryIndex, positions: Int32Array): Map<string, number> {
  const counts = new Map<string, number>();
  for (let k = 0; k < positions.length; k++) {
    const topics = index.meetings[positions[k]!]!.topics;
    for (let j = 0; j < topics.length; j++) {
      const t = topics[j]!;
      if (topics.indexOf(t) === j) counts.set(t, (counts.get(t) ?? 0) + 1);
    }
  }
  const out = new Map<string, number>();
  if (counts.size) for (const id of index.byTopic.keys()) if (counts.has(id)) out.set(id, counts.get(id)!);
  return out;
}

/** Each meeting's topics as small integers in one flat array (meeting i owns slots[offsets[i]..offsets[i+1]]). */
function topicSlotsFor(index: QueryIndex) {
  let found = topicSlots.get(index);
  if (!found) {
    const ids: string[] = [];
    const slotOf = new Map<string, number>();
    const offsets = new Int32Array(index.meetings.length + 1);
    const flat: number[] = [];
    index.meetings.forEach((m, i) => {
      for (const t of m.topics) {
        let slot = slotOf.get(t);
        if (slot === undefined) slotOf.set(t, (slot = ids.push(t) - 1));
        flat.push(slot);
      }
      offsets[i + 1] = flat.length;
    });
    topicSlots.set(index, (found = { ids, offsets, slots: Int32Array.from(flat) }));
  }
  return found;
}

/** Meetings per topic among `positions`; a topic listed twice in a meeting counts once. */
export function countByTopic(index: QueryIndex, positions: Int32Array): Map<string, number> {
  // A few meetings (an actor's, in the details) are counted from their records: the first count would otherwise
  // build the slots of every meeting, a walk of the whole dataset (14 ms at 20k, 89 ms at 250k) for a short list.
  if (!topicSlots.has(index) && positions.length * 8 < index.meetings.length) return countFew(index, positions);
  const { ids, offsets, slots } = topicSlotsFor(index);
  const counts = new Uint32Array(ids.length);
  const lastSeen = new Int32Array(ids.length).fill(-1);
  for (let k = 0; k < positions.length; k++) {
    const i = positions[k]!;
    for (let j = offsets[i]!; j < offsets[i + 1]!; j++) {
      const slot = slots[j]!;
      if (lastSeen[slot] !== i) {
        lastSeen[slot] = i;
        counts[slot]!++;
      }
    }
  }
  const out = new Map<string, number>();
  ids.forEach((id, s) => counts[s] && out.set(id, counts[s]!));
  return out;
}

/**
 * Counts over every meeting, kept per index: where the other filters are all clear (the opening counts, and every
 * step that clears the last of them) a facet's counts are the dataset's own, which at 250,000 meetings took ~100 ms
 * to count again each time.
 */
function wholeCount<T>(cache: WeakMap<QueryIndex, T>, index: QueryIndex, count: (index: QueryIndex, positions: Int32Array) => T): T {
  let counts = cache.get(index);
  if (counts === undefined) cache.set(index, (counts = count(index, index.order)));
  return counts;
}
const wholeCountries = new WeakMap<QueryIndex, Map<string, number>>();
const wholeTopics = new WeakMap<QueryIndex, Map<string, number>>();

// Each facet depends on the other facets' values only; filters keep unchanged arrays by reference,
// so memoizing on the individual fields skips the work when only this facet's own ticks change.
/**
 * Counts per facet, each memoized on the fields it depends on (one memo per caller: the page and each engine).
 * `filter` gives the meetings passing some filters (the query engine answers a search from its texts, see query.ts).
 */
export function facetCounters(filter: (index: QueryIndex, f: Filters) => Int32Array = (index, f) => filterMeetings(index, f)) {
  const countries = memoizeLast(
    (index: QueryIndex, actors: Filters['actors'], topics: Filters['topics'], from: string | null, to: string | null, q: string, between: Filters['between']) => {
      const others: Filters = { actors, topics, countries: [], from, to, q, between };
      return hasActiveFilters(others) ? countByAffiliation(index, filter(index, others)) : wholeCount(wholeCountries, index, countByAffiliation);
    },
  );
  const topics = memoizeLast(
    (index: QueryIndex, actors: Filters['actors'], countries: Filters['countries'], from: string | null, to: string | null, q: string, between: Filters['between']) => {
      const others: Filters = { actors, countries, topics: [], from, to, q, between };
      return hasActiveFilters(others) ? countByTopic(index, filter(index, others)) : wholeCount(wholeTopics, index, countByTopic);
    },
  );
  return {
    countries: (index: QueryIndex, f: Filters): ReadonlyMap<string, number> => countries(index, f.actors, f.topics, f.from, f.to, f.q, f.between),
    topics: (index: QueryIndex, f: Filters): ReadonlyMap<string, number> => topics(index, f.actors, f.countries, f.from, f.to, f.q, f.between),
  };
}

const pageCounters = facetCounters();

export function countryFacetCounts(index: QueryIndex, f: Filters): ReadonlyMap<string, number> {
  return pageCounters.countries(index, f);
}

export function topicFacetCounts(index: QueryIndex, f: Filters): ReadonlyMap<string, number> {
  return pageCounters.topics(index, f);
}
