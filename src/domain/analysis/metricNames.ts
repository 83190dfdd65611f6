/**
 * Centrality measures Parley offers, with the definitions the UI shows. Kept free of graphology so
 * the main bundle can name them without loading the library.
 */
export const METRICS = ['meetings', 'degree', 'weightedDegree', 'betweenness', 'pagerank'] as const;
export type MetricName = (typeof METRICS)[number];

/** The measures nodes can be sized by (`size=` in a link); `meetings` is the default. */
export const SIZE_METRICS = ['meetings', 'degree', 'betweenness', 'pagerank'] as const;
export type SizeMetric = (typeof SIZE_METRICS)[number];

export const METRIC_LABEL: Record<MetricName, string> = {
  meetings: 'Meetings',
  degree: 'Counterparts (degree)',
  weightedDegree: 'Shared meetings (weighted degree)',
  betweenness: 'Betweenness',
  pagerank: 'PageRank',
};

export const METRIC_DEFINITION: Record<MetricName, string> = {
  meetings: 'meetings the actor takes part in',
  degree: 'distinct actors met',
  weightedDegree: 'sum over counterparts of the meetings shared with each',
  betweenness: 'share of shortest paths between other actors that pass through this one (normalised 0–1, links unweighted)',
  pagerank: 'PageRank with links weighted by shared meetings (damping 0.85); the values sum to 1',
};

/** A value as the UI prints it: counts as integers, the rest to three significant digits. */
export function formatMetric(metric: MetricName, value: number): string {
  if (metric === 'meetings' || metric === 'degree' || metric === 'weightedDegree') return String(Math.round(value));
  if (value === 0) return '0';
  return value.toPrecision(3);
}
