import { describe, expect, it } from 'vitest';
import { openApp, useBrowser, waitForViews } from './browser';
import { details, expectViewsAgree, timelineItem, TOTAL } from './helpers';

const browser = useBrowser();

const syria = (page: import('playwright-core').Page) =>
  page.getByRole('group', { name: 'Country or organization' }).getByRole('checkbox', { name: /^Syria/ });

describe('deep links', () => {
  it('a copied link opens the same view in a fresh page', async () => {
    const { page, context } = await openApp(browser());
    await waitForViews(page, TOTAL);
    await syria(page).check();
    await expectViewsAgree(page, 11);
    await timelineItem(page, '2021-07-najafi-mekdad').click();
    await expect.poll(() => details(page).locator('blockquote').first().textContent()).toContain('Reza Najafi');
    await page.getByRole('button', { name: 'Copy link', exact: true }).click();
    await expect.poll(() => page.getByText('Link copied').count()).toBeGreaterThan(0);
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toContain('country=SYR');
    expect(link).toContain('select=meeting:2021-07-najafi-mekdad');

    const fresh = await context.newPage();
    await fresh.goto(link);
    await expectViewsAgree(fresh, 11);
    expect(await syria(fresh).isChecked()).toBe(true);
    expect(await details(fresh).locator('blockquote').first().textContent()).toContain('Reza Najafi');
    await expect.poll(() => timelineItem(fresh, '2021-07-najafi-mekdad').getAttribute('class')).toMatch(/vis-selected/);
    await context.close();
  });

  it('Back and Forward walk through filter and selection changes', async () => {
    const { page, context } = await openApp(browser());
    await waitForViews(page, TOTAL);
    await syria(page).check();
    await expectViewsAgree(page, 11);
    // Syria and Idlib: only the July 2019 Assad talks (Idlib in the August 2020 Moallem record came from press remarks).
    await page.getByRole('group', { name: 'Topic' }).getByRole('checkbox', { name: /^Idlib/ }).check();
    await expectViewsAgree(page, 1);
    await timelineItem(page, '2019-07-khaji-assad').click();
    await expect.poll(() => page.url()).toContain('select=meeting');

    await page.goBack();
    await expect.poll(() => details(page).getByRole('button', { name: 'Close details' }).count()).toBe(0);
    await expectViewsAgree(page, 1);
    await page.goBack();
    await expectViewsAgree(page, 11);
    expect(await page.getByRole('group', { name: 'Topic' }).getByRole('checkbox', { name: /^Idlib/ }).isChecked()).toBe(false);
    await page.goForward();
    await expectViewsAgree(page, 1);
    await page.goForward();
    await expect.poll(() => details(page).locator('blockquote').count()).toBeGreaterThan(0);
    await context.close();
  });

  it('zooming the timeline records its window in the link without adding history; Fit all removes it', async () => {
    const { page, context } = await openApp(browser());
    await waitForViews(page, TOTAL);
    const entries = await page.evaluate(() => history.length);
    const box = (await page.getByRole('region', { name: 'Timeline' }).locator('.vis-center').first().boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 40);
    for (let i = 0; i < 4; i++) {
      await page.mouse.wheel(0, -400);
      await page.waitForTimeout(80);
    }
    await expect.poll(() => page.url()).toMatch(/window=\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}/);
    expect(await page.evaluate(() => history.length)).toBe(entries);
    const zoomed = page.url();
    const fresh = await context.newPage();
    await fresh.goto(zoomed);
    await waitForViews(fresh, TOTAL);
    // The same window opens: the meetings outside it are not drawn as items.
    const drawn = await page.locator('.vis-item[data-meeting]').count();
    expect(drawn).toBeLessThan(TOTAL);
    await expect.poll(() => fresh.locator('.vis-item[data-meeting]').count()).toBe(drawn);
    await page.getByRole('button', { name: 'Fit all' }).click();
    await expect.poll(() => page.url()).not.toContain('window=');
    await context.close();
  });

  it('opens a link with a time window, a search and an actor selection', async () => {
    const { page, context } = await openApp(browser(), 'q=constitutional&select=actor:khaji&window=2020-06-01..2020-12-31');
    await expectViewsAgree(page, 4);
    expect(await page.getByRole('searchbox', { name: 'Search summaries, names and quotes' }).inputValue()).toBe('constitutional');
    await expect.poll(() => details(page).getByRole('heading', { level: 2 }).first().textContent()).toContain('Ali Asghar Khaji');
    // Only the 2020 meetings fall in the window, so only they are drawn as items.
    await expect.poll(() => timelineItem(page, '2020-08-17-assad-khaji').count()).toBe(1);
    expect(await page.locator('.vis-item[data-meeting="2021-khaji-pedersen-call"]').count()).toBe(0);
    await context.close();
  });
});
