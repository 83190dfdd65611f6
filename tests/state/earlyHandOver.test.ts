import { afterEach, describe, expect, it, vi } from 'vitest';
import { startLoad } from '../../src/state/dataSource';
import { runLoad } from '../../src/domain/engine/runLoad';
import { chunkCredit } from '../../src/domain/engine/chunkCredit';
import type { LoadAck, LoadReply, LoadRequest } from '../../src/domain/engine/protocol';
import { buildIndex } from '../../src/domain/indexes';
import { parseDatasetText } from '../../src/domain/validate';
import type { Dataset } from '../../src/domain/schema';
import { generateSynthetic } from '../../scripts/bench/synthetic/generate';

/**
 * The loading worker as the browser runs it, in this thread: runLoad paced by the page's acknowledgements, each reply
 * delivered in a task of its own, cloned as postMessage would.
 */
class InThreadLoadWorker {
  onmessage: ((event: { data: LoadReply }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  readonly replies: LoadReply[] = [];
  private readonly credit = chunkCredit();
  private stopped = false;
  static last: InThreadLoadWorker | null = null;
  constructor() {
    InThreadLoadWorker.last = this;
  }
  postMessage(message: LoadRequest | LoadAck): void {
    if ('type' in message) {
      if (message.type === 'ack') this.credit.ack();
      return;
    }
    void runLoad(message, (reply) => {
      this.replies.push(reply);
      const copy = structuredClone(reply);
      setTimeout(() => !this.stopped && this.onmessage?.({ data: copy }), 0);
    }, { credit: this.credit });
  }
  terminate(): void {
    this.stopped = true;
  }
}

afterEach(() => vi.unstubAllGlobals());

const text = generateSynthetic({ meetings: 4600, actors: 200, seed: 3 });
const bytes = (t: string) => new TextEncoder().encode(t).buffer as ArrayBuffer;

describe('the page, given records while the file is still being checked', () => {
  it('assembles the same index once the checks pass', async () => {
    vi.stubGlobal('Worker', InThreadLoadWorker);
    const outcome = await startLoad({ kind: 'bytes', bytes: bytes(text), fileName: 'x.json', label: 'x.json', chunkSize: 50 }).result;
    if (outcome.kind !== 'loaded') throw new Error(`not loaded: ${JSON.stringify(outcome)}`);
    const checked = parseDatasetText(text);
    expect(outcome.index.dataset).toEqual(checked.ok && buildIndex(checked.dataset).dataset);
  });

  it('drops what it was given and reports the failure when a later check fails', async () => {
    vi.stubGlobal('Worker', InThreadLoadWorker);
    const dataset = JSON.parse(text) as Dataset;
    const last = dataset.meetings.length - 1;
    dataset.meetings[last]!.participants[0]!.actorId = 'nobody-at-all';
    const outcome = await startLoad({ kind: 'bytes', bytes: bytes(JSON.stringify(dataset)), fileName: 'x.json', label: 'x.json', chunkSize: 50 }).result;
    // The worker had sent records before the failure; the page's answer is the failure alone.
    const sent = InThreadLoadWorker.last!.replies;
    expect(sent.some((r) => r.type === 'chunk')).toBe(true);
    expect(outcome).toMatchObject({ kind: 'failed', issues: expect.arrayContaining([{ path: `meetings[${last}].participants[0].actorId`, message: 'unknown actor "nobody-at-all"' }]) });
  });
});
