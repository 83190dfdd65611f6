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
    /** Where the loading screen's message is (set when it first shows), and when it went away. */
    __loadingAt: { x: number; y: number } | null;
    __loadingGoneAt: number | null;
  }
}

export const LOADING_GONE = 'parley-bench:loading-gone';

/**
 * Init script: watches the loading screen (its position once shown, the moment the views replace it) and records every
 * trusted click's delay (capture phase, before any app handler). A click issued while loading but handled only after a
 * long task is still a click during loading: it is measured and kept from reaching the app.
 */
export function installClickProbe(): void {
  window.__clicks = [];
  window.__loadingAt = null;
  window.__loadingGoneAt = null;
  // Disconnected once the views are up: left on, its document-wide queries ran after every change to the page for
  // the rest of the run, ~1 ms each over the 91,000 elements of a 250k page, counted in every step.
  const watcher = new MutationObserver(() => {
    const status = document.querySelector('main.loading p[role="status"]');
    if (status) {
      if (!window.__loadingAt) {
        const r = status.getBoundingClientRect();
        window.__loadingAt = { x: r.left + Math.min(5, r.width / 2), y: r.top + r.height / 2 };
      }
      return;
    }
    if (window.__loadingAt) {
      window.__loadingGoneAt = performance.now();
      console.debug('parley-bench:loading-gone');
    } else if (!document.querySelector('.app')) return; // not started yet
    watcher.disconnect();
  });
  watcher.observe(document, { subtree: true, childList: true });
  window.addEventListener(
    'click',
    (e) => {
      if (!e.isTrusted) return;
      const handled = performance.now();
      const late = window.__loadingGoneAt !== null && e.timeStamp >= window.__loadingGoneAt;
      if (late) return;
      if (window.__loadingGoneAt !== null) {
        e.stopPropagation();
        e.preventDefault();
      }
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

/**
 * Clicks the loading screen's message every `everyMs` from its first appearance until the views replace it, and
 * returns the worst delay seen; null when the load ended before a click could land. Between clicks nothing asks the
 * page anything (a question would wait out a long task, and the next click would only land after it): the end of
 * loading is announced on the console.
 */
export async function clickWhileLoading(page: Page, done: () => Promise<boolean>, everyMs = 150, timeoutMs = 600_000): Promise<ClickSample | null> {
  const until = Date.now() + timeoutMs;
  let gone = false;
  const onConsole = (m: { text(): string }) => void (m.text() === LOADING_GONE && (gone = true));
  page.on('console', onConsole);
  try {
    let at: { x: number; y: number } | null = null;
    while (!at && Date.now() < until) {
      at = await page.evaluate(() => window.__loadingAt).catch(() => null);
      if (!at) {
        if (await done()) return null;
        await page.waitForTimeout(50);
      }
    }
    while (at && !gone && Date.now() < until) {
      await page.mouse.click(at.x, at.y);
      await page.waitForTimeout(everyMs);
    }
    await page.waitForTimeout(200); // the last click's paint sample
    const clicks = await page.evaluate(() => window.__clicks);
    if (!clicks.length) return null;
    return clicks.reduce((worst, c) => (c.paintedMs > worst.paintedMs ? c : worst));
  } finally {
    page.off('console', onConsole);
  }
}

/**
 * Used JS heap of the page (main thread) after a full garbage collection, and the ArrayBuffer memory it holds outside
 * that heap (typed arrays, a large dataset's file bytes: see recordBytes.ts), in MiB.
 */
export async function heapAfterGc(context: BrowserContext, page: Page): Promise<{ heapUsedMB: number; arrayBuffersMB: number | null }> {
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize, backingStorageSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; backingStorageSize?: number };
    return { heapUsedMB: usedSize / 2 ** 20, arrayBuffersMB: backingStorageSize === undefined ? null : backingStorageSize / 2 ** 20 };
  } finally {
    await cdp.detach();
  }
}
