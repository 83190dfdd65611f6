import { meetingCountText } from '../domain/countText';
import { selectSearchPending, selectTotalCount, selectVisibleCount } from '../state/selectors';
import { useStore } from '../state/store';

/**
 * Announces how many meetings the filters leave, politely, as they change. While a large dataset's search is being
 * answered (in the query worker) it says so instead of a count the new search has not produced yet.
 */
export function CountStatus() {
  const visible = useStore(selectVisibleCount);
  const total = useStore(selectTotalCount);
  const searching = useStore(selectSearchPending);
  const text = searching ? 'Searching…' : meetingCountText(visible, total);
  return (
    <p className="count-status" role="status" aria-live="polite" aria-busy={searching || undefined}>
      {text}
    </p>
  );
}
