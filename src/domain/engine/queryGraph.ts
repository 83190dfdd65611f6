import type { QueryIndex } from '../indexes';
import type { ActorGraph, GraphEdge, GraphNode } from '../graph';
import { capSelection, identity, withinCap, type CappedNetwork, type NetworkCap } from '../networkCap';
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
 * The drawn network as it crosses from the query worker to the page: typed arrays only (and a few numbers), which the
 * page names from its own copy of the actor ids (unpackPicture). Sent as objects, the drawn part's 5,000 links and
 * the tens of thousands of actors not drawn cost their cloning twice: at 250k ~4 ms to write in the worker and as
 * much to read on the page's main thread, in the middle of a filter step's longest path.
 */
export interface GraphWire {
  /** The drawn nodes (buildGraph's order) as actor positions, with their meetings. */
  drawnActors: Int32Array;
  drawnCounts: Float64Array;
  /** The drawn links (buildGraph's order): ends as indices into the drawn nodes, and shared meetings. */
  edgeSource: Int32Array;
  edgeTarget: Int32Array;
  edgeWeights: Float64Array;
  hubMeetings: number;
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

/** The wire's typed arrays that the page turns into objects (see unpackPicture). */
type WireArrays = 'drawnActors' | 'drawnCounts' | 'edgeSource' | 'edgeTarget' | 'edgeWeights' | 'hubMeetings' | 'offstageActors' | 'offstageCounts';

/** A graph answer as the page reads it: the drawn network and the actors not drawn as objects. */
export type UnpackedPicture = CappedNetwork & Omit<GraphWire, WireArrays>;

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
    links = identity(totalLinks);
  }
  let drawnCount = 0;
  for (let i = 0; i < n; i++) drawnCount += keep[i]!;
  // Node index among the drawn ones, for the links' ends.
  const drawnIndex = new Int32Array(n);
  const drawnActors = new Int32Array(drawnCount);
  const drawnCounts = new Float64Array(drawnCount);
  const offstageActors = new Int32Array(n - drawnCount);
  const offstageCounts = new Float64Array(n - drawnCount);
  for (let i = 0, d = 0, o = 0; i < n; i++) {
    if (keep[i]) {
      drawnIndex[i] = d;
      drawnActors[d] = shown.actors[i]!;
      drawnCounts[d++] = shown.counts[i]!;
    } else {
      drawnIndex[i] = -1;
      offstageActors[o] = shown.actors[i]!;
      offstageCounts[o++] = shown.counts[i]!;
    }
  }
  const edgeSource = new Int32Array(links.length);
  const edgeTarget = new Int32Array(links.length);
  const edgeWeights = new Float64Array(links.length);
  for (let k = 0; k < links.length; k++) {
    const e = links[k]!;
    edgeSource[k] = drawnIndex[shown.source[e]!]!;
    edgeTarget[k] = drawnIndex[shown.target[e]!]!;
    edgeWeights[k] = shown.weights[e]!;
  }
  const wire: GraphWire = {
    drawnActors, drawnCounts, edgeSource, edgeTarget, edgeWeights, hubMeetings: shown.hubMeetings,
    totalActors: n, totalLinks, capped, offstageActors, offstageCounts, meetingCount, filteredActors: whole.actors.length,
  };
  if (q.measure) {
    const values = q.measure === 'meetings' ? shown.counts : flatMeasures(shown)[q.measure];
    const ids = Array.from(shown.actors, (a) => index.actors[a]!.id);
    const drawn = new Float64Array(drawnCount);
    for (let i = 0; i < n; i++) if (keep[i]) drawn[drawnIndex[i]!] = values[i]!;
    wire.measure = { name: q.measure, drawn, top: topEntries(ids, values, q.top) };
  }
  return wire;
}

/** The page's side of a wire answer: the drawn network and the actors not drawn as objects, named from `actorIds`. */
export function unpackPicture(wire: GraphWire, actorIds: readonly string[]): UnpackedPicture {
  const { drawnActors, drawnCounts, edgeSource, edgeTarget, edgeWeights, hubMeetings, offstageActors, offstageCounts, ...rest } = wire;
  const nodes: GraphNode[] = new Array(drawnActors.length);
  for (let d = 0; d < drawnActors.length; d++) nodes[d] = { id: actorIds[drawnActors[d]!]!, count: drawnCounts[d]! };
  const edges: GraphEdge[] = new Array(edgeWeights.length);
  for (let k = 0; k < edgeWeights.length; k++) edges[k] = { source: nodes[edgeSource[k]!]!.id, target: nodes[edgeTarget[k]!]!.id, weight: edgeWeights[k]! };
  const offstage: GraphNode[] = new Array(offstageActors.length);
  for (let k = 0; k < offstageActors.length; k++) offstage[k] = { id: actorIds[offstageActors[k]!]!, count: offstageCounts[k]! };
  const graph: ActorGraph = hubMeetings ? { nodes, edges, hubMeetings } : { nodes, edges };
  return { ...rest, graph, offstage };
}

/** The typed arrays of a wire answer, to transfer rather than copy. */
export function wireBuffers(wire: GraphWire): ArrayBuffer[] {
  const arrays = [wire.drawnActors, wire.drawnCounts, wire.edgeSource, wire.edgeTarget, wire.edgeWeights, wire.offstageActors, wire.offstageCounts, ...(wire.measure ? [wire.measure.drawn] : [])];
  return arrays.map((a) => a.buffer as ArrayBuffer);
}
