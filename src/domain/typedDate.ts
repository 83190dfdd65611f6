/**
 * A date typed into a From/To field: `YYYY-MM-DD`, or a month / year (`2020-03`, `2020`) read as its
 * first day (From) or last day (To). Returns the ISO day, or an error sentence naming what is wrong.
 */
export type TypedDate = { ok: true; day: string } | { ok: false; error: string };

const pad = (n: number) => String(n).padStart(2, '0');
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

export function parseTypedDate(input: string, end: 'from' | 'to'): TypedDate {
  const text = input.trim().replace(/[/.]/g, '-');
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(text);
  if (!m) return { ok: false, error: `“${input.trim()}” is not a date: type it as YYYY-MM-DD, e.g. 2020-01-01.` };
  const year = Number(m[1]);
  const month = m[2] === undefined ? (end === 'from' ? 1 : 12) : Number(m[2]);
  if (month < 1 || month > 12) return { ok: false, error: `“${input.trim()}”: there is no month ${month}.` };
  const last = daysIn(year, month);
  const day = m[3] === undefined ? (end === 'from' ? 1 : last) : Number(m[3]);
  if (day < 1 || day > last) return { ok: false, error: `“${input.trim()}”: ${year}-${pad(month)} has no day ${day}.` };
  return { ok: true, day: `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}` };
}

/** Whether the text is already a complete day (applied while typing; shorter forms wait for Enter or leaving the field). */
export const isCompleteDay = (input: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(input.trim());
