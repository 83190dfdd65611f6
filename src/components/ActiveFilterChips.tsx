import { hasActiveFilters, type Filters } from '../domain/filters';
import type { DatasetIndex } from '../domain/indexes';
import { affiliationName } from '../domain/actors';
import { formatIsoDay } from '../domain/dates';
import { selectIndex } from '../state/selectors';
import { useStore } from '../state/store';
import { sideLabel } from './BetweenPicker';

interface Chip {
  key: string;
  label: string;
  remove(): void;
}

function chipsFor(index: DatasetIndex, f: Filters): Chip[] {
  const { toggleFilterValue: toggle, setFilters } = useStore.getState();
  const actorName = (id: string) => {
    const pos = index.actorPos.get(id);
    return pos === undefined ? id : index.actors[pos]!.name;
  };
  return [
    ...f.countries.map((c) => ({ key: `c:${c}`, label: affiliationName(index, c), remove: () => toggle('countries', c) })),
    ...f.topics.map((t) => ({ key: `t:${t}`, label: index.topicById.get(t)?.label ?? t, remove: () => toggle('topics', t) })),
    ...f.actors.map((a) => ({ key: `a:${a}`, label: actorName(a), remove: () => toggle('actors', a) })),
    ...(f.from ? [{ key: 'from', label: `from ${formatIsoDay(f.from)}`, remove: () => setFilters({ from: null }) }] : []),
    ...(f.to ? [{ key: 'to', label: `to ${formatIsoDay(f.to)}`, remove: () => setFilters({ to: null }) }] : []),
    ...(f.between
      ? [{ key: 'between', label: `${sideLabel(index, f.between[0])} with ${sideLabel(index, f.between[1])}`, remove: () => setFilters({ between: null }) }]
      : []),
    ...(f.q.trim() ? [{ key: 'q', label: `“${f.q.trim()}”`, remove: () => setFilters({ q: '' }) }] : []),
  ];
}

/** Every active filter as a removable chip, plus the way back to everything. */
export function ActiveFilterChips() {
  const index = useStore(selectIndex);
  const filters = useStore((s) => s.filters);
  const resetFilters = useStore((s) => s.resetFilters);
  const active = hasActiveFilters(filters);
  const chips = index ? chipsFor(index, filters) : [];
  return (
    <div className="active-filters">
      {/* First, so it floats at the end of the first row and the chips flow around it. */}
      <button type="button" className="reset-all" disabled={!active} onClick={resetFilters}>
        Reset all
      </button>
      {chips.length > 0 && (
        <ul className="chips" aria-label="Active filters">
          {chips.map((chip) => (
            <li key={chip.key} className="chip">
              <span dir="auto" title={chip.label}>
                {chip.label}
              </span>
              <button type="button" aria-label={`Remove filter: ${chip.label}`} onClick={chip.remove}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
