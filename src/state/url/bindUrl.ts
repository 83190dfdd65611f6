import { DAY_MS, msToIso } from '../../domain/dates';
import type { DatasetIndex } from '../../domain/indexes';
import { BUNDLED_DATA_URL } from '../loadDataset';
import { selectIndex } from '../selectors';
import { useStore, type AppState } from '../store';
import type { View } from '../types';
import { formatView, parseView, sanitizeView, show, usableQuery } from './codec';
import { MAX_VALUE_LENGTH, PARAM } from './params';

/** Fired on window after every URL write, so views of location.href (Share, Cite) can refresh. */
export const URL_CHANGE_EVENT = 'parley:urlchange';
/** Continuous changes (panning the timeline) settle for this long before the URL is rewritten. */
export const REPLACE_DELAY_MS = 300;
/** Longest a pushed history entry waits for idle time (a running layout may leave little). */
const PUSH_IDLE_TIMEOUT_MS = 300;
export const URL_PROBLEMS_NOTICE = 'url-problems';
export const DATA_URL_NOTICE = 'data-url';
const MAX_LISTED_PROBLEMS = 8;

/** The browser's Back and Forward keys: Alt+←/→, ⌘+←/→ or ⌘+[ / ], and a keyboard's own Back and Forward keys. */
export const isHistoryKey = (e: Pick<KeyboardEvent, 'key' | 'altKey' | 'metaKey' | 'ctrlKey' | 'shiftKey'>): boolean =>
  e.key === 'BrowserBack' ||
  e.key === 'BrowserForward' ||
  (!e.ctrlKey && !e.shiftKey && (e.altKey || e.metaKey) && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) ||
  (e.metaKey && !e.altKey && !e.ctrlKey && (e.key === '[' || e.key === ']'));

/** The key under which an entry's place in the tab's history is kept in `history.state`. */
const ENTRY_PLACE = 'parleyEntry';
const entryPlace = (state: unknown): number | null => {
  const place = state !== null && typeof state === 'object' ? (state as Record<string, unknown>)[ENTRY_PLACE] : undefined;
  return typeof place === 'number' && Number.isInteger(place) ? place : null;
};

/** Writes a pending debounced URL change now; set while a binding is active. */
let flushActive: (() => void) | null = null;

/** Makes location.href current before it is read (e.g. copied), even mid-debounce. */
export function flushPendingUrl(): void {
  flushActive?.();
}

/** `data` as the rest of the link is read: from the same (possibly cut) query. */
function dataParam(): string | null {
  return new URLSearchParams(usableQuery(location.search)).get(PARAM.data) || null;
}

/** `data` when the app honours it; a refused value leaves the address bar, Copy link and the citation. */
function acceptedDataParam(): string | null {
  const value = dataParam();
  return value !== null && sameOriginUrl(value) ? value : null;
}

/** A same-origin http(s) URL for `value`, or null: links must not make the app fetch from elsewhere. */
export function sameOriginUrl(value: string): string | null {
  if (value.length > MAX_VALUE_LENGTH) return null;
  let url: URL;
  try {
    url = new URL(value, location.href);
  } catch {
    return null;
  }
  const web = url.protocol === 'http:' || url.protocol === 'https:';
  return web && url.origin === location.origin ? url.href : null;
}

/** The dataset the current link opens: `?data=` when it is on this site, else the bundled one. */
export function linkedDataUrl(): string {
  const value = dataParam();
  return (value !== null && sameOriginUrl(value)) || BUNDLED_DATA_URL;
}

/** linkedDataUrl, plus a notice when the link named a dataset that cannot be loaded. */
export function initialDataUrl(): string {
  const value = dataParam();
  const url = linkedDataUrl();
  if (value === null || url !== BUNDLED_DATA_URL) return url;
  useStore.getState().addNotice({
    id: DATA_URL_NOTICE,
    tone: 'warning',
    text: `Ignored data=${show(value)}: a link can only open datasets from this site, so the bundled dataset is shown.`,
  });
  return BUNDLED_DATA_URL;
}

/** Calls back when location.href may have changed (Back/Forward or a write by bindUrl). */
export function subscribeToLocation(callback: () => void): () => void {
  window.addEventListener('popstate', callback);
  window.addEventListener(URL_CHANGE_EVENT, callback);
  return () => {
    window.removeEventListener('popstate', callback);
    window.removeEventListener(URL_CHANGE_EVENT, callback);
  };
}

