import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { select, zoom, zoomIdentity, type ZoomTransform } from 'd3';
import { computeEmphasis, EMPTY_SCENE, type Scene } from '../../../src/viz/network/scene';
import { STATE_STRIDE } from '../../../src/viz/network/layoutModel';
import { createRefit, JUMP_PX, REVEAL_PADDING, revealAllSet, revealSet, screenShift, transformToReveal } from '../../../src/viz/network/refit';

/** Layout state for nodes at the given world positions. */
function stateOf(points: [number, number][]): Float32Array {
  const s = new Float32Array(points.length * STATE_STRIDE);
  points.forEach(([x, y], i) => {
    s[i * STATE_STRIDE] = x;
    s[i * STATE_STRIDE + 1] = y;
  });
  return s;
}
const onScreen = (t: { k: number; x: number; y: number }, x: number, y: number) => [t.x + t.k * x, t.y + t.k * y] as const;

describe('transformToReveal', () => {
  const state = stateOf([[0, 0], [100, 0], [1000, 500], [-800, 0]]);
  const radii = new Float32Array([5, 5, 5, 5]);

  it('leaves the view alone when the nodes are already in view', () => {
    expect(transformToReveal(state, radii, [0, 1], { k: 1, x: 200, y: 200 }, 600, 400)).toBeNull();
  });

  it('pans as little as needed when they fit at the current zoom', () => {
    const t = transformToReveal(state, radii, [0, 1], { k: 1, x: -50, y: 200 }, 600, 400)!;
    expect(t.k).toBe(1);
    const [sx] = onScreen(t, -5, 0);
    expect(sx).toBeCloseTo(REVEAL_PADDING);
  });

  it('zooms out, never in, when they do not fit', () => {
    const t = transformToReveal(state, radii, [0, 2, 3], { k: 1, x: 300, y: 200 }, 600, 400)!;
    expect(t.k).toBeLessThan(1);
    for (const i of [0, 2, 3]) {
      const [sx, sy] = onScreen(t, state[i * STATE_STRIDE]!, state[i * STATE_STRIDE + 1]!);
      expect(sx).toBeGreaterThanOrEqual(0);
      expect(sx).toBeLessThanOrEqual(600);
      expect(sy).toBeGreaterThanOrEqual(0);
      expect(sy).toBeLessThanOrEqual(400);
    }
    const near = transformToReveal(state, radii, [0], { k: 0.5, x: -1000, y: 200 }, 600, 400)!;
    expect(near.k).toBe(0.5);
  });

  it('leaves room for labels to the right of the nodes', () => {
    const labels = new Float32Array([0, 120, 0, 0]);
    const t = transformToReveal(state, radii, [0, 1], { k: 1, x: 450, y: 200 }, 600, 400, labels)!;
    const [sx] = onScreen(t, 105, 0);
    expect(sx + 124).toBeLessThanOrEqual(600 - REVEAL_PADDING + 0.01);
  });
});

describe('screenShift', () => {
  it('is the pan for a pan, and nothing for no move', () => {
    expect(screenShift({ k: 1, x: 10, y: 20 }, { k: 1, x: 13, y: 19 }, 600, 400)).toBeCloseTo(3);
    expect(screenShift({ k: 0.5, x: 10, y: 20 }, { k: 0.5, x: 10, y: 20 }, 600, 400)).toBe(0);
  });

  it('measures a zoom at the corner that moves most', () => {
    // Zooming out to half about the box's top-left corner: the bottom-right corner moves half the box.
    expect(screenShift({ k: 1, x: 0, y: 0 }, { k: 0.5, x: 0, y: 0 }, 600, 400)).toBeCloseTo(300);
  });

  it('tells the refits of a few pixels (made at once) from real moves (animated)', () => {
    expect(screenShift({ k: 0.4756, x: 310.97, y: 95.74 }, { k: 0.4756, x: 310.97, y: 92.88 }, 700, 480)).toBeLessThanOrEqual(JUMP_PX);
    expect(screenShift({ k: 0.5886, x: 300, y: 90 }, { k: 0.4756, x: 311, y: 96 }, 700, 480)).toBeGreaterThan(JUMP_PX);
  });

  it('bounds how far every point of the box moves', () => {
    const t = fc.record({ k: fc.double({ min: 0.05, max: 8, noNaN: true }), x: fc.double({ min: -2000, max: 2000, noNaN: true }), y: fc.double({ min: -2000, max: 2000, noNaN: true }) });
    fc.assert(
      fc.property(t, t, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (from, to, u, v) => {
        const [sx, sy] = [u * 600, v * 400];
        const moved = [to.x + (to.k * (sx - from.x)) / from.k - sx, to.y + (to.k * (sy - from.y)) / from.k - sy];
        const bound = screenShift(from, to, 600, 400);
        return Math.abs(moved[0]!) <= bound * (1 + 1e-9) + 1e-6 && Math.abs(moved[1]!) <= bound * (1 + 1e-9) + 1e-6;
      }),
    );
  });
});

