import type { QueryIndex } from '../indexes';
import { MAX_PAIRWISE_PARTICIPANTS, type ActorGraph, type GraphEdge, type GraphNode } from '../graph';
import { capSelection, withinCap, type CappedNetwork, type NetworkCap } from '../networkCap';
import type { EgoDepth } from '../analysis/ego';
import { topEntries, type RankedEntry } from '../analysis/ranking';
import { csrOfRows } from './packedIndex';

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

/**
 * buildFlatGraph's working arrays, kept between calls and grown when too small: made afresh, a 35,000-meeting graph
 * at 250k allocated ~8 MB of them per step, memory outside the heap whose growth brings garbage collections into
 * the query worker's next answers. Only what a graph returns is new.
 */
const [COUNTS, STARTS, FILL, HIGHS, SEQS, MARKER, DISTINCT_OF, FIRST_SEEN, LOS, HIS, PAIR_COUNTS, NODE_OF] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const scratchArrays: Int32Array[] = [];
/** Scratch array `slot`, at least `n` long; its first `n` items set to `value` (left as they are when null). */
function scratch(slot: number, n: number, value: number | null): Int32Array {
  let array = scratchArrays[slot];
  if (!array || array.length < n) scratchArrays[slot] = array = new Int32Array(Math.max(n, Math.ceil((array?.length ?? 0) * 1.5)));
  if (value !== null) array.fill(value, 0, n);
  return array;
}

/**
 * buildGraph's graph as flat arrays. Pairs are bucketed by their lower actor (a counting sort) and counted per
 * bucket with a marker per higher actor, then put back in first-seen order: every pass is sequential or within one
 * actor's bucket. A hash table of the distinct pairs (~770,000 at 250,000 meetings) cost four times as much in
 * cache misses.
 */
export function buildFlatGraph(index: QueryIndex, meetings: ArrayLike<number>): FlatGraph {
  const nActors = index.actors.length;
  const counts = scratch(COUNTS, nActors, 0);
  const starts = scratch(STARTS, nActors + 1, 0);
  let total = 0;
  let hubMeetings = 0;
  // The pairs buildGraph links (every pair, or the host with each other participant past MAX_PAIRWISE_PARTICIPANTS),
  // enumerated twice (count, then place) with the same loop written out: a shared callback cost 2-4x in deopts.
  const { offsets, values } = csrOfRows(index.participants);
  for (let k = 0; k < meetings.length; k++) {
    const m = meetings[k]!;
    const first = offsets[m]!;
    const end = offsets[m + 1]!;
    const hub = end - first > MAX_PAIRWISE_PARTICIPANTS;
    if (hub) hubMeetings++;
    let host = -1;
    for (let a = first; a < end; a++) {
      const pa = values[a]!;
      if (pa < 0) continue;
      counts[pa]!++;
      if (hub && host < 0) host = a;
      const to = hub ? (a === host ? end : 0) : end;
      for (let b = a + 1; b < to; b++) {
        const pb = values[b]!;
        if (pb < 0 || pb === pa) continue;
        starts[(pa < pb ? pa : pb) + 1]!++;
        total++;
      }
    }
  }
  for (let a = 0; a < nActors; a++) starts[a + 1]! += starts[a]!;
  // Each pair's higher actor and its number in buildGraph's order, bucketed by its lower actor.
  const fill = scratch(FILL, nActors, null);
  fill.set(starts.subarray(0, nActors));
  const highs = scratch(HIGHS, total, null);
  const seqs = scratch(SEQS, total, null);
  let seq = 0;
  for (let k = 0; k < meetings.length; k++) {
    const m = meetings[k]!;
    const first = offsets[m]!;
    const end = offsets[m + 1]!;
    const hub = end - first > MAX_PAIRWISE_PARTICIPANTS;
    let host = -1;
    for (let a = first; a < end; a++) {
      const pa = values[a]!;
      if (pa < 0) continue;
      if (hub && host < 0) host = a;
      const to = hub ? (a === host ? end : 0) : end;
      for (let b = a + 1; b < to; b++) {
        const pb = values[b]!;
        if (pb < 0 || pb === pa) continue;
        const at = fill[pa < pb ? pa : pb]!++;
        highs[at] = pa < pb ? pb : pa;
        seqs[at] = seq++;
      }
    }
  }
  // Distinct pairs per bucket; a pair's first number is met first in its bucket (the buckets were filled in order).
  const marker = scratch(MARKER, nActors, -1);
  const distinctOf = scratch(DISTINCT_OF, nActors, null);
  const firstSeen = scratch(FIRST_SEEN, total, -1);
  const los = scratch(LOS, total, null);
  const his = scratch(HIS, total, null);
  const pairCounts = scratch(PAIR_COUNTS, total, 0);
  let linkCount = 0;
  for (let lo = 0; lo < nActors; lo++) {
    for (let k = starts[lo]!; k < starts[lo + 1]!; k++) {
      const hi = highs[k]!;
      if (marker[hi] !== lo) {
        marker[hi] = lo;
        distinctOf[hi] = linkCount;
        firstSeen[seqs[k]!] = linkCount;
        los[linkCount] = lo;
        his[linkCount++] = hi;
      }
      pairCounts[distinctOf[hi]!]!++;
    }
  }
  const nodeOf = scratch(NODE_OF, nActors, null);
  let nodeCount = 0;
  for (let a = 0; a < nActors; a++) nodeOf[a] = counts[a] ? nodeCount++ : -1;
  const actors = new Int32Array(nodeCount);
  const nodeCounts = new Float64Array(nodeCount);
  for (let a = 0; a < nActors; a++) {
    if (!counts[a]) continue;
    actors[nodeOf[a]!] = a;
    nodeCounts[nodeOf[a]!] = counts[a]!;
  }
  const source = new Int32Array(linkCount);
  const target = new Int32Array(linkCount);
  const weights = new Float64Array(linkCount);
  for (let s = 0, e = 0; s < total; s++) {
    const d = firstSeen[s]!;
    if (d < 0) continue;
    source[e] = nodeOf[los[d]!]!;
    target[e] = nodeOf[his[d]!]!;
    weights[e++] = pairCounts[d]!;
  }
  return { actors, counts: nodeCounts, source, target, weights, hubMeetings };
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
