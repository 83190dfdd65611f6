import type { QueryIndex } from '../indexes';
import type { ActorGraph, GraphEdge, GraphNode } from '../graph';
import { capSelection, withinCap, type CappedNetwork, type NetworkCap } from '../networkCap';
import type { EgoDepth } from '../analysis/ego';
import { topEntries, type RankedEntry } from '../analysis/ranking';
import { buildFlatGraph } from './flatGraphBuild';

export { buildFlatGraph };

/**
 * The network's graph as the query worker builds it: flat arrays over actor positions, never an object per link.
 * At 250,000 meetings the network has ~770,000 links; as objects (buildGraph) they cost hundreds of milliseconds
 * and a GC pause per step, and only the few thousand drawn ones are ever looked at. Every function here gives what
 * its object counterpart gives (buildGraph, egoGraph, capNetwork, graphMeasures, topEntries): the property tests
 * in tests/domain/engine compare them.
 */
export interface FlatGraph {
  /** Actor positions of the nodes, ascending (buildGraph's node order). */
  actors: Int32Array;
  /** Meetings per node. */
  counts: Float64Array;
  /** Links in buildGraph's order: ends as node indices (the lower actor position first) and shared meetings. */
  source: Int32Array;
  target: Int32Array;
  weights: Float64Array;
  hubMeetings: number;
}

/** egoGraph on a flat graph: the nodes within `depth` links of node `center` (or none), and the links among them. */
export function flatEgo(g: FlatGraph, center: number, depth: EgoDepth): FlatGraph {
  const n = g.actors.length;
  const keep = new Uint8Array(n);
  if (center >= 0) {
    // Neighbour lists as CSR, both directions.
    const offsets = new Int32Array(n + 1);
    for (let e = 0; e < g.source.length; e++) {
      offsets[g.source[e]! + 1]!++;
      offsets[g.target[e]! + 1]!++;
    }
    for (let i = 0; i < n; i++) offsets[i + 1]! += offsets[i]!;
    const fill = offsets.slice(0, n);
    const neighbours = new Int32Array(offsets[n]!);
    for (let e = 0; e < g.source.length; e++) {
      neighbours[fill[g.source[e]!]!++] = g.target[e]!;
      neighbours[fill[g.target[e]!]!++] = g.source[e]!;
    }
    keep[center] = 1;
    let frontier = [center];
    for (let step = 0; step < depth; step++) {
      const next: number[] = [];
      for (const i of frontier) {
        for (let k = offsets[i]!; k < offsets[i + 1]!; k++) {
          const j = neighbours[k]!;
          if (!keep[j]) {
            keep[j] = 1;
            next.push(j);
          }
        }
      }
      frontier = next;
    }
  }
  const newIndex = new Int32Array(n);
  let count = 0;
  for (let i = 0; i < n; i++) newIndex[i] = keep[i] ? count++ : -1;
  const actors = new Int32Array(count);
  const counts = new Float64Array(count);
  for (let i = 0; i < n; i++) {
    if (!keep[i]) continue;
    actors[newIndex[i]!] = g.actors[i]!;
    counts[newIndex[i]!] = g.counts[i]!;
  }
  const links: number[] = [];
  for (let e = 0; e < g.source.length; e++) if (keep[g.source[e]!] && keep[g.target[e]!]) links.push(e);
  const pick = <T extends Int32Array | Float64Array>(from: T, map: (v: number) => number, to: T) => {
    links.forEach((e, k) => (to[k] = map(from[e]!)));
    return to;
  };
  return {
    actors,
    counts,
    source: pick(g.source, (i) => newIndex[i]!, new Int32Array(links.length)),
    target: pick(g.target, (i) => newIndex[i]!, new Int32Array(links.length)),
    weights: pick(g.weights, (w) => w, new Float64Array(links.length)),
    // egoGraph keeps nodes and links only: the hub note is about the whole network.
    hubMeetings: 0,
  };
}

/** Degree and weighted degree per node (graphMeasures on the object graph). */
export function flatMeasures(g: FlatGraph): { degree: Float64Array; weightedDegree: Float64Array } {
  const degree = new Float64Array(g.actors.length);
  const weightedDegree = new Float64Array(g.actors.length);
  for (let e = 0; e < g.source.length; e++) {
    const a = g.source[e]!;
    const b = g.target[e]!;
    degree[a]!++;
    degree[b]!++;
    weightedDegree[a]! += g.weights[e]!;
    weightedDegree[b]! += g.weights[e]!;
  }
  return { degree, weightedDegree };
}

/** The measures the query worker answers (one pass over the links); betweenness and PageRank need graphology. */
export type CountedMeasure = 'meetings' | 'degree' | 'weightedDegree';
export const isCountedMeasure = (m: string): m is CountedMeasure => m === 'meetings' || m === 'degree' || m === 'weightedDegree';

