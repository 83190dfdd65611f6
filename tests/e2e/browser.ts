import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launchResolved } from '../../scripts/browser/launch';

/** The browser found once by browserSetup.ts (CHROME_PATH, a system Chromium, or the packaged one). */
export function launchBrowser(): Promise<Browser> {
  return launchResolved(inject('browser'));
}

/** One Chromium per test file: launched before its tests, closed after. Call at the top of a file. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser is not running (call useBrowser at the top of the test file)');
    return browser;
  };
}

export const appUrl = (query = ''): string => `${inject('appUrl')}${query ? `?${query.replace(/^\?/, '')}` : ''}`;

export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  /** Console errors and uncaught page errors seen so far. */
  errors: string[];
  /** Console warnings, and logged lines that call themselves one (vis-timeline logs "WARNING: …" as a plain log). */
  warnings: string[];
  /** Set when any `alert`/`confirm`/`prompt` dialog opens: an injected script ran. */
  dialogs: string[];
}

export async function openApp(browser: Browser, query = '', options: { width?: number; height?: number } = {}): Promise<OpenedPage> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1400, height: options.height ?? 950 },
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  const page = await context.newPage();
  const errors: string[] = [];
  const warnings: string[] = [];
  const dialogs: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
    else if (msg.type() === 'warning' || /^warning\b/i.test(msg.text())) warnings.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(appUrl(query));
  return { page, context, errors, warnings, dialogs };
}

/** Waits until both views have drawn `count` meetings. */
export async function waitForViews(page: Page, count: number): Promise<void> {
  await page.locator(`[aria-label="Timeline"] [data-rendered-count="${count}"]`).waitFor({ state: 'attached' });
  await page.locator(`[aria-label="Network"] [data-rendered-meetings="${count}"]`).waitFor({ state: 'attached' });
}
