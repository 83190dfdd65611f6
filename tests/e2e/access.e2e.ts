import { describe, expect, it } from 'vitest';
import { openApp, useBrowser, waitForViews } from './browser';
import { details, expectViewsAgree, network, seriousAxeViolations, shownCount, tabUntil, timeline, TOTAL } from './helpers';

const browser = useBrowser();

describe('keyboard, accessibility and small screens', () => {
  it('keyboard only: reach a network node, open the actor, filter to them, then clear filters', async () => {
    const { page, context } = await openApp(browser());
    await waitForViews(page, TOTAL);
    await tabUntil(page, `el.getAttribute('role') === 'button' && el.closest('[aria-label="Network"]') && el.getAttribute('aria-label') === 'Ayman Sosan'`, 250);
    const focusVisible = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle !== 'none' || document.activeElement!.matches(':focus-visible'));
    expect(focusVisible).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => details(page).getByRole('heading', { level: 2 }).first().textContent()).toContain('Ayman Sosan');
    await tabUntil(page, `el.textContent.trim() === 'Filter to this actor'`);
    await page.keyboard.press('Enter');
    await expectViewsAgree(page, 3);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    // Walk back to the filter panel's reset button.
    for (let i = 0; i < 200 && !(await page.evaluate(() => document.activeElement?.textContent?.trim() === 'Reset all')); i++) {
      await page.keyboard.press('Shift+Tab');
    }
    await page.keyboard.press('Enter');
    await expectViewsAgree(page, TOTAL);
    await context.close();
  });

  it('axe-core finds no serious or critical violations on the main view, light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page, context } = await openApp(browser());
      await page.emulateMedia({ colorScheme });
      await waitForViews(page, TOTAL);
      expect(await seriousAxeViolations(page), colorScheme).toEqual([]);
      await context.close();
    }
  });

  it('axe-core finds no serious or critical violations with the detail panel and source text open', async () => {
    const { page, context } = await openApp(browser(), 'select=meeting:2020-08-17-assad-khaji');
    await waitForViews(page, TOTAL);
    await details(page).getByRole('button', { name: 'Show source text' }).first().click();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Table', exact: true }).click();
    await page.getByRole('table').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await context.close();
  });

  it('at phone width nothing overflows and the filters, views and details are usable', async () => {
    const { page, context } = await openApp(browser(), '', { width: 375, height: 800 });
    await waitForViews(page, TOTAL);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.getByRole('button', { name: /Show filters/ }).click();
    await page.getByRole('group', { name: 'Country or organization' }).getByRole('checkbox', { name: /^Japan/ }).check();
    await expectViewsAgree(page, 1);
    await page.getByRole('button', { name: 'Hide filters' }).click();
    const nodeBox = await network(page).getByRole('button', { name: 'Akira Endo', exact: true }).boundingBox();
    expect(nodeBox && nodeBox.x >= 0 && nodeBox.x + nodeBox.width <= 375).toBe(true);
    await network(page).getByRole('button', { name: 'Akira Endo', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => details(page).getByRole('heading', { level: 2 }).first().textContent()).toContain('Akira Endo');
    expect(await timeline(page).boundingBox().then((b) => b!.width <= 375)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await shownCount(page)).toBe(1);
    await context.close();
  });
});
