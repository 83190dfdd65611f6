import { hasActiveFilters } from '../domain/filters';
import { selectTotalCount, selectVisibleCount } from '../state/selectors';
import { useStore } from '../state/store';
import './components.css';

/** Rendered in the views area: explains an empty result and offers the way out. Renders nothing otherwise. */
export function EmptyResults() {
  const visible = useStore(selectVisibleCount);
  const total = useStore(selectTotalCount);
  const filtered = useStore((s) => hasActiveFilters(s.filters));
  const resetFilters = useStore((s) => s.resetFilters);
  if (visible > 0 || total === 0 || !filtered) return null;
  return (
    <section className="empty-results" aria-labelledby="empty-results-heading">
      <h2 id="empty-results-heading">No meetings match these filters</h2>
      <p>None of the {total.toLocaleString('en')} meetings pass every active filter. Remove a filter, widen the dates, or start over.</p>
      <button type="button" className="primary" onClick={resetFilters}>
        Reset all filters
      </button>
    </section>
  );
}
