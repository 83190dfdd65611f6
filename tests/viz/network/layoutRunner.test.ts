import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMainThreadLayout } from '../../../src/viz/network/layoutRunner';
import type { LayoutInput } from '../../../src/viz/network/forces';

/** Frames run by hand: each `frame()` runs the callbacks queued so far. */
let queued: FrameRequestCallback[] = [];
const frame = () => {
  const run = queued;
  queued = [];
  for (const cb of run) cb(performance.now());
};

function triangle(alpha = 1): LayoutInput {
  return {
    state: Float32Array.from([0, 0, 0, 0, 30, 0, 0, 0, 0, 30, 0, 0]),
    radii: Float32Array.from([5, 5, 5]),
    links: Int32Array.from([0, 1, 1, 2]),
    weights: Float32Array.from([1, 1]),
    alpha,
  };
}

describe('the main-thread layout held while the next picture is worked out', () => {
  beforeEach(() => {
    queued = [];
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => queued.push(cb));
    vi.stubGlobal('cancelAnimationFrame', (id: number) => {
      queued[id - 1] = () => undefined;
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('does not tick while held, keeps its heat for the next graph, and resumes where it stopped', () => {
    const positions: Float32Array[] = [];
    const runner = createMainThreadLayout((state) => positions.push(state.slice()), 1);
    runner.start(triangle());
    frame();
    expect(positions).toHaveLength(1);
    const alpha = runner.currentAlpha();
    expect(alpha).toBeGreaterThan(0);

    runner.hold(true);
    frame();
    frame();
    expect(positions).toHaveLength(1);
    // A graph arriving while held starts from the layout's heat, as it would mid-layout.
    expect(runner.currentAlpha()).toBe(alpha);

    runner.hold(false);
    frame();
    expect(positions).toHaveLength(2);
    expect(positions[1]).not.toEqual(positions[0]);
    runner.destroy();
  });

  it('a new graph ends the hold', () => {
    const positions: Float32Array[] = [];
    const runner = createMainThreadLayout((state) => positions.push(state), 1);
    runner.start(triangle());
    runner.hold(true);
    frame();
    expect(positions).toHaveLength(0);
    runner.start(triangle(0.5));
    frame();
    expect(positions).toHaveLength(1);
    runner.destroy();
  });

  it('a graph started held keeps its first positions until released', () => {
    const positions: Float32Array[] = [];
    const runner = createMainThreadLayout((state) => positions.push(state), 1);
    runner.start(triangle(), true);
    frame();
    expect(positions).toHaveLength(0);
    expect(runner.currentAlpha()).toBe(1);
    runner.hold(false);
    frame();
    expect(positions).toHaveLength(1);
    runner.destroy();
  });

  it('a layout that had cooled stays still when released', () => {
    const positions: Float32Array[] = [];
    const runner = createMainThreadLayout((_state, running) => positions.push(Float32Array.of(running ? 1 : 0)), 1);
    runner.start(triangle(0.0001));
    frame();
    expect(positions.map((p) => p[0])).toEqual([0]);
    runner.hold(true);
    runner.hold(false);
    frame();
    expect(positions).toHaveLength(1);
    runner.destroy();
  });
});
