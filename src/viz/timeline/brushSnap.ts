import { DAY_MS } from '../../domain/dates';

/** How close (screen px) a brush end must come to a year or month gridline to land on it. */
export const SNAP_PX = 8;

function nearest(ms: number, candidates: number[]): number {
  let best = candidates[0]!;
  for (const c of candidates) if (Math.abs(c - ms) < Math.abs(best - ms)) best = c;
  return best;
}

/**
 * Where a brush end lands: on a year start or month start within SNAP_PX of the pointer, otherwise
 * on the nearest midnight. A pixel spans days when zoomed out, so without this a drag from one year
 * gridline to the next gave "3 January" instead of 1 January.
 */
export function snapBrushEnd(ms: number, msPerPx: number): number {
  const tolerance = SNAP_PX * msPerPx;
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const year = nearest(ms, [Date.UTC(y, 0, 1), Date.UTC(y + 1, 0, 1)]);
  if (Math.abs(year - ms) <= tolerance) return year;
  const month = nearest(ms, [Date.UTC(y, m, 1), Date.UTC(y, m + 1, 1)]);
  if (Math.abs(month - ms) <= tolerance) return month;
  return Math.round(ms / DAY_MS) * DAY_MS;
}

/** A brushed [from, to) span in ms, snapped at both ends and at least one day long. */
export function snapBrush(fromMs: number, toMs: number, msPerPx: number): { fromMs: number; toMs: number } {
  const from = snapBrushEnd(Math.min(fromMs, toMs), msPerPx);
  const to = snapBrushEnd(Math.max(fromMs, toMs), msPerPx);
  return { fromMs: from, toMs: Math.max(to, from + DAY_MS) };
}
