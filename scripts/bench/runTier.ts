import type { Browser } from 'playwright-core';
import { buildIndex, type DatasetIndex } from '../../src/domain/indexes';
import { filterMeetings } from '../../src/domain/filters';
import type { Dataset } from '../../src/domain/schema';
import { installProbe, measureNaiveFilter, measureParse } from './inPage';
import { clickWhileLoading, heapAfterGc, installClickProbe, measureBareParseInWorker } from './loadProbe';
import { SETTLE_MS } from './importTier';
import { buildScenario, METRIC_SELECT, metricSteps, panAndZoom, playbackSteps, preparePlayback, runStep, STEP_FORWARD, type Step, type StepResult } from './scenario';
import type { RunMetrics } from './report';
import { BLANK_PATH } from './server';
import { attributeLongTasks, intervals, max, median, p95, type LongFrame, type LongTask } from './stats';

export interface TierOptions {
  origin: string;
  /** Where the build under test is served on `origin` ('/' unless another build is compared). */
  appPath?: string;
  dataPath: string;
  naive: boolean;
  firstRenderTimeoutMs: number;
  stepTimeoutMs: number;
  /** Stop after the load figures (first render, settle, heap): no steps, no naive baseline. */
  loadOnly?: boolean;
  /** The dataset file's size, for the heap-to-file ratio. */
  fileBytes?: number;
  log(message: string): void;
}

/**
 * The naive baseline's limit: at 20k, vis-timeline with every meeting took 55 s to set up and 58 s per setItems on a
 * quiet machine and over 180 s (the old limit) with other builds running, which lost the figure.
 */
const NAIVE_TIMEOUT_MS = 600_000;

// tsx compiles with esbuild's keepNames, which wraps functions in __name(); functions serialized into the page need it too.
const NAME_SHIM = 'globalThis.__name = globalThis.__name || ((f) => f);';

const withTimeout = <T>(p: Promise<T>, ms: number, what: string) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms))]);

export function prepareTier(dataset: Dataset): { index: DatasetIndex; naiveKeep: number[] } {
  const index = buildIndex(dataset);
  const steps = buildScenario(index);
  // The naive baseline filters to the same subset as the first scripted step (one country).
  return { index, naiveKeep: Array.from(filterMeetings(index, steps[0]!.filters)) };
}

