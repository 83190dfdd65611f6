import { describe, expect, it } from 'vitest';
import { formatPrecisionDate, isoToMs, isValidPrecisionDate, msToIso, spanOfPrecisionDate, utcMs } from '../../src/domain/dates';
import { binFloor, binNext } from '../../src/viz/timeline/density';
import { validateDataset } from '../../src/domain/validate';
import { smallDataset } from '../fixtures/smallDataset';
import { parseView } from '../../src/state/url/codec';

describe('years 0000–9999', () => {
  it('takes years below 100 literally (Date.UTC maps them to 1900–1999)', () => {
    expect(msToIso(isoToMs('0044-03-15'))).toBe('0044-03-15');
    expect(new Date(isoToMs('0044-03-15')).getUTCFullYear()).toBe(44);
    expect(msToIso(isoToMs('0000-01-01'))).toBe('0000-01-01');
    expect(msToIso(isoToMs('9999-12-31'))).toBe('9999-12-31');
    expect(isoToMs('0050-01-01')).toBeLessThan(isoToMs('0100-01-01'));
    expect(msToIso(utcMs(99, 12, 1))).toBe('0100-01-01');
    expect(spanOfPrecisionDate('0044-02')).toEqual({ first: '0044-02-01', last: '0044-02-29' });
    expect(formatPrecisionDate('0044-03-15')).toBe('15 March 0044');
  });

  it('bins the density band in those years too', () => {
    const start = isoToMs('0044-03-15');
    expect(msToIso(binFloor(start, { unit: 'month', step: 12 }))).toBe('0044-01-01');
    expect(msToIso(binNext(isoToMs('0044-01-01'), { unit: 'month', step: 12 }))).toBe('0045-01-01');
  });

  it('reads a window in year 50 as year 50', () => {
    const { view, problems } = parseView('?window=0050-01-01..0050-12-31&from=0044-03-15');
    expect(problems).toEqual([]);
    expect(view.window).toEqual({ start: '0050-01-01', end: '0050-12-31' });
    expect(new Date(isoToMs(view.window!.start)).getUTCFullYear()).toBe(50);
  });
});

describe('strict calendar dates', () => {
  it.each(['2021-13', '2021-00', '2021-04-31', '2021-02-29', '1900-02-29', '2021-1', '20211', '2021-01-00', '２０２１'])('rejects %s', (d) => {
    expect(isValidPrecisionDate(d)).toBe(false);
  });
  it.each(['2021', '2021-12', '2020-02-29', '2000-02-29', '0000-02-29', '0044-03-15', '9999-12-31'])('accepts %s', (d) => {
    expect(isValidPrecisionDate(d)).toBe(true);
  });

  it('the validator rejects month 13 and the app never shows "undefined 2021"', () => {
    const m = smallDataset.meetings[0]!;
    const bad = { ...smallDataset, meetings: [{ ...m, date: '2021-13', datePrecision: 'month', earliest: '2022-01-01', latest: '2022-01-31' }, ...smallDataset.meetings.slice(1)] };
    const result = validateDataset(bad);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => `${i.path}: ${i.message}`)).toContain('meetings[0].date: is not a calendar date (month 01–12, a day the month has)');
  });

  it('rejects 31 April as a day date', () => {
    const m = smallDataset.meetings[0]!;
    const bad = { ...smallDataset, meetings: [{ ...m, date: '2021-04-31', datePrecision: 'day', earliest: '2021-04-30', latest: '2021-04-30' }, ...smallDataset.meetings.slice(1)] };
    const result = validateDataset(bad);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.some((i) => i.path === 'meetings[0].date')).toBe(true);
  });
});
