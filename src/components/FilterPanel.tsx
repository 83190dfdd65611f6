import { useCallback, useMemo } from 'react';
import { selectIndex, selectShownFilters } from '../state/selectors';
import { useStore } from '../state/store';
import { ActiveFilterChips } from './ActiveFilterChips';
import { ActorPicker } from './ActorPicker';
import { DateRange } from './DateRange';
import { FacetCheckboxes, type FacetOption } from './FacetCheckboxes';
import { SearchBox } from './SearchBox';
import { useFacetCounts } from './useFacetCounts';
import { BetweenPicker } from './BetweenPicker';
import './components.css';

const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label);

/** All filter controls; every control reads its value from the store so URL changes show up here. */
export function FilterPanel() {
  const index = useStore(selectIndex);
  // The filters the views show (a search the query worker has not answered yet is not among them): their counts.
  const filters = useStore(selectShownFilters);
  // The boxes show what the person ticked, at once.
  const ticked = useStore((s) => s.filters);
  const toggle = useStore((s) => s.toggleFilterValue);

  // Large datasets count in the query worker: until its answer for these filters comes, the last numbers stay, marked.
  const { counts, pending } = useFacetCounts(index, filters);
  const countryCounts = counts?.countries ?? null;
  const topicCounts = counts?.topics ?? null;
  // Sorted once per dataset (localeCompare over every option was paid on each filter step, twice with the worker).
  const countryBase = useMemo(() => (index ? index.dataset.countries.map((c) => ({ value: c.code, label: c.name, code: c.code })).sort(byLabel) : []), [index]);
  const topicBase = useMemo(() => (index ? index.dataset.topics.map((t) => ({ value: t.id, label: t.label, description: t.description })).sort(byLabel) : []), [index]);
  const countryOptions = useMemo<FacetOption[]>(
    () => countryBase.map((o) => ({ ...o, count: countryCounts ? (countryCounts.get(o.value) ?? 0) : null })),
    [countryBase, countryCounts],
  );
  const topicOptions = useMemo<FacetOption[]>(
    () => topicBase.map((o) => ({ ...o, count: topicCounts ? (topicCounts.get(o.value) ?? 0) : null })),
    [topicBase, topicCounts],
  );
  const toggleCountry = useCallback((v: string) => toggle('countries', v), [toggle]);
  const toggleTopic = useCallback((v: string) => toggle('topics', v), [toggle]);
  // The same elements every render: these read the store themselves, so a count arriving does not redraw them.
  const controls = useMemo(
    () => (
      <>
        <ActiveFilterChips />
        <SearchBox />
        <ActorPicker />
        <DateRange />
      </>
    ),
    [],
  );
  const between = useMemo(() => <BetweenPicker />, []);
  if (!index) return null;

  return (
    <div className="filter-panel">
      <h2 className="panel-heading">Filters</h2>
      {controls}
      <FacetCheckboxes legend="Country or organization" options={countryOptions} selected={ticked.countries} onToggle={toggleCountry} pending={pending} />
      <FacetCheckboxes legend="Topic" options={topicOptions} selected={ticked.topics} onToggle={toggleTopic} pending={pending} />
      {between}
      <p className="facet-hint">Numbers count the meetings each choice would show, given the other filters.</p>
      <p className="facet-hint">
        How filters combine: values ticked in one group are alternatives (Iran or Japan); different groups must all hold (a country
        and a topic); “Meetings between” needs both sides in the same meeting (Iran with Japan).
      </p>
    </div>
  );
}
