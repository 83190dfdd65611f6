import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { binFloor, binIndexOf, chooseBinUnit, computeBins, countInRange, lowerBound } from '../../../src/viz/timeline/density';
import { DAY_MS } from '../../../src/domain/dates';

describe('lowerBound / countInRange', () => {
  it('agree with a linear scan on sorted arrays', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 })), fc.integer({ min: -10, max: 1010 }), fc.integer({ min: -10, max: 1010 }), (raw, a, b) => {
        const sorted = Float64Array.from(raw.sort((x, y) => x - y));
        expect(lowerBound(sorted, a)).toBe(raw.filter((v) => v < a).length);
        expect(countInRange(sorted, a, b)).toBe(a < b ? raw.filter((v) => v >= a && v < b).length : 0);
      }),
    );
  });
});

describe('chooseBinUnit', () => {
  it('picks the finest calendar step within the bin budget', () => {
    expect(chooseBinUnit(30 * DAY_MS, 60)).toEqual({ unit: 'day', step: 1 });
    expect(chooseBinUnit(365 * DAY_MS, 60)).toEqual({ unit: 'day', step: 7 });
    expect(chooseBinUnit(20 * 365 * DAY_MS, 60)).toEqual({ unit: 'month', step: 6 });
  });
});

describe('computeBins', () => {
  it('aligns month bins to calendar months and counts meetings by their start', () => {
    const starts = Float64Array.from([Date.UTC(2020, 0, 5), Date.UTC(2020, 0, 31), Date.UTC(2020, 2, 1), Date.UTC(2020, 2, 20)]);
    const bins = computeBins(starts, Date.UTC(2020, 0, 10), Date.UTC(2020, 3, 1), { unit: 'month', step: 1 });
    expect(bins).toEqual([
      { start: Date.UTC(2020, 0, 1), end: Date.UTC(2020, 1, 1), count: 2 },
      { start: Date.UTC(2020, 2, 1), end: Date.UTC(2020, 3, 1), count: 2 },
    ]);
    expect(binIndexOf(bins, Date.UTC(2020, 2, 15))).toBe(1);
    expect(binIndexOf(bins, Date.UTC(2020, 1, 15))).toBe(-1);
  });

  it('never loses or double-counts a meeting inside the covered span', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3000 }), { maxLength: 200 }), fc.constantFrom(1, 7, 14), (days, step) => {
        const starts = Float64Array.from(days.sort((a, b) => a - b).map((d) => d * DAY_MS));
        const from = 0;
        const to = 3001 * DAY_MS;
        const bins = computeBins(starts, from, to, { unit: 'day', step });
        const first = binFloor(from, { unit: 'day', step });
        expect(bins.reduce((s, b) => s + b.count, 0)).toBe(countInRange(starts, first, bins.at(-1)?.end ?? first));
        expect(bins.reduce((s, b) => s + b.count, 0)).toBe(days.length);
      }),
    );
  });
});
