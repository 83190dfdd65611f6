import { closeSync, existsSync, openSync, readFileSync, renameSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { decodeBytes } from '../../src/domain/import/decode';
import { importText } from '../../src/domain/import/pipeline';
import { seededRandom } from '../../src/domain/analysis/communities';
import { installProbe } from './inPage';
import { clickWhileLoading, heapAfterGc, installClickProbe, measureBareParseInWorker } from './loadProbe';
import { BLANK_PATH, PAPA_PATH } from './server';
import { attributeLongTasks, max, type LongFrame, type LongTask } from './stats';

const HEADER = ['Event ID', 'Event Date', 'Source Name', 'Source Sectors', 'Source Country', 'Event Text', 'CAMEO Code', 'Intensity', 'Target Name', 'Target Sectors', 'Target Country', 'Story ID', 'Sentence Number', 'Publisher', 'City', 'District', 'Province', 'Country', 'Latitude', 'Longitude'];
const COUNTRIES = ['Iran', 'Syria', 'Russia', 'Turkey', 'Japan', 'China', 'France', 'Germany', 'Egypt', 'Iraq', 'Lebanon', 'Jordan', 'Qatar', 'Oman', 'India', 'Pakistan', 'Brazil', 'Canada', 'Italy', 'Spain'];
const CONTACTS: readonly [string, string][] = [['040', 'Consult'], ['041', 'Discuss by telephone'], ['042', 'Make a visit'], ['043', 'Host a visit'], ['044', 'Meet at third location'], ['045', 'Mediate'], ['046', 'Engage in negotiation']];
const OTHER: readonly [string, string][] = [['036', 'Express intent to meet or negotiate'], ['051', 'Praise or endorse'], ['190', 'Use conventional military force'], ['112', 'Accuse']];


export interface IcewsShape {
  /** Named people, spread over 20 countries. */
  actors: number;
  /** Share of event sentences that are contacts (040–046); the rest are other CAMEO codes the import leaves out. */
  contactShare: number;
  /** First year and number of years the event days are spread over. */
  fromYear: number;
  years: number;
}

/** The 100k-row file as it has always been: 2,000 people, 3 in 4 events contacts, 26 years. */
export const ICEWS_CLASSIC: IcewsShape = { actors: 2000, contactShare: 0.75, fromYear: 1995, years: 26 };
/**
 * A year of ICEWS at the 1M-row scale: ~30,000 actors and ~200,000 contacts after merging (one in five event
 * sentences is a contact; two in five of those carry the reverse event too).
 */
export const ICEWS_YEAR: IcewsShape = { actors: 30_000, contactShare: 0.22, fromYear: 2018, years: 1 };

/**
 * An ICEWS-layout TSV of `rows` events: `contactShare` of the sentences are contacts (040–046); two in five contact
 * sentences have the reverse event too (so rows merge into fewer meetings); `NA` for missing.
 */
export function writeIcews(file: string, rows: number, seed = 1, shape: IcewsShape = ICEWS_CLASSIC): void {
  const rnd = seededRandom(seed); // deterministic, so every run measures the same file
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const actors = Array.from({ length: shape.actors }, (_, i) => ({ id: i, name: `Person ${i} ${pick(['Karimi', 'Haddad', 'Sato', 'Ivanov', 'Dupont', 'Rossi', 'Yilmaz'])}`, country: COUNTRIES[i % COUNTRIES.length]! }));
  const days = shape.years * 365;
  const tmp = `${file}.partial`;
  const fd = openSync(tmp, 'w');
  let buffer = `${HEADER.join('\t')}\n`;
  let written = 0;
  let story = 1000;
  const line = (cells: (string | number)[]) => {
    buffer += `${cells.join('\t')}\n`;
    written++;
    if (buffer.length > 1 << 20) {
      writeSync(fd, buffer);
      buffer = '';
    }
  };
  try {
    while (written < rows) {
      story++;
      const [code, text] = rnd() < shape.contactShare ? pick(CONTACTS) : pick(OTHER);
      const a = pick(actors);
      let b = pick(actors);
      if (b === a) b = actors[(a.id + 1) % actors.length]!;
      const day = new Date(Date.UTC(shape.fromYear, 0, 1) + Math.floor(rnd() * days) * 86_400_000).toISOString().slice(0, 10);
      const place = rnd() < 0.5 ? ['Capital', 'NA', 'Province', a.country, (rnd() * 60).toFixed(4), (rnd() * 60).toFixed(4)] : ['NA', 'NA', 'NA', a.country, 'NA', 'NA'];
      const row = (id: number, s: typeof a, t: typeof a, c: string, txt: string) =>
        line([id, day, s.name, 'Government,Executive', s.country, txt, c, '1', t.name, 'Government', t.country, story, 1, 'Bench Wire', ...place]);
      row(written + 1, a, b, code, text);
      if (written < rows && code.startsWith('04') && rnd() < 0.4) row(written + 1, b, a, code === '042' ? '043' : code, code === '042' ? 'Host a visit' : text);
    }
    writeSync(fd, buffer);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
}

/**
 * The tier's TSV in `dir`, generated on first use (temp name, then rename). Its meeting count comes from importing it
 * once in Node, kept next to it (`.meetings`) so later runs need not import a million rows again.
 */
export function ensureIcews(dir: string, rows: number, seed: number, shape: IcewsShape = ICEWS_CLASSIC): { file: string; name: string; meetings: number; actors: number } {
  const name = shape === ICEWS_CLASSIC ? `icews-${rows}-s${seed}.tsv` : `icews-${rows}-${shape.actors}a-${shape.years}y-s${seed}.tsv`;
  const file = join(dir, name);
  if (!existsSync(file)) writeIcews(file, rows, seed, shape);
  const countFile = `${file}.meetings.json`;
  if (existsSync(countFile)) {
    const cached = JSON.parse(readFileSync(countFile, 'utf8')) as { size: number; meetings: number; actors: number };
    if (cached.size === statSync(file).size) return { file, name, meetings: cached.meetings, actors: cached.actors };
  }
  const decoded = decodeBytes(readFileSync(file));
  if (!decoded.ok) throw new Error(decoded.message);
  const outcome = importText(decoded.text, name);
  if (!outcome.ok) throw new Error(`the generated ${name} does not import: ${JSON.stringify(outcome).slice(0, 300)}`);
  const counts = { size: statSync(file).size, meetings: outcome.meetings, actors: outcome.dataset.actors.length };
  writeFileSync(`${countFile}.partial`, JSON.stringify(counts));
  renameSync(`${countFile}.partial`, countFile);
  return { file, name, meetings: counts.meetings, actors: counts.actors };
}

export interface ImportMetrics {
  firstRenderMs: number | null;
  /** Decoding and papaparse alone, in a worker on a blank page: the baseline for the first render. */
  bareParseMs: number | null;
  /** Longest main-thread task between navigation and both views drawn (parsing runs in a worker). */
  longestTaskDuringImportMs: number | null;
  /** Longest main-thread task while the worker parsed (from the first progress report to the result). */
  longestTaskWhileParsingMs: number | null;
  /** Longest main-thread task from navigation to SETTLE_MS after the first render. */
  longestMainThreadTaskMs: number | null;
  /** Worst click on the loading screen: from the input event to the frame after its handler. */
  clickDuringLoadMs: number | null;
  heapUsedMB: number | null;
  arrayBuffersMB: number | null;
}

/** After the first render the page keeps being watched this long (late tasks: search warm-up, layout, analysis). */
export const SETTLE_MS = 3000;

/** Opens `?data=<tsv>` in a fresh page: the real path (fetch, worker parse and read, validation, index, both views). */
export async function runImportOnce(browser: Browser, origin: string, dataPath: string, meetings: number, timeoutMs: number): Promise<{ metrics: ImportMetrics; problems: string[]; longTasks: ReturnType<typeof attributeLongTasks> }> {
  const problems: string[] = [];
  let longTasks: ReturnType<typeof attributeLongTasks> = [];
  const metrics: ImportMetrics = {
    firstRenderMs: null, bareParseMs: null, longestTaskDuringImportMs: null, longestTaskWhileParsingMs: null, longestMainThreadTaskMs: null,
    clickDuringLoadMs: null, heapUsedMB: null, arrayBuffersMB: null,
  };
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  try {
    await page.addInitScript('globalThis.__name = globalThis.__name || ((f) => f);');
    await page.goto(`${origin}${BLANK_PATH}`);
    metrics.bareParseMs = await page.evaluate(measureBareParseInWorker, { url: dataPath, kind: 'tsv' as const, papaUrl: `${origin}${PAPA_PATH}` });
    await page.addInitScript(installProbe, meetings);
    await page.addInitScript(installClickProbe);
    // Progress bar appearances mark the parsing phase on the page's own clock.
    await page.addInitScript(() => {
      const w = window as unknown as { __importPhase: { first: number | null; last: number | null } };
      w.__importPhase = { first: null, last: null };
      // Only a new "N rows" text is a progress report; the bar stays up (unchanged) while the result is indexed and drawn.
      let seen = '';
      new MutationObserver(() => {
        const text = document.querySelector('.import-progress')?.textContent ?? '';
        if (/rows/.test(text) && text !== seen) {
          seen = text;
          w.__importPhase.first ??= performance.now();
          w.__importPhase.last = performance.now();
        }
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    await page.goto(`${origin}/?data=${encodeURIComponent(dataPath)}`, { waitUntil: 'domcontentloaded' });
    const rendered = () => page.evaluate(() => window.__bench.firstRenderAt !== null);
    const click = await clickWhileLoading(page, rendered, 150, timeoutMs);
    metrics.clickDuringLoadMs = click?.paintedMs ?? null;
    await page.waitForFunction(() => window.__bench.firstRenderAt !== null, null, { timeout: timeoutMs, polling: 100 });
    const firstRenderAt = (await page.evaluate(() => window.__bench.firstRenderAt))!;
    metrics.firstRenderMs = firstRenderAt;
    await page.waitForTimeout(SETTLE_MS);
    const [tasks, frames]: [LongTask[], LongFrame[]] = await page.evaluate(() => [window.__bench.longtasks, window.__bench.longframes] as [LongTask[], LongFrame[]]);
    longTasks = attributeLongTasks(tasks, firstRenderAt, [], 50, frames);
    const phase = await page.evaluate(() => (window as unknown as { __importPhase: { first: number | null; last: number | null } }).__importPhase);
    metrics.longestTaskDuringImportMs = max(tasks.filter((t) => t.start < firstRenderAt).map((t) => t.duration)) ?? 0;
    metrics.longestMainThreadTaskMs = max(tasks.map((t) => t.duration)) ?? 0;
    if (phase.first !== null && phase.last !== null) {
      metrics.longestTaskWhileParsingMs = max(tasks.filter((t) => t.start + t.duration >= phase.first! && t.start <= phase.last!).map((t) => t.duration)) ?? 0;
    } else problems.push('no progress report was seen while parsing');
    Object.assign(metrics, await heapAfterGc(context, page));
  } catch (error) {
    problems.push((error as Error).message.split('\n')[0]!);
  } finally {
    await context.close();
  }
  return { metrics, problems, longTasks };
}
