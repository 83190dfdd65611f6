import type { BrowserContext, Page } from 'playwright-core';

/**
 * Load-phase measurements: the bare parse of a file in a worker (the baseline for the first render), a real click
 * during loading (how long until the page handles it and paints), and the JS heap after load. In-page functions are
 * serialized by Playwright, so they are self-contained.
 */

export interface ClickSample {
  /** From the input event's time stamp (when the browser received it) to the handler running. */
  handledMs: number;
  /** ...to the frame after the handler: what the user sees. */
  paintedMs: number;
}

declare global {
  interface Window {
    __clicks: ClickSample[];
  }
}

/** Init script: records every trusted click's delay (capture phase, before any app handler). */
export function installClickProbe(): void {
  window.__clicks = [];
  window.addEventListener(
    'click',
    (e) => {
      if (!e.isTrusted) return;
      const handled = performance.now();
      requestAnimationFrame(() =>
        setTimeout(() => window.__clicks.push({ handledMs: handled - e.timeStamp, paintedMs: performance.now() - e.timeStamp }), 0),
      );
    },
    true,
  );
}

/**
 * The bare parse in a dedicated worker on a blank page: JSON is fetch + JSON.parse; a TSV is decoding and papaparse
 * (as the app calls it, row by row) alone, fetched beforehand. Returns ms on the worker's clock.
 */
export async function measureBareParseInWorker(args: { url: string; kind: 'json' | 'tsv'; papaUrl: string }): Promise<number> {
  const body =
    args.kind === 'json'
      ? `onmessage = async (e) => { const t0 = performance.now(); const r = await fetch(e.data.url, { cache: 'no-store' }); JSON.parse(await r.text()); postMessage(performance.now() - t0); };`
      : `importScripts(${JSON.stringify(args.papaUrl)});
         onmessage = async (e) => {
           const bytes = await (await fetch(e.data.url, { cache: 'no-store' })).arrayBuffer();
           const t0 = performance.now();
           const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
           const rows = [];
           Papa.parse(text, { delimiter: '\\t', skipEmptyLines: false, step: (r) => { rows.push(r.data); } });
           postMessage(performance.now() - t0);
         };`;
  const blobUrl = URL.createObjectURL(new Blob([body], { type: 'text/javascript' }));
  const worker = new Worker(blobUrl);
  try {
    return await new Promise<number>((resolve, reject) => {
      worker.onmessage = (e: MessageEvent<number>) => resolve(e.data);
      worker.onerror = (e) => reject(new Error(e.message || 'bare parse worker failed'));
      worker.postMessage({ url: new URL(args.url, location.href).href });
    });
  } finally {
    worker.terminate();
    URL.revokeObjectURL(blobUrl);
  }
}

/** What is clicked while loading: the progress bar's label (harmless), else the loading message. */
const DURING_LOAD = 'main.loading .import-progress label span, main.loading p[role="status"]';

/**
 * Clicks the loading screen every `everyMs` while it shows (from its first appearance until the views replace it) and
 * returns the worst delay seen; null when the load ended before a click could land. `done` ends the wait when the
 * loading screen never appears (a load faster than the first look).
 */
export async function clickWhileLoading(page: Page, done: () => Promise<boolean>, everyMs = 150, timeoutMs = 600_000): Promise<ClickSample | null> {
  const until = Date.now() + timeoutMs;
  let seen = false;
  while (Date.now() < until) {
    const present = (await page.locator('main.loading').count().catch(() => 0)) > 0;
    if (present) seen = true;
    else if (seen || (await done())) break;
    const box = present ? await page.locator(DURING_LOAD).first().boundingBox({ timeout: 50 }).catch(() => null) : null;
    // Re-check right before clicking: the views must not have replaced the loading screen.
    if (box && (await page.locator('main.loading').count())) await page.mouse.click(box.x + Math.min(5, box.width / 2), box.y + box.height / 2);
    await page.waitForTimeout(everyMs);
  }
  await page.waitForTimeout(100); // the last click's paint sample
  const clicks = await page.evaluate(() => window.__clicks);
  if (!clicks.length) return null;
  return clicks.reduce((worst, c) => (c.paintedMs > worst.paintedMs ? c : worst));
}

/** Used JS heap of the page (main thread) after a full garbage collection, in MiB. */
export async function heapAfterGc(context: BrowserContext, page: Page): Promise<number> {
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize / 2 ** 20;
  } finally {
    await cdp.detach();
  }
}
