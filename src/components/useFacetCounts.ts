import { useEffect, useState } from 'react';
import type { DatasetIndex } from '../domain/indexes';
import { searchTerms, type Filters } from '../domain/filters';
import type { FacetCountsAnswer } from '../domain/engine/query';
import { pageEngine, workerSourceFor } from '../state/querySource';

export interface FacetCounts {
  /** The counts on show: for the current filters, or while `pending` the last ones shown (null before any). */
  counts: FacetCountsAnswer | null;
  /** The answer for the current filters is still being worked out (large datasets count in the query worker). */
  pending: boolean;
}

/**
 * The facet counts for the current filters: at once for small datasets, from the query worker for large ones. While
 * the worker counts, the previous numbers stay (marked pending) instead of blanking: every row's count then changes
 * once per filter step, not twice (blank, then the answer), and the step's own task re-renders no rows. An answer
 * for filters that are no longer current is never shown. A search is counted on the page until the worker holds the texts.
 */
export function useFacetCounts(index: DatasetIndex | null, filters: Filters): FacetCounts {
  const worker = index ? workerSourceFor(index) : null;
  // A search needs the meetings' texts: the worker has them once the page has handed them all over.
  const source = worker && (searchTerms(filters.q).length === 0 || worker.searches) ? worker : null;
  const [answer, setAnswer] = useState<{ index: DatasetIndex; filters: Filters; counts: FacetCountsAnswer } | null>(null);
  useEffect(() => {
    if (!source || !index) return;
    let live = true;
    const show = (counts: FacetCountsAnswer | null) => {
      if (live && counts) setAnswer({ index, filters, counts });
    };
    source.facetCounts(filters).then(show, () => show(pageEngine(index).facetCounts(filters)));
    return () => {
      live = false;
    };
  }, [source, index, filters]);
  if (!index) return { counts: null, pending: false };
  if (!source) return { counts: pageEngine(index).facetCounts(filters), pending: false };
  const ours = answer && answer.index === index ? answer : null;
  return { counts: ours?.counts ?? null, pending: ours?.filters !== filters };
}
