import { describe, expect, it } from 'vitest';
import { appUrl, openApp, useBrowser, waitForViews } from './browser';
import { generateSynthetic } from '../../scripts/generate-synthetic';
import { countStatus, details, network, timeline, XSS } from './helpers';
import { buildIndex } from '../../src/domain/indexes';
import { EMPTY_FILTERS, filterMeetings, meetingsInWindow } from '../../src/domain/filters';
import { DAY_MS, isoToMs, msToIso } from '../../src/domain/dates';
import type { Dataset } from '../../src/domain/schema';

const browser = useBrowser();
const MEETINGS = 6000;

describe('a dataset past the query worker\'s size', () => {
  it('is searched in the query worker once the load worker has sent it the texts: the same meetings as the page would find, and clearing shows all', async () => {
    const dataset = JSON.parse(generateSynthetic({ meetings: MEETINGS, actors: 900, seed: 21 })) as Dataset;
    // Hostile text reaches the query worker's texts too: markup and a right-to-left override in a name, a prototype name as id.
    const renamed = dataset.actors[7]!.id;
    dataset.actors[7] = { ...dataset.actors[7]!, id: 'constructor', name: `\u202EQzx ${XSS}` };
    for (const m of dataset.meetings) for (const p of m.participants) if (p.actorId === renamed) p.actorId = 'constructor';
    const body = JSON.stringify(dataset);
    const index = buildIndex(dataset);
    // A surname shared by a few actors: a search that narrows without emptying.
    const term = index.actors[40]!.name.split(' ').pop()!;
    const expected = filterMeetings(index, { ...EMPTY_FILTERS, q: term }).length;
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(MEETINGS);

    const { page, context, errors, dialogs } = await openApp(browser(), '', { width: 1366, height: 768 });
    await page.route('**/big.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
    await page.goto(appUrl('data=big.json'));
    await waitForViews(page, MEETINGS);
    // The app marks the moment the query worker took over searching (the benchmark reports it).
    await expect.poll(() => page.evaluate(() => performance.getEntriesByName('parley:search-in-worker').length), { timeout: 30_000 }).toBe(1);

    const box = page.getByRole('searchbox', { name: 'Search summaries, names and quotes' });
    await box.fill(term);
    await box.press('Enter');
    const shown = `${expected.toLocaleString('en')} of ${MEETINGS.toLocaleString('en')} meetings`;
    await expect.poll(() => countStatus(page).textContent(), { timeout: 15_000 }).toBe(shown);
    await waitForViews(page, expected);

    // A search with markup finds the hostile name as text.
    const hostile = filterMeetings(index, { ...EMPTY_FILTERS, q: '<img' }).length;
    expect(hostile).toBeGreaterThan(0);
    await box.fill('<img');
    await box.press('Enter');
    await expect.poll(() => countStatus(page).textContent(), { timeout: 15_000 }).toBe(`${hostile.toLocaleString('en')} of ${MEETINGS.toLocaleString('en')} meetings`);

    await box.fill('');
    await box.press('Enter');
    await expect.poll(() => countStatus(page).textContent(), { timeout: 15_000 }).toBe(`${MEETINGS.toLocaleString('en')} meetings`);
    expect(errors).toEqual([]);
    expect(dialogs).toEqual([]);
    await context.close();
  });

  it('a search typed with an actor chosen is answered among that actor\'s meetings; removing the actor shows every match', async () => {
    const dataset = JSON.parse(generateSynthetic({ meetings: MEETINGS, actors: 900, seed: 22 })) as Dataset;
    const body = JSON.stringify(dataset);
    const index = buildIndex(dataset);
    // An actor with a few dozen meetings (well under 1 in 8), and a word from one of their summaries found elsewhere too.
    const actor = index.actors.find((a) => {
      const n = index.byActor[index.actorPos.get(a.id)!]!.length;
      return n > 20 && n < 200;
    })!;
    const mine = index.byActor[index.actorPos.get(actor.id)!]!;
    const words = index.meetings[mine[0]!]!.summary.toLowerCase().split(/\s+/).filter((w) => w.length > 4);
    const everywhere = (w: string) => filterMeetings(index, { ...EMPTY_FILTERS, q: w }).length;
    const term = words.find((w) => everywhere(w) > filterMeetings(index, { ...EMPTY_FILTERS, actors: [actor.id], q: w }).length)!;
    const within = filterMeetings(index, { ...EMPTY_FILTERS, actors: [actor.id], q: term }).length;
    expect(within).toBeGreaterThan(0);
    const all = everywhere(term);
    const of = (n: number) => `${n.toLocaleString('en')} of ${MEETINGS.toLocaleString('en')} meetings`;

    const { page, context, errors } = await openApp(browser(), '', { width: 1366, height: 768 });
    await page.route('**/big.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
    await page.goto(appUrl(`data=big.json&actor=${actor.id}`));
    await waitForViews(page, mine.length);
    await expect.poll(() => page.evaluate(() => performance.getEntriesByName('parley:search-in-worker').length), { timeout: 30_000 }).toBe(1);

    const box = page.getByRole('searchbox', { name: 'Search summaries, names and quotes' });
    await box.fill(term);
    await box.press('Enter');
    await expect.poll(() => countStatus(page).textContent(), { timeout: 15_000 }).toBe(of(within));
    await waitForViews(page, within);

    await page.getByRole('button', { name: `Remove filter: ${actor.name}` }).click();
    await expect.poll(() => countStatus(page).textContent(), { timeout: 15_000 }).toBe(of(all));
    await waitForViews(page, all);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("opens a meeting from a link and the next one from its actor's list, each read from the file's bytes as it was written", async () => {
    const dataset = JSON.parse(generateSynthetic({ meetings: MEETINGS, actors: 900, seed: 23 })) as Dataset;
    // Text a byte-level reader can trip on: markup, quotes and braces, multi-byte and right-to-left characters.
    const k = 4321;
    const summary = `Talks in Tōkyō 東京 about "peace}{" \\ ${XSS} \u202Eend 😀`;
    dataset.meetings[k] = { ...dataset.meetings[k]!, summary };
    const body = JSON.stringify(dataset);
    const meeting = dataset.meetings[k]!;

    const { page, context, errors, dialogs } = await openApp(browser(), '', { width: 1366, height: 768 });
    await page.route('**/big.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
    await page.goto(appUrl(`data=big.json&select=meeting:${meeting.id}`));
    await waitForViews(page, MEETINGS);
    const panel = details(page);
    await expect.poll(() => panel.locator('p[dir=auto]').first().textContent(), { timeout: 15_000 }).toBe(summary);
    expect(await page.locator('img[src=x]').count()).toBe(0);
    // Another meeting of one of its participants, opened from the panel: read when first asked for, not before.
    const actor = dataset.actors.find((a) => a.id === meeting.participants[0]!.actorId)!;
    await panel.getByRole('button', { name: actor.name, exact: true }).first().click();
    await expect.poll(() => panel.getByRole('heading', { level: 2 }).textContent(), { timeout: 15_000 }).toContain(actor.name);
    const listed = panel.locator('.meeting-list button').filter({ hasNotText: 'Tōkyō' }).first();
    const text = (await listed.locator('bdi').textContent())!;
    const theirs = dataset.meetings.filter((m) => m.participants.some((p) => p.actorId === actor.id)).map((m) => m.summary);
    expect(theirs).toContain(text);
    await listed.click();
    await expect.poll(() => panel.locator('p[dir=auto]').first().textContent(), { timeout: 15_000 }).toBe(text);
    expect(errors).toEqual([]);
    expect(dialogs).toEqual([]);
    await context.close();
  });
  it('steps the playback window with the network following each window, also when a step finds its picture asked ahead', async () => {
    const dataset = JSON.parse(generateSynthetic({ meetings: MEETINGS, actors: 900, seed: 24 })) as Dataset;
    const body = JSON.stringify(dataset);
    const index = buildIndex(dataset);
    const all = filterMeetings(index, EMPTY_FILTERS);
    const inWindow = (start: string, end: string) => meetingsInWindow(index, all, isoToMs(start), isoToMs(end) + DAY_MS).length;
    // Three-month windows a month apart, from the middle of the data.
    const mid = new Date((index.minTime + index.maxTime) / 2);
    const windows = [0, 1, 2, 3].map((k) => {
      const start = Date.UTC(mid.getUTCFullYear(), mid.getUTCMonth() + k, 1);
      return [msToIso(start), msToIso(Date.UTC(mid.getUTCFullYear(), mid.getUTCMonth() + k + 3, 1) - DAY_MS)] as const;
    });
    const { page, context, errors, dialogs } = await openApp(browser(), '', { width: 1366, height: 768 });
    await page.route('**/big.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
    await page.goto(appUrl(`data=big.json&window=${windows[0]![0]}..${windows[0]![1]}&play=3m`));
    await waitForViews(page, MEETINGS);
    const summary = network(page).locator('.network-summary');
    const stepTo = async ([start, end]: readonly [string, string], button: 'Step forward' | 'Step back') => {
      await timeline(page).getByRole('button', { name: button }).click();
      await expect.poll(() => page.evaluate(() => new URLSearchParams(location.search).get('window'))).toBe(`${start}..${end}`);
      const n = inWindow(start, end);
      expect(n).toBeGreaterThan(0);
      await expect.poll(() => summary.textContent(), { timeout: 15_000 }).toMatch(new RegExp(`from ${n.toLocaleString('en')} of ${MEETINGS.toLocaleString('en')} meetings · only the timeline’s visible period`));
      expect(await summary.getAttribute('aria-busy')).toBeNull();
    };
    // Each forward step after the first picture was asked ahead in idle time; a step back was not.
    await stepTo(windows[1]!, 'Step forward');
    await stepTo(windows[2]!, 'Step forward');
    await page.waitForTimeout(300);
    await stepTo(windows[3]!, 'Step forward');
    await stepTo(windows[2]!, 'Step back');
    await stepTo(windows[3]!, 'Step forward');
    expect(errors).toEqual([]);
    expect(dialogs).toEqual([]);
    await context.close();
  });
});
