// @vitest-environment node
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from '../../scripts/bench';
import { datasetFileName, ensureDataset, parseTiers, TIERS } from '../../scripts/bench/datasets';
import { checkTargets, formatStepRatios, formatTable, formatTargets, jsonSummary, stepRatios, summarize, type RunMetrics } from '../../scripts/bench/report';
import { resolveRequest } from '../../scripts/bench/server';
import { attributeLongTasks, intervals, median, p95, quantile } from '../../scripts/bench/stats';
import { validateDataset } from '../../src/domain/validate';

const run = (over: Partial<RunMetrics>): RunMetrics => ({
  parseMs: 100, firstRenderMs: 400, firstRenderToParseRatio: 4, filterMedianMs: 20, filterP95Ms: 50, selectMs: 10, naiveFilterMs: null,
  naiveSetupMs: null, maxTimelineDomItems: 300, longestMainThreadTaskMs: 80, longestTaskDuringFirstRenderMs: 200, panFrameP95Ms: 17, metricChangeMs: null, longestTaskDuringMetricMs: null, longestTaskWhileParsingMs: null,
  bareParseMs: 100, clickDuringLoadMs: 30, heapUsedMB: 50, arrayBuffersMB: 5, fileMB: 20, heapToFileRatio: 2.5, playbackStepMs: null, playbackStepP95Ms: null, ...over,
});

describe('bench statistics', () => {
  it('uses nearest-rank quantiles, so every value reported was measured', () => {
    const v = [5, 1, 4, 2, 3];
    expect(median(v)).toBe(3);
    expect(p95(v)).toBe(5);
    expect(quantile([10, 20, 30, 40], 0.5)).toBe(20);
    expect(p95(Array.from({ length: 100 }, (_, i) => i + 1))).toBe(95);
  });

  it('ignores missing values and reports null for none', () => {
    expect(median([Number.NaN, 7])).toBe(7);
    expect(p95([])).toBeNull();
  });

  it('turns frame timestamps into intervals', () => {
    expect(intervals([0, 16, 33, 100])).toEqual([16, 17, 67]);
  });

  it('names the phase of each task over 50 ms, longest first', () => {
    const steps = [{ label: 'check country', startedAt: 1000, endedAt: 1200 }, { label: 'select', startedAt: 2000, endedAt: 2100 }];
    const tasks = [{ start: 100, duration: 84 }, { start: 1100, duration: 120 }, { start: 1500, duration: 60 }, { start: 2050, duration: 50 }, { start: 2060, duration: 51 }];
    expect(attributeLongTasks(tasks, 900, steps)).toEqual([
      { duration: 120, start: 1100, phase: 'step "check country"', scripts: [] },
      { duration: 84, start: 100, phase: 'loading', scripts: [] },
      { duration: 60, start: 1500, phase: 'between steps', scripts: [] },
      { duration: 51, start: 2060, phase: 'step "select"', scripts: [] },
    ]);
  });

  it('names what ran in a long task: the scripts of the long frame it began in', () => {
    const frames = [
      { start: 90, duration: 120, scripts: ['ScriptElement client.js 60 ms'] },
      { start: 1490, duration: 80, scripts: ['Worker.onmessage index.js 55 ms'] },
    ];
    const tasks = [{ start: 100, duration: 70 }, { start: 1500, duration: 60 }, { start: 3000, duration: 55 }];
    expect(attributeLongTasks(tasks, 2000, [], 50, frames).map((t) => t.scripts)).toEqual([
      ['ScriptElement client.js 60 ms'],
      ['Worker.onmessage index.js 55 ms'],
      [],
    ]);
  });
});

