import { createLayoutSimulation, pinNode, readState, tickWithin, type LayoutInput, type LayoutSimulation } from './forces';

/** Messages to the layout worker. `gen` ties pins to the graph they were made for. */
export type LayoutRequest =
  | ({ type: 'graph'; gen: number; held: boolean } & LayoutInput)
  | { type: 'pin'; gen: number; i: number; x: number | null; y: number | null }
  | { type: 'alphaTarget'; gen: number; value: number }
  | { type: 'hold'; gen: number; on: boolean }
  | { type: 'close' };

export interface LayoutUpdate {
  type: 'positions';
  gen: number;
  state: Float32Array;
  /** False on the last update before the layout cools down. */
  running: boolean;
  /** How hot the layout is after this slice (a graph arriving mid-layout starts at least this warm). */
  alpha: number;
}

/** One running force layout; the controller swaps implementations when the graph crosses the size threshold. */
export interface LayoutRunner {
  readonly kind: 'main' | 'worker';
  /** Lays out a new graph; `held`: held from the start (see hold), the graph's first positions stay as given. */
  start(input: LayoutInput, held?: boolean): void;
  /** Fix node i at (x, y) while dragging; null releases it. */
  pin(i: number, x: number | null, y: number | null): void;
  /** Keeps the layout warm while the user drags. */
  setAlphaTarget(value: number): void;
  /** How hot the running layout is (0 when cooled or unknown, as for the worker). */
  currentAlpha(): number;
  /**
   * Stops ticking while on (the layout keeps its state), resumes when off; a new graph (start) ends it. While the
   * page waits for the next picture the graph laid out is about to be replaced, and its ticks took a core (the
   * worker) or frames (the main thread) from the work that brings the next one.
   */
  hold(on: boolean): void;
  destroy(): void;
}

type OnPositions = (state: Float32Array, running: boolean) => void;

const frame = (cb: () => void): (() => void) => {
  if (typeof requestAnimationFrame === 'function') {
    const id = requestAnimationFrame(cb);
    return () => cancelAnimationFrame(id);
  }
  const id = setTimeout(cb, 16);
  return () => clearTimeout(id);
};

/**
 * Main-thread layout for small graphs (≤ a few hundred nodes): a tick costs well under a
 * millisecond there, so a per-frame budget keeps frames smooth without a worker round trip,
 * and it works where workers do not (tests, older embeds).
 */
export function createMainThreadLayout(onPositions: OnPositions, budgetMs = 8): LayoutRunner {
  let sim: LayoutSimulation | null = null;
  let cancel: (() => void) | null = null;
  let held = false;
  /** The alpha of a layout held while running (what currentAlpha reports until it resumes). */
  let heldAlpha = 0;
  const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());
  const step = () => {
    cancel = null;
    if (!sim || held) return;
    const running = tickWithin(sim, budgetMs, now);
    onPositions(readState(sim, new Float32Array(sim.nodes().length * 4)), running);
    if (running) cancel = frame(step);
  };
  const wake = () => {
    if (!cancel && sim && !held) cancel = frame(step);
  };
  return {
    kind: 'main',
    start(input, startHeld = false) {
      held = false;
      heldAlpha = 0;
      sim = createLayoutSimulation(input);
      wake();
      if (startHeld) this.hold(true);
    },
    pin(i, x, y) {
      if (!sim) return;
      pinNode(sim, i, x, y);
      wake();
    },
    setAlphaTarget(value) {
      sim?.alphaTarget(value);
      wake();
    },
    currentAlpha() {
      return sim && cancel ? sim.alpha() : held ? heldAlpha : 0;
    },
    hold(on) {
      if (on === held) return;
      held = on;
      if (on) {
        heldAlpha = sim && cancel ? sim.alpha() : 0;
        cancel?.();
        cancel = null;
      } else if (heldAlpha > 0) {
        heldAlpha = 0;
        wake();
      }
    },
    destroy() {
      cancel?.();
      cancel = null;
      sim = null;
    },
  };
}

export const canUseWorker = (): boolean => typeof Worker === 'function';

/**
 * Layout in a Web Worker (every graph where there are workers: a small graph's ticks took the first 8 ms of every
 * frame of its animation on the main thread, 10-24 ms per frame with its drawing at 250k, traced, beside the steps and
 * the input that followed); positions arrive as transferred Float32Arrays.
 */
export function createWorkerLayout(onPositions: OnPositions): LayoutRunner {
  const worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
  let gen = 0;
  /** The heat the worker last reported for the current graph, while it runs. */
  let alpha = 0;
  worker.onmessage = (event: MessageEvent<LayoutUpdate>) => {
    if (event.data.type !== 'positions' || event.data.gen !== gen) return;
    alpha = event.data.running ? event.data.alpha : 0;
    onPositions(event.data.state, event.data.running);
  };
  const send = (msg: LayoutRequest, transfer: Transferable[] = []) => worker.postMessage(msg, transfer);
  let held = false;
  return {
    kind: 'worker',
    start(input, startHeld = false) {
      gen++;
      held = startHeld;
      alpha = input.alpha;
      // Copies go to the worker: the controller keeps its own state array for drawing until positions return.
      const msg: LayoutRequest = {
        type: 'graph',
        gen,
        state: input.state.slice(),
        radii: input.radii.slice(),
        links: input.links.slice(),
        weights: input.weights.slice(),
        alpha: input.alpha,
        held,
        ...(input.area ? { area: { ...input.area } } : {}),
        ...(input.labelWidths ? { labelWidths: input.labelWidths.slice() } : {}),
      };
      const buffers: Transferable[] = [msg.state.buffer, msg.radii.buffer, msg.links.buffer, msg.weights.buffer];
      if (msg.labelWidths) buffers.push(msg.labelWidths.buffer);
      send(msg, buffers);
    },
    pin(i, x, y) {
      send({ type: 'pin', gen, i, x, y });
    },
    setAlphaTarget(value) {
      send({ type: 'alphaTarget', gen, value });
    },
    currentAlpha: () => alpha,
    hold(on) {
      if (on === held) return;
      held = on;
      send({ type: 'hold', gen, on });
    },
    destroy() {
      worker.onmessage = null;
      // The worker ends itself: terminate() would join its thread on this one, inside the user's task.
      send({ type: 'close' });
    },
  };
}
