import type { StateCreator } from 'zustand';
import type { DatasetIndex } from '../../domain/indexes';
import type { DatasetIssue } from '../../domain/validate';
import type { AppState } from '../store';

export type DataStatus =
  | { state: 'loading'; url: string }
  | { state: 'ready'; url: string; index: DatasetIndex }
  | { state: 'error'; url: string; title: string; issues: DatasetIssue[]; /** All problems found; `issues` lists the first. */ total?: number };

export interface DataSlice {
  data: DataStatus;
  setData: (data: DataStatus) => void;
}

export const createDataSlice: StateCreator<AppState, [], [], DataSlice> = (set) => ({
  data: { state: 'loading', url: '' },
  setData: (data) => set({ data }),
});
