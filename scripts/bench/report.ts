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
  /** A playback step (Step forward) until the network shows the new window: median and p95 of the run's steps. */
  playbackStepMs: number | null;
  playbackStepP95Ms: number | null;
  /** Import tiers: the longest main-thread task while the worker parsed the file (from its first progress report to its result). */
  longestTaskWhileParsingMs: number | null;
  /** The same file parsed bare in a worker: JSON fetch + JSON.parse; a TSV decoded and run through papaparse. */
  bareParseMs: number | null;
  /** Worst real click on the loading screen: from the input event to the frame after its handler ran. */
  clickDuringLoadMs: number | null;
  /** The page's JS heap (main thread) after load and a full GC, and the dataset file's size (MiB both). */
  heapUsedMB: number | null;
  /** ArrayBuffer memory the page holds outside its JS heap (a large JSON dataset's file bytes are here). */
  arrayBuffersMB: number | null;
  fileMB: number | null;
  heapToFileRatio: number | null;
}

export const METRICS: readonly (keyof RunMetrics)[] = [
  'parseMs', 'firstRenderMs', 'firstRenderToParseRatio', 'filterMedianMs', 'filterP95Ms', 'selectMs', 'naiveFilterMs', 'naiveSetupMs',
  'maxTimelineDomItems', 'longestMainThreadTaskMs', 'longestTaskDuringFirstRenderMs', 'panFrameP95Ms', 'metricChangeMs', 'longestTaskDuringMetricMs', 'longestTaskWhileParsingMs',
  'bareParseMs', 'clickDuringLoadMs', 'heapUsedMB', 'arrayBuffersMB', 'fileMB', 'heapToFileRatio',
  'playbackStepMs', 'playbackStepP95Ms',
];

/** The load targets of the scale issue, checked per tier on the medians (a missing figure is "not measured"). */
export const LOAD_TARGETS: readonly { metric: keyof RunMetrics; limit: number; text: string }[] = [
  { metric: 'firstRenderToParseRatio', limit: 3, text: 'first render ≤ 3× bare parse' },
  { metric: 'longestMainThreadTaskMs', limit: 50, text: 'no main-thread task > 50 ms (navigation on)' },
  { metric: 'clickDuringLoadMs', limit: 100, text: 'a click while loading handled and painted ≤ 100 ms' },
  { metric: 'heapToFileRatio', limit: 2, text: 'JS heap after load ≤ 2× file' },
];

export interface TargetCheck {
  tier: string;
  target: string;
  value: number | null;
  limit: number;
  met: boolean | null;
}

export function checkTargets(summaries: readonly TierSummary[]): TargetCheck[] {
  return summaries.flatMap((s) =>
    LOAD_TARGETS.map(({ metric, limit, text }) => {
      const value = s.median[metric];
      return { tier: s.tier, target: text, value, limit, met: value === null ? null : value <= limit };
    }),
  );
}

export function formatTargets(checks: readonly TargetCheck[]): string {
  return checks.map((c) => `${c.met === null ? '  ?' : c.met ? ' ok' : 'MISS'}  ${c.tier.padEnd(10)} ${c.target.padEnd(52)} ${c.value ?? '–'} (limit ${c.limit})`).join('\n');
}

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

const RATIOS = new Set<keyof RunMetrics>(['firstRenderToParseRatio', 'heapToFileRatio']);

const values = (runs: readonly RunMetrics[], key: keyof RunMetrics) => runs.map((r) => r[key]).filter((v): v is number => v !== null);

export function summarize(tier: { name: string; meetings: number; actors: number }, runs: readonly RunMetrics[], failedRuns: number, problems: string[]): TierSummary {
  const med = {} as Record<keyof RunMetrics, number | null>;
  const high = {} as Record<keyof RunMetrics, number | null>;
  for (const key of METRICS) {
    const v = values(runs, key);
    // Counts are maxima by nature: report the largest seen rather than a percentile of them.
    med[key] = round(key === 'maxTimelineDomItems' ? max(v) : median(v), RATIOS.has(key) ? 2 : 1);
    high[key] = round(key === 'maxTimelineDomItems' ? max(v) : p95(v), RATIOS.has(key) ? 2 : 1);
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

/** Step kinds compared across tiers, each by the p95 across runs of its metric. */
export const STEP_RATIO_METRICS = { filter: 'filterP95Ms', select: 'selectMs', playback: 'playbackStepP95Ms' } as const satisfies Record<string, keyof RunMetrics>;
/** Scale targets: a step's p95 at this tier may be at most this many times the bundled tier's. */
export const STEP_RATIO_TARGETS: Readonly<Record<string, number>> = { '20k': 1.5, '250k': 2 };

export interface StepRatio {
  tier: string;
  step: keyof typeof STEP_RATIO_METRICS;
  /** p95 at the tier / p95 at the bundled tier, in the same run. */
  ratio: number | null;
  target: number;
  met: boolean | null;
}

/** "The work of a step follows what changes on screen": each large tier's step p95 over the bundled tier's, against its target. */
export function stepRatios(summaries: readonly TierSummary[]): StepRatio[] {
  const base = summaries.find((s) => s.tier === 'bundled');
  const out: StepRatio[] = [];
  for (const s of summaries) {
    const target = STEP_RATIO_TARGETS[s.tier];
    if (target === undefined) continue;
    for (const [step, key] of Object.entries(STEP_RATIO_METRICS) as [keyof typeof STEP_RATIO_METRICS, keyof RunMetrics][]) {
      const a = s.p95[key];
      const b = base?.p95[key] ?? null;
      const ratio = a !== null && b !== null && b > 0 ? round(a / b, 2) : null;
      out.push({ tier: s.tier, step, ratio, target, met: ratio === null ? null : ratio <= target });
    }
  }
  return out;
}

export function formatStepRatios(ratios: readonly StepRatio[]): string {
  if (!ratios.length) return '';
  const lines = ratios.map((r) => `${r.tier.padEnd(6)} ${r.step.padEnd(9)} ${r.ratio === null ? '–' : `${r.ratio}×`} (target ≤ ${r.target}×) ${r.met === null ? 'not measured' : r.met ? 'met' : 'not met'}`);
  return ['step p95 against the bundled tier:', ...lines].join('\n');
}

/** The one-line JSON: headline fields for the 20k tier (or the largest run) plus every tier and the step ratios. */
export function jsonSummary(summaries: readonly TierSummary[]): string {
  const headline = summaries.find((s) => s.meetings === 20_000) ?? summaries[summaries.length - 1];
  const flat = (s: TierSummary) => ({ tier: s.tier, meetings: s.meetings, actors: s.actors, runs: s.runs, failedRuns: s.failedRuns, ...s.median, p95: s.p95, problems: s.problems });
  return JSON.stringify({ ...(headline ? flat(headline) : {}), stepRatios: stepRatios(summaries), tiers: summaries.map(flat), targets: checkTargets(summaries) });
}
