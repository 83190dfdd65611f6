import type { Dataset } from '../schema';
import { validationSteps, type DatasetResult } from '../validate';
import { copyPacked, packIndex, packedBuffers } from './packedIndex';
import { QUERY_WORKER_MIN_MEETINGS } from './thresholds';
import { columnBuffers, queryColumnsFrom } from './queryColumns';
import type { ChunkField, LoadReply, LoadSummary, Post } from './protocol';
import type { ChunkCredit } from './chunkCredit';
import { overallFraction } from './loadProgress';

/** Records per chunk: small enough that the page decodes and files one message in a few milliseconds (at 250,000 meetings
 * chunks of 500 took 53–135 ms each on a loaded machine, garbage collection included). */
export const DEFAULT_CHUNK = 200;

/**
 * The hand-over reports its progress once per this many chunks (and at its end): a report per chunk doubled the
 * page's tasks during the hand-over (1,400 more at 250,000 meetings) for a bar the page redraws at most every 100 ms.
 */
const CHUNKS_PER_PROGRESS = 10;

/** Source texts can be long: a chunk of sources is cut at about this many characters of text too. */
const SOURCE_CHUNK_CHARS = 1 << 18;

/**
 * Index, then the head (index buffers transferred and the small parts of the dataset), then the records in chunks;
 * with a `credit`, each chunk waits for one (see CHUNKS_IN_FLIGHT), else all are sent at once (synchronously).
 * `started`: the head and some chunks went out while the dataset was being checked (validateHandingOver).
 */
export async function handOver(dataset: Dataset, summary: LoadSummary, post: Post, chunkSize: number, signal?: AbortSignal, stored?: boolean, credit?: ChunkCredit, textsFollow = false, started?: StartedHandOver | null): Promise<void> {
  const sender = started ?? startHandOver(dataset, post, chunkSize, summary.kind === 'import' ? summary.imported.rows : dataset.meetings.length);
  while (sender.pending()) {
    if (credit) await credit.take();
    if (signal?.aborted) return;
    sender.sendNext();
  }
  post({ type: 'done', summary, ...(stored !== undefined ? { stored } : {}), ...(textsFollow ? { textsFollow } : {}) });
}

type Chunk = Extract<LoadReply, { type: 'chunk' }>;

/** A hand-over whose head has been posted, and its chunks to send one by one (each with its progress). */
export interface StartedHandOver {
  /** Whether a chunk is still to be sent. */
  pending(): boolean;
  sendNext(): void;
}

/** Indexes the dataset and posts the head; the records follow as `chunks`. */
function startHandOver(dataset: Dataset, post: Post, chunkSize: number, rows: number): StartedHandOver {
  const n = dataset.meetings.length;
  post({ type: 'progress', stage: 'index', rows, fraction: overallFraction('index', 0) });
  const packed = packIndex(dataset);
  // Key order as in the file (an export writes the dataset back); the chunked arrays are filled in by the page.
  const rest: Dataset = { ...dataset, meetings: [], actors: [], sources: [] };
  const counts: Record<ChunkField, number> = { meetings: n, actors: dataset.actors.length, sources: dataset.sources.length };
  // The query worker's copy is made here: on the page it was a 15–60 ms part of the task that shows a 250k dataset.
  const query = n >= QUERY_WORKER_MIN_MEETINGS ? queryColumnsFrom(copyPacked(packed), dataset) : undefined;
  post({ type: 'head', packed, rest, counts, ...(query ? { query } : {}) }, [...packedBuffers(packed), ...(query ? columnBuffers(query) : [])]);
  const total = counts.meetings + counts.actors + counts.sources;
  let sent = 0;
  let chunks = 0;
  const all = chunksOf(dataset, Math.max(1, chunkSize));
  let next = all.next();
  return {
    pending: () => !next.done,
    sendNext() {
      if (next.done) return;
      const chunk = next.value;
      post(chunk);
      next = all.next();
      sent += chunk.items.length;
      if (++chunks % CHUNKS_PER_PROGRESS === 0 || sent === total) post({ type: 'progress', stage: 'transfer', rows, fraction: overallFraction('transfer', sent / total) });
    },
  };
}

function* chunksOf(dataset: Dataset, size: number): Generator<Chunk, void, void> {
  for (const field of ['actors', 'meetings', 'sources'] as const) {
    const list = dataset[field] as readonly unknown[];
    for (let offset = 0; offset < list.length; ) {
      let endAt = Math.min(list.length, offset + size);
      if (field === 'sources') endAt = sourceChunkEnd(dataset.sources, offset, endAt);
      yield { type: 'chunk', field, offset, items: list.slice(offset, endAt) };
      offset = endAt;
    }
  }
}

/**
 * Validates `json`, and once its records are known to come out of validation unchanged (validationSteps'
 * `recordsFinal`), indexes them, posts the head and hands records over between slices of the remaining checks, as the
 * page has room (`credit`): the page files them while this worker checks, where it used to wait for every check
 * (at 250,000 meetings the checks take ~1 s and the page's filing ~2 s). If a check then fails, `failed` follows what
 * was sent and the page drops it. Without a credit (no page to pace: tests, loading in the page) nothing goes early.
 */
export async function validateHandingOver(json: unknown, post: Post, chunkSize: number, credit: ChunkCredit | undefined, signal: AbortSignal | undefined, rows?: number): Promise<{ checked: DatasetResult; started: StartedHandOver | null } | null> {
  const steps = validationSteps(json);
  let started: StartedHandOver | null = null;
  for (;;) {
    const step = steps.next();
    if (step.done) return { checked: step.value, started };
    if (signal?.aborted) return null;
    if (!credit) continue;
    if (step.value.kind === 'recordsFinal') started = startHandOver(step.value.dataset, post, chunkSize, rows ?? step.value.dataset.meetings.length);
    if (!started?.pending()) continue;
    // Send while the page has room; then let its acknowledgements in before the next slice.
    while (started.pending() && credit.tryTake()) started.sendNext();
    if (started.pending()) await nextTurn();
  }
}

/** Resolves on a later turn of the event loop (a message, which setTimeout's 4 ms clamp does not delay). */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

function sourceChunkEnd(sources: Dataset['sources'], from: number, limit: number): number {
  let chars = 0;
  let i = from;
  do chars += sources[i++]!.text?.length ?? 0;
  while (i < limit && chars < SOURCE_CHUNK_CHARS);
  return i;
}
