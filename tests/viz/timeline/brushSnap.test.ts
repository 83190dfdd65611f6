import { describe, expect, it } from 'vitest';
import { DAY_MS, msToIso } from '../../../src/domain/dates';
import { snapBrush, snapBrushEnd } from '../../../src/viz/timeline/brushSnap';

const iso = (ms: number) => msToIso(ms);

describe('brush snapping', () => {
  // Zoomed out to several years on ~1,000 px: about two days a pixel.
  const coarse = 2 * DAY_MS;

  it('lands a drag from one year gridline to the next on 1 January – 31 December', () => {
    const { fromMs, toMs } = snapBrush(Date.UTC(2021, 0, 3, 5), Date.UTC(2021, 11, 29), coarse);
    expect(iso(fromMs)).toBe('2021-01-01');
    expect(iso(toMs - 1)).toBe('2021-12-31');
  });

  it('snaps to a month start when near one, else to the nearest midnight', () => {
    expect(iso(snapBrushEnd(Date.UTC(2020, 5, 30, 20), DAY_MS / 4))).toBe('2020-07-01');
    expect(iso(snapBrushEnd(Date.UTC(2020, 5, 15, 13), DAY_MS / 4))).toBe('2020-06-16');
    expect(iso(snapBrushEnd(Date.UTC(2020, 5, 15, 11), DAY_MS / 4))).toBe('2020-06-15');
  });

  it('keeps at least one day and orders the ends', () => {
    const { fromMs, toMs } = snapBrush(Date.UTC(2020, 5, 15, 13), Date.UTC(2020, 5, 15, 11), DAY_MS / 100);
    expect(toMs - fromMs).toBe(DAY_MS);
  });
});
