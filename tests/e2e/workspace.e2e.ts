import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appUrl, openApp, useBrowser, waitForViews } from './browser';
import { bundled, details, seriousAxeViolations, timelineItem, TOTAL } from './helpers';

const browser = useBrowser();
// Exact names: the detail panel has regions whose names begin with "Network" too.
const timeline = (page: Page) => page.getByRole('region', { name: 'Timeline', exact: true });
const network = (page: Page) => page.getByRole('region', { name: 'Network', exact: true });
const data = bundled();
const actorName = new Map<string, string>(data.actors.map((a: { id: string; name: string }) => [a.id, a.name]));
const participantsOf = (meetingId: string): string[] =>
  data.meetings.find((m: { id: string }) => m.id === meetingId).participants.map((p: { actorId: string }) => actorName.get(p.actorId)!);

type Box = { x: number; y: number; width: number; height: number };
const inside = (inner: Box, outer: Box, slack = 0.5) =>
  inner.x >= outer.x - slack && inner.y >= outer.y - slack && inner.x + inner.width <= outer.x + outer.width + slack && inner.y + inner.height <= outer.y + outer.height + slack;

/** The page does not scroll, and both views (their whole regions) lie inside the window. */
async function expectViewsInWindow(page: Page) {
  const { w, h, scroll } = await page.evaluate(() => ({ w: innerWidth, h: innerHeight, scroll: document.documentElement.scrollHeight }));
  expect(scroll).toBeLessThanOrEqual(h);
  const windowBox = { x: 0, y: 0, width: w, height: h };
  for (const region of [timeline(page), network(page)]) {
    const box = (await region.boundingBox())!;
    expect(box.height).toBeGreaterThan(120);
    expect(inside(box, windowBox), JSON.stringify({ box, windowBox })).toBe(true);
  }
}

/** The timeline draws every meeting inside its chart: none needs the chart's own vertical scroll. */
async function expectAllMeetingsInChart(page: Page) {
  const outside = () =>
    page.evaluate(() => {
      const chart = document.querySelector('.tl-root .vis-panel.vis-center')!.getBoundingClientRect();
      const items = [...document.querySelectorAll('.tl-root .vis-item[data-meeting]')];
      const out = items.filter((el) => {
        const b = el.getBoundingClientRect();
        return b.top < chart.top - 1 || b.bottom > chart.bottom + 1;
      });
      return `${out.length} of ${items.length} outside`;
    });
  await expect.poll(outside).toBe(`0 of ${TOTAL} outside`);
}

/** Every named actor's disc is drawn inside the network's box (read from the drawn nodes, once any refit has finished). */
async function expectActorsInNetworkBox(page: Page, names: string[]) {
  await expect
    .poll(async () => {
      const frame = (await page.locator('.network-frame').boundingBox())!;
      for (const name of names) {
        const disc = await network(page).getByRole('button', { name, exact: true }).locator('circle').boundingBox();
        if (!disc || !inside(disc, frame)) return `${name} at ${JSON.stringify(disc)} outside ${JSON.stringify(frame)}`;
      }
      return 'all inside';
    }, { timeout: 8000 })
    .toBe('all inside');
}

