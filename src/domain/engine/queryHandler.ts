import { QueryEngine, type QueryKind } from './query';
import { EMPTY_FILTERS } from '../filters';
import { queryIndexOf, type QueryColumns } from './queryColumns';
import { buildFlatGraph, flatPicture, wireBuffers, type GraphWire } from './queryGraph';
import { countByAffiliation, countByTopic } from '../facetCounts';
import type { Question, QueryReply, QueryRequest, TextMessage } from './queryProtocol';

/** Bytes of the typed arrays in the columns. */
export function columnBytes(c: QueryColumns): number {
  const arrays = [c.start, c.end, c.order, c.participants.offsets, c.participants.values, c.byActor.offsets, c.byActor.values,
    c.byAffiliation.offsets, c.byAffiliation.values, c.byTopic.offsets, c.byTopic.values];
  return arrays.reduce((sum, a) => sum + a.byteLength, 0);
}

export function answer(engine: QueryEngine, q: Question): unknown {
  switch (q.kind) {
    case 'search':
      return engine.search(q.filters);
    case 'filter':
      return engine.filter(q.filters);
    case 'facetCounts':
      return engine.facetCounts(q.filters);
    case 'timeBins':
      return engine.timeBins(q.query);
    case 'graph':
      // The page unpacks it (queryClient.ts): the actors not drawn cross as typed arrays.
      return engine.graphWire(q.query);
  }
}

/**
 * Which kind is answered first when several wait together (a filter step asks for the facet counts and the network
 * at once). The graph first: the page then lays out and draws the new network while the worker counts the facets,
 * where the other way round the page drew the counts and then waited for the graph (the step's longest path). A
 * search before both: until its answer the page shows the previous search (state/workerSearch.ts).
 */
const FIRST: Record<QueryKind, number> = { search: 0, graph: 1, filter: 2, timeBins: 3, facetCounts: 4 };

/**
 * The worker's side, without the worker (tests drive it directly): builds the engine from the columns, then answers
 * questions. Questions are collected and answered on a later turn (the graph first, see FIRST), newest per kind: a question that a newer one of
 * its kind overtook while it waited is answered `superseded` and never computed (typing a date fires several).
 */
export function createQueryHandler(post: (reply: QueryReply, transfer?: Transferable[]) => void, later: (run: () => void) => void = (run) => setTimeout(run, 0)) {
  let engine: QueryEngine | null = null;
  // Filled by 'texts' messages; a search asked before the last one arrived fails (the page waits for `searchable`).
  let texts: string[] = [];
  const textOf = (i: number): string => {
    const text = texts[i];
    if (text === undefined) throw new Error('the meetings\' search texts have not all arrived');
    return text;
  };
  const waiting = new Map<QueryKind, { id: number; question: Question }>();
  let scheduled = false;
  /** The warm-up's turns (warmUpTurns); a question waiting is answered first. */
  const warmUpInTurns = () => {
    if (!engine) return;
    const turns = warmUpTurns(engine);
    const next = () => {
      if (!turns.length) return;
      if (!waiting.size) turns.shift()!();
      later(next);
    };
    later(next);
  };
  const drain = () => {
    scheduled = false;
    const batch = [...waiting.values()].sort((a, b) => FIRST[a.question.kind] - FIRST[b.question.kind] || a.id - b.id);
    waiting.clear();
    for (const { id, question } of batch) {
      try {
        if (!engine) throw new Error('the query engine has no dataset yet');
        const result = answer(engine, question);
        post({ type: 'answer', id, answer: result }, question.kind === 'graph' ? wireBuffers(result as GraphWire) : []);
      } catch (error) {
        post({ type: 'failed', id, message: (error as Error).message });
      }
    }
  };
  return (request: QueryRequest) => {
    if (request.type === 'init') {
      const started = performance.now();
      texts = new Array<string>(request.columns.meetingCount);
      engine = new QueryEngine(queryIndexOf(request.columns), textOf);
      post({ type: 'ready', columnBytes: columnBytes(request.columns), buildMs: performance.now() - started });
      return;
    }
    if (request.type === 'texts') return storeTexts(texts, request.first, request.block, request.lengths);
    if (request.type === 'textsPort') {
      const port = request.port;
      port.onmessage = ({ data }: MessageEvent<TextMessage>) => {
        if (data.type === 'texts') return storeTexts(texts, data.first, data.block, data.lengths);
        port.close();
        post({ type: 'textsReady' });
        warmUpInTurns();
      };
      return;
    }
    const older = waiting.get(request.question.kind);
    if (older) post({ type: 'superseded', id: older.id });
    waiting.set(request.question.kind, { id: request.id, question: request.question });
    if (!scheduled) {
      scheduled = true;
      later(drain);
    }
  };
}

