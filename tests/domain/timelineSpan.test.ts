import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clampWindow, maxWindowMs, MIN_ZOOM_MAX_MS } from '../../src/domain/timelineSpan';
import { DAY_MS, isoToMs, msToIso } from '../../src/domain/dates';
import { fitWindow } from '../../src/viz/timeline/labelLayout';

const ms = (iso: string) => isoToMs(iso);

describe('maxWindowMs', () => {
  it('keeps 300 years for short datasets and follows longer ones', () => {
    expect(maxWindowMs(ms('2015-01-01'), ms('2024-01-01'))).toBe(MIN_ZOOM_MAX_MS);
    expect(maxWindowMs(ms('1000-01-01'), ms('2000-01-01'))).toBeGreaterThan(ms('2000-01-01') - ms('1000-01-01'));
  });

  it('is never narrower than the Fit all window of the meetings, labels included', () => {
    const day = fc.integer({ min: ms('0000-01-01'), max: ms('9999-12-31') }).map((t) => Math.floor(t / DAY_MS) * DAY_MS);
    fc.assert(
      fc.property(fc.array(fc.tuple(day, fc.integer({ min: 0, max: 400 })), { minLength: 1, maxLength: 20 }), fc.integer({ min: 200, max: 2000 }), (meetings, width) => {
        const entries = meetings.map(([start, label]) => ({ start, end: start + DAY_MS, labelPx: label }));
        const fit = fitWindow(entries, width)!;
        const min = Math.min(...entries.map((e) => e.start));
        const max = Math.max(...entries.map((e) => e.end));
        expect(fit.end - fit.start).toBeLessThanOrEqual(maxWindowMs(min, max));
      }),
    );
  });
});

describe('clampWindow', () => {
  const minTime = ms('2015-03-01');
  const maxTime = ms('2024-06-01');

  it('leaves a window that fits alone', () => {
    expect(clampWindow({ start: '1900-01-01', end: '2100-12-31' }, minTime, maxTime)).toBeNull();
  });

  it('cuts a too-wide window to the limit around the meetings', () => {
    const clamped = clampWindow({ start: '0000-01-01', end: '9999-12-31' }, minTime, maxTime)!;
    const span = ms(clamped.end) + DAY_MS - ms(clamped.start);
    expect(span).toBeLessThanOrEqual(MIN_ZOOM_MAX_MS);
    expect(span).toBeGreaterThan(MIN_ZOOM_MAX_MS - 2 * DAY_MS);
    expect(clamped.start < msToIso(minTime) && clamped.end > msToIso(maxTime)).toBe(true);
  });

  it('stays inside the asked window when the meetings lie outside it', () => {
    expect(clampWindow({ start: '5000-01-01', end: '9999-12-31' }, minTime, maxTime)!.start).toBe('5000-01-01');
    expect(clampWindow({ start: '0000-01-01', end: '1500-12-31' }, minTime, maxTime)!.end).toBe('1500-12-31');
  });

  it('lets a dataset spanning millennia be shown whole', () => {
    const wide = { start: '0044-03-15', end: '9999-12-31' };
    expect(clampWindow(wide, ms('0044-03-15'), ms('9999-12-31') + DAY_MS)).toBeNull();
  });
});
