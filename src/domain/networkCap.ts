import type { ActorGraph, GraphEdge, GraphNode } from './graph';

/**
 * The strongest part of a large network: what the network view draws once a filter leaves more actors than a
 * picture can show (and than a layout can place within a step). Actors are ranked by meetings in the current
 * filter, links by shared meetings; the actors a selection is about (and their strongest counterparts) are always
 * in, so selecting any actor brings it and its neighbours into the picture.
 */
export interface CappedNetwork {
  graph: ActorGraph;
  /** Actors and links of the whole network (before the cap). */
  totalActors: number;
  totalLinks: number;
  /** Actors of the whole network that are not drawn (for the keyboard list and search). */
  offstage: GraphNode[];
  capped: boolean;
}

export interface NetworkCap {
  /** Most actors drawn (the busiest by meetings), before the brought-in ones. */
  actors: number;
  /** Most links drawn (the strongest by shared meetings), before the brought-in ones' links. */
  links: number;
  /** Most counterparts brought in with each focus actor (its strongest links). */
  neighbours: number;
}

export const NETWORK_CAP: NetworkCap = { actors: 500, links: 5000, neighbours: 100 };

/**
 * Of `items` (indices, in order), the `n` with the highest `value[i]` (whole numbers ≥ 0), ties taken in the
 * order given: a count of each value finds the threshold in linear time, so no sort of tens of thousands of
 * actors or links per filter step. Marks them with 1 in `into`.
 */
function markTop(items: ArrayLike<number>, count: number, value: ArrayLike<number>, n: number, into: Uint8Array): void {
  if (count <= n) {
    for (let k = 0; k < count; k++) into[items[k]!] = 1;
    return;
  }
  let max = 0;
  for (let k = 0; k < count; k++) max = Math.max(max, value[items[k]!]!);
  const histogram = new Uint32Array(max + 2);
  for (let k = 0; k < count; k++) histogram[value[items[k]!]!]!++;
  // The lowest value that still gets in, and how many items of exactly that value fit.
  let threshold = max;
  let above = 0;
  while (threshold > 0 && above + histogram[threshold]! < n) above += histogram[threshold--]!;
  let tiesLeft = n - above;
  for (let k = 0; k < count; k++) {
    const i = items[k]!;
    const v = value[i]!;
    if (v > threshold) into[i] = 1;
    else if (v === threshold && tiesLeft > 0) {
      into[i] = 1;
      tiesLeft--;
    }
  }
}

/** 0, 1, …, length - 1 (a loop: Int32Array.from with a callback took ~1 ms for 20,000 in the query worker). */
export function identity(length: number): Int32Array {
  const out = new Int32Array(length);
  for (let i = 0; i < length; i++) out[i] = i;
  return out;
}

/** A graph as flat arrays, built once per graph: a selection re-caps the same graph with another focus. */
interface Prepared {
  pos: Map<string, number>;
  counts: Float64Array;
  source: Int32Array;
  target: Int32Array;
  weights: Float64Array;
  /** capNetwork without focus, per cap (a filter change caps once, selections and deselections reuse it). */
  plain: Map<NetworkCap, CappedNetwork>;
}
const preparedGraphs = new WeakMap<ActorGraph, Prepared>();

function prepare(graph: ActorGraph): Prepared {
  let p = preparedGraphs.get(graph);
  if (p) return p;
  const pos = new Map<string, number>();
  graph.nodes.forEach((n, i) => pos.set(n.id, i));
  const m = graph.edges.length;
  const source = new Int32Array(m);
  const target = new Int32Array(m);
  const weights = new Float64Array(m);
  for (let e = 0; e < m; e++) {
    const edge = graph.edges[e]!;
    source[e] = pos.get(edge.source) ?? -1;
    target[e] = pos.get(edge.target) ?? -1;
    weights[e] = edge.weight;
  }
  p = { pos, counts: Float64Array.from(graph.nodes, (n) => n.count), source, target, weights, plain: new Map() };
  preparedGraphs.set(graph, p);
  return p;
}

/** A network as flat arrays: per node a weight (meetings), per link its ends (node indices, -1: not a node) and weight. */
export interface FlatNetwork {
  counts: ArrayLike<number>;
  source: Int32Array;
  target: Int32Array;
  weights: ArrayLike<number>;
}

