import { describe, expect, it } from 'vitest';
import { laneCountsInWindow, laneHolds } from '../../../src/viz/timeline/laneDensity';

const day = (d: number) => Date.UTC(2020, 0, d);

describe('laneCountsInWindow', () => {
  const lanes = [Float64Array.of(day(1), day(2), day(3), day(10)), Float64Array.of(day(5)), new Float64Array(0)];

  it('counts each lane on its own over [from, to)', () => {
    expect(Array.from(laneCountsInWindow(lanes, day(2), day(10)))).toEqual([2, 1, 0]);
    expect(Array.from(laneCountsInWindow(lanes, day(1), day(11)))).toEqual([4, 1, 0]);
  });

  it('includes meetings that start before the window but may still run into it', () => {
    expect(Array.from(laneCountsInWindow(lanes, day(6), day(9)))).toEqual([0, 0, 0]);
    expect(Array.from(laneCountsInWindow(lanes, day(6), day(9), 2 * 86_400_000))).toEqual([0, 1, 0]);
  });
});

describe('laneHolds', () => {
  it('finds a meeting among lane entries that share its start time', () => {
    const starts = Float64Array.of(day(1), day(2), day(2), day(2), day(4));
    const positions = Int32Array.of(7, 3, 9, 4, 8);
    expect(laneHolds(starts, positions, day(2), 4)).toBe(true);
    expect(laneHolds(starts, positions, day(2), 8)).toBe(false);
    expect(laneHolds(starts, positions, day(4), 8)).toBe(true);
    expect(laneHolds(starts, positions, day(3), 8)).toBe(false);
  });
});
