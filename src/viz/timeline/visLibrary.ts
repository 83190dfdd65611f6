import type { Timeline } from 'vis-timeline/esnext';
import type { DataSet } from 'vis-data/esnext';

/**
 * vis-timeline (with vis-data, hammer.js, xss, …) lives in a chunk of its own, fetched while the dataset loads and
 * evaluated in a task of its own: inside the main bundle its evaluation was part of one long start-up task. The
 * timeline is built once it has arrived (TimelineView waits for it; main.tsx starts the download at once).
 */
export interface VisLibrary {
  Timeline: typeof Timeline;
  DataSet: typeof DataSet;
}

let library: VisLibrary | null = null;
let loading: Promise<VisLibrary> | null = null;

export function loadVisLibrary(): Promise<VisLibrary> {
  loading ??= import('./visBundle').then(
    (m) => (library = { Timeline: m.Timeline, DataSet: m.DataSet }),
    (error: unknown) => {
      loading = null; // a later mount tries again (a dropped connection, a deploy that replaced the chunk)
      throw error;
    },
  );
  return loading;
}

export const isVisLibraryLoaded = (): boolean => library !== null;

/** The loaded library; building a timeline before `loadVisLibrary` has resolved is a programming error. */
export function visLibrary(): VisLibrary {
  if (!library) throw new Error('vis-timeline has not been loaded yet (await loadVisLibrary() first)');
  return library;
}
