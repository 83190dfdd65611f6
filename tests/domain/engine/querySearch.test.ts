import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildIndex, type DatasetIndex } from '../../../src/domain/indexes';
import { EMPTY_FILTERS, filterMeetings, type Filters } from '../../../src/domain/filters';
import { countryFacetCounts, topicFacetCounts } from '../../../src/domain/facetCounts';
import { searchTextOf } from '../../../src/domain/searchText';
import { QueryEngine } from '../../../src/domain/engine/query';
import { columnsOf, queryIndexOf } from '../../../src/domain/engine/queryColumns';
import type { Dataset } from '../../../src/domain/schema';
import { generateSynthetic } from '../../../scripts/bench/synthetic/generate';

const index = buildIndex(JSON.parse(generateSynthetic({ meetings: 3000, actors: 300, seed: 5 })) as Dataset);

/** The worker's engine over copies of the columns, counting the texts it reads. */
function countingEngine(of: DatasetIndex) {
  const read = { texts: 0 };
  const engine = new QueryEngine(queryIndexOf(structuredClone(columnsOf(of))), (i) => {
    read.texts++;
    return searchTextOf(of, i);
  });
  return { engine, read };
}

/** An actor with few meetings (under 1 in 8), and a word from one of its meetings' summaries. */
const quiet = [...index.actorPos.keys()].find((id) => {
  const n = index.byActor[index.actorPos.get(id)!]!.length;
  return n > 5 && n * 20 < index.meetings.length;
})!;
const quietMeetings = index.byActor[index.actorPos.get(quiet)!]!;
const word = index.meetings[quietMeetings[0]!]!.summary.toLowerCase().split(/\s+/).find((w) => w.length > 4)!;
const allMatches = (q: string) => Array.from(filterMeetings(index, { ...EMPTY_FILTERS, q }));

describe('a search in the query engine', () => {
  it('among the few meetings the other filters leave reads only their texts, and answers as the pure functions do', () => {
    const { engine, read } = countingEngine(index);
    const f: Filters = { ...EMPTY_FILTERS, actors: [quiet], q: word };
    expect(Array.from(engine.filter(f).positions)).toEqual(Array.from(filterMeetings(index, f)));
    expect(read.texts).toBe(quietMeetings.length);
    const counts = engine.facetCounts(f);
    expect([...counts.countries]).toEqual([...countryFacetCounts(index, f)]);
    expect([...counts.topics]).toEqual([...topicFacetCounts(index, f)]);
  });

  it('tells the page whether it answered within the filters or for the whole dataset', () => {
    const { engine, read } = countingEngine(index);
    const narrow: Filters = { ...EMPTY_FILTERS, actors: [quiet], q: word };
    const within = engine.search(narrow);
    expect(within.within).toBe(true);
    expect(Array.from(within.positions)).toEqual(Array.from(filterMeetings(index, narrow)));
    expect(read.texts).toBeLessThan(index.meetings.length / 8);

    // Without narrowing filters every text is read once; from then on the page is given every match.
    const wide = engine.search({ ...EMPTY_FILTERS, q: word });
    expect(wide.within).toBe(false);
    expect(Array.from(wide.positions)).toEqual(allMatches(word));
    const before = read.texts;
    const again = engine.search(narrow);
    expect(again.within).toBe(false);
    expect(Array.from(again.positions)).toEqual(allMatches(word));
    expect(Array.from(engine.filter(narrow).positions)).toEqual(Array.from(filterMeetings(index, narrow)));
    expect(read.texts).toBe(before);
  });

  it('answers as the pure functions do for any filters, whether or not it has read every text before', () => {
    const actorIds = [...index.actorPos.keys()];
    const busiestFirst = [...actorIds].sort((a, b) => index.byActor[index.actorPos.get(b)!]!.length - index.byActor[index.actorPos.get(a)!]!.length);
    const words = index.meetings.slice(0, 30).flatMap((m) => m.summary.toLowerCase().split(/\s+/).slice(0, 4));
    fc.assert(
      fc.property(
        fc.record({
          actors: fc.subarray([...busiestFirst.slice(0, 3), ...busiestFirst.slice(-40)], { maxLength: 2 }),
          countries: fc.subarray([...index.byAffiliation.keys()], { maxLength: 2 }),
          from: fc.constantFrom(null, '2012-01-01', '2019-06-30'),
          q: fc.constantFrom(...words, `${word} meeting`),
        }),
        fc.boolean(),
        (r, warm) => {
          const f: Filters = { ...EMPTY_FILTERS, ...r };
          const { engine } = countingEngine(index);
          if (warm) engine.filter({ ...EMPTY_FILTERS, q: f.q });
          const expected = Array.from(filterMeetings(index, f));
          expect(Array.from(engine.filter(f).positions)).toEqual(expected);
          expect([...engine.facetCounts(f).countries]).toEqual([...countryFacetCounts(index, f)]);
          expect([...engine.facetCounts(f).topics]).toEqual([...topicFacetCounts(index, f)]);
          const answer = engine.search(f);
          expect(Array.from(answer.positions)).toEqual(answer.within ? expected : allMatches(f.q));
          if (warm) expect(answer.within).toBe(false);
        },
      ),
      { numRuns: 60 },
    );
  });
});
