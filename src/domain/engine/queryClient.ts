import type { DataSource, GraphAnswer, GraphQuery, QueryKind, SearchAnswer } from './query';
import { columnBuffers, type QueryColumns } from './queryColumns';
import { searchTerms, type Filters } from '../filters';
import type { AnswerOf, Question, QueryReply, QueryRequest } from './queryProtocol';
import { latestOnly } from './querySource';
import { unpackPicture } from './queryGraph';

/** What the client needs of a worker (a real Worker, or a test's stand-in). */
export interface QueryPort {
  postMessage(message: QueryRequest, transfer?: Transferable[]): void;
  onmessage: ((event: { data: QueryReply }) => void) | null;
  terminate(): void;
}

export interface WorkerDataSource extends DataSource {
  /** Resolves once the worker has built its engine: the bytes of columns it holds and how long building took. */
  ready: Promise<{ columnBytes: number; buildMs: number }>;
  /** Hands the worker the search texts of meetings `first`… (back to back in `block`, see searchText.ts). */
  addTexts(first: number, block: string, lengths: Int32Array): void;
  /** The load worker will send the texts on `port` (see `searchable`). */
  receiveTexts(port: MessagePort): void;
  /** Every meeting's text has been handed over: the worker answers searches (`q` in any question). */
  readonly searches: boolean;
  /** Resolves once `searches` holds. */
  readonly searchable: Promise<void>;
  /** A search's matches (see SearchAnswer), asked with the filters it is shown with. */
  search(f: Filters): Promise<SearchAnswer | null>;
  /** Whether the answer to this very graph question (the same object) has already arrived. */
  hasGraphAnswer(query: GraphQuery): boolean;
  /**
   * Asks a graph question the page is about to ask (a search's graph while the search itself is answered): the
   * next `graph` question equal to it in content takes this answer instead of asking again. It does not replace the
   * question shown now, which is still shared by identity.
   */
  prefetchGraph(query: GraphQuery): void;
}

/** A graph question's content, for matching a prefetched question (the page's own search positions never match). */
const graphKey = (query: GraphQuery): string | null => (query.positions ? null : JSON.stringify(query));

/**
 * The data source answered by a query worker. The columns are transferred to it (give it copies: `columnsOf`).
 * Each question waits for its own answer; superseding is checked twice: the worker skips questions overtaken
 * before it reached them, and `latestOnly` drops an answer whose question was overtaken while it was computed.
 */
export function workerDataSource(port: QueryPort, columns: QueryColumns): WorkerDataSource {
  let nextId = 0;
  const pending = new Map<number, { resolve: (answer: unknown) => void; reject: (error: Error) => void }>();
  let markReady!: (info: { columnBytes: number; buildMs: number }) => void;
  const ready = new Promise<{ columnBytes: number; buildMs: number }>((resolve) => (markReady = resolve));
  let portDone = false;
  let markSearchable!: () => void;
  const searchable = new Promise<void>((resolve) => (markSearchable = resolve));
  port.onmessage = ({ data: reply }) => {
    if (reply.type === 'ready') return markReady({ columnBytes: reply.columnBytes, buildMs: reply.buildMs });
    if (reply.type === 'textsReady') {
      portDone = true;
      return markSearchable();
    }
    const waiter = pending.get(reply.id);
    if (!waiter) return;
    pending.delete(reply.id);
    if (reply.type === 'answer') waiter.resolve(reply.answer);
    else if (reply.type === 'superseded') waiter.resolve(null);
    else waiter.reject(new Error(reply.message));
  };
  port.postMessage({ type: 'init', columns }, columnBuffers(columns));
  const ask = latestOnly();
  const send = <K extends QueryKind>(question: Question & { kind: K }) =>
    ask(question.kind, () => new Promise<AnswerOf<K> | null>((resolve, reject) => {
      const id = ++nextId;
      pending.set(id, { resolve: resolve as (answer: unknown) => void, reject });
      port.postMessage({ type: 'ask', id, question });
    })).then((answer) => answer ?? null);
  // The same question object asked again (the network sends it when the state changes, and its view asks once it
  // has rendered) shares the one answer rather than superseding it.
  type AskedGraph = { query: GraphQuery; answer: Promise<GraphAnswer | null>; arrived: boolean; failed: boolean };
  let lastGraph: AskedGraph | null = null;
  let prefetched: (AskedGraph & { key: string }) | null = null;
  const askGraph = (query: GraphQuery): AskedGraph => {
    const asked: AskedGraph = { query, answer: null as unknown as Promise<GraphAnswer | null>, arrived: false, failed: false };
    // Marked in the step that unpacks it (a `finally` would add microtask turns before the view sees it).
    asked.answer = send({ kind: 'graph', query }).then(
      (wire) => {
        asked.arrived = true;
        return wire ? unpackPicture(wire, columns.actorIds) : null;
      },
      (error: unknown) => {
        asked.arrived = true;
        asked.failed = true;
        throw error;
      },
    );
    return asked;
  };
  let textsSent = 0;
  return {
    ready,
    addTexts: (first, block, lengths) => {
      // Counted before the lengths are transferred (and read as empty here).
      textsSent += lengths.length;
      port.postMessage({ type: 'texts', first, block, lengths }, [lengths.buffer as ArrayBuffer]);
      // Messages arrive in order: a question sent after the last block is asked of every text.
      if (textsSent >= columns.meetingCount) markSearchable();
    },
    receiveTexts: (textsPort) => port.postMessage({ type: 'textsPort', port: textsPort }, [textsPort]),
    searchable,
    get searches() {
      return portDone || textsSent >= columns.meetingCount;
    },
    search: (filters) => send({ kind: 'search', filters }),
    filter: (filters) => send({ kind: 'filter', filters }),
    facetCounts: (filters) => send({ kind: 'facetCounts', filters }),
    timeBins: (query) => send({ kind: 'timeBins', query }),
    // The worker sends the actors not drawn as positions (GraphWire); the page names them from its copy of the ids.
    graph: (query) => {
      if (lastGraph?.query === query) return lastGraph.answer;
      const early = prefetched;
      prefetched = null;
      // One asked ahead that failed is not handed out: the question is asked again.
      if (early && early.key === graphKey(query) && !early.failed) {
        // The same object from now on: hasGraphAnswer and later asks share it.
        early.query = query;
        lastGraph = early;
        return early.answer;
      }
      lastGraph = askGraph(query);
      return lastGraph.answer;
    },
    prefetchGraph: (query) => {
      const key = graphKey(query);
      if (key === null || prefetched?.key === key) return;
      // A search's graph asked before the worker holds every text fails there, and the page then answered it itself:
      // at 250k, building every meeting's text on the main thread, a 5 s freeze for a term typed soon after loading.
      if (searchTerms(query.filters.q).length && !(portDone || textsSent >= columns.meetingCount)) return;
      // The same object askGraph marks as arrived.
      prefetched = Object.assign(askGraph(query), { key });
      // Nobody may ever ask for it: its failure is reported to whoever does.
      prefetched.answer.catch(() => undefined);
    },
    hasGraphAnswer: (query) => lastGraph?.query === query && lastGraph.arrived,
    dispose: () => {
      port.terminate();
      for (const waiter of pending.values()) waiter.resolve(null);
      pending.clear();
    },
  };
}
