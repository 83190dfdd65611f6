import { DAY_MS } from './dates';

/**
 * Playback: the timeline window slides through the data's span one step at a time. Pure arithmetic
 * on half-open millisecond ranges [start, end), calendar-aware in UTC so a "1 month" window is a month.
 */
export type PlaySpan = '1m' | '3m' | '1y' | 'width';
export const PLAY_SPANS: readonly PlaySpan[] = ['1m', '3m', '1y', 'width'];
export const PLAY_SPAN_LABELS: Record<PlaySpan, string> = { '1m': '1 month', '3m': '3 months', '1y': '1 year', width: 'Current width' };
export const DEFAULT_PLAY_SPAN: PlaySpan = '3m';

/** Steps per second. */
export type PlaySpeed = 0.5 | 1 | 2 | 4;
export const PLAY_SPEEDS: readonly PlaySpeed[] = [0.5, 1, 2, 4];
export const DEFAULT_PLAY_SPEED: PlaySpeed = 1;

export interface MsRange {
  start: number;
  end: number;
}

export function addMonths(ms: number, months: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, d.getUTCDate());
}

function monthStart(ms: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

const dayFloor = (ms: number) => Math.floor(ms / DAY_MS) * DAY_MS;
const SPAN_MONTHS: Record<Exclude<PlaySpan, 'width'>, number> = { '1m': 1, '3m': 3, '1y': 12 };
/** How far one step moves, in months: a month for month-long windows, a quarter for a year. */
const STEP_MONTHS: Record<Exclude<PlaySpan, 'width'>, number> = { '1m': 1, '3m': 1, '1y': 3 };
/** With "current width" a step is a quarter of the width, so consecutive frames overlap and change is gradual. */
const WIDTH_STEP_SHARE = 0.25;

/**
 * The playback window beginning at (the month of, or the day of) `fromMs`. `widthMs` is the current
 * window's width, used by the "width" span; whole days, at least one.
 */
export function playWindowAt(fromMs: number, span: PlaySpan, widthMs: number): MsRange {
  if (span === 'width') {
    const start = dayFloor(fromMs);
    return { start, end: start + Math.max(DAY_MS, Math.round(widthMs / DAY_MS) * DAY_MS) };
  }
  const start = monthStart(fromMs);
  return { start, end: addMonths(start, SPAN_MONTHS[span]) };
}

function shift(window: MsRange, span: PlaySpan, direction: -1 | 1): MsRange {
  if (span === 'width') {
    const step = Math.max(DAY_MS, Math.round(((window.end - window.start) * WIDTH_STEP_SHARE) / DAY_MS) * DAY_MS);
    return { start: window.start + direction * step, end: window.end + direction * step };
  }
  const start = addMonths(window.start, direction * STEP_MONTHS[span]);
  return { start, end: addMonths(start, SPAN_MONTHS[span]) };
}

/**
 * One step from `window` (already a playback window) within the data's extent [dataStart, dataEnd):
 * null when the step would leave the data (forward: the window already reaches past the last
 * meeting; back: it already starts before the first), so playback stops there.
 */
export function stepPlayWindow(window: MsRange, span: PlaySpan, direction: -1 | 1, dataStart: number, dataEnd: number): MsRange | null {
  if (direction > 0 && window.end >= dataEnd) return null;
  if (direction < 0 && window.start <= dataStart) return null;
  return shift(window, span, direction);
}

/**
 * One step from the window on screen (any window, e.g. the whole dataset fitted with a margin): the playback window at
 * its start, moved one step; null at the edge of the data (see stepPlayWindow). A window that begins before the data
 * steps forward to the data's first window, not to an empty window before it.
 */
export function stepFromView(current: MsRange, span: PlaySpan, direction: -1 | 1, dataStart: number, dataEnd: number): MsRange | null {
  const width = current.end - current.start;
  const aligned = playWindowAt(current.start, span, width);
  if (direction > 0 && current.start < dataStart) {
    const first = playWindowAt(dataStart, span, width);
    if (first.start > aligned.start) return first;
  }
  return stepPlayWindow(aligned, span, direction, dataStart, dataEnd);
}

/**
 * Where Play starts: the playback window at the current window's start, or at the data's start
 * when the current window already shows the end of the data (so Play after the end replays).
 */
export function playStart(current: MsRange, span: PlaySpan, dataStart: number, dataEnd: number): MsRange {
  const width = current.end - current.start;
  const from = current.end >= dataEnd || current.start < dataStart ? dataStart : current.start;
  return playWindowAt(from, span, width);
}

/** Milliseconds between steps at `speed` steps per second. */
export const stepIntervalMs = (speed: PlaySpeed): number => 1000 / speed;

/**
 * The span of the meetings at `visible` (display order, so the first starts earliest), [first start, last end). All of
 * them: the dataset's own span, without a pass over 250,000 meetings in the first render (38 ms there, traced).
 */
export function playExtent(index: { start: Float64Array; end: Float64Array; minTime: number; maxTime: number }, visible: Int32Array): MsRange | null {
  if (!visible.length) return null;
  // Positions are distinct: as many as there are meetings is every meeting.
  if (visible.length === index.start.length) return { start: index.minTime, end: index.maxTime };
  let end = -Infinity;
  for (let k = 0; k < visible.length; k++) end = Math.max(end, index.end[visible[k]!]!);
  return { start: index.start[visible[0]!]!, end };
}
