import { useId } from 'react';

export interface FacetOption {
  value: string;
  label: string;
  /** Shown after the label, e.g. the country code. */
  code?: string;
  description?: string;
  /** Meetings it would show; null while the count is being worked out (large datasets count in a worker). */
  count: number | null;
}

interface FacetCheckboxesProps {
  legend: string;
  options: readonly FacetOption[];
  selected: readonly string[];
  onToggle(value: string): void;
}

/** A multi-select facet: one checkbox per value with the number of meetings it would show. */
export function FacetCheckboxes({ legend, options, selected, onToggle }: FacetCheckboxesProps) {
  const baseId = useId();
  return (
    <fieldset className="facet">
      <legend>{legend}</legend>
      <ul className="facet-options">
        {options.map((o, i) => {
          const descriptionId = o.description ? `${baseId}-d${i}` : undefined;
          return (
            <li key={o.value}>
              <label title={o.description} className={o.count === 0 ? 'facet-option empty' : 'facet-option'}>
                <input type="checkbox" checked={selected.includes(o.value)} onChange={() => onToggle(o.value)} aria-describedby={descriptionId} />
                <bdi className="facet-label">{o.label}</bdi>{' '}
                {o.code && <span className="facet-code">{o.code}</span>}{' '}
                {o.count === null ? (
                  <span className="facet-count is-pending">
                    … <span className="visually-hidden">counting</span>
                  </span>
                ) : (
                  <span className="facet-count">
                    {o.count.toLocaleString('en')}{' '}
                    <span className="visually-hidden">{o.count === 1 ? 'meeting' : 'meetings'}</span>
                  </span>
                )}
              </label>
              {descriptionId && (
                <span id={descriptionId} hidden>
                  {o.description}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
