import { closeSync, existsSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { decodeBytes } from '../../src/domain/import/decode';
import { importText } from '../../src/domain/import/pipeline';
import { installProbe } from './inPage';
import { max } from './stats';

const HEADER = ['Event ID', 'Event Date', 'Source Name', 'Source Sectors', 'Source Country', 'Event Text', 'CAMEO Code', 'Intensity', 'Target Name', 'Target Sectors', 'Target Country', 'Story ID', 'Sentence Number', 'Publisher', 'City', 'District', 'Province', 'Country', 'Latitude', 'Longitude'];
const COUNTRIES = ['Iran', 'Syria', 'Russia', 'Turkey', 'Japan', 'China', 'France', 'Germany', 'Egypt', 'Iraq', 'Lebanon', 'Jordan', 'Qatar', 'Oman', 'India', 'Pakistan', 'Brazil', 'Canada', 'Italy', 'Spain'];
const CONTACTS: readonly [string, string][] = [['040', 'Consult'], ['041', 'Discuss by telephone'], ['042', 'Make a visit'], ['043', 'Host a visit'], ['044', 'Meet at third location'], ['045', 'Mediate'], ['046', 'Engage in negotiation']];
const OTHER: readonly [string, string][] = [['036', 'Express intent to meet or negotiate'], ['051', 'Praise or endorse'], ['190', 'Use conventional military force'], ['112', 'Accuse']];

/** Deterministic pseudo-random numbers (mulberry32), so every run measures the same file. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * An ICEWS-layout TSV of `rows` events: ~3 in 4 are contacts (040–046); two in five contact sentences have the
 * reverse event too (so rows merge into fewer meetings); 2,000 named people over 20 countries; `NA` for missing.
 */
export function writeIcews(file: string, rows: number, seed = 1): void {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const actors = Array.from({ length: 2000 }, (_, i) => ({ name: `Person ${i} ${pick(['Karimi', 'Haddad', 'Sato', 'Ivanov', 'Dupont', 'Rossi', 'Yilmaz'])}`, country: COUNTRIES[i % COUNTRIES.length]! }));
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
      const [code, text] = rnd() < 0.75 ? pick(CONTACTS) : pick(OTHER);
      const a = pick(actors);
      let b = pick(actors);
      if (b === a) b = actors[(actors.indexOf(a) + 1) % actors.length]!;
      const day = new Date(Date.UTC(1995, 0, 1) + Math.floor(rnd() * 26 * 365) * 86_400_000).toISOString().slice(0, 10);
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

export function ensureIcews(dir: string, rows: number, seed: number): { file: string; name: string; meetings: number } {
  const name = `icews-${rows}-s${seed}.tsv`;
  const file = join(dir, name);
  if (!existsSync(file)) writeIcews(file, rows, seed);
  const decoded = decodeBytes(readFileSync(file));
  if (!decoded.ok) throw new Error(decoded.message);
  const outcome = importText(decoded.text, name);
  if (!outcome.ok) throw new Error(`the generated ${name} does not import: ${JSON.stringify(outcome).slice(0, 300)}`);
  return { file, name, meetings: outcome.meetings };
}

export interface ImportMetrics {
  firstRenderMs: number | null;
  /** Longest main-thread task between navigation and both views drawn (parsing runs in a worker). */
  longestTaskDuringImportMs: number | null;
  /** Longest main-thread task while the worker parsed (from the first progress report to the result). */
  longestTaskWhileParsingMs: number | null;
}

/** Opens `?data=<tsv>` in a fresh page: the real path (fetch, worker parse and read, validation, index, both views). */
export async function runImportOnce(browser: Browser, origin: string, dataPath: string, meetings: number, timeoutMs: number): Promise<{ metrics: ImportMetrics; problems: string[] }> {
  const problems: string[] = [];
  const metrics: ImportMetrics = { firstRenderMs: null, longestTaskDuringImportMs: null, longestTaskWhileParsingMs: null };
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  try {
    await page.addInitScript('globalThis.__name = globalThis.__name || ((f) => f);');
    await page.addInitScript(installProbe, meetings);
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
    await page.goto(`${origin}/?data=${encodeURIComponent(dataPath)}`);
    await page.waitForFunction(() => window.__bench.firstRenderAt !== null, null, { timeout: timeoutMs, polling: 100 });
    const firstRenderAt = (await page.evaluate(() => window.__bench.firstRenderAt))!;
    metrics.firstRenderMs = firstRenderAt;
    const tasks = await page.evaluate(() => window.__bench.longtasks);
    const phase = await page.evaluate(() => (window as unknown as { __importPhase: { first: number | null; last: number | null } }).__importPhase);
    metrics.longestTaskDuringImportMs = max(tasks.filter((t) => t.start < firstRenderAt).map((t) => t.duration)) ?? 0;
    if (phase.first !== null && phase.last !== null) {
      metrics.longestTaskWhileParsingMs = max(tasks.filter((t) => t.start + t.duration >= phase.first! && t.start <= phase.last!).map((t) => t.duration)) ?? 0;
    } else problems.push('no progress report was seen while parsing');
  } catch (error) {
    problems.push((error as Error).message.split('\n')[0]!);
  } finally {
    await context.close();
  }
  return { metrics, problems };
}
