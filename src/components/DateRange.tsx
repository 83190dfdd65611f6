import { useState } from 'react';
import { msToIso, DAY_MS } from '../domain/dates';
import { isCompleteDay, parseTypedDate } from '../domain/typedDate';
import { selectIndex } from '../state/selectors';
import { useStore } from '../state/store';

type Field = 'from' | 'to';

/**
 * Inclusive day range typed as ISO dates. Plain text fields, not `type="date"`: Chromium's segmented date
 * field reads a typed "2020-01-01" as month/day/year and stores 0101-02-02. A malformed or inverted
 * range is shown as an error and left unapplied.
 */
export function DateRange() {
  const from = useStore((s) => s.filters.from);
  const to = useStore((s) => s.filters.to);
  const index = useStore(selectIndex);
  const setFilters = useStore((s) => s.setFilters);
  const [draft, setDraft] = useState({ from: from ?? '', to: to ?? '' });
  const [errors, setErrors] = useState<Record<Field, string | null>>({ from: null, to: null });
  const [seen, setSeen] = useState({ from, to });

  if (seen.from !== from || seen.to !== to) {
    setSeen({ from, to });
    setDraft({ from: from ?? '', to: to ?? '' });
    setErrors({ from: null, to: null });
  }

  const dayOf = (field: Field, text: string) => {
    if (text.trim() === '') return null;
    const parsed = parseTypedDate(text, field);
    return parsed.ok ? parsed.day : undefined;
  };
  const fromDay = dayOf('from', draft.from);
  const toDay = dayOf('to', draft.to);
  const inverted = !!fromDay && !!toDay && fromDay > toDay;

  const apply = (next: Record<Field, string>) => {
    const f = dayOf('from', next.from);
    const t = dayOf('to', next.to);
    if (f === undefined || t === undefined || (f && t && f > t)) return;
    const current = useStore.getState().filters;
    if (f !== current.from || t !== current.to) setFilters({ from: f, to: t }, 'replace');
  };

  const change = (field: Field, value: string) => {
    const next = { ...draft, [field]: value };
    setDraft(next);
    setErrors((e) => ({ ...e, [field]: null }));
    // A complete day (or a cleared field) applies as it is typed; "2020" waits for Enter or leaving the field.
    if (value.trim() === '' || isCompleteDay(value)) apply(next);
  };

  const commit = (field: Field) => {
    const text = draft[field];
    if (text.trim() === '') return apply(draft);
    const parsed = parseTypedDate(text, field);
    if (!parsed.ok) return setErrors((e) => ({ ...e, [field]: parsed.error }));
    const next = { ...draft, [field]: parsed.day };
    setDraft(next);
    apply(next);
  };

  const min = index ? msToIso(index.minTime) : undefined;
  const max = index ? msToIso(index.maxTime - DAY_MS) : undefined;
  return (
    <fieldset className="facet date-range">
      <legend>Date range</legend>
      <p id="date-range-hint" className="facet-hint">
        As YYYY-MM-DD{min && max ? ` (data: ${min.slice(0, 4)}–${max.slice(0, 4)})` : ''}; a year or month alone means its first or last day.
      </p>
      <div className="date-fields">
        {(['from', 'to'] as const).map((field) => {
          const invalid = inverted || errors[field] !== null;
          const described = [errors[field] ? `date-${field}-error` : null, inverted ? 'date-range-error' : null, 'date-range-hint'].filter(Boolean).join(' ');
          return (
            <div className="field" key={field}>
              <label htmlFor={`filter-${field}`}>{field === 'from' ? 'From' : 'To'}</label>
              <input
                id={`filter-${field}`}
                type="text"
                inputMode="numeric"
                autoComplete="off"
                spellCheck={false}
                placeholder="YYYY-MM-DD"
                value={draft[field]}
                aria-invalid={invalid || undefined}
                aria-describedby={described}
                onChange={(e) => change(field, e.target.value)}
                onBlur={() => commit(field)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') commit(field);
                }}
              />
              {errors[field] && (
                <p id={`date-${field}-error`} className="field-error" role="alert">
                  {errors[field]}
                </p>
              )}
            </div>
          );
        })}
      </div>
      {inverted && (
        <p id="date-range-error" className="field-error" role="alert">
          “From” must be on or before “To”. The date range is not applied.
        </p>
      )}
    </fieldset>
  );
}
