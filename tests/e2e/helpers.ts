import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

export const bundled = () => JSON.parse(readFileSync('public/data/meetings.json', 'utf8'));
export const TOTAL = bundled().meetings.length as number;
export const XSS = '<img src=x onerror=alert(1)>';

export const countStatus = (page: Page): Locator => page.locator('.count-status');
export const timeline = (page: Page): Locator => page.getByRole('region', { name: 'Timeline' });
export const network = (page: Page): Locator => page.getByRole('region', { name: 'Network' });
export const details = (page: Page): Locator => page.getByRole('complementary', { name: 'Details' });
export const networkNode = (page: Page, name: string): Locator => network(page).getByRole('button', { name, exact: true });
export const timelineItem = (page: Page, meetingId: string): Locator => timeline(page).locator(`.vis-item[data-meeting="${meetingId}"]`);

/** A mouse click at the centre of what the locator shows (the network hit-tests clicks on its surface). */
export async function clickAt(page: Page, target: Locator): Promise<void> {
  const box = await target.boundingBox();
  if (!box) throw new Error('target is not visible');
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/**
 * Clicks a network actor where it is drawn, once the layout has settled and the actor has stopped moving: a filter
 * change restarts the layout (and may refit the view), and a click aimed at where a moving node was lands on empty
 * background, which selects nothing. A faster browser clicks sooner, so without this wait the test depends on speed.
 */
export async function clickNetworkNode(page: Page, name: string): Promise<void> {
  await network(page).locator('[data-layout="settled"]').waitFor({ state: 'attached' });
  const circle = networkNode(page, name).locator('circle');
  let box = await circle.boundingBox();
  await expect
    .poll(async () => {
      const previous = box;
      box = await circle.boundingBox();
      return previous !== null && box !== null && previous.x === box.x && previous.y === box.y;
    }, { timeout: 10_000, interval: 100 })
    .toBe(true);
  await clickAt(page, circle);
}

/** The number the count status announces: "N meetings" or "N of M meetings". */
export async function shownCount(page: Page): Promise<number> {
  const text = (await countStatus(page).textContent()) ?? '';
  const match = /^([\d,]+)/.exec(text.trim());
  if (!match) throw new Error(`count status reads "${text}"`);
  return Number(match[1]!.replace(/,/g, ''));
}

/** The count status, the timeline and the network all depict the same `n` meetings. */
export async function expectViewsAgree(page: Page, n: number): Promise<void> {
  await expect.poll(() => shownCount(page)).toBe(n);
  await expect.poll(() => timeline(page).locator('[data-rendered-count]').getAttribute('data-rendered-count')).toBe(String(n));
  await expect.poll(() => network(page).locator('[data-rendered-meetings]').getAttribute('data-rendered-meetings')).toBe(String(n));
}

/** Presses Tab until `done` holds for the focused element (as a person tabbing through the page would). */
export async function tabUntil(page: Page, done: string, max = 150): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(`(() => { const el = document.activeElement; return !!el && (${done}); })()`)) return;
  }
  throw new Error(`never reached an element where ${done}`);
}

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** axe-core violations of impact serious or critical on the current page. */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.targets.join(', ')}`);
}
