import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, useBrowser, waitForViews } from './browser';
import { bundled, details, expectViewsAgree, network, TOTAL, XSS } from './helpers';

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

  it('a dataset spanning two millennia: Fit all shows every meeting, a window too wide to show is clamped with a notice', async () => {
    const ds = bundled();
    Object.assign(ds.meetings[0], { date: '0044-03-15', datePrecision: 'day', earliest: '0044-03-15', latest: '0044-03-15' });
    const { page, context, errors } = await openApp(browser(), '');
    await serve(page, 'ancient.json', JSON.stringify(ds));
    await page.goto(page.url() + '?data=ancient.json');
    await waitForViews(page, TOTAL);
    /** Meetings drawn inside the timeline's visible panel (all of them are items at this count). */
    const inView = () =>
      page.evaluate(() => {
        const panel = document.querySelector('[aria-label="Timeline"] .vis-panel.vis-center')!.getBoundingClientRect();
        const items = [...document.querySelectorAll('[aria-label="Timeline"] .vis-item[data-meeting]')];
        return new Set(items.filter((el) => {
          const r = el.getBoundingClientRect();
          return r.width > 0 && r.left >= panel.left - 1 && r.left <= panel.right;
        }).map((el) => el.getAttribute('data-meeting'))).size;
      });
    await expect.poll(inView).toBe(TOTAL);

    await page.goto(page.url().replace(/\?.*$/, '') + '?data=ancient.json&window=0000-01-01..9999-12-31');
    await waitForViews(page, TOTAL);
    const notice = page.getByRole('alert').filter({ hasText: 'Clamped window=0000-01-01..9999-12-31' });
    await notice.waitFor();
    const clamped = new URL(page.url()).searchParams.get('window')!;
    expect(clamped).toMatch(/^\d{4}-\d\d-\d\d\.\.\d{4}-\d\d-\d\d$/);
    expect(clamped).not.toBe('0000-01-01..9999-12-31');
    await expect.poll(inView).toBe(TOTAL);
    expect(errors).toEqual([]);
    await context.close();
  });
});
