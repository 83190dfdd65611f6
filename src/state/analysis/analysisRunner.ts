import { taskSize, type AnalysisTask, type ResultOf } from '../../domain/analysis/tasks';
import type { AnalysisReply, AnalysisRequest } from './analysis.worker';

/**
 * Where analysis runs. graphology is loaded with a dynamic import (never in the main bundle); tasks
 * on graphs up to MAIN_THREAD_MAX_SIZE nodes + links run on the main thread, larger ones in a worker.
 * Measured (Node, 2-core machine under load): 195 actors + 354 links took ~150 ms for betweenness
 * and ~55 ms for Louvain, so anything past the bundled scale would block the page for over 50 ms.
 */
export const MAIN_THREAD_MAX_SIZE = 150;

export class AnalysisCancelled extends Error {
  constructor() {
    super('analysis cancelled');
  }
}

export interface AnalysisHandle<R> {
  promise: Promise<R>;
  cancel(): void;
}

/** Higher runs first; a higher-priority job pre-empts a running lower one (which is re-queued). */
export const PRIORITY = { view: 2, panel: 1 } as const;

interface Job {
  id: number;
  task: AnalysisTask;
  priority: number;
  resolve(result: unknown): void;
  reject(error: Error): void;
}

let nextId = 1;
let worker: Worker | null = null;
let running: Job | null = null;
const queue: Job[] = [];

const canUseWorker = () => typeof Worker === 'function';

function stopWorker() {
  // A busy worker cannot read a close message; terminating it is the only way to stop a long pass.
  worker?.terminate();
  worker = null;
  running = null;
}

function ensureWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' });
  w.onmessage = (event: MessageEvent<AnalysisReply>) => {
    const reply = event.data;
    const job = running;
    if (!job || job.id !== reply.id) return;
    running = null;
    if ('error' in reply) job.reject(new Error(reply.error));
    else job.resolve(reply.result);
    pump();
  };
  w.onerror = (event) => {
    const job = running;
    stopWorker();
    job?.reject(new Error(event.message || 'analysis worker failed'));
    pump();
  };
  return (worker = w);
}

function pump() {
  if (running || !queue.length) return;
  queue.sort((a, b) => b.priority - a.priority || a.id - b.id);
  running = queue.shift()!;
  ensureWorker().postMessage({ type: 'run', id: running.id, task: running.task } satisfies AnalysisRequest);
}

function runInWorker<T extends AnalysisTask>(task: T, priority: number): AnalysisHandle<ResultOf<T>> {
  let job!: Job;
  const promise = new Promise<ResultOf<T>>((resolve, reject) => {
    job = { id: nextId++, task, priority, resolve: resolve as (r: unknown) => void, reject };
  });
  queue.push(job);
  if (running && running.priority < priority) {
    queue.push(running);
    stopWorker();
  }
  pump();
  return {
    promise,
    cancel() {
      const at = queue.indexOf(job);
      if (at >= 0) queue.splice(at, 1);
      else if (running === job) {
        stopWorker();
        pump();
      } else return;
      job.reject(new AnalysisCancelled());
    },
  };
}

function runHere<T extends AnalysisTask>(task: T): AnalysisHandle<ResultOf<T>> {
  let cancelled = false;
  const promise = import('../../domain/analysis/runTask').then(({ runTask }) => {
    if (cancelled) throw new AnalysisCancelled();
    return runTask(task);
  });
  return {
    promise,
    cancel: () => {
      cancelled = true;
    },
  };
}

/** Starts `task` where it belongs; the result arrives asynchronously either way. */
export function analyse<T extends AnalysisTask>(task: T, priority: number = PRIORITY.view): AnalysisHandle<ResultOf<T>> {
  return taskSize(task) > MAIN_THREAD_MAX_SIZE && canUseWorker() ? runInWorker(task, priority) : runHere(task);
}
