import { hasActiveFilters } from '../domain/filters';
import { selectTotalCount, selectVisibleCount } from '../state/selectors';
import { useStore } from '../state/store';

const meetings = (n: number) => (n === 1 ? 'meeting' : 'meetings');

/** Announces how many meetings the filters leave, politely, as they change. */
export function CountStatus() {
  const visible = useStore(selectVisibleCount);
  const total = useStore(selectTotalCount);
  const filtered = useStore((s) => hasActiveFilters(s.filters));
  const text = filtered ? `${visible.toLocaleString('en')} of ${total.toLocaleString('en')} ${meetings(total)}` : `${total.toLocaleString('en')} ${meetings(total)}`;
  return (
    <p className="count-status" role="status" aria-live="polite">
      {text}
    </p>
  );
}
