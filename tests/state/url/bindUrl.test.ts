import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bindUrl, flushPendingUrl, initialDataUrl, isHistoryKey, REPLACE_DELAY_MS, URL_PROBLEMS_NOTICE } from '../../../src/state/url/bindUrl';
import { BUNDLED_DATA_URL } from '../../../src/state/loadDataset';
import { useStore } from '../../../src/state/store';
import { buildIndex } from '../../../src/domain/indexes';
import { loadIntoStore, smallDataset } from '../../fixtures/smallDataset';

let unbind: (() => void) | null = null;

function openAt(search: string) {
  history.replaceState(null, '', `/app/${search}`);
  loadIntoStore();
  unbind = bindUrl();
}

const store = () => useStore.getState();
const noticeText = () => store().notices.find((n) => n.id === URL_PROBLEMS_NOTICE)?.text;

function back(): Promise<void> {
  return new Promise((resolve) => {
    window.addEventListener('popstate', () => resolve(), { once: true });
    history.back();
  });
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});

afterEach(() => {
  unbind?.();
  unbind = null;
  vi.useRealTimers();
});

describe('bindUrl on load', () => {
  it('applies the view in the link', () => {
    openAt('?actor=khaji&select=meeting:m-khaji-assad-2019&view=table');
    expect(store().filters.actors).toEqual(['khaji']);
    expect(store().selection).toEqual({ kind: 'meeting', id: 'm-khaji-assad-2019' });
    expect(store().mode).toBe('table');
    expect(store().notices).toEqual([]);
  });

  it('adds one warning listing malformed and unknown values, and cleans the address bar', () => {
    const before = history.length;
    openAt('?from=2020-13-45&actor=khaji,ghost&foo=1&data=x.json');
    expect(store().filters.actors).toEqual(['khaji']);
    expect(store().notices).toHaveLength(1);
    expect(store().notices[0]).toMatchObject({ id: URL_PROBLEMS_NOTICE, tone: 'warning' });
    expect(noticeText()).toContain('Ignored from=\u20682020-13-45\u2069: not a valid date');
    expect(noticeText()).toContain('Ignored actor=\u2068ghost\u2069: not in this dataset');
    expect(noticeText()).toContain('Ignored unknown parameter \u2068foo\u2069');
    expect(location.search).toBe('?data=x.json&actor=khaji');
    expect(location.pathname).toBe('/app/');
    expect(history.length).toBe(before);
  });
});

