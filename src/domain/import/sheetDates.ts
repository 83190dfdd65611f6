export interface SheetDate {
  date: string;
  datePrecision: 'day' | 'month' | 'year';
  earliest: string;
  latest: string;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Days in a month for any year 0–9999 (Date.UTC would read years below 100 as 1900s, so set the year explicitly). */
function daysIn(year: number, month: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month, 0);
  return d.getUTCDate();
}

/**
 * A spreadsheet date at the precision it was written: `2020`, `2020-07` (or `2020-7`), `2020-07-14`.
 * Strict: month 1–12, a day that exists in that month; anything else is a message for the problem list.
 */
export function parseSheetDate(raw: string): SheetDate | { error: string } {
  const value = raw.trim();
  const m = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$/.exec(value);
  if (!m) return { error: value ? 'not a date: write YYYY, YYYY-MM or YYYY-MM-DD' : 'no date' };
  const year = Number(m[1]);
  const y = m[1]!;
  if (m[2] === undefined) return { date: y, datePrecision: 'year', earliest: `${y}-01-01`, latest: `${y}-12-31` };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return { error: `month ${month} does not exist` };
  const ym = `${y}-${pad(month, 2)}`;
  const last = daysIn(year, month);
  if (m[3] === undefined) return { date: ym, datePrecision: 'month', earliest: `${ym}-01`, latest: `${ym}-${pad(last, 2)}` };
  const day = Number(m[3]);
  if (day < 1 || day > last) return { error: `day ${day} does not exist in ${ym}` };
  const ymd = `${ym}-${pad(day, 2)}`;
  return { date: ymd, datePrecision: 'day', earliest: ymd, latest: ymd };
}

export const isSheetDateError = (d: SheetDate | { error: string }): d is { error: string } => 'error' in d;
