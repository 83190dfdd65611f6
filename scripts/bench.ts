import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Dataset } from '../src/domain/schema';
import { startBrowser } from './browser/launch';
import { ensureDataset, parseTiers, TIERS, type Tier } from './bench/datasets';
import { checkTargets, formatStepRatios, formatTable, formatTargets, jsonSummary, stepRatios, summarize, type RunMetrics, type TierSummary } from './bench/report';
import { prepareTier, runOnce } from './bench/runTier';
import { startStaticServer } from './bench/server';
import { ensureIcews, ICEWS_CLASSIC, ICEWS_YEAR, runImportOnce } from './bench/importTier';

const USAGE = `usage: npm run bench -- [--build] [--dist dist] [--load-only] [--tiers bundled,1k,20k,100k] [--runs 5] [--seed 1] [--json] [--no-naive] [--naive-max 20000] [--naive-runs 1] [--steps] [--compare <dist> [--compare-label old] [--compare-max 20000]]
  --build     run vite build first (otherwise dist/ must exist)
  --load-only only the load figures (first render, tasks and clicks while loading, heap): no scripted steps
  --dist      the built app to measure (default dist/; e.g. another worktree's build for a before/after)
  --compare   another production build (a dist/ directory) measured in the same run, its runs alternating with this build's,
              reported as tiers named <tier>@<label>: "did this change make the steps slower" on a loaded machine
              (tiers up to --compare-max meetings, default 20,000: the largest take minutes a run)
  --tiers     comma list of ${TIERS.map((t) => t.name).join(', ')} or meetings/actors, e.g. 5000/500
              (default: all but ${TIERS.filter((t) => t.onRequest).map((t) => t.name).join(', ')})
  --steps     also print each scripted step's time and every main-thread task over 50 ms with the phase it fell in
  --naive-max the naive vis-timeline baseline runs only up to this many meetings (it needs minutes at 20k)
  --naive-runs  ...and only in the first N runs of a tier
Datasets are generated into bench-data/ when missing. The browser: CHROME_PATH, else a Chrome/Chromium on PATH,
else the packaged one (@sparticuz/chromium); PARLEY_BROWSER=system or =packaged picks one of the last two.`;

interface BenchArgs { loadOnly: boolean; dist: string | null; build: boolean; tiers: Tier[]; runs: number; seed: number; json: boolean; naive: boolean; naiveMax: number; naiveRuns: number; steps: boolean; compare: string | null; compareLabel: string; compareMax: number }

const NUMERIC: Record<string, 'runs' | 'seed' | 'naiveMax' | 'naiveRuns' | 'compareMax'> = { '--runs': 'runs', '--seed': 'seed', '--naive-max': 'naiveMax', '--naive-runs': 'naiveRuns', '--compare-max': 'compareMax' };