describe('bindUrl writing the URL', () => {
  it('pushes a history entry for a discrete change, in a task after the next frame', async () => {
    openAt('');
    const before = history.length;
    store().toggleFilterValue('topics', 'astana');
    // Not in the task that changed the view: the views are drawn first.
    expect(location.search).toBe('');
    vi.useRealTimers();
    await new Promise((r) => setTimeout(r, 100));
    expect(location.search).toBe('?topic=astana');
    expect(history.length).toBe(before + 1);
  });

  it('writes a pending entry at once when the address is about to be read', () => {
    openAt('');
    const before = history.length;
    store().toggleFilterValue('topics', 'astana');
    store().toggleFilterValue('actors', 'khaji');
    flushPendingUrl();
    expect(location.search).toBe('?actor=khaji&topic=astana');
    // Two discrete changes, two entries: Back undoes each.
    expect(history.length).toBe(before + 2);
  });

  it('writes the entry for what is on screen before Back from the keyboard or a mouse button leaves it', async () => {
    openAt('');
    store().toggleFilterValue('topics', 'astana');
    store().toggleFilterValue('actors', 'khaji');
    expect(location.search).toBe('?topic=astana');
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', altKey: true }));
    expect(location.search).toBe('?actor=khaji&topic=astana');
    vi.useRealTimers();
    await back();
    // Back undid the last change, not the two.
    expect(store().filters).toMatchObject({ topics: ['astana'], actors: [] });

    store().toggleFilterValue('topics', 'astana');
    expect(location.search).toBe('?topic=astana');
    window.dispatchEvent(new MouseEvent('mousedown', { button: 3 }));
    expect(location.search).toBe('');
    // Other keys and buttons leave the entry to idle time.
    store().toggleFilterValue('actors', 'khaji');
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft' }));
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', shiftKey: true }));
    window.dispatchEvent(new MouseEvent('mousedown', { button: 0 }));
    expect(location.search).toBe('');
  });

  it('Back with no key or button event (the toolbar) while a change waits for its entry undoes that change', async () => {
    // The entry's write waits for a frame, then idle time: on a busy machine a real frame came before the Back below
    // and wrote the entry first (a push during the traversal, which jsdom then never finished). Frames are faked too,
    // and dropped with the fake timers before Back, so the change is still waiting when Back comes.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame'] });
    openAt('');
    store().toggleFilterValue('topics', 'astana');
    flushPendingUrl();
    const length = history.length;
    store().toggleFilterValue('actors', 'khaji');
    expect(location.search).toBe('?topic=astana');
    vi.useRealTimers();
    await back();
    expect(store().filters).toMatchObject({ topics: ['astana'], actors: [] });
    expect(location.search).toBe('?topic=astana');
    // The entry was written again in place: one more Back reaches the first view, and nothing lies ahead.
    expect(history.length).toBe(length);
    await back();
    expect(store().filters).toMatchObject({ topics: [], actors: [] });
    expect(location.search).toBe('');
    // With nothing waiting, Back and Forward move as the browser does.
    await new Promise<void>((resolve) => {
      window.addEventListener('popstate', () => resolve(), { once: true });
      history.forward();
    });
    expect(store().filters).toMatchObject({ topics: ['astana'], actors: [] });
  });

  it('knows the browser\'s Back and Forward keys', () => {
    const key = (k: string, mods: Partial<Record<'altKey' | 'metaKey' | 'ctrlKey' | 'shiftKey', boolean>> = {}) =>
      isHistoryKey({ key: k, altKey: false, metaKey: false, ctrlKey: false, shiftKey: false, ...mods });
    expect(key('ArrowLeft', { altKey: true })).toBe(true);
    expect(key('ArrowRight', { metaKey: true })).toBe(true);
    expect(key('[', { metaKey: true })).toBe(true);
    expect(key('BrowserBack')).toBe(true);
    expect(key('ArrowLeft')).toBe(false);
    expect(key('ArrowLeft', { shiftKey: true })).toBe(false);
    expect(key('ArrowLeft', { altKey: true, shiftKey: true })).toBe(false);
    expect(key('[', { ctrlKey: true })).toBe(false);
  });

  it('replaces the entry for continuous changes only once they settle, in a task after the next frame', async () => {
    openAt('?actor=khaji');
    const before = history.length;
    store().setWindow({ start: '2019-01-01', end: '2019-06-30' });
    store().setWindow({ start: '2019-02-01', end: '2019-07-30' });
    expect(location.search).toBe('?actor=khaji');
    vi.advanceTimersByTime(REPLACE_DELAY_MS);
    // Settled, but not written in the timer's task either.
    expect(location.search).toBe('?actor=khaji');
    vi.useRealTimers();
    await new Promise((r) => setTimeout(r, 100));
    expect(location.search).toBe('?actor=khaji&window=2019-02-01..2019-07-30');
    expect(history.length).toBe(before);
  });

  it('writes a continuous change made before a discrete one into the entry being left, not in the discrete change\'s task', async () => {
    openAt('');
    const before = history.length;
    store().setWindow({ start: '2019-01-01', end: '2019-06-30' });
    store().toggleFilterValue('topics', 'astana');
    // Neither the window (a replace) nor the topic (a push) is written by the change itself.
    expect(location.search).toBe('');
    vi.useRealTimers();
    await new Promise((r) => setTimeout(r, 100));
    expect(location.search).toBe('?topic=astana&window=2019-01-01..2019-06-30');
    expect(history.length).toBe(before + 1);
    await back();
    expect(location.search).toBe('?window=2019-01-01..2019-06-30');
    expect(store().filters.topics).toEqual([]);
  });

  it('Back from the toolbar before either is written shows the continuous change, without the discrete one', async () => {
    openAt('');
    store().toggleFilterValue('actors', 'khaji');
    flushPendingUrl();
    store().setWindow({ start: '2019-01-01', end: '2019-06-30' });
    store().toggleFilterValue('topics', 'astana');
    vi.useRealTimers();
    await back();
    expect(store().filters).toMatchObject({ actors: ['khaji'], topics: [] });
    expect(store().window).toEqual({ start: '2019-01-01', end: '2019-06-30' });
    expect(location.search).toBe('?actor=khaji&window=2019-01-01..2019-06-30');
  });

  it('flushes a pending replace before pushing, so Back returns to the latest window', async () => {
    openAt('');
    store().setWindow({ start: '2019-01-01', end: '2019-06-30' });
    store().select({ kind: 'actor', id: 'khaji' });
    flushPendingUrl();
    expect(location.search).toBe('?select=actor:khaji&window=2019-01-01..2019-06-30');
    vi.useRealTimers();
    await back();
    expect(location.search).toBe('?window=2019-01-01..2019-06-30');
    expect(store().selection).toBeNull();
    expect(store().window).toEqual({ start: '2019-01-01', end: '2019-06-30' });
  });

  it('restores the view on Back without pushing or writing again', async () => {
    openAt('?topic=astana');
    store().setMode('table');
    store().toggleFilterValue('actors', 'khaji');
    flushPendingUrl();
    const length = history.length;
    vi.useRealTimers();
    await back();
    expect(store().filters.actors).toEqual([]);
    expect(store().mode).toBe('table');
    expect(store().lastChange).toBe('replace');
    expect(location.search).toBe('?topic=astana&view=table');
    expect(history.length).toBe(length);
  });

  it('does not write a pending replace into the entry reached by Back', async () => {
    openAt('');
    store().select({ kind: 'actor', id: 'khaji' });
    flushPendingUrl();
    store().setWindow({ start: '2020-01-01', end: '2020-02-01' });
    vi.useRealTimers();
    await back();
    await new Promise((r) => setTimeout(r, REPLACE_DELAY_MS + 50));
    expect(location.search).toBe('');
    expect(store().window).toBeNull();
  });

  it('rewrites an entry reached by Back in canonical form after the frame, not in the popstate\'s task', async () => {
    openAt('');
    // An entry a script pushed, its parameters not in the order and form the app writes.
    history.pushState(null, '', '/app/?topic=astana&actor=khaji&window=2019-01-01..2019-06-30');
    history.pushState(null, '', '/app/?view=table');
    vi.useRealTimers();
    const length = history.length;
    let duringPopstate = '';
    window.addEventListener('popstate', () => queueMicrotask(() => (duringPopstate = location.search)), { once: true });
    await back();
    expect(store().filters).toMatchObject({ actors: ['khaji'], topics: ['astana'] });
    expect(store().window).toEqual({ start: '2019-01-01', end: '2019-06-30' });
    expect(duringPopstate).toBe('?topic=astana&actor=khaji&window=2019-01-01..2019-06-30');
    await new Promise((r) => setTimeout(r, 100));
    expect(location.search).toBe('?actor=khaji&topic=astana&window=2019-01-01..2019-06-30');
    expect(history.length).toBe(length);
  });

  it('keeps the data parameter when writing', () => {
    openAt('?data=data/other.json');
    store().setFollowWindow(true);
    flushPendingUrl();
    expect(location.search).toBe('?data=data/other.json&follow=1');
  });

  it('playback turning following on and moving the window is one change and one history entry; later moves replace it', () => {
    openAt('');
    const changes: boolean[] = [];
    const stop = useStore.subscribe((s) => changes.push(s.followWindow));
    const entries = history.length;
    store().followWindowTo({ start: '2020-01-01', end: '2020-03-31' });
    expect(changes).toEqual([true]);
    flushPendingUrl();
    expect(history.length).toBe(entries + 1);
    expect(location.search).toBe('?window=2020-01-01..2020-03-31&follow=1');
    store().followWindowTo({ start: '2020-04-01', end: '2020-06-30' });
    flushPendingUrl();
    expect(history.length).toBe(entries + 1);
    expect(location.search).toBe('?window=2020-04-01..2020-06-30&follow=1');
    stop();
  });

  it('stops writing after unbind', () => {
    openAt('');
    unbind!();
    unbind = null;
    store().setMode('table');
    expect(location.search).toBe('');
  });
});

