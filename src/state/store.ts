import { create } from 'zustand';
import { createDataSlice, type DataSlice } from './slices/dataSlice';
import { createViewSlice, type ViewSlice } from './slices/viewSlice';
import { createUiSlice, type UiSlice } from './slices/uiSlice';
import { createImportSlice, type ImportSlice } from './slices/importSlice';
import { createSearchSlice, type SearchSlice } from './slices/searchSlice';

export type AppState = DataSlice & ViewSlice & UiSlice & ImportSlice & SearchSlice;

export const createAppStore = () =>
  create<AppState>()((...a) => ({ ...createDataSlice(...a), ...createViewSlice(...a), ...createUiSlice(...a), ...createImportSlice(...a), ...createSearchSlice(...a) }));

export const useStore = createAppStore();
