import type { StateCreator } from 'zustand';
import type { DatasetIndex } from '../../domain/indexes';
import type { Filters } from '../../domain/filters';
import type { AppState } from '../store';

/**
 * A large dataset's search, answered by the query worker (which holds its texts; see workerSearch.ts): `terms` is
 * the search the views show (normalized, '' for none) and `hits` marks its matches (1 at each meeting's position).
 */
export interface WorkerSearch {
  index: DatasetIndex;
  terms: string;
  hits: Uint8Array | null;
  /**
   * The filters the worker found the matches within (`hits` marks those passing all of them), or null when `hits`
   * marks every match in the dataset.
   */
  within: Filters | null;
}

export interface SearchSlice {
  /** Set while the query worker answers this dataset's searches; null (or another index's) while the page does. */
  workerSearch: WorkerSearch | null;
  setWorkerSearch: (search: WorkerSearch | null) => void;
}

export const createSearchSlice: StateCreator<AppState, [], [], SearchSlice> = (set) => ({
  workerSearch: null,
  setWorkerSearch: (workerSearch) => set({ workerSearch }),
});
