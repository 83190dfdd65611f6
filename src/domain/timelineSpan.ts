import { DAY_MS, isoToMs, msToIso } from './dates';

/**
 * How wide a window the timeline may show. A fixed limit (vis-timeline's `zoomMax`) hid part of any
 * dataset spanning more than it; the limit follows the data instead, so Fit all shows every meeting,
 * and a linked window wider than the limit is clamped (with a notice) rather than silently recentred.
 */

const YEAR_MS = 365.25 * DAY_MS;
/** The limit for datasets shorter than it: wide enough to see a few centuries of context. */
export const MIN_ZOOM_MAX_MS = 300 * YEAR_MS;
/**
 * Fit all pads both sides, starts a multi-year window on 1 January and widens it for labels (by at
 * most 1.35×): twice the span plus two years always holds that.
 */
const FIT_ROOM = 2;
const FIT_EXTRA_MS = 2 * YEAR_MS;

/** The widest window (ms) the timeline shows for meetings from `minTime` to `maxTime` (ms). */
export function maxWindowMs(minTime: number, maxTime: number): number {
  return Math.max(MIN_ZOOM_MAX_MS, (maxTime - minTime) * FIT_ROOM + FIT_EXTRA_MS);
}

/** Whole years in `ms`, for messages. */
export function yearsIn(ms: number): number {
  return Math.floor(ms / YEAR_MS);
}

export interface DayWindow {
  /** Inclusive ISO days. */
  start: string;
  end: string;
}

/**
 * `window` cut to at most `maxMs`, keeping the part nearest the meetings' middle so the clamped
 * window shows as many of them as it can; null when it already fits.
 */
export function clampWindow(window: DayWindow, minTime: number, maxTime: number, maxMs = maxWindowMs(minTime, maxTime)): DayWindow | null {
  const start = isoToMs(window.start);
  const end = isoToMs(window.end) + DAY_MS;
  if (end - start <= maxMs) return null;
  const half = maxMs / 2;
  const middle = Math.min(Math.max((minTime + maxTime) / 2, start + half), end - half);
  const from = Math.ceil((middle - half - start) / DAY_MS) * DAY_MS + start;
  const to = Math.floor((middle + half - start) / DAY_MS) * DAY_MS + start;
  return { start: msToIso(from), end: msToIso(to - DAY_MS) };
}
