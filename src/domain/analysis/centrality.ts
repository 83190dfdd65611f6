import { UndirectedGraph } from 'graphology';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness';
import pagerank from 'graphology-metrics/centrality/pagerank';
import { weightedDegree } from 'graphology-metrics/node/weighted-degree';
import type { CompactGraph } from './compactGraph';
import type { MetricName } from './metricNames';

/** The graphology graph of a compact graph: node keys are actor ids, each link carries `weight`. */
export function toGraphology(g: CompactGraph): UndirectedGraph {
  const graph = new UndirectedGraph();
  for (const id of g.ids) graph.addNode(id);
  for (let k = 0; k < g.weights.length; k++) {
    graph.mergeEdge(g.ids[g.links[2 * k]!]!, g.ids[g.links[2 * k + 1]!]!, { weight: g.weights[k]! });
  }
  return graph;
}

const byNode = (g: CompactGraph, mapping: Record<string, number>) => Float64Array.from(g.ids, (id) => mapping[id] ?? 0);

/**
 * One measure per node of `g`, in `g.ids` order, computed by graphology-metrics (see
 * METRIC_DEFINITION). `graph` may be passed when the caller already built it for several measures.
 */
export function computeMetric(g: CompactGraph, metric: MetricName, graph: UndirectedGraph = toGraphology(g)): Float64Array {
  switch (metric) {
    case 'meetings':
      return Float64Array.from(g.counts);
    case 'degree':
      return Float64Array.from(g.ids, (id) => graph.degree(id));
    case 'weightedDegree':
      return Float64Array.from(g.ids, (id) => weightedDegree(graph, id, 'weight'));
    case 'betweenness':
      // Unweighted: a link's weight counts meetings, which is closeness, not the distance betweenness expects.
      return g.ids.length ? byNode(g, betweennessCentrality(graph, { normalized: true, getEdgeWeight: null })) : new Float64Array(0);
    case 'pagerank':
      return g.ids.length ? byNode(g, pagerank(graph, { getEdgeWeight: 'weight' })) : new Float64Array(0);
  }
}

export type MetricValues = Partial<Record<MetricName, Float64Array>>;

/** Several measures over one graphology graph (it is built once). */
export function computeMetrics(g: CompactGraph, metrics: readonly MetricName[]): MetricValues {
  const graph = toGraphology(g);
  const out: MetricValues = {};
  for (const m of metrics) out[m] = computeMetric(g, m, graph);
  return out;
}