export const viewOf = (s: View): View => ({
  filters: s.filters,
  selection: s.selection,
  window: s.window,
  followWindow: s.followWindow,
  mode: s.mode,
  analysis: s.analysis,
  lanes: s.lanes,
  playSpan: s.playSpan,
  playSpeed: s.playSpeed,
});

const viewChanged = (a: View, b: View) =>
  a.filters !== b.filters || a.selection !== b.selection || a.window !== b.window || a.followWindow !== b.followWindow || a.mode !== b.mode ||
  a.analysis !== b.analysis || a.lanes !== b.lanes || a.playSpan !== b.playSpan || a.playSpeed !== b.playSpeed;

function noticeText(intro: string, problems: readonly string[]): string {
  const listed = problems.slice(0, MAX_LISTED_PROBLEMS).join('. ');
  const more = problems.length > MAX_LISTED_PROBLEMS ? ` (and ${problems.length - MAX_LISTED_PROBLEMS} more)` : '';
  return `${intro} ${listed}${more}.`;
}

function warn(intro: string, problems: readonly string[]) {
  if (problems.length) useStore.getState().addNotice({ id: URL_PROBLEMS_NOTICE, tone: 'warning', text: noticeText(intro, problems) });
}

/**
 * Two-way binding between the view in the store and the address bar. Discrete changes push a
 * history entry so Back undoes them; continuous ones replace the entry once they settle.
 * Call once the first dataset load has finished (ready or not); returns the unbind function.
 */
