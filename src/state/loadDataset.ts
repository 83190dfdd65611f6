import { buildIndex, type DatasetIndex } from '../domain/indexes';
import type { Dataset } from '../domain/schema';
import { warmSearchText } from '../domain/searchText';
import { formatIssue, parseDatasetText, type DatasetIssue } from '../domain/validate';
import { decodeBytes, headOf } from '../domain/import/decode';
import { useStore } from './store';
import { importBytes } from './importDataset';
import { isolate } from '../domain/bidi';

export const BUNDLED_DATA_URL = `${import.meta.env.BASE_URL}data/meetings.json`;
/** A link's dataset that has not arrived by then is reported (with Retry and the bundled dataset), not waited on forever. */
export const LOAD_TIMEOUT_MS = 30_000;
export const LOAD_FAILED_NOTICE = 'load-failed';

export type DataOrigin = 'url' | 'file';

/** Indexes a valid dataset and shows it. */
export function showDataset(dataset: Dataset, url: string, origin: DataOrigin): void {
  const index = buildIndex(dataset);
  useStore.getState().setData({ state: 'ready', url, index, ...(origin === 'file' ? { origin } : {}) });
  warmSearchTextWhenIdle(index);
}

/**
 * A dataset that cannot be opened: on the first load the error screen explains it; once a dataset is shown it stays,
 * view and all, and a notice explains what went wrong with the new one.
 */
export function reportLoadFailure(title: string, issues: DatasetIssue[], url: string, origin: DataOrigin, total = issues.length): void {
  const { data, setData, addNotice } = useStore.getState();
  if (data.state !== 'ready') {
    setData({ state: 'error', url, title, issues, total, ...(origin === 'file' ? { origin } : {}) });
    return;
  }
  const listed = issues.slice(0, 5).map((issue) => isolate(formatIssue(issue))).join('; ');
  const more = total > 5 ? ` (and ${(total - 5).toLocaleString('en')} more)` : '';
  addNotice({ id: LOAD_FAILED_NOTICE, tone: 'error', text: `${title}. ${listed}${more}. The dataset on screen was kept.` });
}

/** Loads, validates and indexes a Parley JSON dataset from text. */
export function loadDatasetText(text: string, url: string, origin: DataOrigin = 'url'): boolean {
  const result = parseDatasetText(text);
  if (!result.ok) {
    reportLoadFailure(`The dataset ${isolate(url)} is not valid`, result.issues, url, origin, result.total);
    return false;
  }
  showDataset(result.dataset, url, origin);
  noticeDatasetWarnings(result.warnings, result.warningTotal);
  return true;
}

/** Slice length that keeps warming well under the 50 ms a task may take before input feels stuck. */
const WARM_SLICE_MS = 8;

/** Builds the free-text search index in idle slices after the first render, so the first search is as fast as the next. */
function warmSearchTextWhenIdle(index: DatasetIndex): void {
  const idle = (run: () => void) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: 1000 }) : setTimeout(run, 16));
  const slice = () => {
    if (selectCurrentIndex() !== index) return;
    const until = performance.now() + WARM_SLICE_MS;
    if (!warmSearchText(index, () => performance.now() < until)) idle(slice);
  };
  idle(slice);
}

const selectCurrentIndex = () => {
  const { data } = useStore.getState();
  return data.state === 'ready' ? data.index : null;
};

/** Aborts the fetch in flight (Cancel on the progress bar); null when nothing is being fetched. */
let abortFetch: (() => void) | null = null;
export const cancelFetch = (): void => abortFetch?.();

/** Bytes of a same-origin URL, or why not (HTTP status, network failure, timeout, cancel). */
async function fetchBytes(url: string, timeoutMs: number): Promise<{ ok: true; bytes: ArrayBuffer } | { ok: false; title: string; message: string; cancelled?: boolean }> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  abortFetch = () => controller.abort();
  try {
    const response = await fetch(url, { signal: controller.signal });
    if (!response.ok) throw new Error(`the server answered ${response.status} ${response.statusText}`.trim());
    return { ok: true, bytes: await response.arrayBuffer() };
  } catch (error) {
    if (timedOut) return { ok: false, title: `The dataset ${isolate(url)} did not arrive`, message: `no answer within ${Math.round(timeoutMs / 1000)} s: the server may be down or the link wrong` };
    if (controller.signal.aborted) return { ok: false, title: `Stopped loading ${isolate(url)}`, message: 'cancelled', cancelled: true };
    return { ok: false, title: `Could not load the dataset ${isolate(url)}`, message: (error as Error).message };
  } finally {
    clearTimeout(timer);
    abortFetch = null;
  }
}

/**
 * Fetches a same-origin dataset (JSON, or CSV/TSV through the import pipeline). The current dataset stays on screen
 * until the new one is valid; the first load shows a loading screen and, on failure, the error screen.
 */
export async function loadDatasetUrl(url: string = BUNDLED_DATA_URL, { timeoutMs = LOAD_TIMEOUT_MS } = {}): Promise<void> {
  const { data, setData, setImportProgress } = useStore.getState();
  const name = decodeURIComponent(url.split('?')[0]!.split('/').pop() || url);
  if (data.state !== 'ready') setData({ state: 'loading', url });
  setImportProgress({ name, rows: 0, fraction: null });
  try {
    const fetched = await fetchBytes(url, timeoutMs);
    if (!fetched.ok) {
      if (!fetched.cancelled || useStore.getState().data.state !== 'ready') reportLoadFailure(fetched.title, [{ path: '', message: fetched.message }], url, 'url');
      return;
    }
    if (isJsonText(headOf(fetched.bytes), url)) {
      const decoded = decodeBytes(fetched.bytes);
      if (!decoded.ok) return reportLoadFailure(`Cannot open ${isolate(url)}`, [{ path: '', message: decoded.message }], url, 'url');
      loadDatasetText(decoded.text, url, 'url');
      return;
    }
    // Everything else is decoded and read in the worker: a large sheet never blocks the page.
    await importBytes(fetched.bytes, name, url, 'url');
  } finally {
    if (useStore.getState().importProgress?.name === name) setImportProgress(null);
  }
}

/** JSON datasets are read on the main thread as before (fast, no worker hop); everything else goes through the import readers. */
export const isJsonText = (text: string, name: string): boolean => /\.json$/i.test(name.split('?')[0]!) || /^\s*[[{]/.test(text.slice(0, 64));

export const DATASET_WARNINGS_NOTICE = 'dataset-warnings';
const LISTED_WARNINGS = 10;

/** The dataset loaded, but some of it was ignored or is odd: say so, with the paths. */
function noticeDatasetWarnings(warnings: readonly DatasetIssue[], total: number): void {
  const { addNotice, dismissNotice } = useStore.getState();
  if (!total) {
    dismissNotice(DATASET_WARNINGS_NOTICE);
    return;
  }
  const listed = warnings.slice(0, LISTED_WARNINGS).map(formatIssue).join('; ');
  const more = total > LISTED_WARNINGS ? ` (and ${(total - LISTED_WARNINGS).toLocaleString('en')} more; npm run validate:data lists them)` : '';
  addNotice({ id: DATASET_WARNINGS_NOTICE, tone: 'warning', text: `The dataset loaded with ${total.toLocaleString('en')} ${total === 1 ? 'warning' : 'warnings'}: ${listed}${more}.` });
}
