import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildIndex, type DatasetIndex } from '../../../src/domain/indexes';
import { EMPTY_FILTERS, filterMeetings, meetingsInWindow, type Filters } from '../../../src/domain/filters';
import { countryFacetCounts, topicFacetCounts } from '../../../src/domain/facetCounts';
import { expectedGraphAnswer } from './expectedGraph';
import { columnsOf } from '../../../src/domain/engine/queryColumns';
import { workerDataSource } from '../../../src/domain/engine/queryClient';
import { fakeWorker } from './fakeQueryWorker';
import { parseDatasetText } from '../../../src/domain/validate';
import type { Dataset } from '../../../src/domain/schema';
import { generateSynthetic } from '../../../scripts/bench/synthetic/generate';

const bundled = (): Dataset => {
  const result = parseDatasetText(readFileSync('public/data/meetings.json', 'utf8'));
  if (!result.ok) throw new Error('the bundled dataset is not valid');
  return result.dataset;
};

const pureAnswers = (index: DatasetIndex, f: Filters) => {
  const visible = filterMeetings(index, f);
  const span = index.maxTime - index.minTime;
  const window = { fromMs: index.minTime + span / 4, toMs: index.maxTime - span / 4 };
  const windowed = meetingsInWindow(index, visible, window.fromMs, window.toMs);
  return { visible, window, windowed };
};

describe('the query worker answers across the message boundary as the pure functions do', () => {
  for (const [name, dataset] of [['bundled', bundled()], ['generated (3,000 meetings, 700 actors)', JSON.parse(generateSynthetic({ meetings: 3000, actors: 700, seed: 5 })) as Dataset]] as const) {
    it(`on the ${name} dataset`, async () => {
      const index = buildIndex(dataset);
      const worker = fakeWorker();
      const source = workerDataSource(worker.port, columnsOf(index));
      expect((await source.ready).columnBytes).toBeGreaterThan(index.meetings.length * 8);
      const countries = [...index.byAffiliation.keys()];
      const topics = [...index.byTopic.keys()];
      await fc.assert(
        fc.asyncProperty(fc.subarray(countries, { maxLength: 2 }), fc.subarray(topics, { maxLength: 2 }), fc.constantFrom(null, 'meetings' as const, 'degree' as const), async (c, t, measure) => {
          const f: Filters = { ...EMPTY_FILTERS, countries: c, topics: t };
          const expected = pureAnswers(index, f);
          const focus = index.actors.slice(0, 2).map((a) => a.id);
          const [filtered, counts, graph] = await Promise.all([source.filter(f), source.facetCounts(f), source.graph({ filters: f, window: expected.window, focus, measure })]);
          expect(Array.from(filtered!.positions)).toEqual(Array.from(expected.visible));
          expect([...counts!.countries]).toEqual([...countryFacetCounts(index, f)]);
          expect([...counts!.topics]).toEqual([...topicFacetCounts(index, f)]);
          expect(graph).toEqual(expectedGraphAnswer(index, expected.windowed, { focus, measure }));
        }),
        { numRuns: 15, endOnFailure: true },
      );
      source.dispose();
      expect(worker.isTerminated()).toBe(true);
    });
  }
});