/**
 * The drawn network as it crosses from the query worker to the page: the drawn part as objects (a few thousand at
 * most), the actors not drawn as positions and counts (tens of thousands: objects would cost their cloning twice).
 */
export interface GraphWire {
  graph: ActorGraph;
  totalActors: number;
  totalLinks: number;
  capped: boolean;
  offstageActors: Int32Array;
  offstageCounts: Float64Array;
  /** Meetings the network is built from. */
  meetingCount: number;
  /** Actors in the network before an ego cut (0: nothing matches; more: the ego's actor is not among them). */
  filteredActors: number;
  /** The asked measure over the whole network shown (after the ego cut, before the cap). */
  measure?: {
    name: CountedMeasure;
    /** Values of the drawn nodes, in `graph.nodes` order. */
    drawn: Float64Array;
    /** The `top` highest over the whole network, ranked as topEntries ranks them. */
    top: RankedEntry[];
  };
}

export interface FlatPictureQuery {
  focus: readonly string[];
  ego: { actor: string; depth: EgoDepth } | null;
  measure: CountedMeasure | null;
  top: number;
  cap: NetworkCap;
}

/** The picture of `whole` (the filtered network; `shown` after an ego cut) for a view: capped, measured, packed. */
export function flatPicture(index: QueryIndex, whole: FlatGraph, shown: FlatGraph, meetingCount: number, q: FlatPictureQuery): GraphWire {
  const n = shown.actors.length;
  const totalLinks = shown.weights.length;
  let keep: Uint8Array;
  let links: ArrayLike<number>;
  const capped = !withinCap(n, totalLinks, q.cap);
  if (capped) {
    const nodeOfActor = new Map<number, number>();
    const focused: number[] = [];
    for (const id of q.focus) {
      const pos = index.actorPos.get(id);
      if (pos === undefined) continue;
      if (!nodeOfActor.size) shown.actors.forEach((a, i) => nodeOfActor.set(a, i));
      const i = nodeOfActor.get(pos);
      if (i !== undefined && !focused.includes(i)) focused.push(i);
    }
    ({ keep, links } = capSelection(shown, q.cap, focused));
  } else {
    keep = new Uint8Array(n).fill(1);
    links = Int32Array.from({ length: totalLinks }, (_, e) => e);
  }
  const idOf = (i: number) => index.actors[shown.actors[i]!]!.id;
  const nodes: GraphNode[] = [];
  const drawnNodes: number[] = [];
  let offstageCount = 0;
  for (let i = 0; i < n; i++) {
    if (keep[i]) {
      nodes.push({ id: idOf(i), count: shown.counts[i]! });
      drawnNodes.push(i);
    } else offstageCount++;
  }
  const offstageActors = new Int32Array(offstageCount);
  const offstageCounts = new Float64Array(offstageCount);
  for (let i = 0, k = 0; i < n; i++) {
    if (keep[i]) continue;
    offstageActors[k] = shown.actors[i]!;
    offstageCounts[k++] = shown.counts[i]!;
  }
  const edges: GraphEdge[] = Array.from(links, (e) => ({ source: idOf(shown.source[e]!), target: idOf(shown.target[e]!), weight: shown.weights[e]! }));
  const graph: ActorGraph = shown.hubMeetings ? { nodes, edges, hubMeetings: shown.hubMeetings } : { nodes, edges };
  const wire: GraphWire = { graph, totalActors: n, totalLinks, capped, offstageActors, offstageCounts, meetingCount, filteredActors: whole.actors.length };
  if (q.measure) {
    const values = q.measure === 'meetings' ? shown.counts : flatMeasures(shown)[q.measure];
    const ids = Array.from(shown.actors, (a) => index.actors[a]!.id);
    wire.measure = { name: q.measure, drawn: Float64Array.from(drawnNodes, (i) => values[i]!), top: topEntries(ids, values, q.top) };
  }
  return wire;
}

/** The page's side of a wire answer: the actors not drawn as the objects the network's keyboard list reads. */
export function unpackPicture(wire: GraphWire, actorIds: readonly string[]): CappedNetwork & Omit<GraphWire, 'offstageActors' | 'offstageCounts'> {
  const { offstageActors, offstageCounts, ...rest } = wire;
  const offstage: GraphNode[] = new Array(offstageActors.length);
  for (let k = 0; k < offstageActors.length; k++) offstage[k] = { id: actorIds[offstageActors[k]!]!, count: offstageCounts[k]! };
  return { ...rest, offstage };
}

/** The typed arrays of a wire answer, to transfer rather than copy. */
export function wireBuffers(wire: GraphWire): ArrayBuffer[] {
  const arrays = [wire.offstageActors, wire.offstageCounts, ...(wire.measure ? [wire.measure.drawn] : [])];
  return arrays.map((a) => a.buffer as ArrayBuffer);
}
