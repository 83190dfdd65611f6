// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installProbe } from '../../scripts/bench/inPage';

/** Animation frames run only when the test says so, the way a browser runs them between tasks. */
let frames: FrameRequestCallback[] = [];
function runFrame(): void {
  const due = frames;
  frames = [];
  for (const callback of due) callback(performance.now());
}
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** An input event stamped as a browser stamps it (ms since the time origin; jsdom uses the epoch). */
function input(type: string): number {
  const event = new Event(type);
  const at = performance.now();
  Object.defineProperty(event, 'timeStamp', { value: at });
  window.dispatchEvent(event);
  return at;
}

beforeEach(() => {
  frames = [];
  window.requestAnimationFrame = (callback) => frames.push(callback);
  document.body.innerHTML = '<aside aria-label="Details"></aside>';
  installProbe(13);
});
afterEach(() => {
  document.body.innerHTML = '';
});

function showDetails(): void {
  const panel = document.createElement('section');
  panel.className = 'detail-panel';
  panel.textContent = 'Ali Asghar Khaji';
  document.querySelector('[aria-label="Details"]')!.append(panel);
}

describe('the benchmark probe', () => {
  it('ends a step after the first frame that shows the result, however late the driver asks for it', async () => {
    window.__bench.arm(null, 'details', 10_000);
    const inputAt = input('pointerdown');
    runFrame(); // nothing to see yet
    showDetails();
    runFrame(); // the frame that shows it
    await nextTask();
    const shownAt = performance.now();
    // Frames and time pass before the driver's request arrives; they must not count.
    for (let i = 0; i < 5; i++) runFrame();
    await wait(40);
    const result = await window.__bench.result();
    expect(result.ok).toBe(true);
    expect(result.ms).toBeGreaterThanOrEqual(0);
    expect(result.ms).toBeLessThanOrEqual(shownAt - inputAt + 1);
    expect(performance.now() - inputAt).toBeGreaterThan(result.ms + 30);
  });

  it('waits for a result asked for before it is shown, and starts the clock at the input event', async () => {
    window.__bench.arm(null, 'details', 10_000);
    const pending = window.__bench.result();
    runFrame();
    await wait(20);
    const inputAt = input('keydown');
    showDetails();
    runFrame();
    const result = await pending;
    expect(result.ok).toBe(true);
    // Measured from the keydown, not from arming (20 ms earlier).
    expect(result.ms).toBeGreaterThanOrEqual(0);
    expect(result.ms).toBeLessThan(performance.now() - inputAt + 1);
  });

  it('does not end before an input event, even when the result is already on screen', async () => {
    showDetails();
    window.__bench.arm(null, 'details', 10_000);
    let settled = false;
    void window.__bench.result().then(() => (settled = true));
    runFrame();
    await nextTask();
    expect(settled).toBe(false);
    input('click');
    runFrame();
    await nextTask();
    expect(settled).toBe(true);
  });

  it('reports a step that never shows its result as failed once its time is up', async () => {
    window.__bench.arm(null, 'details', 10);
    input('pointerdown');
    await wait(20);
    runFrame();
    const result = await window.__bench.result();
    expect(result.ok).toBe(false);
  });

  /** The count status and both views as the app reports them (attributes the views set after each update). */
  function showViews(count: number, status = `${count.toLocaleString('en')} of 13 meetings`): { timeline: HTMLElement; network: HTMLElement } {
    document.body.innerHTML = `<p role="status">${status}</p><section aria-label="Timeline" data-rendered-count="${count}"></section>` +
      `<section aria-label="Network"><div data-rendered-meetings="${count}"></div></section>`;
    return { timeline: document.querySelector('[aria-label="Timeline"]')!, network: document.querySelector('[data-rendered-meetings]')! };
  }

  it('reads the views without querying the whole document in every frame, and follows a view that was replaced', async () => {
    showViews(13, '13 meetings');
    expect(window.__bench.viewState().statusCount).toBe(13);
    let queries = 0;
    const all = document.querySelectorAll.bind(document);
    const one = document.querySelector.bind(document);
    document.querySelectorAll = ((s: string) => (queries++, all(s))) as typeof document.querySelectorAll;
    document.querySelector = ((s: string) => (queries++, one(s))) as typeof document.querySelector;
    try {
      window.__bench.arm(5, 'count', 10_000);
      input('click');
      for (let i = 0; i < 5; i++) runFrame(); // the views still show 13
      expect(queries).toBe(0);
      // The app re-renders: new status text, the network's element replaced by a new one.
      document.querySelector<HTMLElement>('[role="status"]')!.textContent = '5 of 13 meetings';
      document.querySelector<HTMLElement>('[aria-label="Timeline"]')!.dataset.renderedCount = '5';
      const fresh = document.createElement('div');
      fresh.dataset.renderedMeetings = '5';
      document.querySelector('[aria-label="Network"]')!.replaceChildren(fresh);
      runFrame();
      const result = await window.__bench.result();
      expect(result).toMatchObject({ ok: true, statusText: '5 of 13 meetings', timelineCount: '5', networkCount: '5' });
    } finally {
      document.querySelectorAll = all;
      document.querySelector = one;
    }
  });

  it('finds the status again when it stops showing a count or is replaced', () => {
    showViews(13, '13 meetings');
    expect(window.__bench.viewState()).toMatchObject({ statusCount: 13, timeline: '13', network: '13' });
    document.querySelector('[role="status"]')!.textContent = 'Searching…';
    expect(window.__bench.viewState()).toMatchObject({ status: '', statusCount: null });
    showViews(7);
    expect(window.__bench.viewState()).toMatchObject({ status: '7 of 13 meetings', statusCount: 7, timeline: '7', network: '7' });
  });
});