/** One fresh browser context: first render, pan/zoom, the scripted filter mix, parse baseline, naive baseline. */
export async function runOnce(browser: Browser, prepared: { index: DatasetIndex; naiveKeep: number[] }, opts: TierOptions): Promise<{ metrics: RunMetrics; steps: StepResult[]; problems: string[]; longTasks: ReturnType<typeof attributeLongTasks> }> {
  const { index } = prepared;
  const total = index.meetings.length;
  const problems: string[] = [];
  let longTasks: ReturnType<typeof attributeLongTasks> = [];
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    // Failed loads are reported with their URL by the response listener below.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(`console error: ${m.text().slice(0, 300)}`);
  });
  page.on('response', (r) => void (r.status() >= 400 && problems.push(`HTTP ${r.status()} for ${new URL(r.url()).pathname}`)));
  const metrics: RunMetrics = {
    parseMs: null, firstRenderMs: null, firstRenderToParseRatio: null, filterMedianMs: null, filterP95Ms: null, selectMs: null,
    naiveFilterMs: null, naiveSetupMs: null, maxTimelineDomItems: null, longestMainThreadTaskMs: null, longestTaskDuringFirstRenderMs: null,
    panFrameP95Ms: null, metricChangeMs: null, longestTaskDuringMetricMs: null, longestTaskWhileParsingMs: null,
    bareParseMs: null, clickDuringLoadMs: null, heapUsedMB: null, arrayBuffersMB: null, fileMB: opts.fileBytes ? opts.fileBytes / 2 ** 20 : null, heapToFileRatio: null,
    playbackStepMs: null, playbackStepP95Ms: null,
  };
  const steps: StepResult[] = [];
  try {
    await page.addInitScript(NAME_SHIM);
    // Parse baseline first, on a blank same-origin page: measured after the app it would also pay for the app's heap.
    await page.goto(`${opts.origin}${BLANK_PATH}`);
    metrics.parseMs = await page.evaluate(measureParse, opts.dataPath);
    metrics.bareParseMs = await page.evaluate(measureBareParseInWorker, { url: opts.dataPath, kind: 'json' as const, papaUrl: '' });
    await page.addInitScript(installProbe, total);
    await page.addInitScript(installClickProbe);
    await page.goto(`${opts.origin}${opts.appPath ?? '/'}?data=${encodeURIComponent(opts.dataPath)}`, { waitUntil: 'domcontentloaded' });
    const click = await clickWhileLoading(page, () => page.evaluate(() => window.__bench.firstRenderAt !== null), 150, opts.firstRenderTimeoutMs);
    metrics.clickDuringLoadMs = click?.paintedMs ?? null;
    try {
      await page.waitForFunction(() => window.__bench.firstRenderAt !== null, null, { timeout: opts.firstRenderTimeoutMs, polling: 100 });
    } catch {
      const state = await page.evaluate(() => window.__bench.viewState()).catch(() => null);
      problems.push(`first render not seen within ${opts.firstRenderTimeoutMs} ms for ${total} meetings; page shows ${JSON.stringify(state)}`);
      return { metrics, steps, problems, longTasks };
    }
    const firstRenderAt = (await page.evaluate(() => window.__bench.firstRenderAt))!;
    metrics.firstRenderMs = firstRenderAt;
    const modes = await page.evaluate(() => window.__bench.viewState());
    opts.log(`    first render ${firstRenderAt.toFixed(0)} ms (timeline ${modes.timelineMode}, network ${modes.networkMode})`);
    // The heap after load: late idle work (search warm-up) included, before any step adds its caches.
    await page.waitForTimeout(SETTLE_MS);
    Object.assign(metrics, await heapAfterGc(context, page));
    if (metrics.fileMB && metrics.heapUsedMB !== null) metrics.heapToFileRatio = metrics.heapUsedMB / metrics.fileMB;
    if (opts.loadOnly) {
      const [tasks, frames] = await page.evaluate(() => [window.__bench.longtasks, window.__bench.longframes] as const);
      metrics.longestTaskDuringFirstRenderMs = max(tasks.filter((t) => t.start < firstRenderAt).map((t) => t.duration)) ?? 0;
      metrics.longestMainThreadTaskMs = max(tasks.map((t) => t.duration)) ?? 0;
      metrics.firstRenderToParseRatio = metrics.firstRenderMs / metrics.bareParseMs!;
      longTasks = attributeLongTasks(tasks, firstRenderAt, steps, 50, frames);
      return { metrics, steps, problems, longTasks };
    }

    await page.evaluate(() => window.__bench.startSampling());
    await panAndZoom(page);
    const pan = await page.evaluate(() => window.__bench.stopSampling());
    metrics.panFrameP95Ms = p95(intervals(pan.frameStamps));

    await page.evaluate(() => window.__bench.startSampling());
    // A step whose control never became usable (a page too busy for Playwright's 30 s) is a problem, not a crash.
    const attempt = (step: Step) =>
      runStep(page, index, step, opts.stepTimeoutMs).catch((error: Error) => {
        problems.push(`step "${step.label}": ${error.message.split('\n')[0]}`);
        return null;
      });
    for (const step of buildScenario(index)) {
      const r = await attempt(step);
      if (!r) continue;
      steps.push(r);
      if (!r.ok) problems.push(`step "${r.label}" did not settle: expected ${r.expected ?? 'details'}, saw status "${r.statusText}", timeline ${r.timelineCount}, network ${r.networkCount}`);
    }
    // An older build compared against may predate the analysis controls.
    const hasMetricControl = (await page.locator(METRIC_SELECT).count()) > 0;
    for (const step of hasMetricControl ? metricSteps() : []) {
      const r = await attempt(step);
      if (!r) break;
      steps.push(r);
      if (!r.ok) problems.push(`step "${r.label}" did not settle: the network never showed sizes by ${step.sizedBy}`);
    }
    // Playback (timeline toolbar, Step forward): the network follows the window. Builds without playback skip it.
    if ((await page.locator(STEP_FORWARD).count()) > 0) {
      await preparePlayback(page, index);
      for (const step of playbackSteps(index)) {
        const r = await attempt(step);
        if (!r) break;
        steps.push(r);
        if (!r.ok) problems.push(`step "${r.label}" did not settle: expected the network to show ${r.expected} meetings, saw ${r.networkCount}`);
      }
    }
    const sampled = await page.evaluate(() => window.__bench.stopSampling());
    metrics.maxTimelineDomItems = sampled.maxItems;
    const counted = steps.filter((s) => s.ok && s.kind === 'count').map((s) => s.ms);
    metrics.filterMedianMs = median(counted);
    metrics.filterP95Ms = p95([...counted, ...steps.filter((s) => s.ok && s.kind === 'details').map((s) => s.ms)]);
    metrics.selectMs = steps.find((s) => s.kind === 'details' && s.ok)?.ms ?? null;
    const played = steps.filter((s) => s.ok && s.kind === 'window').map((s) => s.ms);
    metrics.playbackStepMs = median(played);
    metrics.playbackStepP95Ms = p95(played);
    const metricStep = steps.find((s) => s.kind === 'metric');
    metrics.metricChangeMs = metricStep?.ok ? metricStep.ms : null;

    const [tasks, frames]: [LongTask[], LongFrame[]] = await page.evaluate(() => [window.__bench.longtasks, window.__bench.longframes] as [LongTask[], LongFrame[]]);
    longTasks = attributeLongTasks(tasks, firstRenderAt, steps, 50, frames);
    const metricWindows = steps.filter((s) => s.kind === 'metric');
    metrics.longestTaskDuringMetricMs =
      max(tasks.filter((t) => metricWindows.some((s) => t.start >= s.startedAt && t.start <= s.endedAt)).map((t) => t.duration)) ?? 0;
    metrics.longestTaskDuringFirstRenderMs = max(tasks.filter((t) => t.start < firstRenderAt).map((t) => t.duration)) ?? 0;
    // From navigation on: loading, first render, settling and every step.
    metrics.longestMainThreadTaskMs = max(tasks.map((t) => t.duration)) ?? 0;

    metrics.firstRenderToParseRatio = metrics.firstRenderMs / metrics.bareParseMs!;

    if (opts.naive) {
      try {
        // On a blank page of the same origin: in the app's page the baseline shared the main thread with the app's
        // idle work (search warm-up, layout messages) and at 20k ran past its 180 s limit.
        await page.goto(`${opts.origin}${BLANK_PATH}`);
        await page.addScriptTag({ url: '/bench-vendor/vis-timeline-graph2d.min.js' });
        const naive = await withTimeout(page.evaluate(measureNaiveFilter, { url: opts.dataPath, keep: prepared.naiveKeep }), NAIVE_TIMEOUT_MS, 'naive vis-timeline baseline');
        metrics.naiveFilterMs = naive.ms;
        metrics.naiveSetupMs = naive.setupMs;
      } catch (error) {
        problems.push(`naive baseline: ${(error as Error).message.split('\n')[0]}`);
      }
    }
  } finally {
    await context.close();
  }
  return { metrics, steps, problems, longTasks };
}
