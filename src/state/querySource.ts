import type { DatasetIndex } from '../domain/indexes';
import { QueryEngine } from '../domain/engine/query';
import { columnsOf } from '../domain/engine/queryColumns';
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

/** The query worker for this dataset (started on first use, the previous dataset's stopped), or null: answer on the page. */
export function workerSourceFor(index: DatasetIndex): WorkerDataSource | null {
  if (current && current.index !== index) {
    current.source.dispose();
    current = null;
  }
  if (index.meetings.length < QUERY_WORKER_MIN_MEETINGS || typeof Worker === 'undefined') return null;
  if (!current) {
    const worker = new Worker(new URL('../domain/engine/query.worker.ts', import.meta.url), { type: 'module' });
    current = { index, source: workerDataSource(worker as unknown as QueryPort, columnsOf(index)) };
  }
  return current.source;
}