describe('bindUrl when another dataset is opened', () => {
  it('drops filters and selection the new dataset does not know, with a notice', () => {
    openAt('?actor=khaji,endo&select=actor:endo');
    const withoutEndo = {
      ...smallDataset,
      actors: smallDataset.actors.filter((a) => a.id !== 'endo'),
      meetings: smallDataset.meetings.filter((m) => !m.participants.some((p) => p.actorId === 'endo')),
    };
    store().setData({ state: 'ready', url: 'other.json', index: buildIndex(withoutEndo) });
    expect(store().filters.actors).toEqual(['khaji']);
    expect(store().selection).toBeNull();
    expect(noticeText()).toContain('Ignored actor=\u2068endo\u2069: not in this dataset');
    vi.advanceTimersByTime(REPLACE_DELAY_MS);
    flushPendingUrl();
    expect(location.search).toBe('?actor=khaji');
  });

  it('resets a timeline window that lies outside the new dataset', () => {
    openAt('?window=1990-01-01..1990-12-31');
    store().setData({ state: 'ready', url: 'other.json', index: buildIndex(smallDataset) });
    expect(store().window).toBeNull();
    expect(noticeText()).toContain('Reset the timeline window 1990-01-01 to 1990-12-31');
  });

  it('keeps a window that overlaps the new dataset', () => {
    openAt('?window=2019-01-01..2019-12-31');
    store().setData({ state: 'ready', url: 'other.json', index: buildIndex(smallDataset) });
    expect(store().window).toEqual({ start: '2019-01-01', end: '2019-12-31' });
    expect(noticeText()).toBeUndefined();
  });
});

