import type { DataSource, QueryEngine, QueryKind } from './query';

/**
 * Per query kind, only the newest call's answer is delivered: an older call still pending when a newer one is made
 * resolves to null. `ask(kind, run)` numbers the call, runs it, and checks the number when the answer comes.
 */
export function latestOnly() {
  const latest = new Map<QueryKind, number>();
  let next = 0;
  return async <T>(kind: QueryKind, run: () => Promise<T>): Promise<T | null> => {
    const ticket = ++next;
    latest.set(kind, ticket);
    const answer = await run();
    return latest.get(kind) === ticket ? answer : null;
  };
}

/**
 * The data source over an engine in this thread: for small datasets, where a worker's message costs more than the
 * answer, and for unit tests (jsdom has no workers). Answers come in a microtask, with the same superseding rule.
 */
export function memoryDataSource(engine: QueryEngine): DataSource {
  const ask = latestOnly();
  return {
    filter: (f) => ask('filter', async () => engine.filter(f)),
    facetCounts: (f) => ask('facetCounts', async () => engine.facetCounts(f)),
    timeBins: (q) => ask('timeBins', async () => engine.timeBins(q)),
    graph: (q) => ask('graph', async () => engine.graph(q)),
    dispose: () => undefined,
  };
}
