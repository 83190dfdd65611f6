import type { Dataset } from '../schema';
import { parseDatasetText, type RecordPositions } from '../validate';
import { decodeBytes, headOf } from '../import/decode';
import { importText, type ImportOutcome } from '../import/pipeline';
import { isolate } from '../bidi';
import { copyPacked, packIndex, packedBuffers } from './packedIndex';
import { LAZY_RECORDS_MIN_MEETINGS, QUERY_WORKER_MIN_MEETINGS } from './thresholds';
import { elementSpans, joinIds, type RecordBytes, type SpanScanner } from './recordBytes';
import { chunkBuffers, TEXT_CHUNK, textChunk } from './recordText';
import { columnBuffers, queryColumnsFrom } from './queryColumns';
import { readFileBytes, storeFileBytes } from './storedFiles';
import { sendSearchTexts } from './searchTexts';
import type { TextPost } from './queryProtocol';
import type { ChunkField, LoadReply, LoadRequest, LoadStage, LoadSummary, Post } from './protocol';
import type { ChunkCredit } from './chunkCredit';
import { fetchDataset, type Download } from './fetchBody';
import { isJsonText, readWhileDownloading, type StreamedRead } from './streamedImport';
import { readFileInParts, workerHelper, type PartHelper } from './splitRead';
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
  fetching?: Download;
}

export async function runLoad(request: LoadRequest, post: Post, { signal, credit, texts, fetching }: LoadContext = {}): Promise<void> {
  const progress = (stage: LoadStage, rows: number, within: number) => post({ type: 'progress', stage, rows, fraction: overallFraction(stage, within) });
  const fail = (title: string, message: string) => post({ type: 'failed', title, issues: [{ path: '', message }], total: 1 });
  const { label, fileName } = request;
  let dataset: Dataset;
  let summary: LoadSummary;
  let storing: Promise<boolean> | null = null;
  let meetingBytes: RecordBytes | undefined;
  let positions: RecordPositions | undefined;
  // An import's outcome: its dataset, or the reply that says why there is none (null).
  const imported = (outcome: ImportOutcome): { dataset: Dataset; summary: LoadSummary; positions?: RecordPositions } | null => {
    if (outcome.ok) return importedParts(outcome);
    if (outcome.needsMapping) post({ type: 'needsMapping', needs: outcome });
    else post({ type: 'failed', title: outcome.title, issues: outcome.issues, total: outcome.issues.length });
    return null;
  };
  if (request.kind === 'table') {
    const parts = imported(importText('', fileName, { table: request.table, mapping: request.mapping }));
    if (!parts) return;
    ({ dataset, summary, positions } = parts);
  } else {
    let bytes: () => ArrayBuffer;
    let scanned: SpanScanner | undefined;
    let streamed: StreamedRead | null = null;
    const report = throttled(100, (rows, within) => progress('read', rows, within));
    if (request.kind === 'url') {
      const download = fetching ?? fetchDataset(request.url, post, signal);
      streamed = await readWhileDownloading(download, fileName, report, partHelper());
      const fetched = await download.done;
      if (!fetched.ok) {
        if (fetched.aborted) return;
        return fail(`Could not load the dataset ${isolate(label)}`, fetched.message);
      }
      bytes = fetched.body;
      scanned = fetched.scanned;
      post({ type: 'fetched', bytes: fetched.size });
    } else if (request.kind === 'stored') {
      const found = await readFileBytes(request.key);
      if (!found) return fail(`Cannot reopen ${isolate(label)}`, 'it is no longer stored in this browser');
      bytes = () => found;
    } else {
      const given = request.bytes;
      bytes = () => given;
    }
    // Started before reading, which takes longer: the copy is done in this worker by the time the records are.
    if (request.storeAs !== undefined && request.kind === 'bytes') storing = storeFileBytes(request.storeAs, bytes());
    progress('read', 0, 0);
    // A large event file from disk is read on both cores, as a link's is while it downloads.
    if (request.kind !== 'url') streamed = await readFileInParts(bytes(), fileName, partHelper(), report);
    const outcome = await streamed?.end();
    if (outcome) {
      const parts = imported(outcome);
      if (!parts) return;
      ({ dataset, summary, positions } = parts);
    } else {
      // Also where a streamed body turned out not to be valid text: decoding it whole says where.
      const json = isJsonText(headOf(bytes()), fileName);
      const decoded = decodeBytes(bytes());
      if (!decoded.ok) return fail(`Cannot open ${isolate(label)}`, decoded.message);
      if (signal?.aborted) return;
      if (json) {
        const result = parseDatasetText(decoded.text);
        if (!result.ok) return post({ type: 'failed', title: `The dataset ${isolate(label)} is not valid`, issues: result.issues, total: result.total });
        dataset = result.dataset;
        positions = result.positions;
        summary = { kind: 'json', warnings: result.warnings, warningTotal: result.warningTotal };
        if (result.asParsed && decoded.encoding === 'utf-8') meetingBytes = meetingsInFile(bytes(), dataset, scanned);
      } else {
        const parts = imported(importText(decoded.text, fileName, { onProgress: (p) => report(p.rows, p.fraction) }));
        if (!parts) return;
        ({ dataset, summary, positions } = parts);
      }
    }
  }
  if (signal?.aborted) return;
  const stored = storing ? await storing : undefined;
  if (signal?.aborted) return;
  const textsFollow = texts !== undefined && dataset.meetings.length >= texts.from;
  await handOver(dataset, summary, post, request.chunkSize ?? DEFAULT_CHUNK, signal, stored, credit, textsFollow, meetingBytes, positions);
  // After the hand-over, when the page has the dataset on screen and asks: the worker's cores are the page's too.
  if (!textsFollow) return;
  sendSearchTexts(dataset, await texts.wanted, signal);
  if (!signal?.aborted) post({ type: 'textsDone' });
}

