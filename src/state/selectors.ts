import { deriveGraph, deriveGraphMeetings, deriveHighlight, deriveVisible, NO_HIGHLIGHT } from '../domain/derive';
import type { DatasetIndex } from '../domain/indexes';
import type { AppState } from './store';
import type { WorkerSearch } from './slices/searchSlice';
import { narrows, searchTerms, type Filters } from '../domain/filters';
import { keepEqualList, memoizeLast } from '../domain/memo';

const EMPTY = new Int32Array(0);

export const selectIndex = (s: AppState): DatasetIndex | null => (s.data.state === 'ready' ? s.data.index : null);

/** The query worker's search for the dataset on screen, or null while the page searches it. */
export const selectWorkerSearch = (s: AppState): WorkerSearch | null => {
  const search = s.workerSearch;
  return search && search.index === selectIndex(s) ? search : null;
};

/** A search as one string of its terms: two boxes that search the same ("Colonna", " colonna ") give the same. */
export const searchKey = (q: string): string => searchTerms(q).join(' ');

/**
 * Whether the worker's answer `search` answers `filters` (see WorkerSearch.within): the same terms, and every match
 * known or the filters narrower than those it was found within (a box ticked more, a shorter date range).
 */
export const answers = (search: Pick<WorkerSearch, 'terms' | 'within'>, filters: Filters): boolean =>
  searchKey(filters.q) === search.terms && (search.within === null || narrows(search.within, filters));

const shownFiltersOf = memoizeLast((filters: Filters, search: WorkerSearch | null): Filters => {
  if (!search || answers(search, filters)) return filters;
  // Matches found within other filters than these show only as they were asked.
  return { ...(search.within ?? filters), q: search.terms };
});

/**
 * The filters the views show. The same as the store's, except while the query worker is still searching: for a new
 * term, the last search it answered stays applied (with the other filters as they are now, when it knows every match
 * of that search; as they were when it was asked, when it searched within them), as one consistent state, until the
 * answer comes.
 */
export const selectShownFilters = (s: AppState): Filters => shownFiltersOf(s.filters, selectWorkerSearch(s));

/** The query worker has not yet answered the search in the box (the views still show the previous one). */
export const selectSearchPending = (s: AppState): boolean => selectShownFilters(s) !== s.filters;

const keptVisible = keepEqualList<DatasetIndex, Int32Array>();

/**
 * Positions of the meetings passing the filters, in date order. While a search waits for the query worker the views
 * show the filters as they were, derived again: the same list is kept, as the timeline and network each redrew that
 * unchanged view (at 20k, a drawing of each in a search's first frames). A filter change that leaves the same
 * meetings still gives a new list: the views draw (and report) every change they are given.
 */
export const selectVisible = (s: AppState): Int32Array => {
  const index = selectIndex(s);
  if (!index) return EMPTY;
  const shown = selectShownFilters(s);
  return keptVisible(index, deriveVisible(index, shown, selectWorkerSearch(s)?.hits ?? null), shown !== s.filters);
};

export const selectVisibleCount = (s: AppState): number => selectVisible(s).length;
export const selectTotalCount = (s: AppState): number => selectIndex(s)?.meetings.length ?? 0;

export const selectGraphMeetings = (s: AppState): Int32Array => {
  const index = selectIndex(s);
  if (!index) return EMPTY;
  const follow = s.followWindow && s.window;
  return deriveGraphMeetings(index, selectVisible(s), follow ? s.window!.start : null, follow ? s.window!.end : null);
};

export const selectGraph = (s: AppState) => {
  const index = selectIndex(s);
  return index ? deriveGraph(index, selectGraphMeetings(s)) : { nodes: [], edges: [] };
};

/** Emphasis from the selection (persistent). */
export const selectSelectionHighlight = (s: AppState) => {
  const index = selectIndex(s);
  return index ? deriveHighlight(index, selectVisible(s), s.selection) : NO_HIGHLIGHT;
};
