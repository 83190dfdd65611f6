import type { StateCreator } from 'zustand';
import type { AppState } from '../store';
import type { Notice } from '../types';

/** Transient, not shareable: hover and notices. */
export interface UiSlice {
  hoveredMeeting: string | null;
  hoveredActor: string | null;
  notices: Notice[];
  /** Timeline playback running (never in a link: a shared link must not start moving by itself). */
  playing: boolean;
  setPlaying: (playing: boolean) => void;
  hoverMeeting: (id: string | null) => void;
  hoverActor: (id: string | null) => void;
  addNotice: (notice: Omit<Notice, 'id'> & { id?: string }) => void;
  dismissNotice: (id: string) => void;
}

let nextNoticeId = 1;

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  hoveredMeeting: null,
  hoveredActor: null,
  notices: [],
  playing: false,
  setPlaying: (playing) => set({ playing }),
  hoverMeeting: (hoveredMeeting) => set({ hoveredMeeting }),
  hoverActor: (hoveredActor) => set({ hoveredActor }),
  addNotice: ({ id = `notice-${nextNoticeId++}`, ...rest }) =>
    set((s) => ({ notices: [...s.notices.filter((n) => n.id !== id), { id, ...rest }] })),
  dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
});
