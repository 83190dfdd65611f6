import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type Simulation, type SimulationLinkDatum, type SimulationNodeDatum } from 'd3';
import { STATE_STRIDE } from './layoutModel';
import { SMALL_GRAPH_NODES, smallGraphForces } from './smallGraphLayout';

/** Everything a layout needs, as transferable typed arrays (identical on the main thread and in the worker). */
export interface LayoutInput {
  /** Interleaved x, y, vx, vy per node. */
  state: Float32Array;
  radii: Float32Array;
  /** Edge endpoints as node index pairs [a0, b0, a1, b1, …]. */
  links: Int32Array;
  weights: Float32Array;
  alpha: number;
  /**
   * Drawing area in screen pixels: small graphs are spread to fill it. `nodes` is the node count
   * the spacing was first made for, kept across filter updates so settled actors do not drift.
   */
  area?: { width: number; height: number; nodes?: number };
  /** Per-node label width in screen pixels, so small graphs leave room for names. */
  labelWidths?: Float32Array;
}

export interface LayoutNode extends SimulationNodeDatum {
  r: number;
  /** Collision radius: the disc plus room for its label in small graphs. */
  room: number;
}
type LayoutLink = SimulationLinkDatum<LayoutNode> & { weight: number };

export type LayoutSimulation = Simulation<LayoutNode, LayoutLink>;

/**
 * A stopped d3-force simulation over copies of the input (d3 mutates its nodes). The caller drives
 * it with tick() under a time budget, so neither thread is ever blocked by a long layout.
 */
export function createLayoutSimulation(input: LayoutInput): LayoutSimulation {
  const n = input.radii.length;
  const nodes: LayoutNode[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const o = i * STATE_STRIDE;
    nodes[i] = { index: i, x: input.state[o]!, y: input.state[o + 1]!, vx: input.state[o + 2]!, vy: input.state[o + 3]!, r: input.radii[i]!, room: input.radii[i]! + 2 };
  }
  const links: LayoutLink[] = [];
  for (let k = 0; k + 1 < input.links.length; k += 2) {
    links.push({ source: input.links[k]!, target: input.links[k + 1]!, weight: input.weights[k / 2] ?? 1 });
  }
  if (input.area && n <= SMALL_GRAPH_NODES) return smallGraphSimulation(input, nodes, links);
  const big = n > 1000;
  return forceSimulation<LayoutNode, LayoutLink>(nodes)
    .stop()
    .alpha(input.alpha)
    .alphaDecay(big ? 0.035 : 0.0228)
    .force(
      'link',
      forceLink<LayoutNode, LayoutLink>(links)
        .distance((l) => 24 + (l.source as LayoutNode).r + (l.target as LayoutNode).r)
        .iterations(1),
    )
    .force('charge', forceManyBody<LayoutNode>().strength(big ? -18 : -60).theta(big ? 1.1 : 0.9).distanceMax(big ? 250 : 400))
    .force('collide', forceCollide<LayoutNode>((d) => d.r + 2).iterations(1))
    // Pull toward the origin keeps disconnected components on screen (forceCenter would not).
    .force('x', forceX<LayoutNode>(0).strength(big ? 0.03 : 0.06))
    .force('y', forceY<LayoutNode>(0).strength(big ? 0.03 : 0.06));
}

function smallGraphSimulation(input: LayoutInput, nodes: LayoutNode[], links: LayoutLink[]): LayoutSimulation {
  const area = input.area!;
  const f = smallGraphForces(area.nodes ?? nodes.length, area.width, area.height, median(input.labelWidths));
  for (const d of nodes) d.room = d.r + 6 + f.labelShare * (input.labelWidths?.[d.index!] ?? 0);
  // An update (alpha < 1) pulls toward where the actors already are, not the origin, so a filter
  // that keeps only one corner of the drawing does not slide that corner to the middle.
  let cx = 0, cy = 0;
  if (input.alpha < 1 && nodes.length) {
    for (const d of nodes) { cx += d.x!; cy += d.y!; }
    cx /= nodes.length;
    cy /= nodes.length;
  }
  return forceSimulation<LayoutNode, LayoutLink>(nodes)
    .stop()
    .alpha(input.alpha)
    .alphaDecay(0.0228)
    .force(
      'link',
      forceLink<LayoutNode, LayoutLink>(links)
        .distance((l) => f.linkGap + (l.source as LayoutNode).r + (l.target as LayoutNode).r)
        .iterations(1),
    )
    .force('charge', forceManyBody<LayoutNode>().strength(f.charge).distanceMax(f.distanceMax))
    .force('collide', forceCollide<LayoutNode>((d) => d.room).strength(0.9).iterations(2))
    .force('x', forceX<LayoutNode>(cx).strength(f.gravityX))
    .force('y', forceY<LayoutNode>(cy).strength(f.gravityY));
}

function median(values: Float32Array | undefined): number {
  if (!values || values.length === 0) return 0;
  const sorted = Float32Array.from(values).sort();
  return sorted[sorted.length >> 1]!;
}

/** Copies node positions and velocities into an interleaved state array. */
export function readState(sim: LayoutSimulation, out: Float32Array): Float32Array {
  const nodes = sim.nodes();
  for (let i = 0; i < nodes.length; i++) {
    const d = nodes[i]!;
    const o = i * STATE_STRIDE;
    out[o] = d.x ?? 0;
    out[o + 1] = d.y ?? 0;
    out[o + 2] = d.vx ?? 0;
    out[o + 3] = d.vy ?? 0;
  }
  return out;
}

/** Runs ticks until the budget (ms) is spent or the layout has cooled; returns whether it is still running. */
export function tickWithin(sim: LayoutSimulation, budgetMs: number, now: () => number): boolean {
  const until = now() + budgetMs;
  do {
    if (sim.alpha() < sim.alphaMin() && sim.alphaTarget() < sim.alphaMin()) return false;
    sim.tick();
  } while (now() < until);
  return true;
}

/** Pins node i (dragging) or releases it (x = null). */
export function pinNode(sim: LayoutSimulation, i: number, x: number | null, y: number | null): void {
  const node = sim.nodes()[i];
  if (!node) return;
  node.fx = x;
  node.fy = y;
}
