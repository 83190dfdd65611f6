import type { DatasetIndex } from '../indexes';

/** A calendar year or quarter, as inclusive ISO days. */
export interface Period {
  label: string;
  start: string;
  end: string;
}

/** Meetings spread over less than this many years are split into quarters, longer spans into years. */
export const QUARTER_SPAN_YEARS = 2;
const DAY_MS = 86_400_000;

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Midpoint of a meeting's possible dates: one period per meeting, even when it is known only to the year. */
const midpoint = (index: DatasetIndex, pos: number) => (index.start[pos]! + index.end[pos]! - DAY_MS) / 2;

/** Years (or quarters when the meetings span less than QUARTER_SPAN_YEARS) covering `positions`. */
export function periodsOf(index: DatasetIndex, positions: ArrayLike<number>): Period[] {
  if (!positions.length) return [];
  let lo = Infinity;
  let hi = -Infinity;
  for (let k = 0; k < positions.length; k++) {
    const t = midpoint(index, positions[k]!);
    if (t < lo) lo = t;
    if (t > hi) hi = t;
  }
  const first = new Date(lo);
  const last = new Date(hi);
  const quarters = hi - lo < QUARTER_SPAN_YEARS * 365.25 * DAY_MS;
  const out: Period[] = [];
  if (!quarters) {
    for (let y = first.getUTCFullYear(); y <= last.getUTCFullYear(); y++) out.push({ label: String(y), start: `${y}-01-01`, end: `${y}-12-31` });
    return out;
  }
  let y = first.getUTCFullYear();
  let q = Math.floor(first.getUTCMonth() / 3);
  const endKey = last.getUTCFullYear() * 4 + Math.floor(last.getUTCMonth() / 3);
  for (; y * 4 + q <= endKey; q === 3 ? ((q = 0), y++) : q++) {
    out.push({ label: `${y} Q${q + 1}`, start: iso(Date.UTC(y, q * 3, 1)), end: iso(Date.UTC(y, q * 3 + 3, 1) - DAY_MS) });
  }
  return out;
}

/** The period each meeting falls in (by its midpoint), -1 for none: parallel to `positions`. */
export function periodOfMeetings(index: DatasetIndex, positions: ArrayLike<number>, periods: readonly Period[]): Int32Array {
  const bounds = periods.map((p) => [Date.parse(p.start), Date.parse(p.end) + DAY_MS] as const);
  return Int32Array.from({ length: positions.length }, (_, k) => {
    const t = midpoint(index, positions[k]!);
    return bounds.findIndex(([s, e]) => t >= s && t < e);
  });
}
