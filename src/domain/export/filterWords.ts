import { hasActiveFilters, type Filters } from '../filters';
import type { DatasetIndex } from '../indexes';
import { affiliationName } from '../actors';
import { formatIsoDay } from '../dates';
import { isolate } from '../bidi';

/** One active facet in words: "topic: Astana process or Idlib". Values are data: draw them isolated. */
export interface FilterClause {
  label: string;
  values: string[];
  /** Between values: " or " for facets, " – " for a date range. */
  joiner: string;
}

/** The active filters, one clause per facet, in the order the filter panel lists them. */
export function filterClauses(index: DatasetIndex, f: Filters): FilterClause[] {
  const actorName = (id: string) => {
    const pos = index.actorPos.get(id);
    return pos === undefined ? id : index.actors[pos]!.name;
  };
  const clauses: FilterClause[] = [];
  const facet = (one: string, many: string, values: string[]) => {
    if (values.length) clauses.push({ label: values.length === 1 ? one : many, values, joiner: ' or ' });
  };
  facet('country or organization', 'countries or organizations', f.countries.map((c) => affiliationName(index, c)));
  facet('topic', 'topics', f.topics.map((t) => index.topicById.get(t)?.label ?? t));
  facet('actor', 'actors', f.actors.map(actorName));
  if (f.from && f.to) clauses.push({ label: 'dates', values: [formatIsoDay(f.from), formatIsoDay(f.to)], joiner: ' – ' });
  else if (f.from) clauses.push({ label: 'from', values: [formatIsoDay(f.from)], joiner: '' });
  else if (f.to) clauses.push({ label: 'until', values: [formatIsoDay(f.to)], joiner: '' });
  if (f.q.trim()) clauses.push({ label: 'text', values: [`“${f.q.trim()}”`], joiner: '' });
  return clauses;
}

/** Values isolated: a name holding a right-to-left override must not reorder the sentence around it. */
export const clauseText = (c: FilterClause): string => `${c.label}: ${c.values.map(isolate).join(c.joiner)}`;

/** The active filters as one line, for file descriptions (JSON, GEXF, GraphML). */
export function filtersInWords(index: DatasetIndex, f: Filters): string {
  return hasActiveFilters(f) ? `Filters: ${filterClauses(index, f).map(clauseText).join('; ')}` : 'No filters: all meetings';
}
