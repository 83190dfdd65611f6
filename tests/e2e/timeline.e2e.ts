import { describe, expect, it } from 'vitest';
import { appUrl, openApp, useBrowser, waitForViews } from './browser';
import { generateSynthetic } from '../../scripts/generate-synthetic';
import { details, network, timeline, TOTAL } from './helpers';

const browser = useBrowser();
const announcer = '[data-testid="timeline-announcer"]';
const host = '[aria-roledescription="timeline"]';
const networkMeetings = (page: import('playwright-core').Page) => network(page).locator('[data-rendered-meetings]').getAttribute('data-rendered-meetings');

describe('timeline by keyboard, playback and lanes', () => {
  it('reaches the timeline in at most 3 Tabs from the skip link, steps to the next meeting with → and opens it with Enter', async () => {
    const { page, context, errors } = await openApp(browser(), '', { width: 1366, height: 768 });
    await waitForViews(page, TOTAL);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to main content');
    await page.keyboard.press('Enter');
    let tabs = 0;
    while (tabs < 3 && !(await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, host))) {
      await page.keyboard.press('Tab');
      tabs++;
    }
    expect(await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, host)).toBe(true);

    const scrollBefore = await page.evaluate(() => window.scrollY);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.locator(announcer).textContent()).toMatch(/^Meeting 1 of 13: .+2019/);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.locator(announcer).textContent()).toMatch(/^Meeting 2 of 13: /);
    const focusedId = await timeline(page).locator('.vis-item.is-focused').first().getAttribute('data-meeting');
    expect(focusedId).toBeTruthy();
    const ring = await timeline(page).locator('.vis-item.is-focused').first().evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(ring).toBe('solid');
    // ↓ does not scroll the page while the timeline has focus.
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => window.scrollY)).toBe(scrollBefore);

    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => new URLSearchParams(location.search).get('select'))).toBe(`meeting:${focusedId}`);
    await expect.poll(() => details(page).getByRole('button', { name: 'Close details' }).count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('plays and pauses from the keyboard: the window moves, the network follows it, and the paused window stays in the link', async () => {
    const { page, context, errors } = await openApp(browser(), 'play=1y&speed=2');
    await waitForViews(page, TOTAL);
    await page.locator(host).focus();
    await page.keyboard.press(' ');
    await expect.poll(() => page.getByRole('button', { name: /Pause/ }).count()).toBe(1);
    await expect.poll(async () => Number(await networkMeetings(page))).toBeLessThan(TOTAL);
    // The network's meeting count changes as the window moves. Neighbouring one-year windows can hold the same number of
    // meetings, so wait for a later step rather than sampling a fixed time.
    const first = await networkMeetings(page);
    await expect.poll(() => networkMeetings(page), { timeout: 20_000 }).not.toBe(first);
    await expect.poll(() => page.locator(announcer).textContent()).toMatch(/meetings? in the network/);
    await page.locator(host).focus();
    await page.keyboard.press(' ');
    await expect.poll(() => page.getByRole('button', { name: /Play/ }).count()).toBe(1);
    await page.waitForTimeout(500);
    const params = await page.evaluate(() => Object.fromEntries(new URLSearchParams(location.search)));
    expect(params.window).toMatch(/^\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}$/);
    expect(params.follow).toBe('1');
    const paused = params.window;
    await page.waitForTimeout(600);
    expect(await page.evaluate(() => new URLSearchParams(location.search).get('window'))).toBe(paused);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('steps the playback window with the toolbar buttons', async () => {
    const { page, context } = await openApp(browser(), 'window=2020-01-01..2020-03-31&play=3m');
    await waitForViews(page, TOTAL);
    await timeline(page).getByRole('button', { name: 'Step forward' }).click();
    await expect.poll(() => page.evaluate(() => new URLSearchParams(location.search).get('window'))).toBe('2020-02-01..2020-04-30');
    await timeline(page).getByRole('button', { name: 'Step back' }).click();
    await expect.poll(() => page.evaluate(() => new URLSearchParams(location.search).get('window'))).toBe('2020-01-01..2020-03-31');
    await context.close();
  });

  it('opens a link with lanes= in the same lanes, one item per participant country', async () => {
    // Tall enough for all four lanes in the timeline's pane (lanes beyond it scroll inside the chart).
    const { page, context, errors } = await openApp(browser(), 'lanes=country', { width: 1400, height: 2000 });
    await waitForViews(page, TOTAL);
    const labels = timeline(page).locator('.tl-lane-label');
    await expect.poll(() => labels.count()).toBeGreaterThan(2);
    expect(await labels.first().getAttribute('aria-label')).toMatch(/^Iran: 13 meetings/);
    expect(await page.getByLabel('Lanes').inputValue()).toBe('country');
    // A meeting between Iran and Japan is drawn in both lanes.
    const items = timeline(page).locator('.vis-item[data-meeting="2020-09-30-khaji-endo-call"]');
    await expect.poll(() => items.count()).toBe(2);
    await page.reload();
    await waitForViews(page, TOTAL);
    await expect.poll(() => timeline(page).locator('.tl-lane-label').count()).toBe(await labels.count());
    expect(await page.getByLabel('Lanes').inputValue()).toBe('country');

    // 3,000 generated meetings, half a year in view: the crowded lanes are drawn as density bars in their own rows
    // (with their own counts in words), the quieter lanes keep their meetings as items.
    const body = generateSynthetic({ meetings: 3000, actors: 400, seed: 3, countries: 20 });
    await page.route('**/lanes.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
    await page.goto(appUrl('data=lanes.json&lanes=country&window=2019-01-01..2019-06-30'));
    await waitForViews(page, 3000);
    await timeline(page).locator('[data-mode="mixed"]').waitFor({ state: 'attached' });
    const rows = timeline(page).locator('.vis-foreground .vis-group');
    const denseRows = rows.filter({ has: page.locator('.tl-density-band:not([hidden])') });
    expect(await denseRows.count()).toBeGreaterThan(0);
    expect(await denseRows.first().locator('.vis-item').count()).toBe(0);
    expect(await rows.locator('.vis-item').count()).toBeGreaterThan(0);
    expect(await labels.first().evaluate((el) => el.classList.contains('is-dense'))).toBe(true);
    expect(await timeline(page).locator('.tl-density-summary:not([hidden])').first().textContent()).toMatch(/^United States lane: .*[\d,]+ meetings? in view, counted per/);
    // A click on a lane's bar zooms into that bar's period: find a bar by the tooltip naming it under the pointer.
    const row = (await denseRows.first().boundingBox())!;
    let x = row.x + 10;
    for (; x < row.x + row.width; x += 12) {
      await page.mouse.move(x, row.y + row.height - 4);
      if (/meetings? starting/.test((await timeline(page).locator('.tl-root').getAttribute('title')) ?? '')) break;
    }
    await page.mouse.click(x, row.y + row.height - 4);
    await expect.poll(() => page.evaluate(() => new URLSearchParams(location.search).get('window'))).not.toBe('2019-01-01..2019-06-30');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('redraws the time axis for every new window (a filter that refits it, a zoom) and a new width', async () => {
    const { page, context, errors } = await openApp(browser(), '', { width: 1366, height: 768 });
    await waitForViews(page, TOTAL);
    // The axis's labels (text@left) and the panel's right edge, read in one frame.
    const labelsAndPanel = () =>
      timeline(page).evaluate((region) => {
        const labels = Array.from(region.querySelectorAll('.vis-time-axis.vis-foreground .vis-text.vis-minor:not(.vis-measure)'));
        return {
          axis: labels.map((el) => `${el.textContent}@${Math.round(el.getBoundingClientRect().left)}`).join(' '),
          lastLeft: Math.max(...labels.map((el) => el.getBoundingClientRect().left)),
          panelRight: region.querySelector('.vis-center')!.getBoundingClientRect().right,
        };
      });
    const axis = async () => (await labelsAndPanel()).axis;
    const before = await axis();
    expect(before).toMatch(/^2018@\d+ 2019@/);
    // Japan's meetings are fewer and later: the timeline fits them, and the axis labels the new window.
    await page.getByRole('group', { name: 'Country or organization' }).getByRole('checkbox', { name: /^Japan/ }).check();
    await expect.poll(axis).not.toBe(before);
    const fitted = await axis();
    const box = (await timeline(page).locator('.vis-center').first().boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 40);
    await page.mouse.wheel(0, -400);
    await expect.poll(axis).not.toBe(fitted);
    const zoomed = await axis();
    // Narrower: the labels are laid out again for the new width (none left beyond the panel's right edge). The views
    // take two frames to settle (the split rearranges itself after the window's own layout), so the labels and the
    // panel are read together until the new layout holds.
    await page.setViewportSize({ width: 1000, height: 768 });
    await expect.poll(axis).not.toBe(zoomed);
    await expect
      .poll(async () => {
        const now = await labelsAndPanel();
        return now.lastLeft < now.panelRight;
      })
      .toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lists every key in a dialog opened with ?, and Escape returns focus', async () => {
    const { page, context } = await openApp(browser());
    await waitForViews(page, TOTAL);
    await page.locator(host).focus();
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect.poll(() => dialog.count()).toBe(1);
    expect(await dialog.textContent()).toContain('Previous / next meeting in time order');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, host)).toBe(true);
    await context.close();
  });
});
