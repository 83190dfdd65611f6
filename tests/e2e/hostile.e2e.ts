import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, useBrowser, waitForViews } from './browser';
import { bundled, clickNetworkNode, details, expectViewsAgree, network, timelineItem, TOTAL, XSS } from './helpers';

const browser = useBrowser();

/** Elements an injected payload would create if any text were parsed as HTML. */
const injectedElements = (page: Page) => page.evaluate(() => document.querySelectorAll('img[src="x"], svg[onload], script:not([src])').length);

/** Serves `body` for every request to a file named `name` (a dataset the app is told to open with ?data=). */
async function serve(page: Page, name: string, body: string) {
  await page.route(`**/${name}`, (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
}

describe('hostile and broken input', () => {
  it('a hostile URL: valid parts apply, the rest is ignored with a notice, nothing runs', async () => {
    const huge = 'a'.repeat(5000);
    const query = [
      `actor=${encodeURIComponent(XSS)},khaji`,
      'country=SYR',
      'country=JPN',
      'from=2020-13-45',
      'to=2021-12-31',
      `select=meeting:${encodeURIComponent('<svg onload=alert(1)>')}`,
      `window=${encodeURIComponent('"><script>alert(1)</script>')}`,
      `zzz=${huge}`,
    ].join('&');
    const { page, context, dialogs } = await openApp(browser(), query);
    const notice = page.getByRole('alert').filter({ hasText: /Ignored/i });
    await notice.first().waitFor();
    const text = (await notice.first().textContent()) ?? '';
    expect(text).toMatch(/2020-13-45|from/);
    // What was valid still applies: Khaji's meetings with Syrians up to the end of 2021.
    await expectViewsAgree(page, 5);
    expect(await injectedElements(page)).toBe(0);
    expect(dialogs).toEqual([]);
    await page.getByRole('list', { name: 'Notices' }).getByRole('listitem').filter({ hasText: /Ignored/i }).getByRole('button', { name: 'Dismiss notice' }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: /Ignored/i }).count()).toBe(0);
    await context.close();
  });

  it('a search for a script payload is shown as text and matches nothing', async () => {
    const { page, context, dialogs } = await openApp(browser(), `q=${encodeURIComponent('<script>alert(1)</script>')}`);
    await expectViewsAgree(page, 0);
    expect(await page.getByRole('searchbox', { name: 'Search summaries, names and quotes' }).inputValue()).toBe('<script>alert(1)</script>');
    expect(await injectedElements(page)).toBe(0);
    expect(dialogs).toEqual([]);
    await context.close();
  });

  it('HTML in dataset fields is drawn as text in the timeline, network and detail panel', async () => {
    const ds = bundled();
    ds.actors[0].name = XSS;
    ds.actors[0].aliases.push(XSS);
    ds.meetings[0].summary = `Summary ${XSS}`;
    ds.meetings[0].location = '<b onmouseover=alert(1)>Damascus</b>';
    ds.topics[0].label = '<iframe src=javascript:alert(1)>';
    const firstMeeting = ds.meetings[0].id;
    const { page, context, dialogs, errors } = await (async () => {
      const opened = await openApp(browser(), '', {});
      await serve(opened.page, 'hostile.json', JSON.stringify(ds));
      await opened.page.goto(opened.page.url() + `?data=hostile.json&select=meeting:${firstMeeting}`);
      return opened;
    })();
    await waitForViews(page, TOTAL);
    expect(await network(page).getByRole('button', { name: XSS, exact: true }).count()).toBe(1);
    await expect.poll(() => details(page).getByText(`Summary ${XSS}`).count()).toBe(1);
    await page.locator('.vis-item[data-meeting]').first().hover();
    expect(await injectedElements(page)).toBe(0);
    expect(await page.locator('iframe, b[onmouseover]').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('an invalid dataset shows which record and field are wrong', async () => {
    const ds = bundled();
    ds.meetings[4].participants[1].actorId = 'mekdad2';
    const { page, context } = await openApp(browser(), '');
    await serve(page, 'broken.json', JSON.stringify(ds));
    await page.goto(page.url() + '?data=broken.json');
    await page.getByRole('heading', { level: 1, name: /not valid/ }).waitFor();
    expect(await page.getByText('meetings[4].participants[1].actorId: unknown actor "mekdad2"').count()).toBe(1);
    await context.close();
  });

  it('a dataset that is not JSON, or fails to load, gets the error screen and Retry recovers', async () => {
    const { page, context } = await openApp(browser(), '');
    await serve(page, 'garbled.json', '{"meetings": [');
    await page.goto(page.url() + '?data=garbled.json');
    await page.getByText(/not valid JSON/).waitFor();

    let fail = true;
    await page.route('**/data/meetings.json', (route) => (fail ? route.abort('connectionrefused') : route.continue()));
    await page.goto(page.url().replace(/\?.*$/, ''));
    await page.getByRole('heading', { level: 1, name: /Could not load/ }).waitFor();
    fail = false;
    await page.getByRole('button', { name: 'Retry' }).click();
    await waitForViews(page, TOTAL);
    await context.close();
  });

  it('a dataset with one of each hostile field: timeline, network, detail with source text, exports and table work without a page error', async () => {
    const ds = bundled();
    const RLO = '\u202E';
    // An id that is an Object.prototype name (meeting and actor), with a right-to-left override and markup in the name.
    const first = ds.meetings[0];
    first.id = 'constructor';
    const name = `${RLO}Constructor ${XSS}`;
    ds.actors.push({ id: 'constructor', name, aliases: [], kind: 'person', affiliation: 'IRN', roles: [] });
    first.participants.push({ actorId: 'constructor' });
    first.location = `${RLO}Damascus`;
    first.summary = `Summary ${XSS} (a+)+$ .*`;
    // A 4,500-word quote full of regex metacharacters inside a megabyte of unbroken source text.
    const quote = Array.from({ length: 4500 }, (_, i) => `w${i}(`).join(' ');
    ds.sources[0].text = `${'y'.repeat(1_000_000)} ${quote} ${ds.sources[0].text}`;
    first.evidence.unshift({ sourceId: ds.sources[0].id, quote, context: 'talks' });
    // A year below 100 (and a span past 300 years), an unbroken 100 KB summary, a meeting of 60, an unknown field.
    const ancient = ds.meetings[1];
    Object.assign(ancient, { date: '0044-03-15', datePrecision: 'day', earliest: '0044-03-15', latest: '0044-03-15' });
    ds.meetings[2].summary = `S${'x'.repeat(100_000)}`;
    for (let i = 0; i < 60; i++) {
      ds.actors.push({ id: `crowd-${i}`, name: `Crowd ${i} \u200B${RLO}`, aliases: [], kind: 'person', affiliation: 'IRN', roles: [] });
      ds.meetings[3].participants.push({ actorId: `crowd-${i}` });
    }
    ds.meetings[4].locaton = 'Tehran';
    ds.topics[0].label = `${RLO}(a+)+$ [topic]`;

    const { page, context, errors, dialogs } = await openApp(browser(), '');
    await serve(page, 'walk.json', `\uFEFF${JSON.stringify(ds)}`); // with a byte-order mark
    const base = page.url().replace(/\?.*$/, '');
    await page.goto(`${base}?data=walk.json`);
    await waitForViews(page, TOTAL);
    await page.getByText(/unknown field "\u2068locaton\u2069"/).first().waitFor();

    /** Meetings drawn inside the timeline's visible panel (all of them are items at this count). */
    const inView = () =>
      page.evaluate(() => {
        const panel = document.querySelector('[aria-label="Timeline"] .vis-panel.vis-center')!.getBoundingClientRect();
        const items = [...document.querySelectorAll('[aria-label="Timeline"] .vis-item[data-meeting]')];
        const shown = items.filter((el) => {
          const r = el.getBoundingClientRect();
          return r.width > 0 && r.left >= panel.left - 1 && r.left <= panel.right;
        });
        return new Set(shown.map((el) => el.getAttribute('data-meeting'))).size;
      });
    // Fit all shows the meeting of 44 and those of the 2020s.
    await expect.poll(inView).toBe(TOTAL);

    // Timeline: the meeting of 44 opens; network: the actor named constructor opens.
    await timelineItem(page, ancient.id).click();
    await expect.poll(() => details(page).textContent()).toContain('44');
    await clickNetworkNode(page, name);
    await expect.poll(() => details(page).textContent()).toContain('Constructor');

    // Detail with the megabyte source text: opens around the quote, marked, without laying out the megabyte.
    await page.goto(`${base}?data=walk.json&select=meeting:constructor`);
    await waitForViews(page, TOTAL);
    await details(page).getByRole('button', { name: 'Show source text' }).first().click();
    const source = details(page).getByRole('region', { name: /^Source text:/ }).first();
    await expect.poll(async () => (await source.locator('mark').textContent()) ?? '').toMatch(/^w0\( w1\( w2\(/);
    expect(((await source.textContent()) ?? '').length).toBeLessThan(25_000);

    // Every export; the dataset JSON keeps each hostile value exactly as written.
    for (const label of ['Meetings as CSV', 'Dataset as JSON', 'Network as GEXF', 'Network as GraphML', 'Network as SVG', 'Network as PNG', 'Timeline as SVG', 'Timeline as PNG']) {
      const downloaded = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Export', exact: true }).click();
      await page.getByRole('menuitem', { name: label, exact: true }).click();
      const download = await downloaded;
      if (label === 'Dataset as JSON') {
        const saved = JSON.parse(readFileSync((await download.path())!, 'utf8'));
        expect(saved.actors.find((a: { id: string }) => a.id === 'constructor').name).toBe(name);
        expect(saved.meetings.find((m: { id: string }) => m.id === 'constructor').location).toBe(`${RLO}Damascus`);
      }
    }

    // Table: every meeting is a row.
    await page.getByRole('button', { name: 'Table', exact: true }).click();
    await expect.poll(() => page.locator('table tbody tr').count()).toBe(TOTAL);

    // A window the timeline cannot show is clamped around the meetings, with a notice.
    await page.goto(`${base}?data=walk.json&window=0000-01-01..9999-12-31`);
    await waitForViews(page, TOTAL);
    await page.getByRole('alert').filter({ hasText: 'Clamped window=0000-01-01..9999-12-31' }).waitFor();
    expect(new URL(page.url()).searchParams.get('window')).not.toBe('0000-01-01..9999-12-31');
    await expect.poll(inView).toBe(TOTAL);

    expect(await injectedElements(page)).toBe(0);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
