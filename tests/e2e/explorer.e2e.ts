import { describe, expect, it } from 'vitest';
import { openApp, useBrowser, waitForViews } from './browser';
import { clickNetworkNode, details, expectViewsAgree, network, networkNode, shownCount, timeline, timelineItem, TOTAL } from './helpers';

const browser = useBrowser();

describe('exploring the bundled dataset', () => {
  it('opens with both views drawn, the full count and no console errors or warnings', async () => {
    const { page, context, errors, warnings } = await openApp(browser());
    await waitForViews(page, TOTAL);
    expect(await page.locator('.count-status').textContent()).toBe(`${TOTAL} meetings`);
    expect(await network(page).getByRole('button', { name: 'Ali Asghar Khaji', exact: true }).count()).toBe(1);
    expect(await timeline(page).locator('.vis-item[data-meeting]').count()).toBeGreaterThanOrEqual(TOTAL);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    await context.close();
  });

  it('filters by country and by topic; count and both views agree', async () => {
    const { page, context } = await openApp(browser());
    await waitForViews(page, TOTAL);
    await page.getByRole('group', { name: 'Country or organization' }).getByRole('checkbox', { name: /^Japan/ }).check();
    await expectViewsAgree(page, 1);
    expect(await page.locator('.count-status').textContent()).toBe(`1 of ${TOTAL} meetings`);
    expect(await networkNode(page, 'Akira Endo').count()).toBe(1);
    expect(await networkNode(page, 'Bashar al-Assad').count()).toBe(0);

    await page.getByRole('button', { name: 'Reset all', exact: true }).first().click();
    await expectViewsAgree(page, TOTAL);
    await page.getByRole('group', { name: 'Topic' }).getByRole('checkbox', { name: /^Nuclear deal/ }).check();
    await expectViewsAgree(page, 1);
    await expect.poll(() => timelineItem(page, '2019-07-khaji-assad').count()).toBe(1);
    await context.close();
  });

  it('filters by actor through the filter panel and through the network', async () => {
    const { page, context } = await openApp(browser());
    await waitForViews(page, TOTAL);
    const find = page.getByRole('combobox', { name: 'Find actor' });
    await find.fill('sosan');
    await page.getByRole('option', { name: /Ayman Sosan/ }).click();
    await expectViewsAgree(page, 3);

    await page.getByRole('button', { name: 'Reset all', exact: true }).first().click();
    await expectViewsAgree(page, TOTAL);
    await clickNetworkNode(page, 'Geir O. Pedersen');
    await expect.poll(() => details(page).getByRole('heading', { level: 2 }).first().textContent()).toContain('Geir O. Pedersen');
    await details(page).getByRole('button', { name: 'Filter to this actor' }).click();
    await expectViewsAgree(page, 1);
    await context.close();
  });

  it('filters by date range with the inputs and by brushing the timeline', async () => {
    const { page, context } = await openApp(browser());
    await waitForViews(page, TOTAL);
    await page.getByLabel('From', { exact: true }).fill('2023-01-01');
    await page.getByLabel('To', { exact: true }).fill('2023-12-31');
    await expectViewsAgree(page, 3);

    await page.getByRole('button', { name: 'Reset all', exact: true }).first().click();
    await expectViewsAgree(page, TOTAL);
    await timeline(page).getByRole('button', { name: /Brush dates/ }).click();
    const box = (await timeline(page).locator('.vis-center').first().boundingBox())!;
    // Drag across the left third of the fitted timeline, which holds the 2019 and 2020 meetings.
    await page.mouse.move(box.x + 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.33, box.y + box.height / 2, { steps: 8 });
    await page.mouse.up();
    await expect.poll(() => page.getByLabel('From', { exact: true }).inputValue()).not.toBe('');
    const brushed = await shownCount(page);
    expect(brushed).toBeGreaterThan(0);
    expect(brushed).toBeLessThan(TOTAL);
    await expectViewsAgree(page, brushed);
    await context.close();
  });

  it('selecting a meeting in the timeline highlights its participants and shows its evidence', async () => {
    const { page, context } = await openApp(browser());
    await waitForViews(page, TOTAL);
    await timelineItem(page, '2020-09-30-khaji-endo-call').click();
    await expect.poll(() => networkNode(page, 'Akira Endo').getAttribute('class')).toMatch(/is-highlighted/);
    expect(await networkNode(page, 'Ali Asghar Khaji').getAttribute('class')).toMatch(/is-highlighted/);
    expect(await networkNode(page, 'Bashar al-Assad').getAttribute('class')).not.toMatch(/is-highlighted/);
    const quote = details(page).locator('blockquote').first();
    expect(await quote.textContent()).toContain('In a telephone conversation on Wednesday');
    await details(page).getByRole('button', { name: 'Show source text' }).first().click();
    expect(await details(page).locator('mark').first().textContent()).toContain('In a telephone conversation on Wednesday');
    await context.close();
  });
});
