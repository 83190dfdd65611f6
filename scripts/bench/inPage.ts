/**
 * Code that runs inside the benchmarked page. Timing happens here, with performance.now(), so the numbers are not
 * dominated by the DevTools-protocol round trips that drive the page. Each function is serialized by Playwright,
 * so it must be self-contained (no imports, no outer variables).
 */

export interface WaitResult {
  ok: boolean;
  ms: number;
  statusText: string;
  timelineCount: string | null;
  networkCount: string | null;
}

export interface BenchProbe {
  expectedTotal: number;
  longtasks: { start: number; duration: number }[];
  /** Long animation frames, with the scripts that ran in each (what a long task was doing). */
  longframes: { start: number; duration: number; scripts: string[] }[];
  firstRenderAt: number | null;
  viewState(): { status: string; statusCount: number | null; timeline: string | null; network: string | null; timelineMode: string | null; networkMode: string | null };
  arm(expected: number | string | null, kind: 'count' | 'details' | 'metric' | 'window', timeoutMs: number): void;
  result(): Promise<WaitResult>;
  startSampling(): void;
  stopSampling(): { frameStamps: number[]; maxItems: number };
  maxItems: number;
}

declare global {
  interface Window {
    __bench: BenchProbe;
  }
}

/** Installed before any page script: long-task log, first-render detection, and the per-step waiter. */
export function installProbe(expectedTotal: number): void {
  const TIMELINE = '[aria-label="Timeline"][data-rendered-count], [aria-label="Timeline"] [data-rendered-count]';
  const NETWORK = '[aria-label="Network"][data-rendered-meetings], [aria-label="Network"] [data-rendered-meetings]';
  const ATTRS = ['data-rendered-count', 'data-rendered-meetings'];
  const STATUS_TEXT = /^([\d,]+)(?: of ([\d,]+))? meetings?$/;

  // Elements are looked up once and again only when they are gone or no longer match: a query of the whole document
  // in every frame of a step cost 1.8 ms per look once the network's keyboard list held 30,000 actors (91,000
  // elements at 250k), probe time that delayed the app's own tasks and was counted in every step.
  const cached = new Map<string, Element>();
  const find = (selector: string): Element | null => {
    const known = cached.get(selector);
    if (known?.isConnected && known.matches(selector)) return known;
    const found = document.querySelector(selector);
    if (found) cached.set(selector, found);
    else cached.delete(selector);
    return found;
  };
  let statusElement: Element | null = null;
  const statusOf = (el: Element | null) => (el?.isConnected && el.getAttribute('role') === 'status' ? STATUS_TEXT.exec((el.textContent ?? '').trim()) : null);
  const viewState = () => {
    let status = '';
    let statusCount: number | null = null;
    let m = statusOf(statusElement);
    if (!m) {
      statusElement = null;
      for (const el of Array.from(document.querySelectorAll('[role="status"]'))) {
        m = statusOf(el);
        if (m) {
          statusElement = el;
          break;
        }
      }
    }
    if (m && statusElement) {
      status = (statusElement.textContent ?? '').trim();
      statusCount = Number(m[1]!.replace(/,/g, ''));
    }
    const t = find(TIMELINE);
    const n = find(NETWORK);
    return {
      status,
      statusCount,
      timeline: t?.getAttribute('data-rendered-count') ?? null,
      network: n?.getAttribute('data-rendered-meetings') ?? null,
      timelineMode: t?.getAttribute('data-mode') ?? null,
      networkMode: n?.getAttribute('data-mode') ?? null,
    };
  };
  const showsCount = (expected: number) => {
    const s = viewState();
    return s.statusCount === expected && s.timeline === String(expected) && s.network === String(expected);
  };
  // Resolves after the frame that follows `now` has been produced, i.e. what the user sees.
  const afterPaint = (then: () => void) => requestAnimationFrame(() => setTimeout(then, 0));

  const probe: BenchProbe = {
    expectedTotal,
    longtasks: [],
    longframes: [],
    firstRenderAt: null,
    maxItems: 0,
    viewState,
    arm: () => undefined,
    result: () => Promise.reject(new Error('not armed')),
    startSampling: () => undefined,
    stopSampling: () => ({ frameStamps: [], maxItems: 0 }),
  };
  window.__bench = probe;

  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) probe.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No long-task support: the metric is reported as missing.
  }
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as { startTime: number; duration: number; scripts: { invoker: string; invokerType: string; sourceURL: string; sourceFunctionName: string; duration: number }[] }[]) {
        const scripts = e.scripts
          .filter((s) => s.duration >= 5)
          .map((s) => `${/script$/.test(s.invokerType) ? 'evaluate' : s.invoker || s.invokerType} ${(s.sourceURL.split('/').pop() ?? '').replace(/-[\w-]{8}\.js$/, '.js')}${s.sourceFunctionName ? ':' + s.sourceFunctionName : ''} ${Math.round(s.duration)} ms`);
        probe.longframes.push({ start: e.startTime, duration: e.duration, scripts });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    // No long-animation-frame support: long tasks are reported without what ran in them.
  }

  // Views report each applied update through these attributes, so watching them (not every DOM change) is cheap.
  const freshAttrs = new Set<string>();
  let onChange: (() => void) | null = null;
  const watcher = new MutationObserver((records) => {
    for (const r of records) if (r.attributeName) freshAttrs.add(r.attributeName);
    onChange?.();
  });
  watcher.observe(document, { subtree: true, attributes: true, attributeFilter: ATTRS });

  const tryFirstRender = () => {
    if (onChange === null) return true;
    if (!showsCount(expectedTotal)) return false;
    onChange = null;
    afterPaint(() => (probe.firstRenderAt = performance.now()));
    return true;
  };
  onChange = tryFirstRender;
  requestAnimationFrame(function poll() {
    if (!tryFirstRender()) requestAnimationFrame(poll);
  });

  probe.arm = (expected, kind, timeoutMs) => {
    const before = viewState();
    let t0: number | null = null;
    const events = ['pointerdown', 'mousedown', 'keydown', 'input', 'change', 'click'];
    const onEvent = (e: Event) => {
      if (t0 !== null) return;
      t0 = e.timeStamp || performance.now();
      freshAttrs.clear();
      for (const type of events) window.removeEventListener(type, onEvent, true);
    };
    for (const type of events) window.addEventListener(type, onEvent, true);
    const countChanges = expected !== null && before.statusCount !== expected;
    const done = () => {
      if (t0 === null) return false;
      if (kind === 'details') {
        // The selection's panel, not the column: wide windows show the column (saying what to select) before it.
        const details = find('[aria-label="Details"] .detail-panel');
        return !!details && (details.textContent ?? '').trim().length > 0;
      }
      if (kind === 'metric') {
        // The network drew the new sizes and the "Most central" list names the measure.
        const sized = find('[aria-label="Network"] [data-sized-by]')?.getAttribute('data-sized-by');
        const list = find('[aria-label="Network"] .most-central-list')?.getAttribute('aria-label') ?? '';
        return sized === expected && list.endsWith(`by ${String(expected)}`);
      }
      if (kind === 'window') {
        // A playback step: the network (following the timeline window) shows the new window's meetings.
        const shown = viewState().network;
        return shown === String(expected) && (before.network !== shown || freshAttrs.has(ATTRS[1]!));
      }
      // If the count does not change, only a fresh report from both views proves they applied the new filters.
      return showsCount(expected as number) && (countChanges || (freshAttrs.has(ATTRS[0]!) && freshAttrs.has(ATTRS[1]!)));
    };
    // Watched from the moment it is armed, not from when the driver asks for the result: that request is a DevTools
    // round trip which reached the page before or after the first frame by chance (the same build's selection step
    // measured 27 or 45 ms, one frame apart, depending on it).
    const armedAt = performance.now();
    let outcome: WaitResult | null = null;
    let deliver: ((r: WaitResult) => void) | null = null;
    const finish = (ok: boolean) => {
      onChange = null;
      const s = viewState();
      const end = performance.now();
      outcome = { ok, ms: t0 === null ? NaN : end - t0, statusText: s.status, timelineCount: s.timeline, networkCount: s.network };
      deliver?.(outcome);
    };
    // Checked in every animation frame: what a frame callback sees is in that frame, produced once the frame's own
    // rendering is done, and a task posted now runs after it. A change made in a task is seen by the next frame, which
    // shows it; one made by a view's own frame callback that runs after this one, a frame late. The task is posted at
    // the highest priority: a timer waited behind whatever the app had queued meanwhile (its deferred renders, a
    // worker's answer), work that comes after the frame and changes nothing it shows (traced: 8-28 ms later).
    const afterFrame = (then: () => void) => {
      const tasks = (globalThis as { scheduler?: { postTask?(cb: () => void, o: { priority: string }): Promise<void> } }).scheduler;
      if (tasks?.postTask) void tasks.postTask(then, { priority: 'user-blocking' });
      else setTimeout(then, 0);
    };
    const poll = () => {
      if (done()) {
        afterFrame(() => finish(true));
        return;
      }
      if (performance.now() - armedAt > timeoutMs) return finish(false);
      requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
    onChange = null;
    probe.result = () => (outcome ? Promise.resolve(outcome) : new Promise<WaitResult>((resolve) => (deliver = resolve)));
  };

  let sampling = false;
  let stamps: number[] = [];
  probe.startSampling = () => {
    const timeline = document.querySelector('[aria-label="Timeline"]');
    const items = timeline ? timeline.getElementsByClassName('vis-item') : null;
    sampling = true;
    stamps = [];
    const frame = (t: number) => {
      if (!sampling) return;
      stamps.push(t);
      if (items && items.length > probe.maxItems) probe.maxItems = items.length;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  };
  probe.stopSampling = () => {
    sampling = false;
    return { frameStamps: stamps, maxItems: probe.maxItems };
  };
}

/** fetch + JSON.parse of the dataset alone, in the page, as the baseline for the first render. */
export async function measureParse(url: string): Promise<number> {
  const t0 = performance.now();
  const response = await fetch(url, { cache: 'no-store' });
  JSON.parse(await response.text());
  return performance.now() - t0;
}

/**
 * The naive way to filter a vis-timeline: a timeline holding every meeting, then `setItems(new DataSet(subset))`.
 * Needs the standalone vis-timeline build on `window.vis`. Returns ms until the frame after the update.
 */
export async function measureNaiveFilter(args: { url: string; keep: number[] }): Promise<{ ms: number; setupMs: number }> {
  const vis = (window as unknown as { vis: { Timeline: new (el: Element, items: unknown, opts: object) => { setItems(d: unknown): void; destroy(): void }; DataSet: new (items: object[]) => unknown } }).vis;
  const data = (await (await fetch(args.url, { cache: 'no-store' })).json()) as { meetings: { id: string; summary: string; earliest: string; latest: string }[] };
  const toItem = (m: { id: string; summary: string; earliest: string; latest: string }) => ({ id: m.id, content: m.summary, start: m.earliest, ...(m.latest !== m.earliest ? { end: m.latest } : {}) });
  const host = document.createElement('div');
  host.style.cssText = 'position:absolute;left:-12000px;top:0;width:1000px;height:400px;overflow:hidden';
  document.body.appendChild(host);
  const frame = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const s0 = performance.now();
  const timeline = new vis.Timeline(host, new vis.DataSet(data.meetings.map(toItem)), {});
  await frame();
  const setupMs = performance.now() - s0;
  const subset = args.keep.map((i) => toItem(data.meetings[i]!));
  const t0 = performance.now();
  timeline.setItems(new vis.DataSet(subset));
  await frame();
  const ms = performance.now() - t0;
  timeline.destroy();
  host.remove();
  return { ms, setupMs };
}
