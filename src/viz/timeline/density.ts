import { DAY_MS, utcMs } from '../../domain/dates';

/**
 * Aggregation for when a window holds too many meetings to draw one by one. Works on the sorted
 * start times of the filtered meetings with binary search, so a bin costs O(log n) whatever n is.
 */

/** First position in ascending `sorted` whose value is >= x. */
export function lowerBound(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many values fall in [from, to). */
export function countInRange(sorted: Float64Array, from: number, to: number): number {
  return to <= from ? 0 : lowerBound(sorted, to) - lowerBound(sorted, from);
}

export type BinUnit = { unit: 'day'; step: number } | { unit: 'month'; step: number };

/** Calendar-aligned steps, so bins do not shift as the user pans. */
const STEPS: BinUnit[] = [
  { unit: 'day', step: 1 },
  { unit: 'day', step: 2 },
  { unit: 'day', step: 7 },
  { unit: 'day', step: 14 },
  { unit: 'month', step: 1 },
  { unit: 'month', step: 3 },
  { unit: 'month', step: 6 },
  { unit: 'month', step: 12 },
  { unit: 'month', step: 24 },
  { unit: 'month', step: 60 },
  { unit: 'month', step: 120 },
  { unit: 'month', step: 600 },
];

function approxMs(u: BinUnit): number {
  return u.unit === 'day' ? u.step * DAY_MS : u.step * 30.44 * DAY_MS;
}

/** The finest calendar step that gives at most `maxBins` bins over `spanMs`. */
export function chooseBinUnit(spanMs: number, maxBins: number): BinUnit {
  return STEPS.find((u) => spanMs / approxMs(u) <= maxBins) ?? STEPS[STEPS.length - 1]!;
}

/** Start of the bin containing `ms`. */
export function binFloor(ms: number, u: BinUnit): number {
  if (u.unit === 'day') return Math.floor(ms / (u.step * DAY_MS)) * u.step * DAY_MS;
  const d = new Date(ms);
  const months = d.getUTCFullYear() * 12 + d.getUTCMonth();
  const aligned = Math.floor(months / u.step) * u.step;
  return utcMs(Math.floor(aligned / 12), aligned % 12, 1);
}

export function binNext(ms: number, u: BinUnit): number {
  if (u.unit === 'day') return ms + u.step * DAY_MS;
  const d = new Date(ms);
  return utcMs(d.getUTCFullYear(), d.getUTCMonth() + u.step, 1);
}

export interface DensityBin {
  start: number;
  end: number;
  count: number;
}

/** Bins covering [from, to), each counting the meetings that start inside it. Empty bins are kept out. */
export function computeBins(sortedStarts: Float64Array, from: number, to: number, u: BinUnit): DensityBin[] {
  const bins: DensityBin[] = [];
  let start = binFloor(from, u);
  let lo = lowerBound(sortedStarts, start);
  while (start < to) {
    const end = binNext(start, u);
    const hi = lowerBound(sortedStarts, end);
    if (hi > lo) bins.push({ start, end, count: hi - lo });
    lo = hi;
    start = end;
  }
  return bins;
}

/** Index of the bin (in `bins`, sorted and disjoint) containing `ms`, or -1. */
export function binIndexOf(bins: readonly DensityBin[], ms: number): number {
  let lo = 0;
  let hi = bins.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const b = bins[mid]!;
    if (ms < b.start) hi = mid - 1;
    else if (ms >= b.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}
