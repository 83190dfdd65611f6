import type { StateCreator } from 'zustand';
import type { DatasetIndex } from '../../domain/indexes';
import type { DatasetIssue } from '../../domain/validate';
import type { AppState } from '../store';

/** `url` is a link's URL or a file's name; `origin: 'file'` marks a file from the user's computer (never fetched). */
export type DataStatus =
  | { state: 'loading'; url: string; origin?: 'file' }
  | { state: 'ready'; url: string; index: DatasetIndex; origin?: 'file' }
  | { state: 'error'; url: string; title: string; issues: DatasetIssue[]; /** All problems found; `issues` lists the first. */ total?: number; origin?: 'file' };

export interface DataSlice {
  data: DataStatus;
  setData: (data: DataStatus) => void;
}

export const createDataSlice: StateCreator<AppState, [], [], DataSlice> = (set) => ({
  data: { state: 'loading', url: '' },
  setData: (data) => set({ data }),
});