describe('no stale answer is ever delivered', () => {
  const index = buildIndex(bundled());
  const iran = { ...EMPTY_FILTERS, topics: ['nuclear-deal'] };
  const syria = { ...EMPTY_FILTERS, countries: ['SYR'] };

  it('questions overtaken before the worker reached them are not computed, and resolve to null', async () => {
    const worker = fakeWorker();
    const source = workerDataSource(worker.port, columnsOf(index));
    const first = source.facetCounts(iran);
    const second = source.facetCounts({ ...iran, from: '2019-01-01' });
    const last = source.facetCounts(syria);
    expect(await first).toBeNull();
    expect(await second).toBeNull();
    expect([...(await last)!.countries]).toEqual([...countryFacetCounts(index, syria)]);
    expect(worker.computed).toEqual([worker.asked.at(-1)]);
  });

  it('an answer computed for an older question but arriving after a newer one was asked is dropped', async () => {
    const worker = fakeWorker();
    const source = workerDataSource(worker.port, columnsOf(index));
    await source.ready;
    worker.hold();
    const old = source.filter(iran);
    // Let the worker compute the old answer (held back on its way to the page).
    await new Promise((r) => setTimeout(r, 20));
    expect(worker.computed).toHaveLength(1);
    const fresh = source.filter(syria);
    worker.release();
    expect(await old).toBeNull();
    expect(Array.from((await fresh)!.positions)).toEqual(Array.from(filterMeetings(index, syria)));
  });

  it('a graph asked together with facet counts is computed first, and both are answered', async () => {
    const worker = fakeWorker();
    const source = workerDataSource(worker.port, columnsOf(index));
    await source.ready;
    const counts = source.facetCounts(syria);
    const graph = source.graph({ filters: syria, window: null, focus: [] });
    const [c, g] = await Promise.all([counts, graph]);
    expect([...c!.countries]).toEqual([...countryFacetCounts(index, syria)]);
    expect(g!.meetingCount).toBe(filterMeetings(index, syria).length);
    expect(worker.computed).toEqual([worker.asked.at(-1), worker.asked.at(-2)]);
  });

  it('the same graph question asked twice is sent once and both askers get its answer; an equal copy is asked anew', async () => {
    const worker = fakeWorker();
    const source = workerDataSource(worker.port, columnsOf(index));
    await source.ready;
    const question = { filters: syria, window: null, focus: [] };
    const early = source.graph(question);
    expect(source.hasGraphAnswer(question)).toBe(false);
    const again = source.graph(question);
    expect(again).toBe(early);
    const answer = await again;
    expect(answer!.meetingCount).toBe(filterMeetings(index, syria).length);
    expect(worker.asked).toHaveLength(1);
    // Whoever asks now gets an answer that has arrived (the network view draws such an answer in a task of its own).
    expect(source.hasGraphAnswer(question)).toBe(true);
    // Asked with another object, the client cannot know it is the same question: it asks (and the first stays answered).
    const copy = { ...question };
    expect(source.hasGraphAnswer(copy)).toBe(false);
    expect((await source.graph(copy))!.meetingCount).toBe(answer!.meetingCount);
    expect(worker.asked).toHaveLength(2);
    expect(source.hasGraphAnswer(question)).toBe(false);
  });

  it('a graph asked ahead is answered once: the question asked later with equal content takes it, the one shown stays shared', async () => {
    const worker = fakeWorker();
    const source = workerDataSource(worker.port, columnsOf(index));
    await source.ready;
    const shown = { filters: iran, window: null, focus: [] };
    const shownAnswer = await source.graph(shown);
    source.prefetchGraph({ filters: syria, window: null, focus: [] });
    // Asked again meanwhile (every store change asks the question shown): shared, not sent, not displacing the one ahead.
    expect(await source.graph(shown)).toBe(shownAnswer);
    source.prefetchGraph({ filters: syria, window: null, focus: [] });
    expect(worker.asked).toHaveLength(2);
    const later = { filters: { ...syria }, window: null, focus: [] };
    const answer = await source.graph(later);
    expect(worker.asked).toHaveLength(2);
    expect(answer!.meetingCount).toBe(filterMeetings(index, syria).length);
    expect(source.hasGraphAnswer(later)).toBe(true);
    // A question that differs from the one ahead is asked, and the one ahead is gone.
    source.prefetchGraph({ filters: iran, window: null, focus: ['khaji'] });
    const other = await source.graph({ filters: iran, window: null, focus: [] });
    expect(other!.meetingCount).toBe(filterMeetings(index, iran).length);
    expect(worker.asked).toHaveLength(4);
    await source.graph({ filters: iran, window: null, focus: ['khaji'] });
    expect(worker.asked).toHaveLength(5);
  });

  it('a disposed source resolves what was pending to null and stops the worker', async () => {
    const worker = fakeWorker();
    const source = workerDataSource(worker.port, columnsOf(index));
    worker.hold();
    const pending = source.graph({ filters: iran, window: null, focus: [] });
    source.dispose();
    expect(await pending).toBeNull();
    expect(worker.isTerminated()).toBe(true);
  });

  it('a failed question rejects with the worker message', async () => {
    const worker = fakeWorker();
    const source = workerDataSource(worker.port, columnsOf(index));
    // The worker holds no meeting texts: a search is refused there, not guessed.
    await expect(source.filter({ ...EMPTY_FILTERS, q: 'nuclear' })).rejects.toThrow(/texts/);
  });
});
