import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DAY_MS } from '../../../src/domain/dates';
import { buildIndex } from '../../../src/domain/indexes';
import { displayKind, estimateLabelPx, FIT_PAD, fitWindow, MAX_LABEL_GROWTH } from '../../../src/viz/timeline/labelLayout';
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
    const w = fitWindow([{ start: t0, end: t0 + DAY_MS, labelPx: 0 }, { start: t0 + 100 * DAY_MS, end: t0 + 115 * DAY_MS, labelPx: 0 }], 1000)!;
    const span = w.end - w.start;
    expect((t0 - w.start) / span).toBeCloseTo(FIT_PAD, 6);
    expect((w.end - (t0 + 115 * DAY_MS)) / span).toBeCloseTo(FIT_PAD, 6);
  });

  it('starts a multi-year window just before 1 January of the first meeting, so that year is labelled', () => {
    const last = t0 + 3 * YEAR + 15 * DAY_MS;
    const w = fitWindow([{ start: t0, end: t0 + DAY_MS, labelPx: 0 }, { start: t0 + 3 * YEAR, end: last, labelPx: 0 }], 1000)!;
    const jan1 = Date.UTC(2019, 0, 1);
    expect(w.start).toBeLessThan(jan1);
    expect(jan1 - w.start).toBeLessThan(0.02 * (w.end - w.start));
    expect((w.end - last) / (w.end - w.start)).toBeGreaterThan(0.03);
  });

  it('caps the room made for labels on a narrow screen (2019–2023 data does not get a 2015–2030 axis)', () => {
    const entries = [0, 1, 2, 3, 4].map((y) => ({ start: Date.UTC(2019 + y, 5, 1), end: Date.UTC(2019 + y, 5, 1), labelPx: 150 }));
    const w = fitWindow(entries, 341)!;
    const bare = (Date.UTC(2023, 5, 1) - Date.UTC(2019, 5, 1)) / (1 - 2 * FIT_PAD);
    expect(w.end - w.start).toBeLessThanOrEqual(bare * MAX_LABEL_GROWTH);
    expect(new Date(w.start).getUTCFullYear()).toBe(2018);
    expect(new Date(w.end).getUTCFullYear()).toBeLessThanOrEqual(2024);
  });

  it('makes room after the last meeting for its label, which runs right from its start', () => {
    const entries = [{ start: t0, end: t0, labelPx: 150 }, { start: t0 + 200 * DAY_MS, end: t0 + 200 * DAY_MS, labelPx: 150 }];
    const width = 1000;
    const w = fitWindow(entries, width)!;
    const x = (ms: number) => ((ms - w.start) / (w.end - w.start)) * width;
    expect(x(t0)).toBeCloseTo(FIT_PAD * width, 6);
    expect(x(t0 + 200 * DAY_MS) + 150).toBeLessThanOrEqual((1 - FIT_PAD) * width + 1e-6);
  });

  it('fits every entry, and its label when that needs at most MAX_LABEL_GROWTH times the span (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ day: fc.integer({ min: 0, max: 1500 }), len: fc.integer({ min: 0, max: 400 }), labelPx: fc.integer({ min: 0, max: 250 }) }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 400, max: 2000 }),
        (raw, width) => {
          const entries = raw.map((r) => ({ start: t0 + r.day * DAY_MS, end: t0 + (r.day + r.len) * DAY_MS, labelPx: r.labelPx }));
          const w = fitWindow(entries, width)!;
          const first = Math.min(...entries.map((e) => e.start));
          const span = w.end - w.start;
          // Moved back to 1 January (multi-year windows) or starting FIT_PAD before the first meeting.
          const snapped = w.start < first - FIT_PAD * span - 1;
          const lastEnd = Math.max(...entries.map((e) => e.end));
          const bare = Math.max(30 * DAY_MS, snapped ? (lastEnd - w.start) / (1 - FIT_PAD) : (lastEnd - first) / (1 - 2 * FIT_PAD));
          const growth = width >= 600 ? MAX_LABEL_GROWTH : 1.15;
          const capped = span >= bare * growth - 1;
          const pxPerMs = width / span;
          const right = w.end - FIT_PAD * span;
          for (const e of entries) {
            expect(e.start).toBeGreaterThanOrEqual(w.start);
            expect(e.end).toBeLessThanOrEqual(right + 1);
            if (!capped) expect(e.start + e.labelPx / pxPerMs).toBeLessThanOrEqual(right + 1);
          }
        },
      ),
    );
  });

  it('returns null for no meetings', () => {
    expect(fitWindow([], 800)).toBeNull();
  });
});
