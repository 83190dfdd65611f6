import type { DatasetIndex } from '../domain/indexes';
import { QueryEngine } from '../domain/engine/query';
import { columnsOf, type QueryColumns } from '../domain/engine/queryColumns';
import { QUERY_WORKER_MIN_MEETINGS } from '../domain/engine/thresholds';
import { workerDataSource, type QueryPort, type WorkerDataSource } from '../domain/engine/queryClient';
import { searchTextOf } from '../domain/searchText';

export { QUERY_WORKER_MIN_MEETINGS };

const engines = new WeakMap<DatasetIndex, QueryEngine>();

/** The engine over the page's own index (with the search texts): the small-dataset path, and searches. */
export function pageEngine(index: DatasetIndex): QueryEngine {
  let engine = engines.get(index);
  if (!engine) engines.set(index, (engine = new QueryEngine(index, (i) => searchTextOf(index, i))));
  return engine;
}

let current: { index: DatasetIndex; source: WorkerDataSource } | null = null;

const startWorker = (columns: QueryColumns) =>
  workerDataSource(new Worker(new URL('../domain/engine/query.worker.ts', import.meta.url), { type: 'module' }) as unknown as QueryPort, columns);

/**
 * A query worker started while its dataset still loads (`index` null until the load has assembled it): at most one;
 * a newer one replaces it, and one never used by the dataset it was made for is stopped.
 */
let early: { index: DatasetIndex | null; source: WorkerDataSource } | null = null;

/**
 * Starts the query worker on the columns the load worker sent ahead of the records, so it builds its engine while
 * they are handed over (at 250,000 meetings ~250 ms that the first picture otherwise waited for). Null without workers.
 */
export function startQueryWorkerEarly(columns: QueryColumns): WorkerDataSource | null {
  if (typeof Worker === 'undefined') return null;
  early?.source.dispose();
  early = { index: null, source: startWorker(columns) };
  return early.source;
}

/** The load that started `source` ended: with its dataset (`index`, which then uses it), or without (it is stopped). */
export function settleEarlyQueryWorker(source: WorkerDataSource, index: DatasetIndex | null): void {
  if (early?.source !== source) return source.dispose();
  if (index) early.index = index;
  else {
    source.dispose();
    early = null;
  }
}

/** The query worker for this dataset (started on first use, the previous dataset's stopped), or null: answer on the page. */
export function workerSourceFor(index: DatasetIndex): WorkerDataSource | null {
  if (current && current.index !== index) {
    current.source.dispose();
    current = null;
  }
  if (index.meetings.length < QUERY_WORKER_MIN_MEETINGS || typeof Worker === 'undefined') return null;
  if (!current) {
    let ready: WorkerDataSource | null = null;
    // A finished load's worker: this dataset's, or no longer anyone's. One still loading is left alone.
    if (early?.index) {
      if (early.index === index) ready = early.source;
      else early.source.dispose();
      early = null;
    }
    current = { index, source: ready ?? startWorker(columnsOf(index)) };
  }
  return current.source;
}
