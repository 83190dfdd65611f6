import { useEffect, useMemo, useRef } from 'react';
import { DAY_MS, isoToMs } from '../../domain/dates';
import type { DatasetIndex } from '../../domain/indexes';
import { playExtent, playStart, stepFromView, stepIntervalMs, stepPlayWindow, type MsRange } from '../../domain/playback';
import { useStore } from '../../state/store';
import type { TimeWindow } from '../../state/types';
import { toTimeWindow } from './timelineOptions';

export interface Playback {
  playing: boolean;
  play(): void;
  pause(): void;
  toggle(): void;
  /** One step back or forward; false when the data has no more in that direction. */
  step(direction: -1 | 1): boolean;
}

const toMs = (w: TimeWindow): MsRange => ({ start: isoToMs(w.start), end: isoToMs(w.end) + DAY_MS });
const same = (a: TimeWindow | null, b: TimeWindow | null) => a !== null && b !== null && a.start === b.start && a.end === b.end;

/**
 * Playback of the timeline window through the filtered meetings. Each frame sets the store's window
 * (so the URL keeps it: Pause leaves the view where it is) and turns on "Network: only visible period"
 * so the network shows that window. Moving the timeline by hand while playing pauses.
 */
export function usePlayback(index: DatasetIndex | null, visible: Int32Array, currentWindow: () => TimeWindow | null): Playback {
  const playing = useStore((s) => s.playing);
  const span = useStore((s) => s.playSpan);
  const speed = useStore((s) => s.playSpeed);
  // Worked out when playback first needs it, not in every filter step's render (a loop over the filtered meetings:
  // 5 ms of the first 250k step's click, traced, before it was compiled).
  const extentOf = useMemo(() => {
    let extent: MsRange | null | undefined;
    return () => (extent === undefined ? (extent = index ? playExtent(index, visible) : null) : extent);
  }, [index, visible]);
  /** The last window playback set; any other window means the user took over. */
  const applied = useRef<TimeWindow | null>(null);

  const apply = (w: MsRange) => {
    applied.current = toTimeWindow(w.start, w.end);
    useStore.getState().followWindowTo(applied.current);
  };
  const current = (): MsRange | null => {
    const w = currentWindow();
    return w ? toMs(w) : null;
  };

  const step = (direction: -1 | 1): boolean => {
    const now = current();
    const extent = extentOf();
    if (!now || !extent) return false;
    const next = stepFromView(now, span, direction, extent.start, extent.end);
    if (!next) return false;
    apply(next);
    return true;
  };
  const play = () => {
    const now = current();
    const extent = extentOf();
    if (!now || !extent) return;
    apply(playStart(now, span, extent.start, extent.end));
    useStore.getState().setPlaying(true);
  };
  const pause = () => useStore.getState().setPlaying(false);

  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      const w = useStore.getState().window;
      const extent = extentOf();
      if (!extent || !w) return pause();
      const next = stepPlayWindow(toMs(w), span, 1, extent.start, extent.end);
      if (next) apply(next);
      else pause();
    }, stepIntervalMs(speed));
    const stopOnUserMove = useStore.subscribe((s, prev) => {
      if (s.window !== prev.window && !same(s.window, applied.current)) pause();
    });
    return () => {
      clearInterval(timer);
      stopOnUserMove();
    };
    // apply/pause only touch the store; the timer restarts when what it steps through changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [playing, span, speed, extentOf]);

  // Leaving the page section (unmount) stops playback.
  useEffect(() => () => useStore.getState().setPlaying(false), []);

  return { playing, play, pause, toggle: () => (playing ? pause() : play()), step };
}
