import { deriveGraph, deriveGraphMeetings, deriveHighlight, deriveVisible, NO_HIGHLIGHT } from '../domain/derive';
import type { DatasetIndex } from '../domain/indexes';
import type { AppState } from './store';

const EMPTY = new Int32Array(0);

export const selectIndex = (s: AppState): DatasetIndex | null => (s.data.state === 'ready' ? s.data.index : null);

/** Positions of the meetings passing the filters, in date order. */
export const selectVisible = (s: AppState): Int32Array => {
  const index = selectIndex(s);
  return index ? deriveVisible(index, s.filters) : EMPTY;
};

export const selectVisibleCount = (s: AppState): number => selectVisible(s).length;
export const selectTotalCount = (s: AppState): number => selectIndex(s)?.meetings.length ?? 0;

export const selectGraphMeetings = (s: AppState): Int32Array => {
  const index = selectIndex(s);
  if (!index) return EMPTY;
  const follow = s.followWindow && s.window;
  return deriveGraphMeetings(index, selectVisible(s), follow ? s.window!.start : null, follow ? s.window!.end : null);
};

export const selectGraph = (s: AppState) => {
  const index = selectIndex(s);
  return index ? deriveGraph(index, selectGraphMeetings(s)) : { nodes: [], edges: [] };
};

/** Emphasis from the selection (persistent). */
export const selectSelectionHighlight = (s: AppState) => {
  const index = selectIndex(s);
  return index ? deriveHighlight(index, selectVisible(s), s.selection) : NO_HIGHLIGHT;
};