describe("the benchmark's loading probe", () => {
  it('notes where the loading screen is and when it goes, then stops watching the page', async () => {
    const { installClickProbe } = await import('../../scripts/bench/loadProbe');
    document.body.innerHTML = '';
    installClickProbe();
    const changes = () => new Promise((resolve) => setTimeout(resolve, 0)); // mutation records are delivered by then
    document.body.innerHTML = '<main class="loading"><p role="status">Loading dataset…</p></main>';
    await changes();
    expect(window.__loadingAt).not.toBeNull();
    expect(window.__loadingGoneAt).toBeNull();
    document.body.innerHTML = '<div class="app"><p role="status">13 meetings</p></div>';
    await changes();
    expect(window.__loadingGoneAt).not.toBeNull();
    let queries = 0;
    const one = document.querySelector.bind(document);
    document.querySelector = ((s: string) => (queries++, one(s))) as typeof document.querySelector;
    try {
      for (let i = 0; i < 5; i++) {
        document.body.append(document.createElement('span'));
        await changes();
      }
      expect(queries).toBe(0);
    } finally {
      document.querySelector = one;
    }
  });

  it('stops watching too when the views come up without a loading screen having shown', async () => {
    const { installClickProbe } = await import('../../scripts/bench/loadProbe');
    document.body.innerHTML = '';
    installClickProbe();
    const changes = () => new Promise((resolve) => setTimeout(resolve, 0));
    document.body.innerHTML = '<div id="root"></div>';
    await changes();
    document.body.innerHTML = '<div class="app"><p role="status">13 meetings</p></div>';
    await changes();
    expect(window.__loadingAt).toBeNull();
    expect(window.__loadingGoneAt).toBeNull();
    let queries = 0;
    const one = document.querySelector.bind(document);
    document.querySelector = ((s: string) => (queries++, one(s))) as typeof document.querySelector;
    try {
      document.body.append(document.createElement('span'));
      await changes();
      expect(queries).toBe(0);
    } finally {
      document.querySelector = one;
    }
  });
});
