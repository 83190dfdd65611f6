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

describe('the worker layout (every graph, where there are workers)', () => {
  const sent: unknown[] = [];
  let worker: { onmessage: ((event: { data: unknown }) => void) | null } | null = null;
  beforeEach(() => {
    sent.length = 0;
    vi.stubGlobal(
      'Worker',
      class {
        onmessage: ((event: { data: unknown }) => void) | null = null;
        constructor() {
          worker = this;
        }
        postMessage(message: unknown) {
          sent.push(message);
        }
      },
    );
  });
  afterEach(() => vi.unstubAllGlobals());

  it("sends a small graph's drawing area and label widths, reports the heat the worker last posted, and holds once", async () => {
    const { createWorkerLayout } = await import('../../../src/viz/network/layoutRunner');
    const positions: boolean[] = [];
    const runner = createWorkerLayout((_state, running) => positions.push(running));
    const input = { ...triangle(0.8), area: { width: 300, height: 200, nodes: 3 }, labelWidths: Float32Array.from([40, 50, 60]) };
    runner.start(input, true);
    const graph = sent[0] as { type: string; held: boolean; area: unknown; labelWidths: Float32Array; gen: number };
    expect(graph).toMatchObject({ type: 'graph', held: true, area: { width: 300, height: 200, nodes: 3 } });
    expect(Array.from(graph.labelWidths)).toEqual([40, 50, 60]);
    // A graph arriving before any positions starts from the heat it was given.
    expect(runner.currentAlpha()).toBe(0.8);
    worker!.onmessage!({ data: { type: 'positions', gen: graph.gen, state: new Float32Array(12), running: true, alpha: 0.4 } });
    expect(runner.currentAlpha()).toBe(0.4);
    // Positions of an older graph are not drawn.
    worker!.onmessage!({ data: { type: 'positions', gen: graph.gen - 1, state: new Float32Array(12), running: true, alpha: 0.9 } });
    expect(positions).toEqual([true]);
    worker!.onmessage!({ data: { type: 'positions', gen: graph.gen, state: new Float32Array(12), running: false, alpha: 0.0009 } });
    expect(runner.currentAlpha()).toBe(0);
    runner.hold(false);
    runner.hold(false);
    runner.hold(true);
    expect(sent.filter((m) => (m as { type: string }).type === 'hold')).toEqual([
      { type: 'hold', gen: graph.gen, on: false },
      { type: 'hold', gen: graph.gen, on: true },
    ]);
  });
});
