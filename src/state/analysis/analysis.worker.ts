/// <reference lib="webworker" />
import { runTask } from '../../domain/analysis/runTask';
import type { AnalysisTask } from '../../domain/analysis/tasks';

/**
 * Runs analysis tasks (graphology centrality, Louvain) off the main thread for large graphs: a
 * betweenness pass over thousands of actors takes seconds.
 */
export type AnalysisRequest = { type: 'run'; id: number; task: AnalysisTask } | { type: 'close' };
export type AnalysisReply = { id: number; result: unknown } | { id: number; error: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (event: MessageEvent<AnalysisRequest>) => {
  const msg = event.data;
  if (msg.type === 'close') {
    scope.close();
    return;
  }
  try {
    scope.postMessage({ id: msg.id, result: runTask(msg.task) } satisfies AnalysisReply);
  } catch (error) {
    scope.postMessage({ id: msg.id, error: error instanceof Error ? error.message : String(error) } satisfies AnalysisReply);
  }
};
