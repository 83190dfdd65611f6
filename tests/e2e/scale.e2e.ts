import { describe, expect, it } from 'vitest';
import { appUrl, openApp, useBrowser, waitForViews } from './browser';
import { generateSynthetic } from '../../scripts/generate-synthetic';
import { countStatus, XSS } from './helpers';
import { buildIndex } from '../../src/domain/indexes';
import { EMPTY_FILTERS, filterMeetings } from '../../src/domain/filters';
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
});
