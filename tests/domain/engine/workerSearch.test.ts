import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildIndex } from '../../../src/domain/indexes';
import { EMPTY_FILTERS, filterMeetings, type Filters } from '../../../src/domain/filters';
import { countryFacetCounts, topicFacetCounts } from '../../../src/domain/facetCounts';
import { columnsOf } from '../../../src/domain/engine/queryColumns';
import { workerDataSource } from '../../../src/domain/engine/queryClient';
import { warmSearchText } from '../../../src/domain/searchText';
import type { Dataset } from '../../../src/domain/schema';
import { generateSynthetic } from '../../../scripts/bench/synthetic/generate';
import { expectedGraphAnswer } from './expectedGraph';
import { fakeWorker } from './fakeQueryWorker';
import { sendSearchTexts } from '../../../src/domain/engine/searchTexts';

const dataset = JSON.parse(generateSynthetic({ meetings: 1500, actors: 300, seed: 11 })) as Dataset;

/** Terms a person would type: pieces of names and summaries, word stems, and words found nowhere. */
function vocabulary(): string[] {
  const words = new Set<string>(['zzyzx', 'talks', 'meeting', 'met']);
  for (const a of dataset.actors.slice(0, 40)) for (const w of a.name.toLowerCase().split(/\s+/)) words.add(w);
  for (const m of dataset.meetings.slice(0, 40)) for (const w of m.summary.toLowerCase().split(/\s+/).slice(0, 4)) words.add(w.replace(/[^\p{L}]/gu, '') || 'x');
  return [...words];
}

describe('the query worker searches once the page has handed it every meeting\'s text', () => {
  it("asks a search's graph ahead only once every text is there, and never hands out one asked ahead that failed", async () => {
    const index = buildIndex(dataset);
    const worker = fakeWorker();
    const source = workerDataSource(worker.port, columnsOf(index));
    await source.ready;
    const searched = { filters: { ...EMPTY_FILTERS, q: 'talks' }, window: null, focus: [] };
    // Asked ahead before the texts: not sent (the worker would refuse it, and the page then answered it itself).
    source.prefetchGraph(searched);
    expect(worker.asked).toHaveLength(0);
    // A question without a search is asked ahead at once.
    source.prefetchGraph({ filters: EMPTY_FILTERS, window: null, focus: [] });
    expect(worker.asked).toHaveLength(1);
    while (!warmSearchText(index, () => true, 3_000, (first, block, lengths) => source.addTexts(first, block, lengths)));
    source.prefetchGraph(searched);
    expect(worker.asked).toHaveLength(2);
    const expected = expectedGraphAnswer(index, filterMeetings(index, searched.filters), { focus: [] });
    expect(await source.graph({ ...searched })).toEqual(expected);
    expect(worker.asked).toHaveLength(2);
    source.dispose();

    // One asked ahead that failed (a worker's error) is not handed out: the question that matches it is asked again.
    const flaky = fakeWorker();
    const again = workerDataSource(flaky.port, columnsOf(index));
    await again.ready;
    const deliver = flaky.port.onmessage!;
    let failOnce = true;
    flaky.port.onmessage = (event) => {
      if (failOnce && event.data.type === 'answer') {
        failOnce = false;
        return deliver({ data: { type: 'failed', id: event.data.id, message: 'a worker bug' } });
      }
      deliver(event);
    };
    const plain = { filters: EMPTY_FILTERS, window: null, focus: [] };
    again.prefetchGraph(plain);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(flaky.asked).toHaveLength(1);
    const answer = await again.graph({ ...plain });
    expect(flaky.asked).toHaveLength(2);
    expect(answer).toEqual(expectedGraphAnswer(index, filterMeetings(index, EMPTY_FILTERS), { focus: [] }));
    again.dispose();
  });

  it('refuses a search until the last block arrives, then answers filter, facet counts and graph with a search as the page does', async () => {
    const index = buildIndex(dataset);
    const page = buildIndex(dataset);
    const worker = fakeWorker();
    const source = workerDataSource(worker.port, columnsOf(index));
    const blocks: number[] = [];
    let slices = 0;
    // Small blocks, built in slices as the page's idle warm-up does; the first handed over before the rest is built.
    warmSearchText(index, () => slices++ < 2, 3_000, (first, block, lengths) => {
      blocks.push(first);
      source.addTexts(first, block, lengths);
    });
    expect(blocks.length).toBeGreaterThan(0);
    expect(source.searches).toBe(false);
    await expect(source.filter({ ...EMPTY_FILTERS, q: 'talks' })).rejects.toThrow(/texts have not all arrived/);
    while (!warmSearchText(index, () => true, 3_000, (first, block, lengths) => source.addTexts(first, block, lengths)));
    expect(source.searches).toBe(true);

    const countries = [...index.byAffiliation.keys()];
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...vocabulary()), { minLength: 1, maxLength: 2 }), fc.subarray(countries, { maxLength: 1 }), async (terms, c) => {
        const f: Filters = { ...EMPTY_FILTERS, countries: c, q: terms.join(' ') };
        const visible = filterMeetings(page, f);
        const [filtered, counts, graph] = await Promise.all([source.filter(f), source.facetCounts(f), source.graph({ filters: f, window: null, focus: [] })]);
        expect(Array.from(filtered!.positions)).toEqual(Array.from(visible));
        expect([...counts!.countries]).toEqual([...countryFacetCounts(page, f)]);
        expect([...counts!.topics]).toEqual([...topicFacetCounts(page, f)]);
        expect(graph).toEqual(expectedGraphAnswer(page, visible, { focus: [] }));
      }),
      { numRuns: 25, endOnFailure: true },
    );
    // Not vacuous: some of the searches find meetings and some find none.
    const found = vocabulary().map((q) => filterMeetings(page, { ...EMPTY_FILTERS, q }).length);
    expect(found.some((n) => n > 0) && found.some((n) => n === 0)).toBe(true);
    source.dispose();
  });

  it('from the load worker on a port of their own: searches are answered once the last text arrived', async () => {
    const index = buildIndex(dataset);
    const worker = fakeWorker();
    const source = workerDataSource(worker.port, columnsOf(index));
    const channel = new MessageChannel();
    source.receiveTexts(channel.port2);
    expect(source.searches).toBe(false);
    sendSearchTexts(dataset, (message, transfer = []) => channel.port1.postMessage(message, transfer as Transferable[]));
    await source.searchable;
    expect(source.searches).toBe(true);
    for (const q of vocabulary().slice(0, 12)) {
      const f = { ...EMPTY_FILTERS, q };
      expect(Array.from((await source.filter(f))!.positions)).toEqual(Array.from(filterMeetings(index, f)));
    }
    channel.port1.close();
    source.dispose();
  });
});
