import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { countByAffiliation, countByTopic, countryFacetCounts, facetCounters, topicFacetCounts } from '../../src/domain/facetCounts';
import { buildIndex } from '../../src/domain/indexes';
import type { Dataset } from '../../src/domain/schema';
import { generateSynthetic } from '../../scripts/bench/synthetic/generate';
import { EMPTY_FILTERS, filterMeetings, type Filters } from '../../src/domain/filters';
import { smallIndex } from '../fixtures/smallDataset';

const index = smallIndex();

describe('facet counts', () => {
  it('counts each meeting once per affiliation present', () => {
    const counts = countryFacetCounts(index, EMPTY_FILTERS);
    expect(Object.fromEntries(counts)).toEqual({ IRN: 6, SYR: 4, JPN: 1, UN: 1 });
  });

  it('counts topics over all meetings when nothing is filtered', () => {
    expect(Object.fromEntries(topicFacetCounts(index, EMPTY_FILTERS))).toEqual({
      astana: 2,
      'counter-terrorism': 3,
      'constitutional-committee': 1,
      'nuclear-deal': 1,
    });
  });

  it('ignores the facet own selection but applies the other filters', () => {
    const f = { ...EMPTY_FILTERS, countries: ['JPN'], topics: ['counter-terrorism'] };
    // Countries among counter-terrorism meetings (m-khaji-assad-2019, m-zarif-mekdad-2020, m-khaji-assad-2020).
    expect(Object.fromEntries(countryFacetCounts(index, f))).toEqual({ IRN: 3, SYR: 3, JPN: 0, UN: 0 });
    // Topics among meetings with a Japanese participant.
    expect(topicFacetCounts(index, f).get('nuclear-deal')).toBe(1);
    expect(topicFacetCounts(index, f).get('astana')).toBeUndefined();
  });

  it('applies dates and free text', () => {
    const f = { ...EMPTY_FILTERS, from: '2020-01-01', to: '2020-12-31', q: 'khaji' };
    expect(Object.fromEntries(countryFacetCounts(index, f))).toEqual({ IRN: 2, SYR: 1, JPN: 1, UN: 0 });
  });

  it('returns the same map while only the facet own values change', () => {
    const a = countryFacetCounts(index, { ...EMPTY_FILTERS, countries: ['IRN'] });
    const b = countryFacetCounts(index, { ...EMPTY_FILTERS, countries: ['IRN', 'SYR'] });
    expect(b).toBe(a);
  });

  it('counts a meeting whose two participants share an affiliation once', () => {
    const ds = structuredClone(index.dataset);
    ds.actors.find((a) => a.id === 'zarif')!.affiliation = 'SYR';
    const other = smallIndex(ds);
    expect(countByAffiliation(other, Int32Array.from([2])).get('SYR')).toBe(1);
  });

  it('equal a count made meeting by meeting, whether the other filters are clear (kept counts) or not', () => {
    // By hand: the meetings passing every filter but the facet's own, each counted once per affiliation or topic.
    const byHand = (f: Filters) => {
      const countries = new Map<string, number>(index.dataset.countries.map((c) => [c.code, 0]));
      for (const pos of filterMeetings(index, { ...f, countries: [] })) {
        const codes = new Set(index.meetings[pos]!.participants.map((p) => index.actors[index.actorPos.get(p.actorId)!]!.affiliation));
        for (const code of codes) countries.set(code, (countries.get(code) ?? 0) + 1);
      }
      const topics = new Map<string, number>();
      for (const pos of filterMeetings(index, { ...f, topics: [] })) for (const t of new Set(index.meetings[pos]!.topics)) topics.set(t, (topics.get(t) ?? 0) + 1);
      return { countries, topics };
    };
    const counters = facetCounters();
    const pick = <T,>(values: readonly T[]) => fc.subarray([...values], { maxLength: 2 });
    const filters = fc.record({
      countries: pick(index.dataset.countries.map((c) => c.code)),
      topics: pick(index.dataset.topics.map((t) => t.id)),
      actors: pick(index.dataset.actors.map((a) => a.id).slice(0, 4)),
      from: fc.constantFrom(null, '2020-01-01'),
      q: fc.constantFrom('', ' ', 'khaji'),
    });
    fc.assert(
      fc.property(filters, (picked) => {
        const f: Filters = { ...EMPTY_FILTERS, ...picked };
        const expected = byHand(f);
        const countries = new Map([...counters.countries(index, f)].filter(([code]) => expected.countries.has(code)));
        expect(Object.fromEntries(countries)).toEqual(Object.fromEntries(expected.countries));
        expect(Object.fromEntries(counters.topics(index, f))).toEqual(Object.fromEntries(expected.topics));
      }),
      { numRuns: 150 },
    );
  });
});

describe('topic counts of a few meetings', () => {
  it('counted from the records, give the same entries in the same order as the whole-dataset slots', () => {
    const dataset = JSON.parse(generateSynthetic({ meetings: 400, actors: 80, seed: 4 })) as Dataset;
    // A duplicated topic in a meeting counts once.
    dataset.meetings[3]!.topics.push(dataset.meetings[3]!.topics[0] ?? dataset.topics[0]!.id);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 399 }), { maxLength: 40 }), (picked) => {
        const positions = Int32Array.from(picked.sort((a, b) => a - b));
        const fresh = buildIndex(dataset);
        const few = [...countByTopic(fresh, positions)];
        const slotted = buildIndex(dataset);
        countByTopic(slotted, slotted.order);
        expect(few).toEqual([...countByTopic(slotted, positions)]);
      }),
      { numRuns: 40 },
    );
  });
});
