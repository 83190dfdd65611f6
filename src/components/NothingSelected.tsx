import { useId } from 'react';
import { useStore } from '../state/store';

/**
 * What the detail column says while nothing is selected. Wide windows keep the column's space at all times, so
 * opening a selection fills it instead of narrowing the timeline and the network (which re-measure and refit).
 */
export function NothingSelected() {
  const headingId = useId();
  const tableMode = useStore((s) => s.mode !== 'charts');
  return (
    <section className="details-empty" aria-labelledby={headingId}>
      <h2 id={headingId}>Nothing selected</h2>
      <p>
        {tableMode
          ? 'Open a meeting from the table to see its details and the source evidence here.'
          : 'Select a meeting on the timeline, or an actor or a link in the network, to see its details and the source evidence here.'}
      </p>
      <p className="details-empty-keys">
        By keyboard: on the timeline <kbd>←</kbd> <kbd>→</kbd> move between meetings and <kbd>Enter</kbd> opens one; <kbd>?</kbd> lists every key.
      </p>
    </section>
  );
}
