import { max, median, p95, round } from './stats';

/** Per-run numbers for one tier (null when the run could not measure it). */
export interface RunMetrics {
  parseMs: number | null;
  firstRenderMs: number | null;
  firstRenderToParseRatio: number | null;
  filterMedianMs: number | null;
  filterP95Ms: number | null;
  selectMs: number | null;
  naiveFilterMs: number | null;
  naiveSetupMs: number | null;
  maxTimelineDomItems: number | null;
  longestMainThreadTaskMs: number | null;
  longestTaskDuringFirstRenderMs: number | null;
  panFrameP95Ms: number | null;
  /** Choosing another node-size measure (degree) until the network is redrawn with it and the "Most central" list shows it. */
  metricChangeMs: number | null;
  /** Longest main-thread task while that measure was computed (in the analysis worker at this size) and drawn. */
  longestTaskDuringMetricMs: number | null;
  /** Import tiers: the longest main-thread task while the worker parsed the file (from its first progress report to its result). */
  longestTaskWhileParsingMs: number | null;
}

export const METRICS: readonly (keyof RunMetrics)[] = [
  'parseMs', 'firstRenderMs', 'firstRenderToParseRatio', 'filterMedianMs', 'filterP95Ms', 'selectMs', 'naiveFilterMs', 'naiveSetupMs',
  'maxTimelineDomItems', 'longestMainThreadTaskMs', 'longestTaskDuringFirstRenderMs', 'panFrameP95Ms', 'metricChangeMs', 'longestTaskDuringMetricMs', 'longestTaskWhileParsingMs',
];

export interface TierSummary {
  tier: string;
  meetings: number;
  actors: number;
  runs: number;
  failedRuns: number;
  /** Median across runs of each metric, plus `<metric>P95` across runs. */
  median: Record<keyof RunMetrics, number | null>;
  p95: Record<keyof RunMetrics, number | null>;
  problems: string[];
}

const values = (runs: readonly RunMetrics[], key: keyof RunMetrics) => runs.map((r) => r[key]).filter((v): v is number => v !== null);

export function summarize(tier: { name: string; meetings: number; actors: number }, runs: readonly RunMetrics[], failedRuns: number, problems: string[]): TierSummary {
  const med = {} as Record<keyof RunMetrics, number | null>;
  const high = {} as Record<keyof RunMetrics, number | null>;
  for (const key of METRICS) {
    const v = values(runs, key);
    // Counts are maxima by nature: report the largest seen rather than a percentile of them.
    med[key] = round(key === 'maxTimelineDomItems' ? max(v) : median(v), key === 'firstRenderToParseRatio' ? 2 : 1);
    high[key] = round(key === 'maxTimelineDomItems' ? max(v) : p95(v), key === 'firstRenderToParseRatio' ? 2 : 1);
  }
  return { tier: tier.name, meetings: tier.meetings, actors: tier.actors, runs: runs.length, failedRuns, median: med, p95: high, problems };
}

/** Metric rows × tier columns, "median / p95" in each cell. */
export function formatTable(summaries: readonly TierSummary[]): string {
  const header = ['metric', ...summaries.map((s) => `${s.tier} (${s.meetings.toLocaleString('en')} m, ${s.runs} runs)`)];
  const cell = (v: number | null) => (v === null ? '–' : String(v));
  const rows = METRICS.map((key) => [key, ...summaries.map((s) => `${cell(s.median[key])} / ${cell(s.p95[key])}`)]);
  const widths = header.map((_, c) => Math.max(...[header, ...rows].map((r) => r[c]!.length)));
  const line = (r: string[]) => r.map((v, c) => v.padEnd(widths[c]!)).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line), '(cells: median / p95 across runs; times in ms)'].join('\n');
}

/** The one-line JSON: headline fields for the 20k tier (or the largest run) plus every tier. */
export function jsonSummary(summaries: readonly TierSummary[]): string {
  const headline = summaries.find((s) => s.meetings === 20_000) ?? summaries[summaries.length - 1];
  const flat = (s: TierSummary) => ({ tier: s.tier, meetings: s.meetings, actors: s.actors, runs: s.runs, failedRuns: s.failedRuns, ...s.median, p95: s.p95, problems: s.problems });
  return JSON.stringify({ ...(headline ? flat(headline) : {}), tiers: summaries.map(flat) });
}
