import { useSyncExternalStore } from 'react';
import type { ActorGraph } from '../../domain/graph';
import type { DatasetIndex } from '../../domain/indexes';
import type { GraphAnswer, GraphQuery } from '../../domain/engine/query';
import { isCountedMeasure } from '../../domain/engine/queryGraph';
import { DAY_MS, isoToMs } from '../../domain/dates';
import { searchTerms } from '../../domain/filters';
import { memoizeLast } from '../../domain/memo';
import { selectIndex, selectSearchPending, selectShownFilters, selectVisible, selectWorkerSearch } from '../../state/selectors';
import type { Selection } from '../../state/types';
import type { AppState } from '../../state/store';

/** How many actors "Most central" lists. */
export const TOP_N = 10;

/**
 * What the network view draws: the capped graph with what the view says about the whole network. From the query
 * worker for large datasets (then `whole` is null: the whole network exists only in the worker), or built on the
 * page (small datasets, and the features that need every link on the page: betweenness, PageRank, communities).
 */
export interface NetworkPicture extends GraphAnswer {
  /** The dataset the picture is of. */
  index: DatasetIndex;
  /** The question it answers (see pictureKey), to tell a current picture from one still showing while the next is asked. */
  key: string;
  /** Focus actors it was capped around. */
  focus: readonly string[];
  /** The whole network shown (after the ego cut, before the cap), when the page built it. */
  whole: ActorGraph | null;
}

/** The actors a selection is about, as one string so the store hook returns an equal value for equal selections. */
export function focusActorsKey(selection: Selection | null, index: DatasetIndex | null, egoActor: string | null): string {
  const ids: string[] = egoActor ? [egoActor] : [];
  if (selection?.kind === 'actor') ids.push(selection.id);
  else if (selection?.kind === 'edge') ids.push(selection.a, selection.b);
  else if (selection?.kind === 'meeting' && index) {
    const pos = index.meetingPos.get(selection.id);
    if (pos !== undefined) for (const p of index.meetings[pos]!.participants) ids.push(p.actorId);
  }
  return ids.join('\n');
}

/** Betweenness, PageRank and communities are computed (graphology) over every link: the page builds the whole network for them. */
export const needsWholeNetwork = (s: AppState): boolean =>
  s.analysis.color === 'community' || !isCountedMeasure(s.analysis.size);

/** The window the network follows, as the query takes it (ms, end exclusive), or null. */
export const followedWindowKey = (s: AppState): string | null => (s.followWindow && s.window ? `${s.window.start}..${s.window.end}` : null);

export function windowOfKey(key: string | null): GraphQuery['window'] {
  if (!key) return null;
  const [start, end] = key.split('..') as [string, string];
  return { fromMs: isoToMs(start), toMs: isoToMs(end) + DAY_MS };
}

/** The actors of a focusActorsKey, as a list. */
export const focusList = (key: string): string[] => (key ? key.split('\n') : []);

const buildQuestion = (filters: AppState['filters'], searched: Int32Array | null, windowKey: string | null, focusKey: string, ego: AppState['analysis']['ego'], size: AppState['analysis']['size']): GraphQuery => ({
  filters, ...(searched ? { positions: searched } : {}), window: windowOfKey(windowKey), focus: focusList(focusKey), ego,
  measure: isCountedMeasure(size) ? size : null, top: TOP_N,
});
const questionOf = memoizeLast(buildQuestion);
// A memo of its own: asking ahead must not give the question shown now a new identity (it is shared by identity).
const aheadOf = memoizeLast(buildQuestion);

/**
 * The query worker's graph question in a state: the same object for states that ask the same thing, so the store
 * subscription that sends it before React renders and the view's hook asking again share one answer. A search's
 * meetings are found on the page and handed over as positions, until the worker holds the texts (workerSearch.ts).
 */
export function graphQuestion(s: AppState, index: DatasetIndex): GraphQuery {
  const filters = selectShownFilters(s);
  const searched = searchTerms(filters.q).length && !selectWorkerSearch(s) ? selectVisible(s) : null;
  const ego = s.analysis.ego;
  return questionOf(filters, searched, followedWindowKey(s), focusActorsKey(s.selection, index, ego?.actor ?? null), ego, s.analysis.size);
}

/**
 * The graph question for the query worker in a state, or null when the page builds the network itself (the measures
 * that need every link). Both the store subscription and the view's hook ask through this one, so a state the worker
 * is not asked about never takes the place of the last question in graphQuestion's memo.
 */
export const workerQuestion = (s: AppState, index: DatasetIndex): GraphQuery | null => (needsWholeNetwork(s) ? null : graphQuestion(s, index));

/**
 * While the query worker searches (the views still show the last search), the graph question the network will ask
 * once this search is shown: asked ahead (prefetchGraph), the worker answers it right after the search, while the
 * page draws the search's timeline. Asked after, it waited for that drawing (a round trip per search step).
 */
export function searchGraphQuestion(s: AppState, index: DatasetIndex): GraphQuery | null {
  if (needsWholeNetwork(s) || !selectSearchPending(s)) return null;
  const ego = s.analysis.ego;
  return aheadOf(s.filters, null, followedWindowKey(s), focusActorsKey(s.selection, index, ego?.actor ?? null), ego, s.analysis.size);
}

// Its own memo too: the next playback step's question, asked ahead (playbackAhead.ts).
const stepAheadOf = memoizeLast(buildQuestion);

/**
 * The graph question the state would ask with the network following the window `windowKey` instead, or null where it
 * is not asked ahead: the page builds the network, a search is on its way, or a search is answered by positions.
 */
export function windowGraphQuestion(s: AppState, index: DatasetIndex, windowKey: string): GraphQuery | null {
  if (needsWholeNetwork(s) || selectSearchPending(s)) return null;
  const filters = selectShownFilters(s);
  if (searchTerms(filters.q).length && !selectWorkerSearch(s)) return null;
  const ego = s.analysis.ego;
  return stepAheadOf(filters, null, windowKey, focusActorsKey(s.selection, index, ego?.actor ?? null), ego, s.analysis.size);
}

/**
 * The question the network asks in a state, as a string: two states with the same key get the same picture. The
 * filters' fields are listed one by one (not the object), so an equal filter set gives an equal key.
 */
export function pictureKey(s: AppState, index: DatasetIndex | null): string {
  const f = selectShownFilters(s);
  const ego = s.analysis.ego;
  return JSON.stringify([
    f.actors, f.countries, f.topics, f.from, f.to, f.q, f.between, followedWindowKey(s),
    focusActorsKey(s.selection, index, ego?.actor ?? null), ego ? [ego.actor, ego.depth] : null, s.analysis.size,
  ]);
}

/**
 * Whether the network waits for another picture than the one drawn (`drawnKey`, null before any): the state asks
 * another, or the query worker is still answering a search (whose picture's key the views take only once it is in).
 */
export function waitingForPicture(s: AppState, drawnKey: string | null): boolean {
  return drawnKey !== null && (selectSearchPending(s) || pictureKey(s, selectIndex(s)) !== drawnKey);
}

/** The picture the network view drew last, for the details panel's centrality (one question, asked once, shared). */
let drawn: NetworkPicture | null = null;
const listeners = new Set<() => void>();

export function publishDrawnPicture(picture: NetworkPicture | null): void {
  if (drawn === picture) return;
  drawn = picture;
  for (const listener of listeners) listener();
}

export function useDrawnPicture(): NetworkPicture | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => drawn,
  );
}
