import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { STATE_STRIDE, fitTransform } from '../../../src/viz/network/layoutModel';
import { estimateLabelWidth, LabelSide, placeLabels, smallGraphForces } from '../../../src/viz/network/smallGraphLayout';

const stateOf = (points: [number, number][]) => {
  const s = new Float32Array(points.length * STATE_STRIDE);
  points.forEach(([x, y], i) => s.set([x, y], i * STATE_STRIDE));
  return s;
};

describe('smallGraphForces', () => {
  it('gives longer links and stronger repulsion in a bigger panel', () => {
    const small = smallGraphForces(13, 340, 360);
    const big = smallGraphForces(13, 1050, 480);
    expect(big.linkGap).toBeGreaterThan(small.linkGap);
    expect(big.charge).toBeLessThan(small.charge);
  });

  it('gives each node less room as the graph grows in the same panel', () => {
    const few = smallGraphForces(10, 900, 450);
    const many = smallGraphForces(140, 900, 450);
    expect(many.linkGap).toBeLessThan(few.linkGap);
    expect(many.charge).toBeGreaterThan(few.charge);
  });

  it('pulls harder across the short side of the panel, so the drawing takes its shape', () => {
    const wide = smallGraphForces(13, 1000, 400);
    expect(wide.gravityY).toBeGreaterThan(wide.gravityX);
    const tall = smallGraphForces(13, 300, 400, 60);
    expect(tall.gravityX).toBeGreaterThan(tall.gravityY);
  });

  it('stays finite and repulsive for any panel and node count (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 150 }), fc.integer({ min: 0, max: 4000 }), fc.integer({ min: 0, max: 4000 }), (n, w, h) => {
      const f = smallGraphForces(n, w, h, 80);
      return Object.values(f).every(Number.isFinite) && f.charge < 0 && f.linkGap > 0 && f.gravityX > 0 && f.gravityY > 0;
    }));
  });
});

describe('placeLabels', () => {
  const radii = Float32Array.of(10, 10, 10);
  const widths = Float32Array.of(60, 60, 60);

  it('puts labels on the side facing away from the centre when that side is free', () => {
    const sides = placeLabels(stateOf([[-200, 0], [200, 0], [0, 100]]), radii, widths, () => true, 1);
    expect(sides[0]).toBe(LabelSide.Left);
    expect(sides[1]).toBe(LabelSide.Right);
  });

  it('moves a label off a neighbouring disc', () => {
    // Node 1 sits just right of node 0, where node 0's outward label would go.
    const sides = placeLabels(stateOf([[100, 0], [140, 0], [-200, 0]]), radii, widths, () => true, 1);
    expect(sides[0]).not.toBe(LabelSide.Right);
  });

  it('gives two stacked nodes non-overlapping labels', () => {
    const sides = placeLabels(stateOf([[100, 0], [100, 12], [-200, 0]]), radii, widths, () => true, 1);
    expect(new Set([sides[0], sides[1]]).size).toBe(2);
  });

  it('when no side is free, puts the label where it covers no other label (a crowded cluster)', () => {
    // Five actors packed into 120×60 px: every side of some label hits a disc or a label placed before.
    const r = Float32Array.of(10, 9, 7, 9, 8);
    const w = Float32Array.of(40, 40, 40, 40, 40);
    const state = stateOf([[34, 38], [80, 9], [32, 27], [103, 58], [120, 20]]);
    const sides = placeLabels(state, r, w, () => true, 1);
    const box = (i: number, side: number) => {
      const [x, y] = [state[i * 4]!, state[i * 4 + 1]!];
      const g = 4 + r[i]!;
      if (side === LabelSide.Right) return [x + g, y - 7.5, x + g + w[i]!, y + 7.5];
      if (side === LabelSide.Left) return [x - g - w[i]!, y - 7.5, x - g, y + 7.5];
      if (side === LabelSide.Above) return [x - w[i]! / 2, y - g - 15, x + w[i]! / 2, y - g];
      return [x - w[i]! / 2, y + g, x + w[i]! / 2, y + g + 15];
    };
    const boxes = Array.from(sides, (side, i) => box(i, side));
    for (let a = 0; a < boxes.length; a++)
      for (let b = a + 1; b < boxes.length; b++) {
        const [p, q] = [boxes[a]!, boxes[b]!];
        expect(p[0]! < q[2]! && q[0]! < p[2]! && p[1]! < q[3]! && q[1]! < p[3]!, `labels of ${a} and ${b}`).toBe(false);
      }
  });

  it('estimates longer names as wider labels', () => {
    expect(estimateLabelWidth('Senior Syrian of…')).toBeGreaterThan(estimateLabelWidth('Endo'));
  });
});

describe('fitTransform with labels', () => {
  it('leaves room in the view for the outermost labels', () => {
    const state = stateOf([[-100, 0], [100, 0]]);
    const radii = Float32Array.of(10, 10);
    const labels = Float32Array.of(80, 80);
    const t = fitTransform(state, radii, 600, 300, 20, 2.5, labels, 4);
    const rightEdge = t.x + t.k * 110 + 4 + 80;
    const leftEdge = t.x - t.k * 110 - 4 - 80;
    expect(rightEdge).toBeLessThanOrEqual(600 - 20 + 1e-6);
    expect(leftEdge).toBeGreaterThanOrEqual(20 - 1e-6);
  });

  it('zooms in on a small drawing, up to the cap', () => {
    const t = fitTransform(stateOf([[-10, 0], [10, 0]]), Float32Array.of(5, 5), 1000, 500, 20, 2.5, Float32Array.of(40, 40), 4);
    expect(t.k).toBe(2.5);
  });
});
