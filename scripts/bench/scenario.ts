import type { Page } from 'playwright-core';
import type { DatasetIndex } from '../../src/domain/indexes';
import { EMPTY_FILTERS, filterMeetings, meetingsInWindow, type Filters } from '../../src/domain/filters';
import { DAY_MS, isoToMs, msToIso } from '../../src/domain/dates';
import { DEFAULT_PLAY_SPAN, playWindowAt, stepFromView, type PlaySpan } from '../../src/domain/playback';
import type { WaitResult } from './inPage';

/** One scripted user action: what it does in the UI and the filters the app should end up with. */
export interface Step {
  label: string;
  kind: 'count' | 'details' | 'metric' | 'window';
  /** For 'metric' steps: what node size shows afterwards (the network's data-sized-by). */
  sizedBy?: string;
  filters: Filters;
  /** For 'window' steps: the meetings the network should show afterwards, worked out once prepared. */
  expectWindow?(page: Page): Promise<number>;
  /** What a person does before the change itself (typing a name to find), not timed. */
  prepare?(page: Page): Promise<void>;
  /** The change: timed from its first input event until both views and the count reflect it. */
  act(page: Page): Promise<void>;
}

export interface StepResult extends WaitResult {
  label: string;
  kind: Step['kind'];
  expected: number | null;
  /** performance.now() in the page just before the action and after the result: for long tasks within the step. */
  startedAt: number;
  endedAt: number;
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Matches an accessible name that starts with `text` as a whole word (so "Niger" does not match "Nigeria"). */
const startsWith = (text: string) => new RegExp(`^${esc(text)}(?![A-Za-z])`);

/**
 * Controls are found by CSS (ids, attributes), not by accessible name: at 250k the page holds tens of thousands of
 * elements (the network's keyboard list of actors), and Playwright's getByLabel/getByRole walk all of them on the
 * page's main thread, 5 s per lookup in a profile, enough to time a step out before it started.
 */
export const METRIC_SELECT = '[aria-label="Network analysis"] select:has(option[value="pagerank"])';
export const STEP_FORWARD = 'button[aria-label="Step forward"]';

/** A CSS string literal for `text` (attribute selectors with names from the data). */
export const cssString = (text: string) => `"${text.replace(/["\\]/g, '\\$&').replace(/\n/g, '\\a ')}"`;

/**
 * The checkbox of the facet option labelled exactly `label` in the facet whose legend is `legend`. The label is matched
 * by class, not element: older builds (compared with --compare) wrap it in a span, this one in a bdi.
 */
function facetBox(page: Page, legend: string, label: string) {
  const exact = (text: string) => new RegExp(`^${esc(text)}$`);
  return page
    .locator('fieldset.facet', { has: page.locator('legend', { hasText: exact(legend) }) })
    .locator('label', { has: page.locator('.facet-label', { hasText: exact(label) }) })
    .locator('input[type="checkbox"]');
}

function biggest<K>(lists: Iterable<[K, Int32Array]>, rank: number): K {
  const sorted = [...lists].sort((a, b) => b[1].length - a[1].length);
  return sorted[Math.min(rank, sorted.length - 1)]![0];
}

/**
 * A fixed mix of filter and selection changes, chosen from the dataset so every tier exercises the same kinds
 * of narrowing: a busy country, a common topic, an active actor, a date range, a search term, then undoing them.
 */
export function buildScenario(index: DatasetIndex): Step[] {
  const { dataset } = index;
  const countryCode = biggest(index.byAffiliation, 2);
  const country = index.countryByCode.get(countryCode)!;
  const topicId = biggest(index.byTopic, 4);
  const topic = index.topicById.get(topicId)!;
  const nameCount = new Map<string, number>();
  for (const a of index.actors) nameCount.set(a.name, (nameCount.get(a.name) ?? 0) + 1);
  // An actor whose name no other actor shares (and is not a prefix of another), so the pick is unambiguous.
  const byActivity = index.byActor.map((list, pos) => [pos, list.length] as const).sort((a, b) => b[1] - a[1]);
  const unambiguous = ([pos]: readonly [number, number]) => {
    const name = index.actors[pos]!.name;
    return nameCount.get(name) === 1 && !index.actors.some((o, j) => j !== pos && o.name.startsWith(name));
  };
  const actorPos = byActivity.filter(unambiguous).slice(0, 2).pop()?.[0] ?? 0;
  const actor = index.actors[actorPos]!;
  const firstYear = Number(msToIso(index.minTime).slice(0, 4));
  const lastYear = Number(msToIso(index.maxTime).slice(0, 4));
  const fromYear = Math.floor((firstYear + lastYear) / 2) - 2;
  const from = `${fromYear}-01-01`;
  const to = `${fromYear + 4}-12-31`;
  const term = (dataset.actors[biggest(index.byActor.map((l, i) => [i, l] as [number, Int32Array]), 9)]?.name.split(' ').pop() ?? 'talks').toLowerCase();

  const countryBox = (page: Page) => facetBox(page, 'Country or organization', country.name);
  const topicBox = (page: Page) => facetBox(page, 'Topic', topic.label);
  const search = (page: Page) => page.locator('#filter-search');
  const steps: Step[] = [];
  let f: Filters = EMPTY_FILTERS;
  const add = (label: string, patch: Partial<Filters>, act: Step['act'], kind: Step['kind'] = 'count', prepare?: Step['prepare']) => {
    f = { ...f, ...patch };
    steps.push({ label, kind, filters: f, act, prepare });
  };

  add(`check country ${countryCode}`, { countries: [countryCode] }, (p) => countryBox(p).check());
  add(`check topic ${topicId}`, { topics: [topicId] }, (p) => topicBox(p).check());
  add(`uncheck country ${countryCode}`, { countries: [] }, (p) => countryBox(p).uncheck());
  // Typing into the combobox only prepares the change; choosing the option makes it.
  add(
    `pick actor ${actor.id}`,
    { actors: [actor.id] },
    (p) => p.locator('.actor-picker').getByRole('option', { name: startsWith(actor.name) }).first().click(),
    'count',
    async (p) => {
      await p.locator('.actor-picker input[role="combobox"]').fill(actor.name);
      await p.locator('.actor-picker').getByRole('option', { name: startsWith(actor.name) }).first().waitFor();
    },
  );
  add(`from ${from}`, { from }, (p) => p.locator('#filter-from').fill(from));
  add(`to ${to}`, { to }, (p) => p.locator('#filter-to').fill(to));
  // Typing and Enter together: the box applies a typed term by itself after a short pause, so typing in an untimed
  // prepare could already apply it (on a busy page) and leave Enter nothing to change. Timed from the typing's input event.
  const typeAndEnter = (value: string) => async (p: Page) => {
    await search(p).fill(value);
    await search(p).press('Enter');
  };
  add(`search "${term}"`, { q: term }, typeAndEnter(term));
  add('clear search', { q: '' }, typeAndEnter(''));
  // By keyboard (focus the chip's × and press Enter): at 20k the chip row lays a neighbouring chip over this button.
  add(`remove actor ${actor.id}`, { actors: [] }, (p) => p.locator(`button[aria-label=${cssString(`Remove filter: ${actor.name}`)}]`).first().press('Enter'));
  add('clear from', { from: null }, (p) => p.locator('#filter-from').fill(''));
  add('clear to', { to: null }, (p) => p.locator('#filter-to').fill(''));
  add(`uncheck topic ${topicId}`, { topics: [] }, (p) => topicBox(p).uncheck());
  add('select a network node', {}, (p) => clickSomethingSelectable(p), 'details', waitForStillNetwork);
  return steps;
}

/**
 * Before clicking a node (not timed): the layout has cooled and the first node has stopped moving. A filter change
 * re-heats the layout and a selection or resize animates the view (refit), and a click aimed at where a moving node
 * was lands on the background and selects nothing. A person aims at a node that holds still, too.
 */
async function waitForStillNetwork(page: Page): Promise<void> {
  const network = page.locator('[aria-label="Network"]');
  await network.locator('[data-layout="settled"]').waitFor({ state: 'attached', timeout: 20_000 }).catch(() => undefined);
  let at = await visibleNodeCentre(page);
  for (let tries = 0; tries < 100 && at; tries++) {
    await page.waitForTimeout(100);
    const next = await visibleNodeCentre(page);
    if (next && next.x === at.x && next.y === at.y) return;
    at = next;
  }
}

/**
 * The centre of the first SVG node drawn inside the network's box (after filter changes some drift out of view,
 * clipped, where a click would land on whatever is there instead), or null in canvas mode.
 */
function visibleNodeCentre(page: Page): Promise<{ x: number; y: number } | null> {
  return page.evaluate(() => {
    const surface = document.querySelector('[aria-label="Network"] svg.network-surface');
    if (!surface) return null;
    const box = surface.getBoundingClientRect();
    for (const circle of Array.from(surface.querySelectorAll('.network-node circle'))) {
      const r = circle.getBoundingClientRect();
      const x = r.x + r.width / 2;
      const y = r.y + r.height / 2;
      if (x > box.left + 4 && x < box.right - 4 && y > box.top + 4 && y < box.bottom - 4) return { x, y };
    }
    return null;
  });
}

/**
 * Selects an actor as a person would: clicks an SVG network node; in canvas mode, where nodes are pixels, uses the
 * keyboard stand-in list (focus an actor button, press Enter); failing both, clicks a timeline item.
 */
async function clickSomethingSelectable(page: Page): Promise<void> {
  // A circle's centre, by mouse, as a person aims: the node's group also spans its label, which is not a target.
  const at = await visibleNodeCentre(page);
  if (at) return page.mouse.click(at.x, at.y);
  const button = page.locator('[aria-label="Network"] button[data-actor]').first();
  if (await button.count()) {
    await button.focus();
    return button.press('Enter');
  }
  await page.locator('[aria-label="Timeline"] .vis-item').first().click();
}

/** Changing the measure nodes are sized and ranked by, and back: the analysis path (graphology in a worker past the bundled size). */
export function metricSteps(): Step[] {
  const pick = (value: string) => (p: Page) => p.locator(METRIC_SELECT).selectOption(value).then(() => undefined);
  return [
    { label: 'size by degree', kind: 'metric', sizedBy: 'counterparts (degree)', filters: EMPTY_FILTERS, act: pick('degree') },
    { label: 'size by meetings', kind: 'metric', sizedBy: 'meetings', filters: EMPTY_FILTERS, act: pick('meetings') },
  ];
}

/**
 * Playback steps (timeline toolbar, Step forward) with nothing filtered: each moves the window one step and the
 * network follows it. The expected count comes from the window in the address bar and the app's own playback
 * arithmetic (default 3-month window, a month per step), so the wait ends only when the network shows the new window.
 */
export function playbackSteps(index: DatasetIndex, count = 5): Step[] {
  const visible = filterMeetings(index, EMPTY_FILTERS);
  let end = -Infinity;
  for (let k = 0; k < visible.length; k++) end = Math.max(end, index.end[visible[k]!]!);
  const extent = { start: index.start[visible[0]!]!, end };
  const stepForward = (p: Page) => p.locator(STEP_FORWARD).click();
  // The window before the previous step: the address bar must have moved on from it before this step's expectation
  // is worked out (the app writes a history entry in idle time, up to 300 ms after the frame, later on a busy machine).
  let previous: string | null = null;
  const expectWindow = async (p: Page) => {
    // The window the app steps from: the store's, as written to the address bar after the last change.
    await p.waitForTimeout(300);
    const readWindow = () => new URL(p.url()).searchParams.get('window') ?? '';
    for (const until = Date.now() + 5000; previous !== null && readWindow() === previous && Date.now() < until; ) await p.waitForTimeout(50);
    const params = new URL(p.url()).searchParams;
    if (previous !== null && params.get('window') === previous) throw new Error(`playback step: the address bar still shows the window ${previous} 5 s after the previous step`);
    previous = params.get('window');
    const w = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(params.get('window') ?? '');
    if (!w) throw new Error(`playback step: no window= in ${p.url()}`);
    const span = (params.get('play') ?? DEFAULT_PLAY_SPAN) as PlaySpan;
    const now = { start: isoToMs(w[1]!), end: isoToMs(w[2]!) + DAY_MS };
    const next = stepFromView(now, span, 1, extent.start, extent.end);
    if (!next) throw new Error('playback step: the window is already at the end of the data');
    const shown = { start: msToIso(next.start), end: msToIso(Math.max(next.start, next.end - 1)) };
    return meetingsInWindow(index, visible, isoToMs(shown.start), isoToMs(shown.end) + DAY_MS).length;
  };
  return Array.from({ length: count }, (_, k) => ({ label: `playback step ${k + 1}`, kind: 'window' as const, filters: EMPTY_FILTERS, act: stepForward, expectWindow }));
}

/**
 * Before playback (not timed): a 3-month window in the middle of the data, opened as a link would be (address bar
 * + popstate), so every build and tier starts from the same known window whatever the earlier steps did.
 */
export async function preparePlayback(page: Page, index: DatasetIndex): Promise<void> {
  const mid = playWindowAt((index.minTime + index.maxTime) / 2, '3m', 0);
  const range = `${msToIso(mid.start)}..${msToIso(mid.end - 1)}`;
  await page.evaluate((w) => {
    const params = new URLSearchParams(location.search);
    params.set('window', w);
    history.pushState(null, '', `?${params.toString().replace(/%2F/g, '/').replace(/%7E/g, '~')}`);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, range);
  await page.waitForTimeout(1500);
}

export const expectedCount = (index: DatasetIndex, f: Filters) => filterMeetings(index, f).length;

export async function runStep(page: Page, index: DatasetIndex, step: Step, timeoutMs: number): Promise<StepResult> {
  await step.prepare?.(page);
  const expected = step.kind === 'count' ? expectedCount(index, step.filters) : step.kind === 'window' ? await step.expectWindow!(page) : null;
  const target = step.kind === 'metric' ? step.sizedBy! : expected;
  const startedAt = await page.evaluate(([e, k, t]) => (window.__bench.arm(e, k, t), performance.now()), [target, step.kind, timeoutMs] as const);
  await step.act(page);
  const result = await page.evaluate(() => window.__bench.result());
  const endedAt = await page.evaluate(() => performance.now());
  return { ...result, label: step.label, kind: step.kind, expected, startedAt, endedAt };
}

/** Wheel-zoom in, drag-pan both ways, wheel-zoom out, over the timeline's centre panel. */
export async function panAndZoom(page: Page): Promise<void> {
  const panel = page.locator('[aria-label="Timeline"] .vis-panel.vis-center').first();
  const box = (await panel.count()) ? await panel.boundingBox() : await page.locator('[aria-label="Timeline"]').boundingBox();
  if (!box) return;
  const cx = box.x + box.width / 2;
  const cy = box.y + Math.min(box.height / 2, 60);
  await page.mouse.move(cx, cy);
  for (let i = 0; i < 6; i++) {
    await page.mouse.wheel(0, -240);
    await page.waitForTimeout(40);
  }
  for (const dx of [-300, 300, -300, 300]) {
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    await page.mouse.move(cx + dx, cy, { steps: 20 });
    await page.mouse.up();
  }
  for (let i = 0; i < 6; i++) {
    await page.mouse.wheel(0, 240);
    await page.waitForTimeout(40);
  }
  await page.waitForTimeout(200);
}
