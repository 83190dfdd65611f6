import type { DatasetIndex } from '../domain/indexes';
import type { DatasetIssue } from '../domain/validate';
import type { NeedsMapping } from '../domain/import/pipeline';
import { IndexAssembler } from '../domain/engine/assemble';
import { isolate } from '../domain/bidi';
import type { TextFeed } from './textFeed';
import { settleEarlyQueryWorker, startQueryWorkerEarly } from './querySource';
import type { WorkerDataSource } from '../domain/engine/queryClient';
import type { LoadAck, LoadReply, LoadRequest, LoadSummary } from '../domain/engine/protocol';

/**
 * The page's side of the data engine: starts a load in a worker (or in the page where there are no workers, as in
 * unit tests), reports progress, and assembles the index from the worker's chunks. One message is one short task,
 * so the page stays responsive however large the dataset.
 */
export type LoadOutcome =
  /** `stored`: the worker kept the file's bytes under the request's `storeAs` (absent when not asked). */
  /** `texts`: the meetings' search texts, still coming from the load worker (large datasets, see textFeed.ts). */
  | { kind: 'loaded'; index: DatasetIndex; summary: LoadSummary; stored?: boolean; texts?: TextFeed }
  | { kind: 'failed'; title: string; issues: DatasetIssue[]; total: number }
  | { kind: 'needsMapping'; needs: NeedsMapping }
  | { kind: 'cancelled' };

export interface LoadOptions {
  /** Rows read (or meetings handed over) and the share of the whole load done, 0–1; never decreases. */
  onProgress?: (rows: number, fraction: number) => void;
  /** A link's body that has not fully arrived by then fails the load ("did not arrive"). */
  timeoutMs?: number;
}

export interface LoadHandle {
  result: Promise<LoadOutcome>;
  cancel(): void;
}

/** Progress reaches the store at most this often: each report re-renders the progress bar. */
const PROGRESS_EVERY_MS = 100;

let current: LoadHandle | null = null;
/** Stops the load in flight (Cancel on the progress bar): the worker is terminated, the dataset on screen stays. */
export const cancelLoad = (): void => current?.cancel();

