import type { Dataset } from '../schema';
import { parseJsonText, validationSteps, type DatasetResult } from '../validate';
import { decodeBytes, headOf } from '../import/decode';
import { importText } from '../import/pipeline';
import { isolate } from '../bidi';
import { copyPacked, packIndex, packedBuffers } from './packedIndex';
import { QUERY_WORKER_MIN_MEETINGS } from './thresholds';
import { columnBuffers, queryColumnsFrom } from './queryColumns';
import { readFileBytes, storeFileBytes } from './storedFiles';
import { sendSearchTexts } from './searchTexts';
import type { TextPost } from './queryProtocol';
import type { ChunkField, LoadReply, LoadRequest, LoadStage, LoadSummary, Post } from './protocol';
import type { ChunkCredit } from './chunkCredit';
import { fetchDataset, type Fetched } from './fetchBody';
import { overallFraction, throttled } from './loadProgress';

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

/** JSON datasets by name or first characters; everything else goes through the import readers. */
export const isJsonText = (text: string, name: string): boolean => /\.json$/i.test(name.split('?')[0]!) || /^\s*[[{]/.test(text.slice(0, 64));

/**
 * The whole load, as the worker runs it (and the page itself where there are no workers): fetch, decode, parse or
 * import, validate, index, then hand over. Replies go through `post`; the index's buffers are transferred.
 */
/**
 * In the load worker: from how many meetings the search texts follow the load, once `wanted` resolves with where to
 * send them (the page asks, giving a port to the query worker).
 */
export interface TextsAfterLoad {
  from: number;
  wanted: Promise<TextPost>;
}

export interface LoadContext {
  signal?: AbortSignal;
  /** Flow control of the hand-over (the worker's; absent in the page, which takes every chunk at once). */
  credit?: ChunkCredit;
  texts?: TextsAfterLoad;
  /** A link's body, already being fetched (the worker starts it before this module has loaded). */
  fetching?: Promise<Fetched>;
}

export async function runLoad(request: LoadRequest, post: Post, { signal, credit, texts, fetching }: LoadContext = {}): Promise<void> {
  const progress = (stage: LoadStage, rows: number, within: number) => post({ type: 'progress', stage, rows, fraction: overallFraction(stage, within) });
  const fail = (title: string, message: string) => post({ type: 'failed', title, issues: [{ path: '', message }], total: 1 });
  const { label, fileName } = request;
  let dataset: Dataset;
  let summary: LoadSummary;
  let storing: Promise<boolean> | null = null;
  let started: StartedHandOver | null = null;
  if (request.kind === 'table') {
    const outcome = importText('', fileName, { table: request.table, mapping: request.mapping });
    if (!outcome.ok) {
      if (outcome.needsMapping) return post({ type: 'needsMapping', needs: outcome });
      return post({ type: 'failed', title: outcome.title, issues: outcome.issues, total: outcome.issues.length });
    }
    ({ dataset, summary } = importedParts(outcome));
  } else {
    let bytes: ArrayBuffer;
    if (request.kind === 'url') {
      const fetched = await (fetching ?? fetchDataset(request.url, post, signal));
      if (!fetched.ok) {
        if (fetched.aborted) return;
        return fail(`Could not load the dataset ${isolate(label)}`, fetched.message);
      }
      bytes = fetched.bytes;
      post({ type: 'fetched', bytes: bytes.byteLength });
    } else if (request.kind === 'stored') {
      const found = await readFileBytes(request.key);
      if (!found) return fail(`Cannot reopen ${isolate(label)}`, 'it is no longer stored in this browser');
      bytes = found;
    } else bytes = request.bytes;
    // Started before reading, which takes longer: the copy is done in this worker by the time the records are.
    if (request.storeAs !== undefined && request.kind === 'bytes') storing = storeFileBytes(request.storeAs, bytes);
    progress('read', 0, 0);
    const json = isJsonText(headOf(bytes), fileName);
    const decoded = decodeBytes(bytes);
    if (!decoded.ok) return fail(`Cannot open ${isolate(label)}`, decoded.message);
    if (signal?.aborted) return;
    if (json) {
      const parsed = parseJsonText(decoded.text);
      const result = parsed.ok ? await validateHandingOver(parsed.value, post, request.chunkSize ?? DEFAULT_CHUNK, credit, signal) : { checked: parsed.failure, started: null };
      if (!result || signal?.aborted) return;
      const { checked } = result;
      if (!checked.ok) return post({ type: 'failed', title: `The dataset ${isolate(label)} is not valid`, issues: checked.issues, total: checked.total });
      dataset = checked.dataset;
      summary = { kind: 'json', warnings: checked.warnings, warningTotal: checked.warningTotal };
      started = result.started;
    } else {
      const report = throttled(100, (rows, within) => progress('read', rows, within));
      const outcome = importText(decoded.text, fileName, { onProgress: (p) => report(p.rows, p.fraction) });
      if (!outcome.ok) {
        if (outcome.needsMapping) return post({ type: 'needsMapping', needs: outcome });
        return post({ type: 'failed', title: outcome.title, issues: outcome.issues, total: outcome.issues.length });
      }
      ({ dataset, summary } = importedParts(outcome));
    }
  }
  if (signal?.aborted) return;
  const stored = storing ? await storing : undefined;
  if (signal?.aborted) return;
  const textsFollow = texts !== undefined && dataset.meetings.length >= texts.from;
  await handOver(dataset, summary, post, request.chunkSize ?? DEFAULT_CHUNK, signal, stored, credit, textsFollow, started);
  // After the hand-over, when the page has the dataset on screen and asks: the worker's cores are the page's too.
  if (!textsFollow) return;
  sendSearchTexts(dataset, await texts.wanted, signal);
  if (!signal?.aborted) post({ type: 'textsDone' });
}

function importedParts(outcome: import('../import/pipeline').Imported): { dataset: Dataset; summary: LoadSummary } {
  const { dataset, ...imported } = outcome;
  return { dataset, summary: { kind: 'import', imported } };
}

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
async function validateHandingOver(json: unknown, post: Post, chunkSize: number, credit: ChunkCredit | undefined, signal: AbortSignal | undefined): Promise<{ checked: DatasetResult; started: StartedHandOver | null } | null> {
  const steps = validationSteps(json);
  let started: StartedHandOver | null = null;
  for (;;) {
    const step = steps.next();
    if (step.done) return { checked: step.value, started };
    if (signal?.aborted) return null;
    if (!credit) continue;
    if (step.value.kind === 'recordsFinal') started = startHandOver(step.value.dataset, post, chunkSize, step.value.dataset.meetings.length);
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