describe('bench report', () => {
  const tier = { name: '20k', meetings: 20_000, actors: 2_000 };
  const summary = summarize(tier, [run({ firstRenderMs: 300 }), run({ firstRenderMs: 500, maxTimelineDomItems: 900 }), run({})], 0, []);

  it('takes the median and p95 across runs, and the largest DOM item count', () => {
    expect(summary.median.firstRenderMs).toBe(400);
    expect(summary.p95.firstRenderMs).toBe(500);
    expect(summary.median.maxTimelineDomItems).toBe(900);
    expect(summary.median.naiveFilterMs).toBeNull();
  });

  it('prints one row per metric and one column per tier', () => {
    const table = formatTable([summary]);
    expect(table).toMatch(/firstRenderMs\s+400 \/ 500/);
    expect(table).toContain('20k (20,000 m, 3 runs)');
  });

  it('puts the 20k tier headline fields at the top level of the JSON line, and every tier in an array', () => {
    const small = summarize({ name: '1k', meetings: 1000, actors: 200 }, [run({ firstRenderMs: 50 })], 0, []);
    const json = JSON.parse(jsonSummary([small, summary])) as Record<string, unknown> & { tiers: { tier: string }[] };
    expect(json).toMatchObject({ meetings: 20_000, firstRenderMs: 400, filterP95Ms: 50, panFrameP95Ms: 17, maxTimelineDomItems: 900 });
    for (const key of ['parseMs', 'firstRenderToParseRatio', 'naiveFilterMs', 'longestMainThreadTaskMs']) expect(json).toHaveProperty(key);
    expect(json.tiers.map((t) => t.tier)).toEqual(['1k', '20k']);
  });

  it('checks the load targets on the medians and says which are met', () => {
    const checks = checkTargets([summary]);
    expect(checks.map((c) => [c.target.split(' ')[0], c.met])).toEqual([['first', false], ['no', false], ['a', true], ['JS', false]]);
    const unmeasured = checkTargets([summarize(tier, [run({ clickDuringLoadMs: null })], 0, [])]);
    expect(unmeasured.find((c) => c.target.startsWith('a click'))).toMatchObject({ value: null, met: null });
    expect(formatTargets(checks)).toMatch(/MISS\s+20k\s+first render ≤ 3× bare parse\s+4 \(limit 3\)/);
    expect(JSON.parse(jsonSummary([summary])).targets).toHaveLength(4);
  });

  it('reports each large tier\'s step p95 against the bundled tier\'s, with its target', () => {
    const tier = (name: string, meetings: number, filter: number, select: number, playback: number | null) =>
      summarize({ name, meetings, actors: 10 }, [run({ filterP95Ms: filter, selectMs: select, playbackStepP95Ms: playback })], 0, []);
    const ratios = stepRatios([tier('bundled', 13, 100, 50, 80), tier('20k', 20_000, 140, 90, 100), tier('250k', 250_000, 190, 60, null)]);
    expect(ratios).toEqual([
      { tier: '20k', step: 'filter', ratio: 1.4, target: 1.5, met: true },
      { tier: '20k', step: 'select', ratio: 1.8, target: 1.5, met: false },
      { tier: '20k', step: 'playback', ratio: 1.25, target: 1.5, met: true },
      { tier: '250k', step: 'filter', ratio: 1.9, target: 2, met: true },
      { tier: '250k', step: 'select', ratio: 1.2, target: 2, met: true },
      { tier: '250k', step: 'playback', ratio: null, target: 2, met: null },
    ]);
    expect(formatStepRatios(ratios)).toContain('20k    select    1.8× (target ≤ 1.5×) not met');
    expect((JSON.parse(jsonSummary([tier('bundled', 13, 100, 50, 80), tier('20k', 20_000, 140, 90, 100)])) as { stepRatios: unknown[] }).stepRatios).toHaveLength(3);
  });
});

describe('bench options and tiers', () => {
  it('defaults to the bundled data, the three synthetic tiers and the ICEWS import tier, five runs', () => {
    const args = parseBenchArgs([]);
    expect(args.tiers.map((t) => t.name)).toEqual(['bundled', '1k', '20k', '100k', 'icews100k']);
    expect(args.runs).toBe(5);
    expect(args.build).toBe(false);
    expect(parseTiers('250k,icews1m').map((t) => t.onRequest)).toEqual([true, true]);
    expect(args.compare).toBeNull();
    expect(parseBenchArgs(['--compare', 'old/dist', '--compare-label', 'before']).compareLabel).toBe('before');
    // The compared build skips the largest tiers unless asked.
    expect(args.compareMax).toBe(20_000);
    expect(parseBenchArgs(['--compare', 'old/dist', '--compare-max', '250000']).compareMax).toBe(250_000);
    expect(() => parseBenchArgs(['--compare-max', 'all'])).toThrow(/whole number/);
  });

  it('reads tiers by name or as meetings/actors', () => {
    expect(parseTiers('1k,5000/500')).toEqual([TIERS.find((t) => t.name === '1k'), { name: '5000x500', meetings: 5000, actors: 500 }]);
    expect(parseTiers('bundled')[0]!.source).toBe('public/data/meetings.json');
    expect(() => parseTiers('huge')).toThrow(/unknown tier/);
    expect(parseBenchArgs(['--tiers', '20k', '--runs', '2', '--json', '--build']).runs).toBe(2);
    expect(() => parseBenchArgs(['--runs', '0'])).toThrow(/whole number/);
    expect(() => parseBenchArgs(['--fast'])).toThrow(/unknown option/);
  });

  it('generates a missing tier dataset once, valid, and reuses it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-bench-'));
    const tier = { name: 'tiny', meetings: 120, actors: 40 };
    const first = ensureDataset(dir, tier, 5);
    expect(first.generated).toBe(true);
    expect(first.name).toBe(datasetFileName(tier, 5));
    expect(validateDataset(JSON.parse(readFileSync(first.file, 'utf8'))).ok).toBe(true);
    expect(ensureDataset(dir, tier, 5).generated).toBe(false);
  });
});

describe('bench static server paths', () => {
  const mounts = { '/': '/srv/dist', '/bench-data/': '/srv/data' };

  it('maps paths to the longest matching mount, with index.html for the root', () => {
    expect(resolveRequest('/', mounts)).toBe(resolve('/srv/dist/index.html'));
    expect(resolveRequest('/assets/app.js', mounts)).toBe(resolve('/srv/dist/assets/app.js'));
    expect(resolveRequest('/bench-data/a.json', mounts)).toBe(resolve('/srv/data/a.json'));
  });

  it('never serves a file outside its mount', () => {
    expect(resolveRequest('/bench-data/../../etc/passwd', mounts)).toBeNull();
    expect(resolveRequest('/%2e%2e/%2e%2e/etc/passwd', mounts)).toBeNull();
    expect(resolveRequest('/bench-data/..%2f..%2fetc%2fpasswd', mounts)).toBeNull();
    expect(resolveRequest('/bench-data/%E0%A4%A', mounts)).toBeNull();
  });
});
