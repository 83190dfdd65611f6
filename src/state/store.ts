import { create } from 'zustand';
import { createDataSlice, type DataSlice } from './slices/dataSlice';
import { createViewSlice, type ViewSlice } from './slices/viewSlice';
import { createUiSlice, type UiSlice } from './slices/uiSlice';

export type AppState = DataSlice & ViewSlice & UiSlice;

export const createAppStore = () =>
  create<AppState>()((...a) => ({ ...createDataSlice(...a), ...createViewSlice(...a), ...createUiSlice(...a) }));

export const useStore = createAppStore();