/**
 * Shares of the meetings the warm-up's countries come closest to, from a typical country to a large one: V8 optimizes
 * the graph's passes only after a few calls, and the graph's working arrays grow to the largest filter met so far.
 */
export const WARM_UP_SHARES = [1 / 20, 1 / 10, 1 / 5];

export function warmUpCountries(engine: QueryEngine): string[] {
  const { byAffiliation, meetings } = engine.index;
  const picked: string[] = [];
  for (const share of WARM_UP_SHARES) {
    const want = meetings.length * share;
    let best: string | null = null;
    let bestOff = Infinity;
    for (const [code, list] of byAffiliation) {
      const off = Math.abs(list.length - want);
      if (off < bestOff && !picked.includes(code)) [best, bestOff] = [code, off];
    }
    if (best !== null) picked.push(best);
  }
  return picked;
}

/**
 * Once the search texts are in (seconds after the first picture, the page idle): the filter, facet-count and graph
 * code runs over a few countries (WARM_UP_SHARES), so that the first filter a person asks for finds it compiled and
 * its working arrays grown — at 250k the first country checked after loading took 85–103 ms to get its graph, the next
 * ones 28–43. Node, 250k, Syria (1 in 7): after one country of 1 in 20 its graph took 34–37 ms, after three such
 * 22–28, after 1 in 20, 1 in 10 and 1 in 5 17–19. Nothing is posted, and no answer changes (at most a cache entry).
 */
export function warmUpWith(engine: QueryEngine, code: string): void {
  const filters = { ...EMPTY_FILTERS, countries: [code] };
  engine.facetCounts(filters);
  engine.graphWire({ filters, window: null, focus: [] });
}

/**
 * The warm-up, one task per turn (each a few to a few tens of milliseconds at 250k, so a question asked meanwhile
 * waits for one at most): small graphs in batches (warmUpSmall), then a country per share (warmUpWith).
 */
export function warmUpTurns(engine: QueryEngine): (() => void)[] {
  const batches = Array.from({ length: SMALL_WARM_UPS / SMALL_BATCH }, (_, b) => () => warmUpSmall(engine, b * SMALL_BATCH, SMALL_BATCH));
  return [...batches, ...warmUpCountries(engine).map((code) => () => warmUpWith(engine, code))];
}

/** How many small graphs warmUpSmall builds in all, per turn, and from how many meetings each. */
export const SMALL_WARM_UPS = 200;
const SMALL_BATCH = 50;
const SMALL_MEETINGS = 24;
/** A cap small graphs exceed, so that capping takes every path it takes at full size. */
const SMALL_CAP = { actors: 6, links: 12, neighbours: 2 };

/**
 * Small graphs, many times: Chrome compiles a function whose loop runs long on its first calls while that loop runs
 * (on-stack replacement), before the code after the loop has ever run; keeps that code, and throws it away again at
 * the loop's end on every later call ("insufficient type feedback", traced with --trace-deopt: buildFlatGraph,
 * countPairs, markTop and flatPicture, 8.9 ms of deoptimizing within the first country filter's graph at 250k).
 * Called many times with little work each, the same functions are compiled whole, with feedback from every line:
 * in a worker in Chrome at 250k, after the countries' warm-up, Syria's graph took 11–12 ms to build instead of
 * 14–15, the largest country's 16–17 instead of 21–27.
 */
export function warmUpSmall(engine: QueryEngine, first: number, rounds: number): void {
  const { index } = engine;
  const order = index.order;
  for (let r = first; r < first + rounds; r++) {
    const from = (r * SMALL_MEETINGS * 7) % Math.max(1, order.length - SMALL_MEETINGS);
    const meetings = order.subarray(from, from + SMALL_MEETINGS);
    const whole = buildFlatGraph(index, meetings);
    const focus = whole.actors.length ? [index.actors[whole.actors[r % whole.actors.length]!]!.id] : [];
    flatPicture(index, whole, whole, meetings.length, { focus: r % 2 ? focus : [], ego: null, measure: r % 3 ? null : 'degree', top: 3, cap: SMALL_CAP });
    countByAffiliation(index, meetings);
    countByTopic(index, meetings);
  }
}

/** Keeps each meeting's text as a slice of the block (one string in the heap, not one per meeting). */
function storeTexts(texts: string[], first: number, block: string, lengths: Int32Array): void {
  let at = 0;
  for (let k = 0; k < lengths.length; k++) {
    const end = at + lengths[k]!;
    texts[first + k] = block.slice(at, end);
    at = end;
  }
}
