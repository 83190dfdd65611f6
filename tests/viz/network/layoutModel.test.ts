import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  adjacency,
  distanceToSegment,
  edgeWidthScale,
  fitTransform,
  labelledNodes,
  radiusScale,
  reheatAlpha,
  seedPositions,
  shortName,
  STATE_STRIDE,
  type NodeState,
} from '../../../src/viz/network/layoutModel';

const xy = (state: Float32Array, i: number) => [state[i * STATE_STRIDE]!, state[i * STATE_STRIDE + 1]!] as const;

describe('seedPositions', () => {
  it('keeps the exact previous position and velocity of actors seen before', () => {
    const previous = new Map<string, NodeState>([
      ['a', { x: 10, y: -5, vx: 0.5, vy: -0.25 }],
      ['c', { x: -40, y: 30, vx: 0, vy: 0 }],
    ]);
    const state = seedPositions(['c', 'a'], adjacency(2, [0, 1]), previous);
    expect(Array.from(state)).toEqual([-40, 30, 0, 0, 10, -5, 0.5, -0.25]);
  });

  it('keeps positions of a subset when filters shrink the graph (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.stringMatching(/^[a-z]{1,6}$/), { minLength: 1, maxLength: 30 }), fc.nat(), (ids, seed) => {
        const first = seedPositions(ids, adjacency(ids.length, []), new Map());
        const memory = new Map(ids.map((id, i) => [id, { x: xy(first, i)[0], y: xy(first, i)[1], vx: 0, vy: 0 }]));
        const subset = ids.filter((_, i) => (i + seed) % 3 !== 0);
        const second = seedPositions(subset, adjacency(subset.length, []), memory);
        subset.forEach((id, i) => expect(xy(second, i)).toEqual([memory.get(id)!.x, memory.get(id)!.y]));
      }),
    );
  });

  it('starts a new actor next to its already placed neighbours', () => {
    const previous = new Map<string, NodeState>([
      ['a', { x: 1000, y: 1000, vx: 0, vy: 0 }],
      ['b', { x: 1100, y: 1000, vx: 0, vy: 0 }],
      ['far', { x: -1000, y: -1000, vx: 0, vy: 0 }],
    ]);
    // new "n" is linked to a and b only
    const state = seedPositions(['a', 'b', 'far', 'n'], adjacency(4, [3, 0, 3, 1]), previous, 20);
    const [x, y] = xy(state, 3);
    expect(Math.abs(x - 1050)).toBeLessThanOrEqual(20);
    expect(Math.abs(y - 1000)).toBeLessThanOrEqual(20);
  });

  it('grows a whole new branch outward from where it attaches', () => {
    const previous = new Map<string, NodeState>([['hub', { x: 500, y: 500, vx: 0, vy: 0 }]]);
    // hub - n1 - n2 - n3, all new except hub
    const state = seedPositions(['hub', 'n1', 'n2', 'n3'], adjacency(4, [0, 1, 1, 2, 2, 3]), previous, 10);
    for (let i = 1; i < 4; i++) expect(Math.hypot(xy(state, i)[0] - 500, xy(state, i)[1] - 500)).toBeLessThanOrEqual(10 * Math.SQRT2 * i + 1e-3);
  });

  it('places unconnected newcomers outside the existing drawing, not on top of it', () => {
    const previous = new Map<string, NodeState>([
      ['a', { x: -50, y: 0, vx: 0, vy: 0 }],
      ['b', { x: 50, y: 0, vx: 0, vy: 0 }],
    ]);
    const state = seedPositions(['a', 'b', 'loner'], adjacency(3, []), previous, 10);
    expect(Math.hypot(...xy(state, 2))).toBeGreaterThan(50);
  });

  it('lays out a fresh graph deterministically with distinct positions', () => {
    const ids = Array.from({ length: 50 }, (_, i) => `actor-${i}`);
    const a = seedPositions(ids, adjacency(50, []), new Map());
    const b = seedPositions(ids, adjacency(50, []), new Map());
    expect(a).toEqual(b);
    const keys = new Set(ids.map((_, i) => xy(a, i).join(',')));
    expect(keys.size).toBe(50);
  });
});

