import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildIndex, type DatasetIndex } from '../../../src/domain/indexes';
import { EMPTY_FILTERS, filterMeetings, meetingsInWindow, type Filters } from '../../../src/domain/filters';
import { countryFacetCounts, topicFacetCounts } from '../../../src/domain/facetCounts';
import { NETWORK_CAP, type NetworkCap } from '../../../src/domain/networkCap';
import { expectedGraphAnswer } from './expectedGraph';
import { searchTextOf } from '../../../src/domain/searchText';
import { QueryEngine, type GraphQuery } from '../../../src/domain/engine/query';
import { columnsOf, queryIndexOf } from '../../../src/domain/engine/queryColumns';
import { RecentAnswers } from '../../../src/domain/engine/recentAnswers';
import { unpackPicture, wireBuffers } from '../../../src/domain/engine/queryGraph';
import { latestOnly, memoryDataSource } from '../../../src/domain/engine/querySource';
import { parseDatasetText } from '../../../src/domain/validate';
import { decodeBytes } from '../../../src/domain/import/decode';
import { importText } from '../../../src/domain/import/pipeline';
import type { Dataset } from '../../../src/domain/schema';
import { DAY_MS, msToIso } from '../../../src/domain/dates';
import { generateSynthetic } from '../../../scripts/bench/synthetic/generate';

const bundled = (): Dataset => {
  const result = parseDatasetText(readFileSync('public/data/meetings.json', 'utf8'));
  if (!result.ok) throw new Error('the bundled dataset is not valid');
  return result.dataset;
};
const icews = (): Dataset => {
  const decoded = decodeBytes(new Uint8Array(readFileSync('tests/fixtures/import/icews-sample.tab')).buffer);
  const outcome = decoded.ok ? importText(decoded.text, 'icews-sample.tab') : null;
  if (!outcome?.ok) throw new Error('the ICEWS fixture does not import');
  return outcome.dataset;
};
const synthetic = (meetings: number, actors: number, seed: number) => JSON.parse(generateSynthetic({ meetings, actors, seed })) as Dataset;

/** The worker's engine: built from copies of the columns only, as the query worker builds it. */
const workerEngine = (index: DatasetIndex, withTexts = false) =>
  new QueryEngine(queryIndexOf(structuredClone(columnsOf(index))), withTexts ? (i) => searchTextOf(index, i) : null);

/** Filters drawn from what the dataset holds (plus a value it does not know), dates around its span. */
function filtersOf(index: DatasetIndex, withSearch: boolean): fc.Arbitrary<Filters> {
  const actorIds = [...index.actorPos.keys(), 'no-such-actor'];
  const countries = [...index.byAffiliation.keys(), 'ZZZ'];
  const topics = [...index.byTopic.keys(), 'no-such-topic'];
  const day = fc.integer({ min: Math.floor(index.minTime / DAY_MS) - 30, max: Math.ceil(index.maxTime / DAY_MS) + 30 }).map((d) => msToIso(d * DAY_MS));
  const words = index.meetings.slice(0, 20).flatMap((m) => m.summary.toLowerCase().split(/\s+/).slice(0, 3));
  const side = fc.constantFrom(...countries, ...actorIds.slice(0, 30));
  const some = (list: string[], most: number) => fc.subarray(list, { maxLength: Math.min(most, list.length) });
  return fc.record({
    actors: some(actorIds, 3),
    countries: some(countries, 3),
    topics: some(topics, 2),
    from: fc.option(day, { nil: null }),
    to: fc.option(day, { nil: null }),
    q: withSearch && words.length ? fc.oneof(fc.constant(''), fc.constantFrom(...words), fc.constant('meetings')) : fc.constant(''),
    between: fc.option(fc.tuple(side, side), { nil: null, freq: 4 }),
  });
}

const SMALL_CAP: NetworkCap = { actors: 12, links: 30, neighbours: 4 };

