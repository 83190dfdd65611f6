import type { CompactGraph } from './compactGraph';
import type { Communities } from './communities';
import type { MetricName } from './metricNames';
import type { MetricValues } from './centrality';

/** Seed of Louvain's random node order: the same graph always gets the same communities. */
export const COMMUNITY_SEED = 1;

/** Work the analysis runner does, on the main thread (small graphs) or in its worker. Library-free types. */
export type AnalysisTask =
  | { kind: 'metrics'; graph: CompactGraph; metrics: MetricName[] }
  | { kind: 'communities'; graph: CompactGraph; seed: number }
  | { kind: 'periods'; graphs: CompactGraph[]; metric: MetricName };

export interface AnalysisResults {
  metrics: MetricValues;
  communities: Communities;
  /** One value array per period graph, in its `ids` order. */
  periods: Float64Array[];
}

export type ResultOf<T extends AnalysisTask> = AnalysisResults[T['kind']];

/** Nodes plus links the task walks: what decides whether it leaves the main thread. */
export function taskSize(task: AnalysisTask): number {
  const size = (g: CompactGraph) => g.ids.length + g.weights.length;
  return task.kind === 'periods' ? task.graphs.reduce((s, g) => s + size(g), 0) : size(task.graph);
}
