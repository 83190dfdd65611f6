import type { ActorGraph } from '../../domain/graph';
import { graphMeasuresInSlices, type SimpleValues } from '../../domain/analysis/simpleMeasures';
import { AnalysisCancelled, type AnalysisHandle } from './analysisRunner';

/** Longest slice of counting on the main thread before it lets input and frames through. */
export const SLICE_MS = 8;

/**
 * Yields to the event loop with a message, not a timer: nested timers are clamped to 4 ms each, which over
 * ~40 slices at 250,000 meetings would add more waiting than counting.
 */
function yieldThen(run: () => void): void {
  if (typeof MessageChannel !== 'function') {
    setTimeout(run, 0);
    return;
  }
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    run();
  };
  channel.port2.postMessage(null);
}

/**
 * Degree and weighted degree of `graph`, counted on this thread in slices of at most SLICE_MS: a single pass over
 * the links is cheaper than copying the graph to a worker, and slicing keeps every task short at 770,000 links.
 * Starts after the current task (the render that asked for it).
 */
export function measureInSlices(graph: ActorGraph, sliceMs = SLICE_MS): AnalysisHandle<SimpleValues> {
  const step = graphMeasuresInSlices(graph);
  let cancelled = false;
  let fail: (error: Error) => void = () => undefined;
  const promise = new Promise<SimpleValues>((resolve, reject) => {
    fail = reject;
    const run = () => {
      if (cancelled) return;
      const until = performance.now() + sliceMs;
      const values = step(() => performance.now() > until);
      if (values) resolve(values);
      else yieldThen(run);
    };
    yieldThen(run);
  });
  return {
    promise,
    cancel() {
      if (cancelled) return;
      cancelled = true;
      fail(new AnalysisCancelled());
    },
  };
}