export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const args: BenchArgs = { loadOnly: false, dist: null, build: false, tiers: TIERS.filter((t) => !t.onRequest), runs: 5, seed: 1, json: false, naive: true, naiveMax: 20_000, naiveRuns: 1, steps: false, compare: null, compareLabel: 'old', compareMax: 20_000 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value\n${USAGE}`);
      return v;
    };
    if (a === '--build') args.build = true;
    else if (a === '--json') args.json = true;
    else if (a === '--no-naive') args.naive = false;
    else if (a === '--steps') args.steps = true;
    else if (a === '--tiers') args.tiers = parseTiers(value());
    else if (a === '--dist') args.dist = resolve(value());
    else if (a === '--load-only') args.loadOnly = true;
    else if (a === '--compare') args.compare = resolve(value());
    else if (a === '--compare-label') args.compareLabel = value();
    else if (a in NUMERIC) {
      const n = Number(value());
      if (!Number.isInteger(n) || n < (a === '--runs' ? 1 : 0)) throw new Error(`${a} needs a whole number\n${USAGE}`);
      args[NUMERIC[a]!] = n;
    } else if (a === '--help' || a === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`unknown option ${a}\n${USAGE}`);
  }
  return args;
}

const log = (message: string) => console.error(message);

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2));
  const root = resolve(import.meta.dirname, '..');
  if (args.build) {
    log('building with vite…');
    const built = spawnSync('npx', ['vite', 'build'], { cwd: root, stdio: ['ignore', 2, 2] });
    if (built.status !== 0) throw new Error('vite build failed');
  }
  const dist = args.dist ?? join(root, 'dist');
  if (!existsSync(join(dist, 'index.html'))) throw new Error('dist/index.html is missing: run with --build (or npm run build) first');
  // First, so a missing browser fails the run before any dataset is generated.
  const { browser } = await startBrowser({ log });
  const dataDir = join(root, 'bench-data');
  mkdirSync(dataDir, { recursive: true });

  // Serve a snapshot: another build rewriting dist/ mid-run would otherwise 404 the app's lazy chunks.
  const snapshot = mkdtempSync(join(tmpdir(), 'parley-bench-dist-'));
  cpSync(dist, snapshot, { recursive: true });
  const builds: { label: string; path: string; dist: string }[] = [{ label: '', path: '/', dist }];
  const mounts: Record<string, string> = { '/': snapshot };
  if (args.compare) {
    if (!existsSync(join(args.compare, 'index.html'))) throw new Error(`--compare ${args.compare}: no index.html there (build it first)`);
    const other = mkdtempSync(join(tmpdir(), 'parley-bench-compare-'));
    cpSync(args.compare, other, { recursive: true });
    // Asset URLs are relative, so the other build runs under its own path on the same origin (and reads the same data).
    mounts['/__compare/'] = other;
    builds.push({ label: `@${args.compareLabel}`, path: '/__compare/', dist: args.compare });
  }
  const server = await startStaticServer({
    ...mounts,
    '/bench-data/': dataDir,
    '/bench-vendor/': join(root, 'node_modules/vis-timeline/standalone/umd'),
    '/bench-papaparse/': join(root, 'node_modules/papaparse'),
  });
  const summaries: TierSummary[] = [];
  try {
    for (const tier of args.tiers) {
      if (tier.layout === 'icews') {
        summaries.push(await runImportTier(browser, server.origin, dataDir, tier, args));
        continue;
      }
      const data = ensureDataset(dataDir, tier, args.seed);
      log(`tier ${tier.name}: ${data.generated ? 'generated' : 'using'} bench-data/${data.name}`);
      const prepared = prepareTier(JSON.parse(readFileSync(data.file, 'utf8')) as Dataset);
      // The bundled tier measures each build with the dataset it ships (an older build may not read a newer file).
      const perBuildData = builds.map((build, b) => {
        const own = join(build.dist, 'data/meetings.json');
        if (b === 0 || !tier.source || !existsSync(own)) return { name: data.name, file: data.file, prepared };
        const name = `bundled-meetings${build.label.replace(/[^\w-]/g, '-')}.json`;
        cpSync(own, join(dataDir, name));
        return { name, file: own, prepared: prepareTier(JSON.parse(readFileSync(own, 'utf8')) as Dataset) };
      });
      const perBuild = builds.map(() => ({ runs: [] as RunMetrics[], problems: new Set<string>(), failed: 0 }));
      for (let run = 1; run <= args.runs; run++) {
        // Builds alternate run by run, so a burst of load elsewhere on the machine hits both alike.
        for (const [b, build] of builds.entries()) {
          // The compared build is a before/after check for the everyday tiers; the largest take minutes a run.
          if (b > 0 && tier.meetings > args.compareMax) continue;
          const into = perBuild[b]!;
          log(`  run ${run}/${args.runs}${build.label ? ` (${build.label.slice(1)} build)` : ''}`);
          const result = await runOnce(browser, perBuildData[b]!.prepared, {
            origin: server.origin,
            appPath: build.path,
            dataPath: `/bench-data/${perBuildData[b]!.name}`,
            naive: b === 0 && args.naive && tier.meetings <= args.naiveMax && run <= args.naiveRuns,
            firstRenderTimeoutMs: 300_000,
            fileBytes: statSync(perBuildData[b]!.file).size,
            stepTimeoutMs: 30_000,
            loadOnly: args.loadOnly,
            log,
          });
          result.problems.forEach((p) => into.problems.add(p));
          if (result.metrics.firstRenderMs === null) into.failed++;
          else into.runs.push(result.metrics);
          if (args.steps) {
            for (const s of result.steps) log(`    ${s.ok ? 'ok ' : 'BAD'} ${s.ms.toFixed(1).padStart(8)} ms  ${s.label} → ${s.statusText}`);
            for (const t of result.longTasks) log(`    long task ${t.duration.toFixed(0).padStart(5)} ms at ${t.start.toFixed(0)} ms: ${t.phase}${t.scripts.length ? ` (${t.scripts.join('; ')})` : ''}`);
          }
        }
      }
      if (args.naive && tier.meetings > args.naiveMax) perBuild[0]!.problems.add(`naive baseline skipped above --naive-max ${args.naiveMax} meetings`);
      for (const [b, build] of builds.entries()) {
        if (b > 0 && tier.meetings > args.compareMax) continue;
        const { runs, failed, problems } = perBuild[b]!;
        summaries.push(summarize({ ...tier, name: tier.name + build.label }, runs, failed, [...problems]));
      }
    }
  } finally {
    await browser.close();
    await server.close();
    for (const dir of Object.values(mounts)) rmSync(dir, { recursive: true, force: true });
  }
  console.log(formatTable(summaries));
  console.log(`\nLoad targets (medians):\n${formatTargets(checkTargets(summaries))}`);
  const ratios = formatStepRatios(stepRatios(summaries));
  if (ratios) console.log(ratios);
  for (const s of summaries) for (const p of s.problems) console.log(`! ${s.tier}: ${p}`);
  if (args.json) console.log(jsonSummary(summaries));
}

/** An ICEWS-layout TSV opened with ?data= through the real import path: first render and the main thread while the worker parses. */
async function runImportTier(browser: Parameters<typeof runImportOnce>[0], origin: string, dataDir: string, tier: Tier, args: BenchArgs): Promise<TierSummary> {
  const data = ensureIcews(dataDir, tier.meetings, args.seed, tier.meetings >= 1_000_000 ? ICEWS_YEAR : ICEWS_CLASSIC);
  log(`tier ${tier.name}: bench-data/${data.name} (${tier.meetings.toLocaleString('en')} rows → ${data.meetings.toLocaleString('en')} meetings, ${data.actors.toLocaleString('en')} actors)`);
  const fileMB = statSync(data.file).size / 2 ** 20;
  const runs: RunMetrics[] = [];
  const problems = new Set<string>();
  let failed = 0;
  for (let run = 1; run <= args.runs; run++) {
    log(`  run ${run}/${args.runs}`);
    const result = await runImportOnce(browser, origin, `/bench-data/${data.name}`, data.meetings, 900_000);
    result.problems.forEach((p) => problems.add(p));
    const m = result.metrics;
    if (m.firstRenderMs === null) {
      failed++;
      continue;
    }
    log(`    first render ${m.firstRenderMs.toFixed(0)} ms (bare parse ${m.bareParseMs?.toFixed(0)} ms), longest task ${m.longestMainThreadTaskMs} ms, click ${m.clickDuringLoadMs?.toFixed(0) ?? '–'} ms, heap ${m.heapUsedMB?.toFixed(0)} MB, array buffers ${m.arrayBuffersMB?.toFixed(0) ?? '–'} MB`);
    if (args.steps) for (const t of result.longTasks) log(`    long task ${t.duration.toFixed(0).padStart(5)} ms at ${t.start.toFixed(0)} ms: ${t.phase}${t.scripts.length ? ` (${t.scripts.join('; ')})` : ''}`);
    runs.push({
      parseMs: null, filterMedianMs: null, filterP95Ms: null, selectMs: null, naiveFilterMs: null, naiveSetupMs: null,
      maxTimelineDomItems: null, panFrameP95Ms: null, metricChangeMs: null, longestTaskDuringMetricMs: null, playbackStepMs: null, playbackStepP95Ms: null,
      firstRenderMs: m.firstRenderMs,
      bareParseMs: m.bareParseMs,
      firstRenderToParseRatio: m.bareParseMs ? m.firstRenderMs / m.bareParseMs : null,
      longestMainThreadTaskMs: m.longestMainThreadTaskMs,
      longestTaskDuringFirstRenderMs: m.longestTaskDuringImportMs,
      longestTaskWhileParsingMs: m.longestTaskWhileParsingMs,
      clickDuringLoadMs: m.clickDuringLoadMs,
      heapUsedMB: m.heapUsedMB,
      arrayBuffersMB: m.arrayBuffersMB,
      fileMB,
      heapToFileRatio: m.heapUsedMB === null ? null : m.heapUsedMB / fileMB,
    });
  }
  return summarize({ name: tier.name, meetings: data.meetings, actors: data.actors }, runs, failed, [...problems]);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    // Once in ~10 long runs the process stayed alive, idle, after printing everything (browser and server closed; a
    // handle left open, not identified): an unreferenced timer ends it then, and never delays a normal exit.
    () => void setTimeout(() => process.exit(0), 5000).unref(),
    (error: unknown) => {
      console.error((error as Error).message);
      process.exit(1);
    },
  );
}