describe('a workspace that fits the window', () => {
  for (const [width, height] of [
    [1366, 768],
    [1280, 720],
  ] as const) {
    it(`${width}×${height}: both views fit on load and after opening a meeting, whose participants stay inside the network`, async () => {
      const { page, context, errors } = await openApp(browser(), '', { width, height });
      await waitForViews(page, TOTAL);
      await expectViewsInWindow(page);
      // The detail column is there before anything is selected, so opening a meeting does not resize the views.
      expect(await details(page).getByRole('heading', { level: 2 }).textContent()).toBe('Nothing selected');
      const boxesBefore = await Promise.all([timeline(page).boundingBox(), network(page).boundingBox()]);
      const meeting = '2020-08-17-assad-khaji';
      await timelineItem(page, meeting).click();
      await expect.poll(() => details(page).getByRole('heading', { level: 2 }).first().textContent()).toContain('Bashar al-Assad');
      expect(await Promise.all([timeline(page).boundingBox(), network(page).boundingBox()])).toEqual(boxesBefore);
      await expectViewsInWindow(page);
      await expectAllMeetingsInChart(page);
      await expectActorsInNetworkBox(page, participantsOf(meeting));
      // An actor selection (its counterparts are context) also keeps them in view.
      await page.goto(appUrl('select=actor:sosan'));
      await waitForViews(page, TOTAL);
      await expectViewsInWindow(page);
      await expectActorsInNetworkBox(page, ['Ayman Sosan']);
      if (width === 1280) {
        // Long filter chips flow in rows, none over another's ×; after a filter change every drawn actor is in the box.
        await page.goto(appUrl('actor=iranian-fm-delegation-2021-07,amir-abdollahian,syrian-officials&country=IRN,SYR&from=2019-01-01&to=2023-12-31'));
        await page.getByRole('button', { name: 'Remove filter: Syria', exact: true }).waitFor();
        const covered = await page.evaluate(() =>
          [...document.querySelectorAll<HTMLElement>('.active-filters .chip button')].filter((b) => {
            b.scrollIntoView({ block: 'nearest' });
            const r = b.getBoundingClientRect();
            return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) !== b;
          }).map((b) => b.getAttribute('aria-label')),
        );
        expect(covered).toEqual([]);
        await page.getByRole('button', { name: 'Remove filter: Syria', exact: true }).click();
        await expect.poll(() => page.getByRole('button', { name: 'Remove filter: Syria', exact: true }).count()).toBe(0);
        await expect
          .poll(
            () =>
              page.evaluate(() => {
                const frame = document.querySelector('.network-frame')!.getBoundingClientRect();
                const discs = [...document.querySelectorAll('.network-view .network-node circle')].map((c) => c.getBoundingClientRect());
                const out = discs.filter((d) => d.left < frame.left - 0.5 || d.top < frame.top - 0.5 || d.right > frame.right + 0.5 || d.bottom > frame.bottom + 0.5);
                return document.querySelector('.network-view [data-layout="settled"]') ? `${out.length} of ${discs.length} outside` : 'running';
              }),
            { timeout: 10_000 },
          )
          .toMatch(/^0 of [1-9]\d* outside$/);
      }
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('the splitter moves by keyboard, says its value, and the sizes persist across a reload', async () => {
    const { page, context } = await openApp(browser(), '', { width: 1366, height: 768 });
    await waitForViews(page, TOTAL);
    const splitter = page.getByRole('separator', { name: 'Resize timeline and network' });
    expect(await splitter.getAttribute('aria-controls')).toBe(await timeline(page).getAttribute('id'));
    const before = Number(await splitter.getAttribute('aria-valuenow'));
    const heightBefore = (await timeline(page).boundingBox())!.height;
    await splitter.focus();
    expect(await splitter.evaluate((el) => el.matches(':focus-visible') || getComputedStyle(el).outlineStyle !== 'none')).toBe(true);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => splitter.getAttribute('aria-valuenow')).toBe(String(before + 10));
    await expect.poll(async () => (await timeline(page).boundingBox())!.height).toBeGreaterThan(heightBefore + 40);
    await page.getByRole('button', { name: 'Side by side' }).click();
    await page.keyboard.press('Tab');
    await page.reload();
    await waitForViews(page, TOTAL);
    expect(await page.getByRole('button', { name: 'Side by side' }).getAttribute('aria-pressed')).toBe('true');
    const tl = (await timeline(page).boundingBox())!;
    const net = (await network(page).boundingBox())!;
    expect(net.x).toBeGreaterThan(tl.x + tl.width - 1);
    await page.getByRole('button', { name: 'Stacked' }).click();
    await expect.poll(() => page.getByRole('separator').getAttribute('aria-valuenow')).toBe(String(before + 10));
    await expectViewsInWindow(page);
    await context.close();
  });

  it('axe-core: no serious or critical violations with dimmed meetings and actors, light and dark', async () => {
    const { page, context } = await openApp(browser(), 'select=actor:sosan', { width: 1366, height: 768 });
    await waitForViews(page, TOTAL);
    // The timeline's More panel (settings and legend over the chart) is open for the check too.
    await timeline(page).getByRole('button', { name: 'More' }).click();
    await timeline(page).getByRole('group', { name: 'More timeline controls' }).waitFor();
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await expect.poll(() => page.locator('.network-node.is-dimmed').count()).toBeGreaterThan(0);
      expect(await page.locator('.tl-root.has-highlight').count()).toBe(1);
      expect(await seriousAxeViolations(page)).toEqual([]);
    }
    await context.close();
  });
});

describe('a phone (375×812, touch)', () => {
  it('compact header, a tap selects the meeting under the finger, details open as a sheet and give focus back', async () => {
    const context = await browser().newContext({ viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    await page.goto(appUrl());
    await waitForViews(page, TOTAL);
    await expectViewsInWindow(page);
    expect((await page.locator('.app-header').boundingBox())!.height).toBeLessThanOrEqual(812 * 0.15);
    // A meeting the timeline shows (others may be scrolled out of its pane), tapped where it is drawn.
    const target = await page.evaluate(() => {
      for (const el of document.querySelectorAll<HTMLElement>('.vis-item.tl-meeting[data-meeting]')) {
        const r = el.getBoundingClientRect();
        const x = r.left + Math.min(r.width / 2, 30);
        const y = r.top + r.height / 2;
        if (el.contains(document.elementFromPoint(x, y))) return { id: el.dataset.meeting!, x, y };
      }
      return null;
    });
    expect(target).not.toBeNull();
    const meeting = target!.id;
    await page.touchscreen.tap(target!.x, target!.y);
    await expect.poll(() => new URL(page.url()).searchParams.get('select')).toBe(`meeting:${meeting}`);
    const sheet = details(page);
    await expect.poll(() => sheet.getByRole('heading', { level: 2 }).first().textContent()).toContain(participantsOf(meeting)[0]);
    // The click that follows the tap did not open what the sheet put under the finger.
    await page.waitForTimeout(600);
    expect(new URL(page.url()).searchParams.get('select')).toBe(`meeting:${meeting}`);
    expect(await sheet.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    const sheetBox = (await sheet.boundingBox())!;
    expect(sheetBox.y + sheetBox.height).toBeLessThanOrEqual(812.5);
    await expectViewsInWindow(page);
    await page.keyboard.press('Escape');
    await expect.poll(() => sheet.count()).toBe(0);
    await context.close();
  });
});
