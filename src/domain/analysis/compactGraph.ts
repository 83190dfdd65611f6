import type { ActorGraph } from '../graph';

/**
 * An actor graph as flat arrays: what crosses to the analysis worker (structured clone of a few
 * typed arrays instead of thousands of small objects). Node i is `ids[i]`; link k joins
 * `links[2k]` and `links[2k + 1]` with `weights[k]` shared meetings.
 */
export interface CompactGraph {
  ids: string[];
  /** Meetings each actor takes part in (the network's node size by default). */
  counts: Float64Array;
  links: Int32Array;
  weights: Float64Array;
}

export function compactGraph(graph: ActorGraph): CompactGraph {
  const ids = graph.nodes.map((n) => n.id);
  const at = new Map(ids.map((id, i) => [id, i]));
  const links = new Int32Array(graph.edges.length * 2);
  const weights = new Float64Array(graph.edges.length);
  let k = 0;
  for (const e of graph.edges) {
    const a = at.get(e.source);
    const b = at.get(e.target);
    if (a === undefined || b === undefined || a === b) continue;
    links[2 * k] = a;
    links[2 * k + 1] = b;
    weights[k++] = e.weight;
  }
  return { ids, counts: Float64Array.from(graph.nodes, (n) => n.count), links: links.slice(0, 2 * k), weights: weights.slice(0, k) };
}

/** Size of a graph for deciding where to analyse it: nodes plus links. */
export const graphSize = (g: CompactGraph) => g.ids.length + g.weights.length;
