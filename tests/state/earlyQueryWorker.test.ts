import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildIndex, type DatasetIndex } from '../../src/domain/indexes';
import { columnsOf } from '../../src/domain/engine/queryColumns';
import { QUERY_WORKER_MIN_MEETINGS, settleEarlyQueryWorker, startQueryWorkerEarly, workerSourceFor } from '../../src/state/querySource';
import { EMPTY_FILTERS } from '../../src/domain/filters';
import type { Dataset } from '../../src/domain/schema';
import { generateSynthetic } from '../../scripts/bench/synthetic/generate';
import { fakeQueryWorkers } from '../fixtures/fakeQueryWorker';

const { FakeQueryWorker } = fakeQueryWorkers();
/** Every query worker started, in order, with whether it was stopped. */
const started: { stopped: boolean }[] = [];
class CountedWorker extends FakeQueryWorker {
  private readonly record = { stopped: false };
  constructor(url?: URL | string) {
    super(url);
    if (String(url).includes('query.worker')) started.push(this.record);
  }
  override terminate() {
    this.record.stopped = true;
    super.terminate();
  }
}

const indexOf = (seed: number): DatasetIndex => buildIndex(JSON.parse(generateSynthetic({ meetings: QUERY_WORKER_MIN_MEETINGS, actors: 400, seed })) as Dataset);
const filterAnswer = (index: DatasetIndex) => workerSourceFor(index)!.filter(EMPTY_FILTERS);

describe('a query worker started with the head of a load, before the records arrive', () => {
  beforeAll(() => vi.stubGlobal('Worker', CountedWorker));
  afterAll(() => vi.unstubAllGlobals());

  it('becomes the dataset’s worker once the load ends with it, and answers; no second worker is started', async () => {
    const a = indexOf(1);
    const early = startQueryWorkerEarly(columnsOf(a))!;
    const before = started.length;
    settleEarlyQueryWorker(early, a);
    expect(workerSourceFor(a)).toBe(early);
    expect(started.length).toBe(before);
    const answer = await filterAnswer(a);
    expect(answer?.count).toBe(a.meetings.length);
  });

  it('leaves the dataset on screen its own worker while the next one loads, and stops that one only when the next is shown', async () => {
    const a = indexOf(2);
    const aSource = workerSourceFor(a)!;
    const aWorker = started.at(-1)!;
    const b = indexOf(3);
    const early = startQueryWorkerEarly(columnsOf(b))!;
    const bWorker = started.at(-1)!;
    // Still loading b: a's views keep asking a's worker.
    expect(workerSourceFor(a)).toBe(aSource);
    expect((await filterAnswer(a))?.count).toBe(a.meetings.length);
    settleEarlyQueryWorker(early, b);
    expect(aWorker.stopped).toBe(false);
    expect(workerSourceFor(b)).toBe(early);
    expect(aWorker.stopped).toBe(true);
    expect(bWorker.stopped).toBe(false);
  });

  it('is stopped when its load fails or is cancelled, and the dataset then gets a worker of its own', () => {
    const c = indexOf(4);
    const early = startQueryWorkerEarly(columnsOf(c))!;
    const earlyWorker = started.at(-1)!;
    settleEarlyQueryWorker(early, null);
    expect(earlyWorker.stopped).toBe(true);
    expect(workerSourceFor(c)).not.toBe(early);
    expect(started.at(-1)).not.toBe(earlyWorker);
  });

  it('is stopped when a newer load starts one before it is used', () => {
    const d = indexOf(5);
    const first = startQueryWorkerEarly(columnsOf(d))!;
    const firstWorker = started.at(-1)!;
    const second = startQueryWorkerEarly(columnsOf(d))!;
    expect(firstWorker.stopped).toBe(true);
    // The older load ending afterwards does not bring its worker back.
    settleEarlyQueryWorker(first, d);
    expect(workerSourceFor(d)).not.toBe(first);
    expect(started.at(-1)).not.toBe(firstWorker);
    settleEarlyQueryWorker(second, null);
  });
});
