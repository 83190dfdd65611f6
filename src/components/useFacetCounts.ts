import { useEffect, useState } from 'react';
import type { DatasetIndex } from '../domain/indexes';
import type { Filters } from '../domain/filters';
import type { FacetCountsAnswer } from '../domain/engine/query';
import { pageEngine, workerSourceFor } from '../state/querySource';

/**
 * The facet counts for the current filters: at once for small datasets, from the query worker for large ones (null
 * until its answer for exactly these filters arrives; an answer for older filters is never shown). A search is
 * answered on the page: the worker holds no meeting texts.
 */
export function useFacetCounts(index: DatasetIndex | null, filters: Filters): FacetCountsAnswer | null {
  const source = index && filters.q.trim() === '' ? workerSourceFor(index) : null;
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
  if (!index) return null;
  if (!source) return pageEngine(index).facetCounts(filters);
  return answer && answer.index === index && answer.filters === filters ? answer.counts : null;
}
