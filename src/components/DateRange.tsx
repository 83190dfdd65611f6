import { useState } from 'react';
import { msToIso, DAY_MS } from '../domain/dates';
import { selectIndex } from '../state/selectors';
import { useStore } from '../state/store';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Inclusive day range; an inverted range is shown as an error and left unapplied. */
export function DateRange() {
  const from = useStore((s) => s.filters.from);
  const to = useStore((s) => s.filters.to);
  const index = useStore(selectIndex);
  const setFilters = useStore((s) => s.setFilters);
  const [draft, setDraft] = useState({ from: from ?? '', to: to ?? '' });
  const [seen, setSeen] = useState({ from, to });

  if (seen.from !== from || seen.to !== to) {
    setSeen({ from, to });
    setDraft({ from: from ?? '', to: to ?? '' });
  }

  const inverted = draft.from !== '' && draft.to !== '' && draft.from > draft.to;

  const change = (field: 'from' | 'to', value: string) => {
    const next = { ...draft, [field]: value };
    setDraft(next);
    if ((value !== '' && !ISO_DAY.test(value)) || (next.from && next.to && next.from > next.to)) return;
    const patch = { from: next.from || null, to: next.to || null };
    const current = useStore.getState().filters;
    if (patch.from !== current.from || patch.to !== current.to) setFilters(patch, 'replace');
  };

  const min = index ? msToIso(index.minTime) : undefined;
  const max = index ? msToIso(index.maxTime - DAY_MS) : undefined;
  return (
    <fieldset className="facet date-range">
      <legend>Date range</legend>
      <div className="date-fields">
        {(['from', 'to'] as const).map((field) => (
          <div className="field" key={field}>
            <label htmlFor={`filter-${field}`}>{field === 'from' ? 'From' : 'To'}</label>
            <input
              id={`filter-${field}`}
              type="date"
              value={draft[field]}
              min={min}
              max={max}
              aria-invalid={inverted || undefined}
              aria-describedby={inverted ? 'date-range-error' : undefined}
              onChange={(e) => change(field, e.target.value)}
            />
          </div>
        ))}
      </div>
      {inverted && (
        <p id="date-range-error" className="field-error" role="alert">
          “From” must be on or before “To”. The date range is not applied.
        </p>
      )}
    </fieldset>
  );
}
