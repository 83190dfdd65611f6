import { UndirectedGraph } from 'graphology';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness';
import pagerank from 'graphology-metrics/centrality/pagerank';
import type { CompactGraph } from './compactGraph';
import type { MetricName } from './metricNames';
import { measuresFromLinks } from './simpleMeasures';

/**
 * Node key of the actor at position `i`. Not the actor id: graphology keeps neighbours in plain objects, so an
 * id such as `constructor` would find Object.prototype's member there and break the graph.
 */
export const nodeKey = (i: number): string => `n${i}`;

/** The graphology graph of a compact graph: node keys are nodeKey(position), each link carries `weight`. */
export function toGraphology(g: CompactGraph): UndirectedGraph {
  const graph = new UndirectedGraph();
  for (let i = 0; i < g.ids.length; i++) graph.addNode(nodeKey(i));
  for (let k = 0; k < g.weights.length; k++) {
    graph.mergeEdge(nodeKey(g.links[2 * k]!), nodeKey(g.links[2 * k + 1]!), { weight: g.weights[k]! });
  }
  return graph;
}

const byNode = (g: CompactGraph, mapping: Record<string, number>) => Float64Array.from(g.ids, (_, i) => mapping[nodeKey(i)] ?? 0);

/**
 * One measure per node of `g`, in `g.ids` order (see METRIC_DEFINITION). Degree and weighted degree are counted
 * from the links directly (the same values as graphology's; building its graph cost seconds at 30,000 actors);
 * betweenness and PageRank by graphology-metrics. `graph` may be passed when the caller already built it.
 */
export function computeMetric(g: CompactGraph, metric: MetricName, graph?: () => UndirectedGraph): Float64Array {
  const built = graph ?? (() => toGraphology(g));
  switch (metric) {
    case 'meetings':
      return Float64Array.from(g.counts);
    case 'degree':
    case 'weightedDegree':
      return measuresFromLinks(g.ids.length, g.links, g.weights)[metric];
    case 'betweenness':
      // Unweighted: a link's weight counts meetings, which is closeness, not the distance betweenness expects.
      return g.ids.length ? byNode(g, betweennessCentrality(built(), { normalized: true, getEdgeWeight: null })) : new Float64Array(0);
    case 'pagerank':
      return g.ids.length ? byNode(g, pagerank(built(), { getEdgeWeight: 'weight' })) : new Float64Array(0);
  }
}

export type MetricValues = Partial<Record<MetricName, Float64Array>>;

/** Several measures; the graphology graph is built at most once, and only for measures that need it. */
export function computeMetrics(g: CompactGraph, metrics: readonly MetricName[]): MetricValues {
  let graph: UndirectedGraph | null = null;
  const built = () => (graph ??= toGraphology(g));
  const out: MetricValues = {};
  for (const m of metrics) out[m] = computeMetric(g, m, built);
  return out;
}
