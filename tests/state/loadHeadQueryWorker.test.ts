import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startLoad } from '../../src/state/dataSource';
import { workerSourceFor, QUERY_WORKER_MIN_MEETINGS } from '../../src/state/querySource';
import { runLoad } from '../../src/domain/engine/runLoad';
import type { LoadReply, LoadRequest } from '../../src/domain/engine/protocol';
import { generateSynthetic } from '../../scripts/bench/synthetic/generate';

/**
 * A load worker in this thread whose replies are collected and delivered in one synchronous burst, so the 'done' after
 * the head arrives before any timer set while handling the head has run. Query workers only count starts and stops.
 */
const queryWorkers: { stopped: boolean }[] = [];
let replace: ((reply: LoadReply) => LoadReply) | null = null;

class FakeWorker {
  onmessage: ((event: { data: LoadReply }) => void) | null = null;
  onerror: unknown = null;
  private readonly record = { stopped: false };
  private readonly isLoad: boolean;
  constructor(url: URL | string) {
    this.isLoad = String(url).includes('load.worker');
    if (String(url).includes('query.worker')) queryWorkers.push(this.record);
  }
  postMessage(message: unknown) {
    if (!this.isLoad || (message as { type?: string }).type !== undefined) return;
    const replies: LoadReply[] = [];
    void runLoad(message as LoadRequest, (reply) => void replies.push(structuredClone(reply))).then(() => {
      for (const reply of replies) this.onmessage?.({ data: replace ? replace(reply) : reply });
    });
  }
  terminate() {
    this.record.stopped = true;
  }
}

const text = generateSynthetic({ meetings: QUERY_WORKER_MIN_MEETINGS, actors: 300, seed: 11 });
const request: LoadRequest = { kind: 'bytes', bytes: new TextEncoder().encode(text).buffer as ArrayBuffer, fileName: 'x.json', label: 'x.json' };

describe('the query worker a large load starts from its head', () => {
  beforeEach(() => {
    vi.stubGlobal('Worker', FakeWorker);
    queryWorkers.length = 0;
    replace = null;
  });
  afterEach(() => vi.unstubAllGlobals());

  it('is started and becomes the dataset’s worker even when the load ends before the task that starts it', async () => {
    const outcome = await startLoad({ ...request, bytes: request.kind === 'bytes' ? request.bytes.slice(0) : new ArrayBuffer(0) }).result;
    expect(outcome.kind).toBe('loaded');
    expect(queryWorkers).toHaveLength(1);
    if (outcome.kind === 'loaded') workerSourceFor(outcome.index);
    // The one started with the head is used: no second worker.
    expect(queryWorkers).toHaveLength(1);
    expect(queryWorkers[0]!.stopped).toBe(false);
  });

  it('is never started, or is stopped, when the load fails after its head', async () => {
    replace = (reply) => (reply.type === 'done' ? { type: 'failed', title: 'broken', issues: [{ path: '', message: 'late failure' }], total: 1 } : reply);
    const outcome = await startLoad({ ...request, bytes: request.kind === 'bytes' ? request.bytes.slice(0) : new ArrayBuffer(0) }).result;
    expect(outcome.kind).toBe('failed');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(queryWorkers.every((w) => w.stopped)).toBe(true);
  });
});
