import { memo, useId } from 'react';

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
  /** Kept stable by the caller: rows are memoised, so a new function would redraw every row. */
  onToggle(value: string): void;
  /** The counts shown are for the previous filters while the current ones are counted: one mark on the group, not per row. */
  pending?: boolean;
}

// Made on first use: the first number format of a page loads locale data (tens of ms), not for the start-up task to pay.
let countFormat: Intl.NumberFormat | null = null;
const formatCount = (n: number) => (countFormat ??= new Intl.NumberFormat('en')).format(n);

/** A multi-select facet: one checkbox per value with the number of meetings it would show. */
export function FacetCheckboxes({ legend, options, selected, onToggle, pending = false }: FacetCheckboxesProps) {
  const baseId = useId();
  return (
    <fieldset className="facet" aria-busy={pending || undefined}>
      <legend>{legend}</legend>
      <ul className="facet-options">
        {options.map((o, i) => (
          <FacetRow
            key={o.value}
            value={o.value}
            label={o.label}
            code={o.code}
            description={o.description}
            descriptionId={o.description ? `${baseId}-d${i}` : undefined}
            count={o.count}
            checked={selected.includes(o.value)}
            onToggle={onToggle}
          />
        ))}
      </ul>
    </fieldset>
  );
}

interface FacetRowProps extends FacetOption {
  descriptionId: string | undefined;
  checked: boolean;
  onToggle(value: string): void;
}

/**
 * One option. Memoised, and the count is the same elements whether known or pending (only their text changes):
 * each filter step redraws every facet twice at large sizes (counting, then the worker's answer), and rebuilding
 * ~250 rows' elements each time was a long task on the step's path.
 */
const FacetRow = memo(function FacetRow({ value, label, code, description, descriptionId, count, checked, onToggle }: FacetRowProps) {
  return (
    <li>
      <label title={description} className={count === 0 ? 'facet-option empty' : 'facet-option'}>
        <input type="checkbox" checked={checked} onChange={() => onToggle(value)} aria-describedby={descriptionId} />
        <bdi className="facet-label">{label}</bdi>{' '}
        {code && <span className="facet-code">{code}</span>}{' '}
        <span className={count === null ? 'facet-count is-pending' : 'facet-count'}>
          {count === null ? '…' : formatCount(count)} <span className="visually-hidden">{count === null ? 'counting' : count === 1 ? 'meeting' : 'meetings'}</span>
        </span>
      </label>
      {descriptionId && (
        <span id={descriptionId} hidden>
          {description}
        </span>
      )}
    </li>
  );
});
