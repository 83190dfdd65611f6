import { useMemo } from 'react';
import { selectIndex } from '../state/selectors';
import { useStore } from '../state/store';
import { ActiveFilterChips } from './ActiveFilterChips';
import { ActorPicker } from './ActorPicker';
import { DateRange } from './DateRange';
import { FacetCheckboxes, type FacetOption } from './FacetCheckboxes';
import { SearchBox } from './SearchBox';
import { useFacetCounts } from './useFacetCounts';
import { BetweenPicker } from './BetweenPicker';
import './components.css';

const byLabel = (a: FacetOption, b: FacetOption) => a.label.localeCompare(b.label);

/** All filter controls; every control reads its value from the store so URL changes show up here. */
export function FilterPanel() {
  const index = useStore(selectIndex);
  const filters = useStore((s) => s.filters);
  const toggle = useStore((s) => s.toggleFilterValue);

  // Large datasets count in the query worker: until its answer for these filters comes, the options show no numbers.
  const counts = useFacetCounts(index, filters);
  const countryCounts = counts?.countries ?? null;
  const topicCounts = counts?.topics ?? null;
  const countryOptions = useMemo<FacetOption[]>(
    () =>
      index
        ? index.dataset.countries.map((c) => ({ value: c.code, label: c.name, code: c.code, count: countryCounts ? (countryCounts.get(c.code) ?? 0) : null })).sort(byLabel)
        : [],
    [index, countryCounts],
  );
  const topicOptions = useMemo<FacetOption[]>(
    () =>
      index
        ? index.dataset.topics.map((t) => ({ value: t.id, label: t.label, description: t.description, count: topicCounts ? (topicCounts.get(t.id) ?? 0) : null })).sort(byLabel)
        : [],
    [index, topicCounts],
  );
  if (!index) return null;

  return (
    <div className="filter-panel">
      <h2 className="panel-heading">Filters</h2>
      <ActiveFilterChips />
      <SearchBox />
      <ActorPicker />
      <DateRange />
      <FacetCheckboxes legend="Country or organization" options={countryOptions} selected={filters.countries} onToggle={(v) => toggle('countries', v)} />
      <FacetCheckboxes legend="Topic" options={topicOptions} selected={filters.topics} onToggle={(v) => toggle('topics', v)} />
      <BetweenPicker />
      <p className="facet-hint">Numbers count the meetings each choice would show, given the other filters.</p>
      <p className="facet-hint">
        How filters combine: values ticked in one group are alternatives (Iran or Japan); different groups must all hold (a country
        and a topic); “Meetings between” needs both sides in the same meeting (Iran with Japan).
      </p>
    </div>
  );
}
