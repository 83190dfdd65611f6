import type { StateCreator } from 'zustand';
import type { Imported, NeedsMapping } from '../../domain/import/pipeline';
import type { AppState } from '../store';

/** A dataset being read: a progress bar with Cancel while the current dataset stays on screen. */
export interface ImportProgress {
  name: string;
  rows: number;
  /** 0–1, or null before the reader reports. */
  fraction: number | null;
}

interface ReviewTarget {
  name: string;
  /** The URL of a link's dataset, or the file's name. */
  url: string;
  origin: 'url' | 'file';
  size: number;
}

/** What the import dialog asks about: rows that could not be read, or which column is which. */
export type ImportReview = ({ kind: 'problems'; result: Imported } | { kind: 'mapping'; needs: NeedsMapping }) & ReviewTarget;

export interface ImportSlice {
  importProgress: ImportProgress | null;
  importReview: ImportReview | null;
  setImportProgress: (progress: ImportProgress | null) => void;
  setImportReview: (review: ImportReview | null) => void;
}

export const createImportSlice: StateCreator<AppState, [], [], ImportSlice> = (set) => ({
  importProgress: null,
  importReview: null,
  setImportProgress: (importProgress) => set({ importProgress }),
  setImportReview: (importReview) => set({ importReview }),
});