describe('revealSet', () => {
  it('takes highlighted nodes, counterparts, the selected node and both ends of a selected link', () => {
    const emphasis = {
      active: true, lit: Uint8Array.from([1, 0, 0, 0, 0]), near: Uint8Array.from([0, 1, 0, 0, 0]),
      selectedNode: 2, selectedEdge: [3, 0] as const, hovered: -1, focused: -1,
    };
    expect(revealSet(emphasis).sort()).toEqual([0, 1, 2, 3]);
  });
});

describe('after a graph change', () => {
  it('brings every drawn node inside the box, wherever the layout put them and wherever the view was', () => {
    const point = fc.tuple(fc.integer({ min: -3000, max: 3000 }), fc.integer({ min: -3000, max: 3000 }));
    const view = fc.record({ k: fc.double({ min: 0.05, max: 4, noNaN: true }), x: fc.integer({ min: -2000, max: 2000 }), y: fc.integer({ min: -2000, max: 2000 }) });
    fc.assert(
      fc.property(fc.array(point, { minLength: 1, maxLength: 40 }), view, (points, current) => {
        const state = stateOf(points);
        const radii = new Float32Array(points.length).fill(6);
        const t = transformToReveal(state, radii, revealAllSet(points.length), current, 800, 500) ?? current;
        for (const [x, y] of points) {
          const [sx, sy] = onScreen(t, x, y);
          expect(sx).toBeGreaterThanOrEqual(-0.5);
          expect(sx).toBeLessThanOrEqual(800.5);
          expect(sy).toBeGreaterThanOrEqual(-0.5);
          expect(sy).toBeLessThanOrEqual(500.5);
        }
        // Already all in view: the view stays as it is.
        expect(transformToReveal(state, radii, revealAllSet(points.length), t, 800, 500)).toBeNull();
      }),
    );
  });
});

describe('createRefit', () => {
  /** A refit of a 600×400 box whose two nodes lie far outside it, driving a real d3 zoom on an SVG element. */
  function setUp() {
    const surface = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    document.body.append(surface);
    let transform = zoomIdentity;
    const behavior = zoom<Element, unknown>().extent([[0, 0], [600, 400]]).on('zoom', (e: { transform: ZoomTransform }) => void (transform = e.transform));
    select<Element, unknown>(surface).call(behavior);
    const scene = { ...EMPTY_SCENE, nodes: [{}, {}] as Scene['nodes'], state: stateOf([[-2000, 0], [3000, 900]]), radii: new Float32Array([5, 5]) };
    const refit = createRefit(
      {
        scene: () => scene,
        emphasis: () => computeEmphasis(scene, new Set(), null, null, -1),
        transform: () => transform,
        size: () => ({ width: 600, height: 400 }),
        surface: () => surface,
        labelWidths: () => null,
        following: () => false,
        fitAll: () => ({ k: 1, x: 0, y: 0 }),
      },
      behavior,
    );
    return { refit, current: () => transform, cleanUp: () => (refit.destroy(), surface.remove()) };
  }
  const wait = (ms: number) => new Promise((done) => setTimeout(done, ms));

  it('animates a real move, and input anywhere on the page ends it at its destination', async () => {
    const { refit, current, cleanUp } = setUp();
    refit.revealAll();
    await wait(120);
    const midway = current();
    expect(midway.k).toBeLessThan(1);
    await wait(0);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab' }));
    const end = current();
    expect(end.k).toBeLessThan(midway.k);
    // Where it ends, both nodes are in the box.
    for (const [x, y] of [[-2000, 0], [3000, 900]] as const) {
      const [sx, sy] = onScreen(end, x, y);
      expect(sx).toBeGreaterThanOrEqual(0);
      expect(sx).toBeLessThanOrEqual(600);
      expect(sy).toBeGreaterThanOrEqual(0);
      expect(sy).toBeLessThanOrEqual(400);
    }
    // ...and stays there: the animation does not carry on.
    await wait(450);
    expect(current()).toEqual(end);
    cleanUp();
  });
});
