import type { StateCreator } from 'zustand';
import { EMPTY_FILTERS, type Filters } from '../../domain/filters';
import type { AppState } from '../store';
import type { AnalysisView, Selection, TimeWindow, View } from '../types';
import { DEFAULT_PLAY_SPAN, DEFAULT_PLAY_SPEED, type PlaySpan, type PlaySpeed } from '../../domain/playback';
import type { LaneMode } from '../../domain/lanes';

/**
 * The shareable view. Every setter records whether the change is discrete (a history entry)
 * or continuous (replace the current entry) so the URL binding can do the right thing.
 */
export type HistoryMode = 'push' | 'replace';

export interface ViewSlice extends View {
  lastChange: HistoryMode;
  setFilters: (patch: Partial<Filters>, mode?: HistoryMode) => void;
  toggleFilterValue: (facet: 'actors' | 'countries' | 'topics', value: string) => void;
  resetFilters: () => void;
  select: (selection: Selection | null) => void;
  setWindow: (window: TimeWindow | null) => void;
  setFollowWindow: (on: boolean) => void;
  /** Moves the window and has the network follow it, in one change (playback): one question to the query worker, not two. */
  followWindowTo: (window: TimeWindow) => void;
  setMode: (mode: View['mode']) => void;
  setAnalysis: (patch: Partial<AnalysisView>) => void;
  setLanes: (lanes: LaneMode | null) => void;
  setPlayback: (patch: { playSpan?: PlaySpan; playSpeed?: PlaySpeed }) => void;
  /** Replaces the whole view, e.g. from the URL on load or on Back/Forward. */
  applyView: (view: View) => void;
}

export const INITIAL_ANALYSIS: AnalysisView = Object.freeze({ size: 'meetings', color: 'affiliation', ego: null });

export const INITIAL_VIEW: View = {
  filters: EMPTY_FILTERS,
  selection: null,
  window: null,
  followWindow: false,
  mode: 'charts',
  analysis: INITIAL_ANALYSIS,
  lanes: null,
  playSpan: DEFAULT_PLAY_SPAN,
  playSpeed: DEFAULT_PLAY_SPEED,
};

export const createViewSlice: StateCreator<AppState, [], [], ViewSlice> = (set) => ({
  ...INITIAL_VIEW,
  lastChange: 'replace',
  setFilters: (patch, mode = 'push') => set((s) => ({ filters: { ...s.filters, ...patch }, lastChange: mode })),
  toggleFilterValue: (facet, value) =>
    set((s) => {
      const current = s.filters[facet];
      const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
      return { filters: { ...s.filters, [facet]: next }, lastChange: 'push' };
    }),
  resetFilters: () => set({ filters: EMPTY_FILTERS, lastChange: 'push' }),
  select: (selection) => set({ selection, lastChange: 'push' }),
  setWindow: (window) => set({ window, lastChange: 'replace' }),
  setFollowWindow: (followWindow) => set({ followWindow, lastChange: 'push' }),
  // Turning following on is a history entry (as with the checkbox); moving a followed window replaces the entry.
  followWindowTo: (window) => set((s) => (s.followWindow ? { window, lastChange: 'replace' } : { window, followWindow: true, lastChange: 'push' })),
  setMode: (mode) => set({ mode, lastChange: 'push' }),
  setAnalysis: (patch) => set((s) => ({ analysis: { ...s.analysis, ...patch }, lastChange: 'push' })),
  setLanes: (lanes) => set({ lanes, lastChange: 'push' }),
  setPlayback: (patch) => set({ ...patch, lastChange: 'replace' }),
  applyView: (view) => set({ ...view, lastChange: 'replace' }),
});