describe('scales', () => {
  it('gives area proportional to count (sqrt scale) with a floor', () => {
    const r = radiusScale(100, 3, 20);
    expect(r(100)).toBeCloseTo(20);
    expect(r(25)).toBeCloseTo(10);
    expect(r(0)).toBe(3);
    expect(r(1)).toBe(3);
  });

  it('never shrinks a node when its count grows (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.nat(10_000), fc.nat(10_000), (max, c1, c2) => {
        const r = radiusScale(max, 2, 18);
        const [lo, hi] = c1 <= c2 ? [c1, c2] : [c2, c1];
        expect(r(lo)).toBeLessThanOrEqual(r(hi));
      }),
    );
  });

  it('maps edge weight 1 to the thinnest stroke and the maximum to the thickest', () => {
    const w = edgeWidthScale(9, 1, 6);
    expect(w(1)).toBe(1);
    expect(w(9)).toBeCloseTo(6);
    expect(w(5)).toBeGreaterThan(1);
    expect(w(5)).toBeLessThan(6);
  });

  it('re-heats a fresh layout fully and an update gently', () => {
    expect(reheatAlpha(10, 10, false)).toBe(1);
    expect(reheatAlpha(0, 100, true)).toBeLessThan(0.1);
    expect(reheatAlpha(10, 100, true)).toBeGreaterThan(reheatAlpha(0, 100, true));
    expect(reheatAlpha(100, 100, true)).toBeLessThanOrEqual(0.5);
  });
});

describe('labels and geometry', () => {
  it('uses a surname for people and a short name for organizations', () => {
    expect(shortName('Bashar al-Assad', 'person')).toBe('al-Assad');
    expect(shortName('Geir O. Pedersen', 'person')).toBe('Pedersen');
    expect(shortName('Senior Syrian officials (unnamed)', 'organization')).toBe('Senior Syrian');
    expect(shortName('United Nations', 'organization')).toBe('United Nations');
    // Every label is part of the node's accessible name (label in name).
    for (const [name, kind] of [['Senior Syrian officials (unnamed)', 'organization'], ['Organisation for the Prohibition of Chemical Weapons', 'organization'], ['Ali Asghar Khaji', 'person']] as const) {
      expect(name).toContain(shortName(name, kind));
    }
  });

  it('labels the biggest nodes first', () => {
    expect([...labelledNodes([1, 9, 3, 9, 2], 2)].sort()).toEqual([1, 3]);
    expect(labelledNodes([1, 2], 40).size).toBe(2);
  });

  it('fits all nodes inside the view box', () => {
    const state = new Float32Array([-100, 0, 0, 0, 300, 50, 0, 0]);
    const radii = new Float32Array([10, 10]);
    const t = fitTransform(state, radii, 400, 200, 20);
    for (const [x, r] of [[-100, 10], [300, 10]] as const) {
      expect(t.x + t.k * (x - r)).toBeGreaterThanOrEqual(20 - 1e-6);
      expect(t.x + t.k * (x + r)).toBeLessThanOrEqual(380 + 1e-6);
    }
  });

  it('measures distance to a segment, clamped at its ends', () => {
    expect(distanceToSegment(5, 3, 0, 0, 10, 0)).toBeCloseTo(3);
    expect(distanceToSegment(-4, 3, 0, 0, 10, 0)).toBeCloseTo(5);
    expect(distanceToSegment(1, 1, 2, 2, 2, 2)).toBeCloseTo(Math.SQRT2);
  });
});

describe('edge budget', () => {
  it('draws every edge within budget and otherwise the heaviest first', async () => {
    const { strongestEdges } = await import('../../../src/viz/network/scene');
    const weights = new Float32Array([1, 5, 3, 5, 2]);
    expect(Array.from(strongestEdges(weights, 10))).toEqual([0, 1, 2, 3, 4]);
    expect(Array.from(strongestEdges(weights, 3))).toEqual([1, 3, 2]);
  });
});