/**
 * Which nodes and links of `g` the cap keeps (see capNetwork): `keep[i]` is 1 for a kept node, `links` the kept
 * links' indices in the input order. `focused` are node indices (no repeats). The query worker caps its flat graph
 * with this, and capNetwork caps an object graph with it, so both give the same picture.
 */
export function capSelection(g: FlatNetwork, cap: NetworkCap, focused: readonly number[]): { keep: Uint8Array; links: Int32Array } {
  const totalActors = g.counts.length;
  const totalLinks = g.weights.length;
  const keep = new Uint8Array(totalActors);
  markTop(identity(totalActors), totalActors, g.counts, cap.actors, keep);
  const isFocus = new Uint8Array(totalActors);
  if (focused.length) {
    const incident = new Map<number, number[]>(focused.map((i) => [i, []]));
    for (const i of focused) isFocus[i] = 1;
    for (let e = 0; e < totalLinks; e++) {
      const a = g.source[e]!;
      const b = g.target[e]!;
      if (a >= 0 && isFocus[a]) incident.get(a)!.push(e);
      if (b >= 0 && isFocus[b]) incident.get(b)!.push(e);
    }
    const strongestOfFocus = new Uint8Array(totalLinks);
    for (const i of focused) {
      keep[i] = 1;
      const links = incident.get(i)!;
      strongestOfFocus.fill(0);
      markTop(links, links.length, g.weights, cap.neighbours, strongestOfFocus);
      for (const e of links) if (strongestOfFocus[e]) keep[g.source[e] === i ? g.target[e]! : g.source[e]!] = 1;
    }
  }
  const among = new Int32Array(totalLinks);
  let amongCount = 0;
  for (let e = 0; e < totalLinks; e++) {
    const a = g.source[e]!;
    const b = g.target[e]!;
    if (a >= 0 && b >= 0 && keep[a] && keep[b]) among[amongCount++] = e;
  }
  const strongest = new Uint8Array(totalLinks);
  markTop(among, amongCount, g.weights, cap.links, strongest);
  const links = new Int32Array(amongCount);
  let linkCount = 0;
  for (let k = 0; k < amongCount; k++) {
    const e = among[k]!;
    if (strongest[e] || isFocus[g.source[e]!] || isFocus[g.target[e]!]) links[linkCount++] = e;
  }
  return { keep, links: links.subarray(0, linkCount) };
}

/** Whether a network of this size is drawn whole. */
export const withinCap = (actors: number, links: number, cap: NetworkCap): boolean => actors <= cap.actors && links <= cap.links;

/**
 * `graph` cut to at most `cap.actors` busiest actors plus each `focus` actor with up to `cap.neighbours` of its
 * strongest counterparts; links among the kept actors, at most `cap.links` of the strongest plus every link of a
 * focus actor to a kept actor. Ties go by the input graph's order, and node and link order follow it (so
 * positions and colours stay put).
 * A graph within the caps is returned as it is. The same graph and cap without focus give the same object.
 */
export function capNetwork(graph: ActorGraph, cap: NetworkCap = NETWORK_CAP, focus: readonly string[] = []): CappedNetwork {
  const totalActors = graph.nodes.length;
  const totalLinks = graph.edges.length;
  if (withinCap(totalActors, totalLinks, cap)) return { graph, totalActors, totalLinks, offstage: [], capped: false };

  const p = prepare(graph);
  const focused: number[] = [];
  for (const id of focus) {
    const i = p.pos.get(id);
    if (i !== undefined && !focused.includes(i)) focused.push(i);
  }
  if (!focused.length) {
    const plain = p.plain.get(cap);
    if (plain) return plain;
  }
  const { keep, links } = capSelection(p, cap, focused);
  const edges: GraphEdge[] = Array.from(links, (e) => graph.edges[e]!);
  const nodes: GraphNode[] = [];
  const offstage: GraphNode[] = [];
  graph.nodes.forEach((node, i) => (keep[i] ? nodes : offstage).push(node));
  const capped: ActorGraph = graph.hubMeetings ? { nodes, edges, hubMeetings: graph.hubMeetings } : { nodes, edges };
  const result: CappedNetwork = { graph: capped, totalActors, totalLinks, offstage, capped: true };
  if (!focused.length) p.plain.set(cap, result);
  return result;
}