export function startLoad(request: LoadRequest, options: LoadOptions = {}): LoadHandle {
  let settle!: (outcome: LoadOutcome) => void;
  const result = new Promise<LoadOutcome>((resolve) => (settle = resolve));
  let settled = false;
  let stop: () => void = () => undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let assembler: IndexAssembler | null = null;
  let queryWorker: WorkerDataSource | null = null;
  // The head's columns for the query worker, until it is started in a task of its own (see 'head' below).
  let pendingQuery: Parameters<typeof startQueryWorkerEarly>[0] | null = null;
  let queryTimer: ReturnType<typeof setTimeout> | undefined;
  const startPendingQueryWorker = () => {
    clearTimeout(queryTimer);
    // `finish` drops what is pending: a load that has ended starts no worker.
    if (pendingQuery) queryWorker = startQueryWorkerEarly(pendingQuery);
    pendingQuery = null;
  };
  let best = { rows: 0, fraction: 0, at: -Infinity };

  let texts: TextFeed | null = null;
  const finish = (outcome: LoadOutcome, keepWorker = false) => {
    if (settled) return;
    settled = true;
    clearTimeout(queryTimer);
    pendingQuery = null;
    // A query worker started for a dataset that never arrived.
    if (queryWorker) settleEarlyQueryWorker(queryWorker, null);
    clearTimeout(timer);
    if (!keepWorker) stop();
    if (current === handle) current = null;
    settle(outcome);
  };
  const report = (rows: number, fraction: number) => {
    best = { rows: Math.max(best.rows, rows), fraction: Math.max(best.fraction, fraction), at: best.at };
    const now = performance.now();
    if (now - best.at < PROGRESS_EVERY_MS && fraction < 1) return;
    best.at = now;
    options.onProgress?.(best.rows, best.fraction);
  };
  let acknowledge: () => void = () => undefined;
  let askForTexts: (port: MessagePort) => void = () => undefined;
  let textsFailed: () => void = () => undefined;
  const receive = (reply: LoadReply) => {
    // After the load: the search texts went to the query worker; this worker's work is done.
    if (reply.type === 'textsDone') return stop();
    if (settled && reply.type === 'failed') return textsFailed();
    if (settled) return;
    // No later than the first record or the end after the head (they follow at once; a timer may run only after them).
    if (pendingQuery && (reply.type === 'chunk' || reply.type === 'meetingText' || reply.type === 'sourceText' || reply.type === 'done')) startPendingQueryWorker();
    try {
      switch (reply.type) {
        case 'progress':
          return report(reply.rows, reply.fraction);
        case 'fetched':
          return clearTimeout(timer);
        case 'failed':
          return finish({ kind: 'failed', title: reply.title, issues: reply.issues, total: reply.total });
        case 'needsMapping':
          return finish({ kind: 'needsMapping', needs: reply.needs });
        case 'head':
          assembler = new IndexAssembler(reply.packed, reply.rest, reply.counts, reply.meetingBytes, reply.meetingText, reply.sourceText);
          // In the next task: with the assembler's set-up, starting the worker and handing it the columns made one
          // task of 34–55 ms at 250k (long-animation-frame entries).
          if (reply.query) {
            pendingQuery = reply.query;
            queryTimer = setTimeout(startPendingQueryWorker, 0);
          }
          return;
        case 'chunk':
          assembler!.add(reply.field, reply.offset, reply.items);
          return acknowledge();
        case 'meetingText':
          assembler!.addMeetingText(reply.offset, reply);
          return acknowledge();
        case 'sourceText':
          assembler!.addSourceText(reply.offset, reply);
          return acknowledge();
        case 'done': {
          if (reply.textsFollow) {
            texts = {
              sendTo: (port, onFailed) => {
                textsFailed = () => {
                  stop();
                  onFailed();
                };
                askForTexts(port);
              },
              stop: () => stop(),
            };
          }
          const index = assembler!.finish();
          if (queryWorker) settleEarlyQueryWorker(queryWorker, index);
          queryWorker = null;
          const loaded: LoadOutcome = { kind: 'loaded', index, summary: reply.summary, ...(reply.stored !== undefined ? { stored: reply.stored } : {}), ...(texts ? { texts } : {}) };
          return finish(loaded, texts !== null);
        }
      }
    } catch (error) {
      finish({ kind: 'failed', title: `Cannot read ${isolate(request.label)}`, issues: [{ path: '', message: (error as Error).message }], total: 1 });
    }
  };
  const handle: LoadHandle = { result, cancel: () => finish({ kind: 'cancelled' }) };
  current = handle;
  if (request.kind === 'url' && options.timeoutMs !== undefined) {
    const seconds = Math.round(options.timeoutMs / 1000);
    timer = setTimeout(
      () => finish({ kind: 'failed', title: `The dataset ${isolate(request.label)} did not arrive`, issues: [{ path: '', message: `no answer within ${seconds} s: the server may be down or the link wrong` }], total: 1 }),
      options.timeoutMs,
    );
  }

  if (typeof Worker === 'undefined') {
    const controller = new AbortController();
    stop = () => controller.abort();
    void import('../domain/engine/runLoad')
      .then(({ runLoad }) => runLoad(request, receive, { signal: controller.signal }))
      .catch((error: unknown) => receive({ type: 'failed', title: `Cannot read ${isolate(request.label)}`, issues: [{ path: '', message: (error as Error).message }], total: 1 }));
    return handle;
  }
  const worker = new Worker(new URL('../domain/engine/load.worker.ts', import.meta.url), { type: 'module' });
  stop = () => worker.terminate();
  acknowledge = () => worker.postMessage({ type: 'ack' } satisfies LoadAck);
  askForTexts = (port) => worker.postMessage({ type: 'sendTexts', port } satisfies LoadAck, [port]);
  worker.onmessage = (event: MessageEvent<LoadReply>) => receive(event.data);
  worker.onerror = (event) => {
    event.preventDefault();
    receive({ type: 'failed', title: `Cannot read ${isolate(request.label)}`, issues: [{ path: '', message: event.message || 'the reader stopped unexpectedly' }], total: 1 });
  };
  // The worker's base URL is its own script: a link is resolved against the page first.
  const sent = request.kind === 'url' ? { ...request, url: new URL(request.url, location.href).href } : request;
  worker.postMessage(sent, request.kind === 'bytes' ? [request.bytes] : []);
  return handle;
}
