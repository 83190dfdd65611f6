/// <reference lib="webworker" />
import { createLayoutSimulation, pinNode, readState, tickWithin, type LayoutInput, type LayoutSimulation } from './forces';
import type { LayoutRequest, LayoutUpdate } from './layoutRunner';

/**
 * Runs the force layout off the main thread (every graph, where there are workers). Ticks in ~12 ms slices, posting the
 * interleaved state after each slice (transferred, not copied), and yields between slices so pin and
 * new-graph messages are handled promptly.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
let sim: LayoutSimulation | null = null;
let gen = 0;
let nodeCount = 0;
let timer: ReturnType<typeof setTimeout> | null = null;
/** While the page waits for the next graph (see LayoutRunner.hold): no ticks. */
let held = false;

function post(running: boolean): void {
  if (!sim) return;
  const state = readState(sim, new Float32Array(nodeCount * 4));
  const update: LayoutUpdate = { type: 'positions', gen, state, running, alpha: sim.alpha() };
  scope.postMessage(update, [state.buffer]);
}

function loop(): void {
  timer = null;
  if (!sim || held) return;
  const running = tickWithin(sim, 12, () => performance.now());
  post(running);
  if (running) timer = setTimeout(loop, 0);
}

function wake(): void {
  if (timer === null && sim && !held) timer = setTimeout(loop, 0);
}

scope.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const msg = event.data;
  if (msg.type === 'close') {
    scope.close();
    return;
  }
  if (msg.type === 'graph') {
    const input: LayoutInput = msg;
    gen = msg.gen;
    held = msg.held;
    nodeCount = input.radii.length;
    sim = createLayoutSimulation(input);
    wake();
    return;
  }
  if (!sim || msg.gen !== gen) return;
  if (msg.type === 'hold') {
    held = msg.on;
    if (held && timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
  } else if (msg.type === 'pin') pinNode(sim, msg.i, msg.x, msg.y);
  else if (msg.type === 'alphaTarget') sim.alphaTarget(msg.value);
  wake();
};