export function bindUrl(): () => void {
  let lastQuery = location.search.slice(1);
  let pendingReplace: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** A discrete change not yet pushed: the state it left the app in. */
  let pendingPush: AppState | null = null;
  /** A continuous change made before that discrete one, not yet written into the entry the push leaves. */
  let before: string | null = null;
  let flushScheduled = false;
  let applying = false;

  const queryFor = (state: View) => {
    const data = acceptedDataParam();
    return formatView(viewOf(state), data ? { [PARAM.data]: data } : {});
  };

  // Each entry this app writes carries its place in the tab's history, so a popstate tells Back from Forward.
  let place = entryPlace(history.state) ?? 0;
  const stamped = () => ({ ...(typeof history.state === 'object' ? history.state : {}), [ENTRY_PLACE]: place });
  history.replaceState(stamped(), '', location.href);

  const write = (query: string, mode: 'push' | 'replace') => {
    if (query === lastQuery) return;
    lastQuery = query;
    const href = `${location.pathname}${query ? `?${query}` : ''}${location.hash}`;
    if (mode === 'push') {
      place++;
      history.pushState({ [ENTRY_PLACE]: place }, '', href);
    } else history.replaceState(stamped(), '', href);
    window.dispatchEvent(new Event(URL_CHANGE_EVENT));
  };

  const cancelPending = () => {
    clearTimeout(timer);
    timer = undefined;
    pendingPush = null;
    before = null;
    const pending = pendingReplace;
    pendingReplace = null;
    return pending;
  };

  /** Writes what is pending in the order it happened: the entry being left, the pushed one, then later continuous changes. */
  const flush = () => {
    const first = before;
    const push = pendingPush;
    const pending = cancelPending();
    if (first !== null) write(first, 'replace');
    if (push !== null) write(queryFor(push), 'push');
    if (pending !== null) write(pending, 'replace');
  };

  /**
   * A history entry costs 5–20 ms in the browser; written in idle time after the next frame, it never
   * delays the views showing the change nor the next input. Anything that reads the URL first calls flushPendingUrl.
   */
  const scheduleFlush = () => {
    if (flushScheduled) return;
    flushScheduled = true;
    const run = () => {
      flushScheduled = false;
      if (pendingPush !== null || before !== null || (pendingReplace !== null && timer === undefined)) flush();
    };
    const idle = () => (typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: PUSH_IDLE_TIMEOUT_MS }) : setTimeout(run, 0));
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(idle);
    else idle();
  };

  /** Applies the address bar's view; returns what had to be ignored. */
  const applyLocation = (): string[] => {
    const parsed = parseView(location.search);
    const index = selectIndex(useStore.getState());
    const sanitized = index ? sanitizeView(parsed.view, index) : { view: parsed.view, problems: [] };
    applying = true;
    try {
      useStore.getState().applyView(sanitized.view);
    } finally {
      applying = false;
    }
    lastQuery = location.search.slice(1);
    return [...parsed.problems, ...sanitized.problems];
  };

  /** A newly opened dataset may not know the ids the current view names. */
  const resanitize = (index: DatasetIndex) => {
    const state = useStore.getState();
    const sanitized = sanitizeView(viewOf(state), index);
    let { view } = sanitized;
    const problems = [...sanitized.problems];
    const first = msToIso(index.minTime);
    const last = msToIso(index.maxTime - DAY_MS);
    if (view.window && (view.window.end < first || view.window.start > last)) {
      problems.push(`Reset the timeline window ${view.window.start} to ${view.window.end}: the dataset has no meetings then`);
      view = { ...view, window: null };
    }
    if (!problems.length) return;
    state.applyView(view);
    warn('Some of the view does not apply to the dataset that was opened and was cleared.', problems);
  };

  warn('Some of this link could not be used.', applyLocation());
  write(queryFor(useStore.getState()), 'replace'); // drop what was ignored, in canonical form

  const unsubscribe = useStore.subscribe((state: AppState, prev: AppState) => {
    if (state.data !== prev.data && state.data.state === 'ready') resanitize(state.data.index);
    if (applying || !viewChanged(state, prev)) return;
    if (state.lastChange === 'push') {
      // The entry being left keeps the latest continuous change (e.g. the window), written with the push in idle
      // time: written here, it was a replaceState of ~10 ms inside the click that made the change (20k, traced).
      // Only a discrete change still waiting for its entry is written now, so that each keeps an entry of its own.
      if (pendingPush !== null) flush();
      else if (pendingReplace !== null) {
        before = pendingReplace;
        pendingReplace = null;
        clearTimeout(timer);
        timer = undefined;
      }
      pendingPush = state;
      scheduleFlush();
    } else {
      pendingReplace = queryFor(state);
      clearTimeout(timer);
      // Settled: written in idle time too, not in the timer's task (which may fall inside the next change's frame).
      timer = setTimeout(() => {
        timer = undefined;
        scheduleFlush();
      }, REPLACE_DELAY_MS);
    }
  });

  const onPopState = (event: PopStateEvent) => {
    const to = entryPlace(event.state);
    // Back one entry while a change is still waiting for its entry (the toolbar's button, a moment after the change):
    // the browser left the entry before that change, but Back means "undo the change". That entry is written again
    // and shown. (Back from the keyboard or a mouse button writes the change's entry first: see below.)
    if (pendingPush !== null && to === place - 1) {
      // What was on screen before that change: the last entry written, with any continuous change made after it.
      const undone = before ?? lastQuery;
      cancelPending();
      history.pushState({ [ENTRY_PLACE]: place }, '', `${location.pathname}${undone ? `?${undone}` : ''}${location.hash}`);
    } else {
      cancelPending(); // it belonged to the entry that was just left
      if (to !== null) place = to;
    }
    warn('Some of this link could not be used.', applyLocation());
    // An entry whose address is not in the form this app writes (typed, or made by a script) is rewritten in that
    // form in idle time, like any settled change: inside Back's task it was 5–6 ms of a 55 ms task (20k, traced).
    const canonical = queryFor(useStore.getState());
    if (canonical !== lastQuery) {
      pendingReplace = canonical;
      scheduleFlush();
    }
  };
  window.addEventListener('popstate', onPopState);
  // Back or Forward asked a moment after a change (a key, a mouse's side button) would otherwise leave from the entry
  // before it: that change's entry is written first, so Forward can bring it back. The toolbar's button gives the page
  // no event (onPopState undoes the change instead).
  const beforeHistoryKey = (e: KeyboardEvent) => void (isHistoryKey(e) && flush());
  const beforeHistoryButton = (e: MouseEvent) => void ((e.button === 3 || e.button === 4) && flush());
  window.addEventListener('keydown', beforeHistoryKey, true);
  window.addEventListener('mousedown', beforeHistoryButton, true);
  flushActive = flush;

  return () => {
    if (flushActive === flush) flushActive = null;
    flush();
    unsubscribe();
    window.removeEventListener('popstate', onPopState);
    window.removeEventListener('keydown', beforeHistoryKey, true);
    window.removeEventListener('mousedown', beforeHistoryButton, true);
  };
}
