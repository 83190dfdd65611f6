import { useEffect, useReducer } from 'react';
import type { ActorGraph } from '../../domain/graph';
import { compactGraph, type CompactGraph } from '../../domain/analysis/compactGraph';
import type { Communities } from '../../domain/analysis/communities';
import type { MetricName } from '../../domain/analysis/metricNames';
import { isSimpleMeasure, type SimpleValues } from '../../domain/analysis/simpleMeasures';
import { COMMUNITY_SEED } from '../../domain/analysis/tasks';
import { analyse, AnalysisCancelled, PRIORITY, type AnalysisHandle } from './analysisRunner';
import { measureInSlices } from './slicedMeasures';

/**
 * Analysis results per derived graph, shared by every component that asks: one computation per
 * (graph, question), dropped with the graph. A request in flight is shared too and cancelled only
 * when nobody waits for it any more.
 */
const compacts = new WeakMap<ActorGraph, CompactGraph>();
export function compactOf(graph: ActorGraph): CompactGraph {
  let c = compacts.get(graph);
  if (!c) compacts.set(graph, (c = compactGraph(graph)));
  return c;
}

/**
 * Meetings per node, in `graph.nodes` order: the default measure needs no compact copy of the graph
 * (at 30,000 actors and hundreds of thousands of links that copy cost more than the rest of a filter step).
 */
const meetingCounts = new WeakMap<ActorGraph, Float64Array>();
export function countsOf(graph: ActorGraph): Float64Array {
  let c = meetingCounts.get(graph);
  if (!c) meetingCounts.set(graph, (c = Float64Array.from(graph.nodes, (n) => n.count)));
  return c;
}
const nodeIds = new WeakMap<ActorGraph, string[]>();
export function idsOf(graph: ActorGraph): string[] {
  let ids = nodeIds.get(graph);
  if (!ids) nodeIds.set(graph, (ids = graph.nodes.map((n) => n.id)));
  return ids;
}

interface Pending {
  users: number;
  cancel(): void;
}
const results = new WeakMap<object, Map<string, unknown>>();
const pending = new WeakMap<object, Map<string, Pending>>();
const table = <V>(store: WeakMap<object, Map<string, V>>, key: object) => {
  let m = store.get(key);
  if (!m) store.set(key, (m = new Map()));
  return m;
};

/** Reads a finished result without computing anything. */
export function cachedResult<R>(owner: object, key: string): R | undefined {
  return results.get(owner)?.get(key) as R | undefined;
}

/**
 * The result of the computation `start()` begins for `owner` under `key` (usually `analyse(task)`), or undefined
 * while it runs (or when `enabled` is false). Re-renders the caller when it arrives.
 */
export function useAnalysisResult<R>(owner: object | null, key: string, start: () => AnalysisHandle<unknown>, pick: (raw: unknown) => R, enabled = true, priority: number = PRIORITY.view): R | undefined {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const ready = owner ? cachedResult<R>(owner, key) : undefined;
  const wanted = owner !== null && enabled && ready === undefined;
  useEffect(() => {
    if (!wanted || !owner) return;
    const inFlight = table(pending, owner);
    let p = inFlight.get(key);
    if (!p) {
      const handle = start();
      p = { users: 0, cancel: handle.cancel };
      inFlight.set(key, p);
      handle.promise.then(
        (raw) => {
          table(results, owner).set(key, pick(raw));
          inFlight.delete(key);
          window.dispatchEvent(new Event(RESULT_EVENT));
        },
        (error: unknown) => {
          inFlight.delete(key);
          if (!(error instanceof AnalysisCancelled)) console.error('Parley analysis failed:', error);
        },
      );
    }
    p.users++;
    const mine = p;
    const onResult = () => rerender();
    window.addEventListener(RESULT_EVENT, onResult);
    return () => {
      window.removeEventListener(RESULT_EVENT, onResult);
      if (--mine.users === 0 && inFlight.get(key) === mine) {
        inFlight.delete(key);
        mine.cancel();
      }
    };
    // start/pick are derived from owner, key and priority by every caller.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [owner, key, wanted, priority]);
  return ready;
}

const RESULT_EVENT = 'parley:analysis-result';

/**
 * One centrality measure per node of `graph` (in `graph.nodes` order). `meetings` needs no computation; degree and
 * weighted degree are counted on this thread in slices (one pass over the links, both at once, no copy of the graph);
 * betweenness and PageRank run in graphology (in the worker past the bundled size).
 */
export function useMetric(graph: ActorGraph | null, metric: MetricName, enabled = true, priority: number = PRIORITY.view): Float64Array | undefined {
  const simple = isSimpleMeasure(metric);
  const counted = useAnalysisResult<SimpleValues>(
    graph && simple ? graph : null,
    'metric:degrees',
    () => measureInSlices(graph!),
    (raw) => raw as SimpleValues,
    enabled,
    priority,
  );
  const computed = useAnalysisResult<Float64Array>(
    graph && metric !== 'meetings' && !simple ? graph : null,
    `metric:${metric}`,
    () => analyse({ kind: 'metrics', graph: compactOf(graph!), metrics: [metric] }, priority),
    (raw) => (raw as Partial<Record<MetricName, Float64Array>>)[metric]!,
    enabled,
    priority,
  );
  if (graph && metric === 'meetings') return countsOf(graph);
  if (simple) return counted?.[metric];
  return computed;
}

/** Seeded Louvain communities of `graph`. */
export function useCommunities(graph: ActorGraph | null, enabled: boolean): Communities | undefined {
  return useAnalysisResult<Communities>(
    graph,
    `communities:${COMMUNITY_SEED}`,
    () => analyse({ kind: 'communities', graph: compactOf(graph!), seed: COMMUNITY_SEED }),
    (raw) => raw as Communities,
    enabled,
  );
}
