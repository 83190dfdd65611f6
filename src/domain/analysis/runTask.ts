import { computeMetric, computeMetrics } from './centrality';
import { detectCommunities } from './communities';
import type { AnalysisTask, ResultOf } from './tasks';

/** Runs one analysis task; the only entry point into graphology, loaded on demand. */
export function runTask<T extends AnalysisTask>(task: T): ResultOf<T> {
  switch (task.kind) {
    case 'metrics':
      return computeMetrics(task.graph, task.metrics) as ResultOf<T>;
    case 'communities':
      return detectCommunities(task.graph, task.seed) as ResultOf<T>;
    case 'periods':
      return task.graphs.map((g) => computeMetric(g, task.metric)) as ResultOf<T>;
  }
  throw new Error(`unknown analysis task ${(task as { kind: string }).kind}`);
}