function expectEngineEqualsPureFunctions(index: DatasetIndex, runs: number): void {
  const engine = workerEngine(index);
  const withTexts = workerEngine(index, true);
  const focusIds = [...index.actorPos.keys()].slice(0, 40);
  const focusArb = fc.subarray(focusIds, { maxLength: Math.min(2, focusIds.length) });
  // The ego's actor: busy ones (a real ego network), any, or one the dataset does not know.
  const busiest = [...index.actorPos.keys()].sort((a, b) => index.byActor[index.actorPos.get(b)!]!.length - index.byActor[index.actorPos.get(a)!]!.length);
  const egoArb = fc.option(fc.record({ actor: fc.constantFrom(...busiest.slice(0, 5), ...focusIds.slice(0, 10), 'no-such-actor'), depth: fc.constantFrom(1 as const, 2 as const) }), { nil: null, freq: 2 });
  const measureArb = fc.constantFrom(null, 'meetings' as const, 'degree' as const, 'weightedDegree' as const);
  fc.assert(
    fc.property(filtersOf(index, true), focusArb, fc.boolean(), fc.boolean(), egoArb, measureArb, fc.integer({ min: 1, max: 12 }), (f, focus, windowed, smallCap, ego, measure, top) => {
      const searching = f.q.trim() !== '';
      const answering = searching ? withTexts : engine;
      if (searching) expect(() => engine.filter(f)).toThrow(/texts/);
      const visible = filterMeetings(index, f);
      expect(Array.from(answering.filter(f).positions)).toEqual(Array.from(visible));
      expect(answering.filter(f).count).toBe(visible.length);
      const counts = answering.facetCounts(f);
      expect([...counts.countries]).toEqual([...countryFacetCounts(index, f)]);
      expect([...counts.topics]).toEqual([...topicFacetCounts(index, f)]);

      const span = index.maxTime - index.minTime;
      const window = windowed ? { fromMs: index.minTime + span / 3, toMs: index.minTime + (2 * span) / 3 } : null;
      const cap = smallCap ? SMALL_CAP : NETWORK_CAP;
      const q: GraphQuery = { filters: f, window, focus, cap, ego, measure, top };
      const meetings = window ? meetingsInWindow(index, visible, window.fromMs, window.toMs) : visible;
      const expected = expectedGraphAnswer(index, meetings, q);
      expect(answering.graph(q)).toEqual(expected);
      // A search's positions found on the page, given to the engine without texts, give the same graph.
      expect(engine.graph({ ...q, positions: visible })).toEqual(expected);

      const edges = Float64Array.from({ length: 9 }, (_, k) => index.minTime + (k * span) / 8 + (k === 8 ? 1 : 0));
      const bins = answering.timeBins({ filters: f, edges });
      const naive = new Array<number>(8).fill(0);
      for (const i of visible) for (let k = 0; k < 8; k++) if (index.start[i]! >= edges[k]! && index.start[i]! < edges[k + 1]!) naive[k]!++;
      expect(Array.from(bins)).toEqual(naive);
    }),
    { numRuns: runs, endOnFailure: true },
  );
}

describe('the query engine answers as the pure functions do', () => {
  it('on the bundled dataset', () => expectEngineEqualsPureFunctions(buildIndex(bundled()), 120));
  it('on the ICEWS fixture (imported)', () => expectEngineEqualsPureFunctions(buildIndex(icews()), 80));
  it('on a generated dataset large enough to cap the network (800 actors)', () => expectEngineEqualsPureFunctions(buildIndex(synthetic(2500, 800, 3)), 25));
  it('on generated datasets of any seed', () => {
    fc.assert(
      // The generator needs room for every actor (at most 6 per meeting): at least ~2.5 meetings per actor here.
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 100, max: 300 }), fc.integer({ min: 8, max: 40 }), (seed, meetings, actors) => {
        expectEngineEqualsPureFunctions(buildIndex(synthetic(meetings, actors, seed)), 4);
      }),
      { numRuns: 12 },
    );
  });

  it('copies the columns: the page keeps its index whole after the copies are transferred away', () => {
    const index = buildIndex(bundled());
    const before = Array.from(index.participants[0]!);
    const columns = columnsOf(index);
    structuredClone(columns, { transfer: [columns.start.buffer, columns.participants.values.buffer] as ArrayBuffer[] });
    expect(Array.from(index.participants[0]!)).toEqual(before);
    expect(index.start.length).toBe(index.meetings.length);
  });

  it('answers equal questions asked by value (new objects, as from a message) from its memo', () => {
    const engine = workerEngine(buildIndex(bundled()));
    const f = { ...EMPTY_FILTERS, countries: ['IRN'] };
    expect(engine.filter(structuredClone(f)).positions).toBe(engine.filter(structuredClone(f)).positions);
    const a = engine.facetCounts(structuredClone(f));
    // Only the country ticks change: the country counts do not depend on them.
    expect(engine.facetCounts({ ...f, countries: ['IRN', 'SYR'] }).countries).toBe(a.countries);
  });
});

  it('sends a capped graph as typed arrays that the page names into the same picture', () => {
    const index = buildIndex(synthetic(2500, 800, 3));
    const engine = workerEngine(index);
    const query: GraphQuery = { filters: EMPTY_FILTERS, window: null, focus: [index.actors[5]!.id], measure: 'degree', top: 5 };
    const wire = engine.graphWire(query);
    expect(wire.capped).toBe(true);
    // Nothing on the wire is an object per node or link: the message clones no objects but the top entries.
    const objects = Object.entries(wire).filter(([, v]) => typeof v === 'object' && !ArrayBuffer.isView(v)).map(([k]) => k);
    expect(objects).toEqual(['measure']);
    expect(wire.edgeSource.length).toBe(wire.edgeWeights.length);
    expect(Math.max(...wire.edgeSource, ...wire.edgeTarget)).toBeLessThan(wire.drawnActors.length);
    // Through a message (typed arrays transferred), then unpacked: the same answer as the engine's own.
    const sent = structuredClone(wire, { transfer: wireBuffers(wire) });
    expect(unpackPicture(sent, index.actors.map((a) => a.id))).toEqual(workerEngine(index).graph(query));
  });

