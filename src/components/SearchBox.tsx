import { useEffect, useRef, useState } from 'react';
import { useStore } from '../state/store';

export const SEARCH_DEBOUNCE_MS = 200;

/** Free-text filter: applies while typing (replacing the history entry), Enter applies at once. */
export function SearchBox() {
  const q = useStore((s) => s.filters.q);
  const setFilters = useStore((s) => s.setFilters);
  const [draft, setDraft] = useState(q);
  const [seenQ, setSeenQ] = useState(q);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  // The store can change under us (URL, Back, chips, reset): follow it and drop any pending keystrokes.
  if (q !== seenQ) {
    setSeenQ(q);
    setDraft(q);
  }
  useEffect(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  }, [q]);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  const onChange = (value: string) => {
    setDraft(value);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      if (useStore.getState().filters.q !== value) setFilters({ q: value }, 'replace');
    }, SEARCH_DEBOUNCE_MS);
  };

  const commit = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (useStore.getState().filters.q !== draft) setFilters({ q: draft }, 'push');
  };

  return (
    <div className="field search-box">
      <label htmlFor="filter-search">Search summaries, names and quotes</label>
      <input
        id="filter-search"
        type="search"
        value={draft}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit();
          }
        }}
      />
    </div>
  );
}
