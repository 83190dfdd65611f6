import type { Dataset } from '../schema';
import { parseJsonText } from '../validate';
import { decodeBytes, headOf } from '../import/decode';
import { importText, notValidAfterReading, type Imported } from '../import/pipeline';
import { isolate } from '../bidi';
import { readFileBytes, storeFileBytes } from './storedFiles';
import { sendSearchTexts } from './searchTexts';
import type { TextPost } from './queryProtocol';
import type { LoadRequest, LoadStage, LoadSummary, Post } from './protocol';
import type { ChunkCredit } from './chunkCredit';
import { fetchDataset, type Fetched } from './fetchBody';
import { overallFraction, throttled } from './loadProgress';
import { DEFAULT_CHUNK, handOver, validateHandingOver, type StartedHandOver } from './handOver';

export { DEFAULT_CHUNK, handOver };

/** JSON datasets by name or first characters; everything else goes through the import readers. */
export const isJsonText = (text: string, name: string): boolean => /\.json$/i.test(name.split('?')[0]!) || /^\s*[[{]/.test(text.slice(0, 64));

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

/**
 * The whole load, as the worker runs it (and the page itself where there are no workers): fetch, decode, parse or
 * import, validate, index, then hand over. Replies go through `post`; the index's buffers are transferred.
 */
export async function runLoad(request: LoadRequest, post: Post, { signal, credit, texts, fetching }: LoadContext = {}): Promise<void> {
  const progress = (stage: LoadStage, rows: number, within: number) => post({ type: 'progress', stage, rows, fraction: overallFraction(stage, within) });
  const fail = (title: string, message: string) => post({ type: 'failed', title, issues: [{ path: '', message }], total: 1 });
  const { label, fileName } = request;
  const chunkSize = request.chunkSize ?? DEFAULT_CHUNK;
  /** Validates what a reader made (every dataset is), handing records over meanwhile; null if it failed or was cancelled. */
  const checkImported = async (outcome: Imported): Promise<{ dataset: Dataset; summary: LoadSummary } | null> => {
    const checking = await validateHandingOver(outcome.dataset, post, chunkSize, credit, signal, outcome.rows);
    if (!checking || signal?.aborted) return null;
    const { checked } = checking;
    if (!checked.ok) {
      post({ type: 'failed', title: notValidAfterReading(fileName), issues: checked.issues, total: checked.total });
      return null;
    }
    started = checking.started;
    return importedParts({ ...outcome, dataset: checked.dataset });
  };
  let dataset: Dataset;
  let summary: LoadSummary;
  let storing: Promise<boolean> | null = null;
  let started: StartedHandOver | null = null;
  if (request.kind === 'table') {
    const outcome = importText('', fileName, { table: request.table, mapping: request.mapping, deferCheck: true });
    if (!outcome.ok) {
      if (outcome.needsMapping) return post({ type: 'needsMapping', needs: outcome });
      return post({ type: 'failed', title: outcome.title, issues: outcome.issues, total: outcome.issues.length });
    }
    const checked = await checkImported(outcome);
    if (!checked) return;
    ({ dataset, summary } = checked);
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
      const result = parsed.ok ? await validateHandingOver(parsed.value, post, chunkSize, credit, signal) : { checked: parsed.failure, started: null };
      if (!result || signal?.aborted) return;
      const { checked } = result;
      if (!checked.ok) return post({ type: 'failed', title: `The dataset ${isolate(label)} is not valid`, issues: checked.issues, total: checked.total });
      dataset = checked.dataset;
      summary = { kind: 'json', warnings: checked.warnings, warningTotal: checked.warningTotal };
      started = result.started;
    } else {
      const report = throttled(100, (rows, within) => progress('read', rows, within));
      const outcome = importText(decoded.text, fileName, { onProgress: (p) => report(p.rows, p.fraction), deferCheck: true });
      if (!outcome.ok) {
        if (outcome.needsMapping) return post({ type: 'needsMapping', needs: outcome });
        return post({ type: 'failed', title: outcome.title, issues: outcome.issues, total: outcome.issues.length });
      }
      const checked = await checkImported(outcome);
      if (!checked) return;
      ({ dataset, summary } = checked);
    }
  }
  if (signal?.aborted) return;
  const stored = storing ? await storing : undefined;
  if (signal?.aborted) return;
  const textsFollow = texts !== undefined && dataset.meetings.length >= texts.from;
  await handOver(dataset, summary, post, chunkSize, signal, stored, credit, textsFollow, started);
  // After the hand-over, when the page has the dataset on screen and asks: the worker's cores are the page's too.
  if (!textsFollow) return;
  sendSearchTexts(dataset, await texts.wanted, signal);
  if (!signal?.aborted) post({ type: 'textsDone' });
}

function importedParts(outcome: Imported): { dataset: Dataset; summary: LoadSummary } {
  const { dataset, ...imported } = outcome;
  return { dataset, summary: { kind: 'import', imported } };
}

