import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../../src/domain/dates';
import fc from 'fast-check';
import { playExtent, playStart, playWindowAt, stepFromView, stepIntervalMs, stepPlayWindow } from '../../src/domain/playback';
import { buildIndex } from '../../src/domain/indexes';
import type { Dataset } from '../../src/domain/schema';
import { generateSynthetic } from '../../scripts/bench/synthetic/generate';

const d = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const iso = (r: { start: number; end: number } | null) => r && `${new Date(r.start).toISOString().slice(0, 10)}..${new Date(r.end - DAY_MS).toISOString().slice(0, 10)}`;

describe('playback windows', () => {
  it('calendar spans start on the first of the month and last whole months', () => {
    expect(iso(playWindowAt(d('2020-02-17'), '1m', 0))).toBe('2020-02-01..2020-02-29');
    expect(iso(playWindowAt(d('2020-02-17'), '3m', 0))).toBe('2020-02-01..2020-04-30');
    expect(iso(playWindowAt(d('2020-02-17'), '1y', 0))).toBe('2020-02-01..2021-01-31');
  });

  it('"current width" keeps the width in whole days', () => {
    expect(iso(playWindowAt(d('2020-02-17') + 5000, 'width', 10 * DAY_MS + 7))).toBe('2020-02-17..2020-02-26');
  });

  it('steps a month (1 and 3 months), a quarter (1 year) or a quarter of the width', () => {
    const from = playWindowAt(d('2020-01-01'), '1m', 0);
    expect(iso(stepPlayWindow(from, '1m', 1, d('2019-01-01'), d('2024-01-01')))).toBe('2020-02-01..2020-02-29');
    expect(iso(stepPlayWindow(playWindowAt(d('2020-01-01'), '3m', 0), '3m', 1, d('2019-01-01'), d('2024-01-01')))).toBe('2020-02-01..2020-04-30');
    expect(iso(stepPlayWindow(playWindowAt(d('2020-01-01'), '1y', 0), '1y', -1, d('2019-01-01'), d('2024-01-01')))).toBe('2019-10-01..2020-09-30');
    expect(iso(stepPlayWindow({ start: d('2020-01-01'), end: d('2020-01-09') }, 'width', 1, d('2019-01-01'), d('2024-01-01')))).toBe('2020-01-03..2020-01-10');
  });

  it('stops at the ends of the data', () => {
    const last = playWindowAt(d('2023-12-01'), '1m', 0);
    expect(stepPlayWindow(last, '1m', 1, d('2019-01-01'), d('2023-12-15'))).toBeNull();
    const first = playWindowAt(d('2019-01-01'), '1m', 0);
    expect(stepPlayWindow(first, '1m', -1, d('2019-01-01'), d('2023-12-15'))).toBeNull();
  });

  it('reaches the end from the start in a finite number of steps (every window moves forward)', () => {
    let w: { start: number; end: number } | null = playStart({ start: 0, end: 1 }, '3m', d('2019-07-01'), d('2023-03-01'));
    let steps = 0;
    let prev = -Infinity;
    while (w) {
      expect(w.start).toBeGreaterThan(prev);
      prev = w.start;
      w = stepPlayWindow(w, '3m', 1, d('2019-07-01'), d('2023-03-01'));
      steps++;
    }
    expect(steps).toBe(42); // July 2019 … December 2022 + the window reaching March 2023
  });

  it('a step from the window on screen: aligned to the playback window, and from before the data to its first window', () => {
    const dataStart = d('2010-01-15');
    const dataEnd = d('2024-12-31');
    // Mid-data: the same as stepping the aligned playback window.
    const mid = { start: d('2020-01-10'), end: d('2020-06-01') };
    expect(stepFromView(mid, '3m', 1, dataStart, dataEnd)).toEqual(stepPlayWindow(playWindowAt(mid.start, '3m', mid.end - mid.start), '3m', 1, dataStart, dataEnd));
    // The whole dataset fitted with a margin (starting in 2009): forward shows the data's first window, not 2009.
    const all = { start: d('2009-03-01'), end: d('2025-06-01') };
    expect(stepFromView(all, '3m', 1, dataStart, dataEnd)).toEqual({ start: d('2010-01-01'), end: d('2010-04-01') });
    expect(stepFromView(all, '1y', 1, dataStart, dataEnd)).toEqual({ start: d('2010-01-01'), end: d('2011-01-01') });
    // Back from there: nothing before the data.
    expect(stepFromView(all, '3m', -1, dataStart, dataEnd)).toBeNull();
    // Already at the data's first window, a day before the first meeting: an ordinary step on.
    const first = { start: d('2010-01-01'), end: d('2010-04-01') };
    expect(stepFromView(first, '3m', 1, dataStart, dataEnd)).toEqual({ start: d('2010-02-01'), end: d('2010-05-01') });
  });

  it('Play starts where the window is, or from the start once the window shows the end', () => {
    expect(iso(playStart({ start: d('2020-05-10'), end: d('2020-06-10') }, '1m', d('2019-01-01'), d('2023-01-01')))).toBe('2020-05-01..2020-05-31');
    expect(iso(playStart({ start: d('2022-05-10'), end: d('2023-06-10') }, '1m', d('2019-03-04'), d('2023-01-01')))).toBe('2019-03-01..2019-03-31');
    expect(iso(playStart({ start: d('2018-05-10'), end: d('2020-06-10') }, '1m', d('2019-03-04'), d('2023-01-01')))).toBe('2019-03-01..2019-03-31');
  });

  it('speeds are steps per second', () => {
    expect(stepIntervalMs(2)).toBe(500);
    expect(stepIntervalMs(0.5)).toBe(2000);
  });

  it("the span of the shown meetings: the first one's start to the latest end, the dataset's own when all are shown", () => {
    const index = buildIndex(JSON.parse(generateSynthetic({ meetings: 400, actors: 60, seed: 3 })) as Dataset);
    fc.assert(
      fc.property(fc.subarray(Array.from(index.order)), (shown) => {
        const visible = Int32Array.from(shown);
        const expected = shown.length ? { start: Math.min(...shown.map((i) => index.start[i]!)), end: Math.max(...shown.map((i) => index.end[i]!)) } : null;
        expect(playExtent(index, visible)).toEqual(expected);
      }),
    );
    expect(playExtent(index, index.order)).toEqual({ start: Math.min(...index.start), end: Math.max(...index.end) });
  });
});
