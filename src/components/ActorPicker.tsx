import { useEffect, useId, useMemo, useState } from 'react';
import { findActors, prepareActorSearch } from '../domain/actorSearch';
import { selectIndex } from '../state/selectors';
import { useStore } from '../state/store';

export const MAX_ACTOR_MATCHES = 50;
/** Longest slice of building the actor search index in idle time (ms). */
const SLICE_MS = 8;

/** Searchable multi-select of actors (ARIA combobox with a listbox popup); chosen actors show as chips with the other active filters. */
export function ActorPicker() {
  const index = useStore(selectIndex);
  const selected = useStore((s) => s.filters.actors);
  const toggle = useStore((s) => s.toggleFilterValue);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const id = useId();
  const listId = `${id}-list`;

  // The first search builds an index of every actor's names (~25 ms at 30,000 actors, more when the actors are first
  // read from the file's bytes): built in slices while the page is idle after a dataset opens, the first keystroke
  // only searches it.
  useEffect(() => {
    if (!index || typeof requestIdleCallback !== 'function') return;
    const slice = (deadline: IdleDeadline) => {
      // An idle period can be 50 ms long; a slice keeps well under it, so a click in it is not kept waiting.
      const until = performance.now() + SLICE_MS;
      const goOn = () => deadline.timeRemaining() > 2 && performance.now() < until;
      if (!prepareActorSearch(index, goOn)) idle = requestIdleCallback(slice, { timeout: 2000 });
    };
    let idle = requestIdleCallback(slice, { timeout: 2000 });
    return () => cancelIdleCallback(idle);
  }, [index]);

  const matches = useMemo(() => (index && open ? findActors(index, query, MAX_ACTOR_MATCHES) : []), [index, query, open]);
  const activeIndex = Math.min(active, matches.length - 1);
  if (!index) return null;

  const choose = (pos: number) => {
    toggle('actors', index.actors[pos]!.id);
    setQuery('');
    setActive(0);
    // Closed after a choice so the list does not cover the fields below; typing or ↓ opens it again.
    setOpen(false);
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!open) {
        setOpen(true);
        setActive(0);
        return;
      }
      const n = matches.length;
      if (n) setActive((activeIndex + (e.key === 'ArrowDown' ? 1 : n - 1)) % n);
    } else if (e.key === 'Enter') {
      const pos = matches[activeIndex];
      if (open && pos !== undefined) {
        e.preventDefault();
        choose(pos);
      }
    } else if (e.key === 'Escape') {
      if (open || query) {
        // Handled here so the detail panel does not also close on the same key.
        e.preventDefault();
        e.stopPropagation();
        if (open) setOpen(false);
        else setQuery('');
      }
    }
  };

  const activeId = open && activeIndex >= 0 ? `${id}-opt-${activeIndex}` : undefined;
  return (
    <div className="field actor-picker">
      <label htmlFor={`${id}-input`}>Find actor</label>
      <div className="combobox">
        <input
          id={`${id}-input`}
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={activeId}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setOpen(true);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          onClick={() => setOpen(true)}
          onBlur={() => setOpen(false)}
        />
        <ul id={listId} role="listbox" aria-label="Matching actors" aria-multiselectable="true" className="combobox-list" hidden={!open}>
          {matches.map((pos, i) => {
            const actor = index.actors[pos]!;
            const isSelected = selected.includes(actor.id);
            return (
              <li
                key={actor.id}
                id={`${id}-opt-${i}`}
                role="option"
                aria-selected={isSelected}
                className={i === activeIndex ? 'option active' : 'option'}
                // Keep focus in the input so typing can continue after a pick.
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => choose(pos)}
              >
                <span className="option-check" aria-hidden="true">{isSelected ? '✓' : ''}</span>
                <span>{actor.name}</span> <span className="facet-code">{actor.affiliation}</span>
              </li>
            );
          })}
          {open && matches.length === 0 && (
            <li role="option" aria-selected={false} aria-disabled="true" className="option none">
              No actor matches “{query}”
            </li>
          )}
        </ul>
      </div>
    </div>
  );
}
