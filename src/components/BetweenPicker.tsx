import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { isKnownSide } from '../domain/between';
import { findActors } from '../domain/actorSearch';
import type { DatasetIndex } from '../domain/indexes';
import { selectIndex } from '../state/selectors';
import { useStore } from '../state/store';

/** Display text of a side: "Iran (IRN)", "Ali Asghar Khaji (khaji)". */
export function sideLabel(index: DatasetIndex, side: string): string {
  const country = index.countryByCode.get(side);
  if (country) return `${country.name} (${side})`;
  const pos = index.actorPos.get(side);
  return pos === undefined ? side : `${index.actors[pos]!.name} (${side})`;
}

/** The side a typed or picked text names: "Name (code)" from the list, or a bare code or id. */
export function sideFromText(index: DatasetIndex, text: string): string | null {
  const trimmed = text.trim();
  const inParens = /\(([^()]+)\)\s*$/.exec(trimmed)?.[1];
  for (const candidate of [inParens, trimmed]) if (candidate && isKnownSide(index, candidate)) return candidate;
  return null;
}

/** Actors suggested for what is typed in a side (the browser narrows them further as the user types). */
export const MAX_SIDE_SUGGESTIONS = 100;

/**
 * "Meetings between" two sides: a country/organization or an actor on each side. Both inputs share one suggestion
 * list: every country, and the actors that match the focused input's text (a dataset can hold 30,000 actors: a list
 * of all of them cost a quarter of a second to build at first render). Any actor can still be typed by name or id.
 */
export function BetweenPicker() {
  const index = useStore(selectIndex);
  const between = useStore((s) => s.filters.between);
  const setFilters = useStore((s) => s.setFilters);
  const id = useId();
  const [a, setA] = useState('');
  const [b, setB] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<'a' | 'b' | null>(null);
  useEffect(() => {
    if (!index) return;
    setA(between ? sideLabel(index, between[0]) : '');
    setB(between ? sideLabel(index, between[1]) : '');
    setError(null);
  }, [index, between]);
  const typed = editing === 'a' ? a : editing === 'b' ? b : null;
  const options = useMemo(
    () =>
      index && (
        <datalist id={`${id}-sides`}>
          {index.dataset.countries.map((c) => (
            <option key={c.code} value={sideLabel(index, c.code)} />
          ))}
          {typed !== null &&
            findActors(index, typed.replace(/\([^()]*\)?\s*$/, ''), MAX_SIDE_SUGGESTIONS).map((pos) => (
              <option key={index.actors[pos]!.id} value={sideLabel(index, index.actors[pos]!.id)} />
            ))}
        </datalist>
      ),
    [index, id, typed],
  );
  if (!index) return null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const sa = sideFromText(index, a);
    const sb = sideFromText(index, b);
    if (!sa || !sb) {
      setError(`Not in this dataset: ${[!sa && (a.trim() || 'first side empty'), !sb && (b.trim() || 'second side empty')].filter(Boolean).join('; ')}`);
      return;
    }
    if (sa === sb) {
      setError('Choose two different sides.');
      return;
    }
    setError(null);
    setFilters({ between: [sa, sb] });
  };

  return (
    <form className="field between-picker" onSubmit={submit} aria-labelledby={`${id}-legend`}>
      <p id={`${id}-legend`} className="field-legend">
        Meetings between
      </p>
      <label htmlFor={`${id}-a`}>First side (country, organization or actor)</label>
      <input id={`${id}-a`} list={`${id}-sides`} value={a} onChange={(e) => setA(e.target.value)} onFocus={() => setEditing('a')} autoComplete="off" aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} />
      <label htmlFor={`${id}-b`}>Second side</label>
      <input id={`${id}-b`} list={`${id}-sides`} value={b} onChange={(e) => setB(e.target.value)} onFocus={() => setEditing('b')} autoComplete="off" aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} />
      {options}
      <div className="between-actions">
        <button type="submit">Show meetings between</button>
        {between && (
          <button type="button" onClick={() => setFilters({ between: null })}>
            Clear
          </button>
        )}
      </div>
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