describe('initialDataUrl', () => {
  it('uses the bundled dataset without a data parameter', () => {
    history.replaceState(null, '', '/app/');
    expect(initialDataUrl()).toBe(BUNDLED_DATA_URL);
  });

  it('resolves a same-origin data parameter against the page', () => {
    history.replaceState(null, '', '/app/?data=data/big.json');
    expect(initialDataUrl()).toBe(`${location.origin}/app/data/big.json`);
  });

  it('refuses other origins and other schemes with a notice', () => {
    for (const bad of ['https://evil.example/x.json', 'javascript:alert(1)', '//evil.example/x.json']) {
      useStore.setState({ notices: [] });
      history.replaceState(null, '', `/app/?data=${encodeURIComponent(bad)}`);
      expect(initialDataUrl()).toBe(BUNDLED_DATA_URL);
      expect(store().notices[0]?.text).toContain('a link can only open datasets from this site');
    }
  });
});

describe('data= and the cut link', () => {
  it('removes a refused data= from the address bar, like any ignored parameter', () => {
    history.replaceState(null, '', '/app/?data=https://evil.example/x.json&actor=khaji');
    expect(initialDataUrl()).toBe(BUNDLED_DATA_URL);
    openAt('?data=https://evil.example/x.json&actor=khaji');
    expect(location.search).toBe('?actor=khaji');
  });

  it('reads data= from the same cut query as the rest of the link', () => {
    const long = `?q=${'x'.repeat(3990)}&data=data/other.json`;
    history.replaceState(null, '', `/app/${long}`);
    expect(initialDataUrl()).toBe(BUNDLED_DATA_URL);
    openAt(long);
    expect(noticeText()).toContain('ignored \u2068data\u2069');
    expect(location.search).not.toContain('data=');
  });
});
