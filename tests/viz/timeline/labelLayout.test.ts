import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DAY_MS } from '../../../src/domain/dates';
import { buildIndex } from '../../../src/domain/indexes';
import { displayKind, estimateLabelPx, FIT_PAD, fitWindow } from '../../../src/viz/timeline/labelLayout';
import { toTimelineItem } from '../../../src/viz/timeline/toTimelineItems';
import { dataset, meeting } from './timelineFixture';

const index = buildIndex(
  dataset([
    meeting('day', { date: '2020-08-17' }),
    meeting('two-days', { date: '2019-07', datePrecision: 'month', earliest: '2019-07-02', latest: '2019-07-03', type: 'visit' }),
  ]),
);
const spec = (id: string) => toTimelineItem(index, index.meetingPos.get(id)!);
const YEAR = 365 * DAY_MS;

describe('estimateLabelPx', () => {
  it('grows with the text and counts a symbol as one character', () => {
    expect(estimateLabelPx('c. ☎ Khaji')).toBe(estimateLabelPx('c. x Khaji'));
    expect(estimateLabelPx('Khaji · Pedersen')).toBeGreaterThan(estimateLabelPx('Khaji'));
  });
});

describe('displayKind', () => {
  it('keeps day-precision meetings as points at every zoom', () => {
    expect(displayKind(spec('day'), DAY_MS / 100)).toBe('point');
    expect(displayKind(spec('day'), 30 * DAY_MS)).toBe('point');
  });

  it('draws a circa meeting as a range once its interval is wider on screen than its label, else as a point', () => {
    const twoDays = spec('two-days');
    const labelPx = estimateLabelPx(twoDays.label);
    const exactFit = (2 * DAY_MS) / labelPx;
    expect(displayKind(twoDays, 4 * YEAR / 1000)).toBe('point');
    expect(displayKind(twoDays, exactFit * 1.01)).toBe('point');
    expect(displayKind(twoDays, exactFit)).toBe('range');
    expect(displayKind(twoDays, DAY_MS / 1000)).toBe('range');
  });
});

describe('fitWindow', () => {
  const t0 = Date.UTC(2019, 6, 2);

  it('leaves the same share of empty space before the first and after the last meeting when no labels are drawn', () => {
    const w = fitWindow([{ start: t0, end: t0 + DAY_MS, labelPx: 0 }, { start: t0 + 3 * YEAR, end: t0 + 3 * YEAR + 15 * DAY_MS, labelPx: 0 }], 1000)!;
    const span = w.end - w.start;
    expect((t0 - w.start) / span).toBeCloseTo(FIT_PAD, 6);
    expect((w.end - (t0 + 3 * YEAR + 15 * DAY_MS)) / span).toBeCloseTo(FIT_PAD, 6);
  });

  it('makes room after the last meeting for its label, which runs right from its start', () => {
    const entries = [{ start: t0, end: t0, labelPx: 150 }, { start: t0 + 3 * YEAR, end: t0 + 3 * YEAR, labelPx: 200 }];
    const width = 1000;
    const w = fitWindow(entries, width)!;
    const x = (ms: number) => ((ms - w.start) / (w.end - w.start)) * width;
    expect(x(t0)).toBeCloseTo(FIT_PAD * width, 6);
    expect(x(t0 + 3 * YEAR) + 200).toBeLessThanOrEqual((1 - FIT_PAD) * width + 1e-6);
  });

  it('fits every entry and its label inside the padded window (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ day: fc.integer({ min: 0, max: 5000 }), len: fc.integer({ min: 0, max: 400 }), labelPx: fc.integer({ min: 0, max: 250 }) }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 400, max: 2000 }),
        (raw, width) => {
          const entries = raw.map((r) => ({ start: t0 + r.day * DAY_MS, end: t0 + (r.day + r.len) * DAY_MS, labelPx: r.labelPx }));
          const w = fitWindow(entries, width)!;
          const pxPerMs = width / (w.end - w.start);
          const right = w.end - (FIT_PAD * width) / pxPerMs;
          for (const e of entries) {
            expect(e.start).toBeGreaterThanOrEqual(w.start);
            expect(e.end).toBeLessThanOrEqual(right + 1);
            expect(e.start + e.labelPx / pxPerMs).toBeLessThanOrEqual(right + 1);
          }
        },
      ),
    );
  });

  it('returns null for no meetings', () => {
    expect(fitWindow([], 800)).toBeNull();
  });
});
