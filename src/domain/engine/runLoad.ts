import type { Dataset } from '../schema';
import { parseDatasetText } from '../validate';
import { decodeBytes, headOf } from '../import/decode';
import { importText } from '../import/pipeline';
import { isolate } from '../bidi';
import { packIndex, packedBuffers } from './packedIndex';
import { readFileBytes, storeFileBytes } from './storedFiles';
import { sendSearchTexts } from './searchTexts';
import type { TextPost } from './queryProtocol';
import type { ChunkField, LoadRequest, LoadStage, LoadSummary, Post } from './protocol';

/** Records per chunk: small enough that the page decodes and files one message in a few milliseconds (at 250,000 meetings
 * chunks of 500 took 53–135 ms each on a loaded machine, garbage collection included). */
export const DEFAULT_CHUNK = 200;
/**
 * Chunks sent but not yet acknowledged by the page. Without a limit the worker queued every chunk at once, and a
 * click's follow-up task (its paint) waited behind all of them: 5.7 s at 250,000 meetings.
 */
export const CHUNKS_IN_FLIGHT = 4;

/** Flow control for the hand-over: `take` waits while `limit` chunks are unacknowledged; the page's `ack` frees one. */
export function chunkCredit(limit = CHUNKS_IN_FLIGHT) {
  let inFlight = 0;
  let wake: (() => void) | null = null;
  return {
    async take(): Promise<void> {
      while (inFlight >= limit) await new Promise<void>((resolve) => (wake = resolve));
      inFlight++;
    },
    ack(): void {
      inFlight = Math.max(0, inFlight - 1);
      const resume = wake;
      wake = null;
      resume?.();
    },
  };
}
export type ChunkCredit = ReturnType<typeof chunkCredit>;

/**
 * The hand-over reports its progress once per this many chunks (and at its end): a report per chunk doubled the
 * page's tasks during the hand-over (1,400 more at 250,000 meetings) for a bar the page redraws at most every 100 ms.
 */
const CHUNKS_PER_PROGRESS = 10;

/** Source texts can be long: a chunk of sources is cut at about this many characters of text too. */
const SOURCE_CHUNK_CHARS = 1 << 18;

/** Shares of the bar per stage, so the fraction only grows: download, read (parse, validate, merge), index, hand-over. */
const STAGE_SPAN: Record<LoadStage, [number, number]> = { download: [0, 0.3], read: [0.3, 0.7], index: [0.7, 0.75], transfer: [0.75, 1] };
export const overallFraction = (stage: LoadStage, within: number): number => {
  const [from, to] = STAGE_SPAN[stage];
  return from + (to - from) * Math.min(1, Math.max(0, within));
};

/** JSON datasets by name or first characters; everything else goes through the import readers. */
export const isJsonText = (text: string, name: string): boolean => /\.json$/i.test(name.split('?')[0]!) || /^\s*[[{]/.test(text.slice(0, 64));

type Fetched = { ok: true; bytes: ArrayBuffer } | { ok: false; message: string; aborted: boolean };

/** The body of a same-origin URL, reporting bytes as they arrive (the share of Content-Length when the server sends it). */
async function fetchBytes(url: string, onBytes: (received: number, total: number | null) => void, signal?: AbortSignal): Promise<Fetched> {
  try {
    const response = await fetch(url, signal ? { signal } : undefined);
    if (!response.ok) return { ok: false, message: `the server answered ${response.status} ${response.statusText}`.trim(), aborted: false };
    const length = Number(response.headers.get('content-length')) || null;
    if (!response.body) return { ok: true, bytes: await response.arrayBuffer() };
    const reader = response.body.getReader();
    const parts: Uint8Array[] = [];
    let received = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value);
      received += value.byteLength;
      onBytes(received, length);
    }
    const bytes = new Uint8Array(received);
    let at = 0;
    for (const p of parts) {
      bytes.set(p, at);
      at += p.byteLength;
    }
    return { ok: true, bytes: bytes.buffer };
  } catch (error) {
    return { ok: false, message: (error as Error).message, aborted: signal?.aborted ?? false };
  }
}

