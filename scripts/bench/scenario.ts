import type { Page } from 'playwright-core';
import type { DatasetIndex } from '../../src/domain/indexes';
import { EMPTY_FILTERS, filterMeetings, type Filters } from '../../src/domain/filters';
import { msToIso } from '../../src/domain/dates';
import type { WaitResult } from './inPage';

/** One scripted user action: what it does in the UI and the filters the app should end up with. */
export interface Step {
  label: string;
  kind: 'count' | 'details' | 'metric';
  /** For 'metric' steps: what node size shows afterwards (the network's data-sized-by). */
  sizedBy?: string;
  filters: Filters;
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

  const countryBox = (page: Page) => page.getByRole('group', { name: 'Country or organization' }).getByRole('checkbox', { name: startsWith(country.name) });
  const topicBox = (page: Page) => page.getByRole('group', { name: 'Topic', exact: true }).getByRole('checkbox', { name: startsWith(topic.label) });
  const search = (page: Page) => page.getByLabel('Search summaries, names and quotes');
  const steps: Step[] = [];
  let f: Filters = EMPTY_FILTERS;
  const add = (label: string, patch: Partial<Filters>, act: Step['act'], kind: Step['kind'] = 'count', prepare?: Step['prepare']) => {
    f = { ...f, ...patch };
    steps.push({ label, kind, filters: f, act, prepare });
  };

  add(`check country ${countryCode}`, { countries: [countryCode] }, (p) => countryBox(p).check());
  add(`check topic ${topicId}`, { topics: [topicId] }, (p) => topicBox(p).check());
  add(`uncheck country ${countryCode}`, { countries: [] }, (p) => countryBox(p).uncheck());
  // Typing into the combobox and the search box only prepares the change; choosing the option or pressing Enter makes it.
  add(
    `pick actor ${actor.id}`,
    { actors: [actor.id] },
    (p) => p.getByRole('option', { name: startsWith(actor.name) }).first().click(),
    'count',
    async (p) => {
      await p.getByRole('combobox', { name: 'Find actor' }).fill(actor.name);
      await p.getByRole('option', { name: startsWith(actor.name) }).first().waitFor();
    },
  );
  add(`from ${from}`, { from }, (p) => p.getByLabel('From', { exact: true }).fill(from));
  add(`to ${to}`, { to }, (p) => p.getByLabel('To', { exact: true }).fill(to));
  add(`search "${term}"`, { q: term }, (p) => search(p).press('Enter'), 'count', (p) => search(p).fill(term));
  add('clear search', { q: '' }, (p) => search(p).press('Enter'), 'count', (p) => search(p).fill(''));
  add(`remove actor ${actor.id}`, { actors: [] }, (p) => p.getByRole('button', { name: `Remove filter: ${actor.name}`, exact: true }).first().click());
  add('clear from', { from: null }, (p) => p.getByLabel('From', { exact: true }).fill(''));
  add('clear to', { to: null }, (p) => p.getByLabel('To', { exact: true }).fill(''));
  add(`uncheck topic ${topicId}`, { topics: [] }, (p) => topicBox(p).uncheck());
  add('select a network node', {}, (p) => clickSomethingSelectable(p), 'details');
  return steps;
}

/**
 * Selects an actor as a person would: clicks an SVG network node; in canvas mode, where nodes are pixels, uses the
 * keyboard stand-in list (focus an actor button, press Enter); failing both, clicks a timeline item.
 */
async function clickSomethingSelectable(page: Page): Promise<void> {
  const node = page.locator('[aria-label="Network"] .network-node').first();
  if (await node.count()) return node.click({ force: true });
  const button = page.locator('[aria-label="Network"] button[data-actor]').first();
  if (await button.count()) {
    await button.focus();
    return button.press('Enter');
  }
  await page.locator('[aria-label="Timeline"] .vis-item').first().click();
}

/** Changing the measure nodes are sized and ranked by, and back: the analysis path (graphology in a worker past the bundled size). */
export function metricSteps(): Step[] {
  const pick = (value: string) => (p: Page) => p.getByLabel('Size and rank by').selectOption(value).then(() => undefined);
  return [
    { label: 'size by degree', kind: 'metric', sizedBy: 'counterparts (degree)', filters: EMPTY_FILTERS, act: pick('degree') },
    { label: 'size by meetings', kind: 'metric', sizedBy: 'meetings', filters: EMPTY_FILTERS, act: pick('meetings') },
  ];
}

export const expectedCount = (index: DatasetIndex, f: Filters) => filterMeetings(index, f).length;

export async function runStep(page: Page, index: DatasetIndex, step: Step, timeoutMs: number): Promise<StepResult> {
  const expected = step.kind === 'count' ? expectedCount(index, step.filters) : null;
  await step.prepare?.(page);
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
