import type { NetworkSnapshot } from './network/snapshot';
import type { TimeWindow } from '../state/types';

/**
 * What the mounted views can tell an export about what is on screen right now. Layout positions
 * and the timeline's exact window live inside the controllers (not the store, which would re-render
 * on every layout tick), so each view registers a reader while it is mounted.
 */
export interface TimelineShot {
  window: TimeWindow;
  /** Width of the timeline on screen, in CSS pixels. */
  width: number;
}

let network: (() => NetworkSnapshot) | null = null;
let timeline: (() => TimelineShot) | null = null;

/** Registers the network's reader; the returned function unregisters it (only if it is still the current one). */
export function provideNetworkSnapshot(read: () => NetworkSnapshot): () => void {
  network = read;
  return () => {
    if (network === read) network = null;
  };
}

export function provideTimelineShot(read: () => TimelineShot): () => void {
  timeline = read;
  return () => {
    if (timeline === read) timeline = null;
  };
}

/** Null when the network is not on screen (e.g. the table view). */
export const readNetworkSnapshot = (): NetworkSnapshot | null => network?.() ?? null;
export const readTimelineShot = (): TimelineShot | null => timeline?.() ?? null;