/** Calls `post` at most every `ms` (the last report of a stage is always sent by the caller). */
function throttled(ms: number, send: (rows: number, within: number) => void): (rows: number, within: number) => void {
  let last = -Infinity;
  return (rows, within) => {
    const now = Date.now();
    if (now - last < ms) return;
    last = now;
    send(rows, within);
  };
}

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

export async function runLoad(request: LoadRequest, post: Post, signal?: AbortSignal, credit?: ChunkCredit, texts?: TextsAfterLoad): Promise<void> {
  const progress = (stage: LoadStage, rows: number, within: number) => post({ type: 'progress', stage, rows, fraction: overallFraction(stage, within) });
  const fail = (title: string, message: string) => post({ type: 'failed', title, issues: [{ path: '', message }], total: 1 });
  const { label, fileName } = request;
  let dataset: Dataset;
  let summary: LoadSummary;
  let storing: Promise<boolean> | null = null;
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
      const report = throttled(100, (rows, within) => progress('download', rows, within));
      const fetched = await fetchBytes(request.url, (received, total) => report(0, total ? received / total : 0), signal);
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
      const result = parseDatasetText(decoded.text);
      if (!result.ok) return post({ type: 'failed', title: `The dataset ${isolate(label)} is not valid`, issues: result.issues, total: result.total });
      dataset = result.dataset;
      summary = { kind: 'json', warnings: result.warnings, warningTotal: result.warningTotal };
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
  await handOver(dataset, summary, post, request.chunkSize ?? DEFAULT_CHUNK, signal, stored, credit, textsFollow);
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
 */
export async function handOver(dataset: Dataset, summary: LoadSummary, post: Post, chunkSize: number, signal?: AbortSignal, stored?: boolean, credit?: ChunkCredit, textsFollow = false): Promise<void> {
  const n = dataset.meetings.length;
  const rows = summary.kind === 'import' ? summary.imported.rows : n;
  post({ type: 'progress', stage: 'index', rows, fraction: overallFraction('index', 0) });
  const packed = packIndex(dataset);
  // Key order as in the file (an export writes the dataset back); the chunked arrays are filled in by the page.
  const rest: Dataset = { ...dataset, meetings: [], actors: [], sources: [] };
  const counts: Record<ChunkField, number> = { meetings: n, actors: dataset.actors.length, sources: dataset.sources.length };
  post({ type: 'head', packed, rest, counts }, packedBuffers(packed));
  const total = counts.meetings + counts.actors + counts.sources;
  let sent = 0;
  let chunks = 0;
  const size = Math.max(1, chunkSize);
  for (const field of ['actors', 'meetings', 'sources'] as const) {
    const list = dataset[field] as readonly unknown[];
    for (let offset = 0; offset < list.length; ) {
      if (credit) await credit.take();
      if (signal?.aborted) return;
      let endAt = Math.min(list.length, offset + size);
      if (field === 'sources') endAt = sourceChunkEnd(dataset.sources, offset, endAt);
      post({ type: 'chunk', field, offset, items: list.slice(offset, endAt) });
      sent += endAt - offset;
      offset = endAt;
      if (++chunks % CHUNKS_PER_PROGRESS === 0 || sent === total) post({ type: 'progress', stage: 'transfer', rows, fraction: overallFraction('transfer', sent / total) });
    }
  }
  post({ type: 'done', summary, ...(stored !== undefined ? { stored } : {}), ...(textsFollow ? { textsFollow } : {}) });
}

function sourceChunkEnd(sources: Dataset['sources'], from: number, limit: number): number {
  let chars = 0;
  let i = from;
  do chars += sources[i++]!.text?.length ?? 0;
  while (i < limit && chars < SOURCE_CHUNK_CHARS);
  return i;
}
