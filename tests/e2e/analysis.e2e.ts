import { describe, expect, it } from 'vitest';
import { openApp, useBrowser, waitForViews } from './browser';
import { countStatus, details, network, shownCount, tabUntil } from './helpers';

const browser = useBrowser();

const mostCentral = (page: import('playwright-core').Page) => page.getByRole('list', { name: /^Most central actors by/ });
const renderedNodes = (page: import('playwright-core').Page) => network(page).locator('[data-rendered-nodes]').getAttribute('data-rendered-nodes');

describe('network analysis', () => {
  it('names the most central actor of a date-filtered view, picked by keyboard alone', async () => {
    // From 2021 on: Sosan takes part in 3 of the 7 meetings (with Khaji, Amir-Abdollahian, Sobhani); nobody else in more than 2.
    const { page, context } = await openApp(browser(), 'from=2021-01-01&to=2023-12-31');
    await waitForViews(page, 7);
    const first = mostCentral(page).getByRole('button').first();
    await expect.poll(() => first.textContent()).toMatch(/^1\. Ayman Sosan 3$/);
    await page.getByLabel('Size and rank by').selectOption('degree');
    await expect.poll(() => page.url()).toContain('size=degree');
    await expect.poll(() => mostCentral(page).getAttribute('aria-label')).toBe('Most central actors by counterparts (degree)');
    await expect.poll(() => first.textContent()).toMatch(/^1\. Ayman Sosan 3$/);

    await page.locator('body').click({ position: { x: 1, y: 1 } });
    await tabUntil(page, "el.classList.contains('most-central-entry')", 400);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/Ayman Sosan/);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toContain('select=actor:sosan');
    await expect.poll(() => details(page).getByRole('heading', { level: 2 }).textContent()).toBe('Ayman Sosan');
    await context.close();
  });

  it('a link with size, color, ego and between reopens the same view', async () => {
    const query = 'between=IRN~SYR&size=pagerank&color=community&ego=khaji&depth=2';
    const { page, context } = await openApp(browser(), query);
    // Iran with Syria: 11 of 13 (not Endo, not Pedersen). Within 2 steps of Khaji there: Assad, Mekdad, Muallem, Sosan and
    // the Iranian delegation of August 2020, then Najafi, Amir-Abdollahian, Sobhani and the Foreign Ministry delegation of July 2021
    // (with Mekdad): 10 with Khaji.
    await expect.poll(() => shownCount(page)).toBe(11);
    await expect.poll(() => renderedNodes(page)).toBe('10');
    expect(await page.getByLabel('Size and rank by').inputValue()).toBe('pagerank');
    expect(await page.getByLabel('Colour by').inputValue()).toBe('community');
    await expect.poll(() => page.getByText('Within 2 steps of Ali Asghar Khaji').count()).toBe(1);
    await expect.poll(() => page.getByRole('button', { name: 'Remove filter: Iran (IRN) with Syria (SYR)' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('list', { name: 'Communities' }).getByRole('listitem').count()).toBeGreaterThan(0);
    await expect.poll(() => mostCentral(page).getAttribute('aria-label')).toBe('Most central actors by pagerank');
    expect(await countStatus(page).textContent()).toMatch(/11 of 13/);
    // Node descriptions carry the measure and the community as text, not only size and colour.
    await expect.poll(() => network(page).getByText(/pagerank 0\.\d+, community \d/).count()).toBe(10);
    expect(new URL(page.url()).search).toBe(`?${query}`);

    const fresh = await context.newPage();
    await fresh.goto(page.url());
    await expect.poll(() => shownCount(fresh)).toBe(11);
    await expect.poll(() => renderedNodes(fresh)).toBe('10');
    expect(await fresh.getByLabel('Size and rank by').inputValue()).toBe('pagerank');
    expect(new URL(fresh.url()).search).toBe(`?${query}`);

    await fresh.getByRole('button', { name: 'Remove ego network of Ali Asghar Khaji' }).click();
    await expect.poll(() => renderedNodes(fresh)).toBe('13');
    await expect.poll(() => fresh.url()).not.toContain('ego=');
    await context.close();
  });

  it('clicking a cell of "Who was central when" sets the timeline window', async () => {
    const { page, context } = await openApp(browser());
    await waitForViews(page, 13);
    await page.getByText('Who was central when').click();
    await page.getByRole('button', { name: 'Ali Asghar Khaji, 2020: rank 1 (meetings 3)' }).click();
    await expect.poll(() => page.url()).toContain('window=2020-01-01..2020-12-31');
    await context.close();
  });
});