describe('answers kept for filters asked again', () => {
  it('keep the least recently used out, and make nothing twice while kept', () => {
    const recent = new RecentAnswers<number>(2);
    const made: string[] = [];
    const get = (key: string) => recent.get(key, () => (made.push(key), made.length));
    expect([get('a'), get('b'), get('a'), get('c'), get('a'), get('b')]).toEqual([1, 2, 1, 3, 1, 4]);
    expect(made).toEqual(['a', 'b', 'c', 'b']);
  });

  it('equal the pure functions over a walk that keeps coming back to earlier filters and windows', () => {
    const index = buildIndex(synthetic(2500, 800, 5));
    const span = index.maxTime - index.minTime;
    const windows = [null, { fromMs: index.minTime + span / 4, toMs: index.minTime + span / 2 }, { fromMs: index.minTime, toMs: index.minTime + span / 3 }];
    fc.assert(
      fc.property(fc.array(filtersOf(index, false), { minLength: 1, maxLength: 12 }), fc.array(fc.tuple(fc.nat(), fc.nat(2)), { minLength: 10, maxLength: 40 }), (pool, walk) => {
        const engine = workerEngine(index);
        for (const [pick, w] of walk) {
          const f = structuredClone(pool[pick % pool.length]!);
          const visible = filterMeetings(index, f);
          expect(Array.from(engine.filter(f).positions)).toEqual(Array.from(visible));
          const counts = engine.facetCounts(f);
          expect([...counts.countries]).toEqual([...countryFacetCounts(index, f)]);
          expect([...counts.topics]).toEqual([...topicFacetCounts(index, f)]);
          const window = windows[w]!;
          const q: GraphQuery = { filters: f, window, focus: [], cap: SMALL_CAP, measure: 'degree', top: 5 };
          const meetings = window ? meetingsInWindow(index, visible, window.fromMs, window.toMs) : visible;
          expect(engine.graph(q)).toEqual(expectedGraphAnswer(index, meetings, q));
        }
      }),
      { numRuns: 15, endOnFailure: true },
    );
  });
});

describe('a newer question supersedes an older one', () => {
  it('an older answer arriving after the newer one is never delivered', async () => {
    const ask = latestOnly();
    let releaseOld!: (v: string) => void;
    const old = ask('filter', () => new Promise<string>((r) => (releaseOld = r)));
    const fresh = ask('filter', async () => 'new');
    expect(await fresh).toBe('new');
    releaseOld('old');
    expect(await old).toBeNull();
  });

  it('an older answer arriving first is not delivered either, once a newer question was asked', async () => {
    const ask = latestOnly();
    let releaseNew!: (v: string) => void;
    let releaseOld!: (v: string) => void;
    const old = ask('graph', () => new Promise<string>((r) => (releaseOld = r)));
    const fresh = ask('graph', () => new Promise<string>((r) => (releaseNew = r)));
    releaseOld('old');
    expect(await old).toBeNull();
    releaseNew('new');
    expect(await fresh).toBe('new');
  });

  it('questions of different kinds do not supersede each other', async () => {
    const source = memoryDataSource(workerEngine(buildIndex(bundled())));
    const f = { ...EMPTY_FILTERS, countries: ['IRN'] };
    const [filtered, counts] = await Promise.all([source.filter(f), source.facetCounts(f)]);
    expect(filtered?.count).toBeGreaterThan(0);
    expect(counts?.countries.get('IRN')).toBeGreaterThan(0);
  });

  it('the in-memory source delivers only the last of questions asked back to back', async () => {
    const index = buildIndex(bundled());
    const source = memoryDataSource(workerEngine(index));
    const first = source.filter({ ...EMPTY_FILTERS, countries: ['IRN'] });
    const last = source.filter({ ...EMPTY_FILTERS, countries: ['SYR'] });
    expect(await first).toBeNull();
    expect(Array.from((await last)!.positions)).toEqual(Array.from(filterMeetings(index, { ...EMPTY_FILTERS, countries: ['SYR'] })));
  });
});