/**
 * A large dataset's meetings as the file's own bytes (transferred to the page, which reads a meeting when it needs
 * one): only when the meetings are JSON.parse's objects unchanged, so each one's text in the file is exactly it.
 */
function meetingsInFile(bytes: ArrayBuffer, dataset: Dataset, scanned: SpanScanner | undefined): RecordBytes | undefined {
  const n = dataset.meetings.length;
  if (n < LAZY_RECORDS_MIN_MEETINGS) return undefined;
  const view = new Uint8Array(bytes);
  const spans = scanned ? scanned.spansOf(view, 'meetings', n) : elementSpans(view, 'meetings', n);
  return spans ? { bytes, ...spans, ids: joinIds(dataset.meetings) } : undefined;
}

/** A parsing helper on the other core, where workers can start workers (not in Node, nor on a page without workers). */
function partHelper(): (() => PartHelper) | undefined {
  if (typeof Worker === 'undefined' || typeof window !== 'undefined') return undefined;
  return () => workerHelper(new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module' }));
}

function importedParts(outcome: import('../import/pipeline').Imported): { dataset: Dataset; summary: LoadSummary; positions?: RecordPositions } {
  const { dataset, positions, ...imported } = outcome;
  return { dataset, summary: { kind: 'import', imported }, ...(positions ? { positions } : {}) };
}

/**
 * Index, then the head (index buffers transferred and the small parts of the dataset; with `meetingBytes`, the file's
 * bytes and the meetings' places in them), then the records in chunks (not the meetings given as bytes); with a
 * `credit`, each chunk waits for one (see CHUNKS_IN_FLIGHT), else all are sent at once (synchronously).
 */
export async function handOver(dataset: Dataset, summary: LoadSummary, post: Post, chunkSize: number, signal?: AbortSignal, stored?: boolean, credit?: ChunkCredit, textsFollow = false, meetingBytes?: RecordBytes, positions?: RecordPositions): Promise<void> {
  const n = dataset.meetings.length;
  const rows = summary.kind === 'import' ? summary.imported.rows : n;
  post({ type: 'progress', stage: 'index', rows, fraction: overallFraction('index', 0) });
  const packed = packIndex(dataset, positions);
  // Key order as in the file (an export writes the dataset back); the chunked arrays are filled in by the page.
  const rest: Dataset = { ...dataset, meetings: [], actors: [], sources: [] };
  const counts: Record<ChunkField, number> = { meetings: n, actors: dataset.actors.length, sources: dataset.sources.length };
  // Meetings given as bytes are not sent again as records; a large dataset's other meetings go as text (recordText.ts).
  const chunked = meetingBytes ? { ...counts, meetings: 0 } : counts;
  const meetingText = !meetingBytes && n >= LAZY_RECORDS_MIN_MEETINGS ? { ids: joinIds(dataset.meetings), chunk: TEXT_CHUNK } : undefined;
  const sourceText = sourcesAsText(dataset.sources) ? { ids: joinIds(dataset.sources), chunk: TEXT_CHUNK } : undefined;
  // The query worker's copy is made here: on the page it was a 15–60 ms part of the task that shows a 250k dataset.
  const query = n >= QUERY_WORKER_MIN_MEETINGS ? queryColumnsFrom(copyPacked(packed), dataset) : undefined;
  post({ type: 'head', packed, rest, counts, ...(query ? { query } : {}), ...(meetingBytes ? { meetingBytes } : {}), ...(meetingText ? { meetingText } : {}), ...(sourceText ? { sourceText } : {}) }, [
    ...packedBuffers(packed),
    ...(query ? columnBuffers(query) : []),
    ...(meetingBytes ? [meetingBytes.bytes, meetingBytes.starts.buffer as ArrayBuffer, meetingBytes.ends.buffer as ArrayBuffer] : []),
  ]);
  const total = chunked.meetings + chunked.actors + chunked.sources;
  let sent = 0;
  let chunks = 0;
  const size = Math.max(1, chunkSize);
  for (const field of ['actors', 'meetings', 'sources'] as const) {
    const list = dataset[field] as readonly unknown[];
    const asText = field === 'meetings' ? meetingText !== undefined : field === 'sources' && sourceText !== undefined;
    for (let offset = 0; offset < chunked[field]; ) {
      if (credit) await credit.take();
      if (signal?.aborted) return;
      let endAt = Math.min(list.length, offset + (asText ? TEXT_CHUNK : size));
      if (field === 'sources' && !asText) endAt = sourceChunkEnd(dataset.sources, offset, endAt);
      if (asText) {
        const chunk = textChunk(list, offset, endAt, field === 'meetings');
        post((field === 'meetings' ? { type: 'meetingText', offset, ...chunk } : { type: 'sourceText', offset, ...chunk }) as LoadReply, chunkBuffers(chunk));
      } else post({ type: 'chunk', field, offset, items: list.slice(offset, endAt) });
      sent += endAt - offset;
      offset = endAt;
      if (++chunks % CHUNKS_PER_PROGRESS === 0 || sent === total) post({ type: 'progress', stage: 'transfer', rows, fraction: overallFraction('transfer', sent / total) });
    }
  }
  post({ type: 'done', summary, ...(stored !== undefined ? { stored } : {}), ...(textsFollow ? { textsFollow } : {}) });
}

/** Longest source text sent within a text chunk: a chunk of TEXT_CHUNK sources stays a few megabytes at most. */
const SOURCE_TEXT_MAX_CHARS = 2000;

/**
 * Sources go as text like meetings when there are as many as a large dataset's meetings and none holds a long text:
 * an event file's one story per contact. Handed over as 202,572 objects (a year of ICEWS) they cost the page ~0.5 s of
 * deserializing before the first render, and collections of 45–55 ms.
 */
function sourcesAsText(sources: Dataset['sources']): boolean {
  if (sources.length < LAZY_RECORDS_MIN_MEETINGS) return false;
  for (const s of sources) if ((s.text?.length ?? 0) > SOURCE_TEXT_MAX_CHARS) return false;
  return true;
}

function sourceChunkEnd(sources: Dataset['sources'], from: number, limit: number): number {
  let chars = 0;
  let i = from;
  do chars += sources[i++]!.text?.length ?? 0;
  while (i < limit && chars < SOURCE_CHUNK_CHARS);
  return i;
}
