import { meetingCountText } from '../domain/countText';
import { selectTotalCount, selectVisibleCount } from '../state/selectors';
import { useStore } from '../state/store';

/** Announces how many meetings the filters leave, politely, as they change. */
export function CountStatus() {
  const visible = useStore(selectVisibleCount);
  const total = useStore(selectTotalCount);
  const text = meetingCountText(visible, total);
  return (
    <p className="count-status" role="status" aria-live="polite">
      {text}
    </p>
  );
}
