import type { Filters } from '../filters';
import type { FacetCountsAnswer, FilterAnswer, GraphQuery, QueryKind, SearchAnswer, TimeBinsQuery } from './query';
import type { QueryColumns } from './queryColumns';
import type { GraphWire } from './queryGraph';

/**
 * The query worker's messages. The page sends the columns once (`init`, buffers transferred), then questions, each
 * with an id; the worker answers each id once: with the answer, or `superseded` when a newer question of the same
 * kind arrived before it got to it (the page resolves those to null), or `failed`.
 */
export type Question =
  | { kind: 'search'; filters: Filters }
  | { kind: 'filter'; filters: Filters }
  | { kind: 'facetCounts'; filters: Filters }
  | { kind: 'timeBins'; query: TimeBinsQuery }
  | { kind: 'graph'; query: GraphQuery };

export type AnswerOf<K extends QueryKind> = K extends 'search' ? SearchAnswer : K extends 'filter' ? FilterAnswer : K extends 'facetCounts' ? FacetCountsAnswer : K extends 'timeBins' ? Uint32Array : GraphWire;

/**
 * Search texts of the meetings at positions `first`, `first + 1`, …: `block` holds them back to back, `lengths`
 * their lengths (see searchText.ts); `textsDone` after the last. Sent by the page (texts it built) or, on a port of
 * their own, by the load worker. Once every meeting's text has arrived the worker answers searches (`q`).
 */
export type TextMessage = { type: 'texts'; first: number; block: string; lengths: Int32Array } | { type: 'textsDone' };
export type TextPost = (message: TextMessage, transfer?: Transferable[]) => void;

export type QueryRequest =
  | { type: 'init'; columns: QueryColumns }
  | Extract<TextMessage, { type: 'texts' }>
  /** The load worker sends the texts on this port (the page never holds them); `textsReady` answers the last. */
  | { type: 'textsPort'; port: MessagePort }
  | { type: 'ask'; id: number; question: Question };

export type QueryReply =
  /** The engine is built; `columnBytes` is what the worker holds in typed arrays (its memory beyond the strings). */
  | { type: 'ready'; columnBytes: number; buildMs: number }
  /** Every text from the load worker's port has arrived: searches are answered. */
  | { type: 'textsReady' }
  | { type: 'answer'; id: number; answer: unknown }
  | { type: 'superseded'; id: number }
  | { type: 'failed'; id: number; message: string };
