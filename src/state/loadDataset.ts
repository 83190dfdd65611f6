import { buildIndex, type DatasetIndex } from '../domain/indexes';
import { PositionMap, RecordMap } from '../domain/engine/lazyList';
import type { Dataset } from '../domain/schema';
import { dropSearchText, warmSearchText, type TextBlock } from '../domain/searchText';
import { workerSourceFor } from './querySource';
import type { WorkerDataSource } from '../domain/engine/queryClient';
import type { TextFeed } from './textFeed';
import { enableWorkerSearch } from './workerSearch';
import { formatIssue, type DatasetIssue } from '../domain/issues';
import type { LoadRequest } from '../domain/engine/protocol';
import { useStore } from './store';
import { cancelLoad, startLoad, type LoadOutcome } from './dataSource';
import { handleLoaded } from './importDataset';
import { isolate } from '../domain/bidi';

export const BUNDLED_DATA_URL = `${import.meta.env.BASE_URL}data/meetings.json`;
/** A link's dataset that has not arrived by then is reported (with Retry and the bundled dataset), not waited on forever. */
export const LOAD_TIMEOUT_MS = 30_000;
export const LOAD_FAILED_NOTICE = 'load-failed';

export type DataOrigin = 'url' | 'file';

/** Indexes built by the loading worker, keyed by their dataset: showing such a dataset reuses its index. */
const prebuilt = new WeakMap<Dataset, DatasetIndex>();
export const rememberIndex = (index: DatasetIndex): void => void prebuilt.set(index.dataset, index);
/** Search texts the load worker is still sending for an index, until it is shown. */
const textFeeds = new WeakMap<DatasetIndex, TextFeed>();
let feeding: TextFeed | null = null;
export const rememberTextFeed = (index: DatasetIndex, feed: TextFeed): void => void textFeeds.set(index, feed);

/** Shows a valid dataset, with the index the worker built or (a stored dataset) one built here. */
export function showDataset(dataset: Dataset, url: string, origin: DataOrigin): void {
  showIndex(prebuilt.get(dataset) ?? buildIndex(dataset), url, origin);
}

export function showIndex(index: DatasetIndex, url: string, origin: DataOrigin): void {
  useStore.getState().setData({ state: 'ready', url, index, ...(origin === 'file' ? { origin } : {}) });
  fileIdsWhenIdle(index);
  const feed = textFeeds.get(index);
  textFeeds.delete(index);
  // The texts of a dataset no longer shown are not wanted.
  feeding?.stop();
  feeding = feed ?? null;
  const source = feed ? workerSourceFor(index) : null;
  if (feed && source) return feedQueryWorker(index, feed, source);
  feed?.stop();
  warmSearchTextWhenIdle(index);
}

/**
 * The load worker builds the search texts and sends them straight to the query worker (the page never builds or holds
 * them); once the last has arrived there, the query worker answers searches. Asked for once the first render has been
 * painted and the page is idle: building them takes a core for seconds. Another dataset shown meanwhile stops it.
 */
function feedQueryWorker(index: DatasetIndex, feed: TextFeed, source: WorkerDataSource): void {
  // From the start: a search typed (or linked) before the texts are there waits for them, marked "Searching…".
  void enableWorkerSearch(index, source, 'none');
  // Marked for the benchmark: how long after navigation the worker could answer searches.
  void source.searchable.then(() => selectCurrentIndex() === index && performance.mark?.('parley:search-in-worker'));
  whenIdle(2000, () => {
    if (selectCurrentIndex() !== index) return feed.stop();
    const channel = new MessageChannel();
    source.receiveTexts(channel.port2);
    feed.sendTo(channel.port1, () => {
      // The load worker stopped before sending them all: the page searches (building texts as it needs them).
      if (useStore.getState().workerSearch?.index === index) useStore.getState().setWorkerSearch(null);
    });
  });
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

/** Slice length that keeps warming well under the 50 ms a task may take before input feels stuck. */
const WARM_SLICE_MS = 8;

/**
 * Builds the free-text search index in idle slices after the first render, so the first search is as fast as the next.
 * A dataset large enough for a query worker hands the texts over to it, block by block, and once it holds them all the
 * worker answers searches (workerSearch.ts) and the page lets its copy go.
 */
function warmSearchTextWhenIdle(index: DatasetIndex): void {
  const source = workerSourceFor(index);
  const handOver: TextBlock | undefined = source ? (first, block, lengths) => source.addTexts(first, block, lengths) : undefined;
  const slice = () => {
    if (selectCurrentIndex() !== index) return;
    const until = performance.now() + WARM_SLICE_MS;
    if (!warmSearchText(index, () => performance.now() < until, undefined, handOver)) return whenIdle(1000, slice);
    if (source?.searches) {
      void enableWorkerSearch(index, source).then(() => {
        if (useStore.getState().workerSearch?.index === index) dropSearchText(index);
      });
    }
  };
  whenIdle(1000, slice);
}

/** Ids filed per idle slice (a few ms): filed during the hand-over they added to its garbage collections. */
const IDS_PER_SLICE = 2000;

/** A large dataset's meeting and source ids (given as one text each, see assemble.ts) are filed while the page is idle. */
function fileIdsWhenIdle(index: DatasetIndex): void {
  const all = [index.meetingPos, index.sourceById instanceof RecordMap ? index.sourceById.positions : null].filter((ids) => ids instanceof PositionMap);
  const slice = () => {
    if (selectCurrentIndex() !== index) return;
    while (all.length && !all[0]!.fileSome(IDS_PER_SLICE)) all.shift();
    if (all.length) whenIdle(1000, slice);
  };
  if (all.length) whenIdle(1000, slice);
}

/** Runs `run` when the page is next idle (at the latest after `timeoutMs`); a timer where there is no idle callback. */
function whenIdle(timeoutMs: number, run: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: timeoutMs });
  else setTimeout(run, 16);
}

const selectCurrentIndex = () => {
  const { data } = useStore.getState();
  return data.state === 'ready' ? data.index : null;
};

/** Stops the load in flight (Cancel on the progress bar). */
export const cancelFetch = (): void => cancelLoad();

/** A load in the data engine (worker) with the progress bar fed; the outcome for the caller to show or report. */
export function runEngineLoad(request: LoadRequest, timeoutMs?: number): Promise<LoadOutcome> {
  const { setImportProgress } = useStore.getState();
  const name = request.fileName;
  return startLoad(request, {
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    onProgress: (rows, fraction) => {
      // A cancelled or finished load leaves the bar alone.
      if (useStore.getState().importProgress?.name === name) setImportProgress({ name, rows, fraction });
    },
  }).result;
}

/**
 * Fetches a same-origin dataset (JSON, or CSV/TSV through the import pipeline) in the data engine. The current dataset
 * stays on screen until the new one is valid; the first load shows a loading screen and, on failure, the error screen.
 */
export async function loadDatasetUrl(url: string = BUNDLED_DATA_URL, { timeoutMs = LOAD_TIMEOUT_MS } = {}): Promise<void> {
  const { data, setData, setImportProgress } = useStore.getState();
  const name = decodeURIComponent(url.split('?')[0]!.split('/').pop() || url);
  if (data.state !== 'ready') setData({ state: 'loading', url });
  setImportProgress({ name, rows: 0, fraction: null });
  try {
    const outcome = await runEngineLoad({ kind: 'url', url, fileName: name, label: url }, timeoutMs);
    if (outcome.kind === 'cancelled') {
      if (useStore.getState().data.state !== 'ready') reportLoadFailure(`Stopped loading ${isolate(url)}`, [{ path: '', message: 'cancelled' }], url, 'url');
      return;
    }
    await handleLoaded(outcome, name, url, 'url', 0);
  } finally {
    if (useStore.getState().importProgress?.name === name) setImportProgress(null);
  }
}

export const DATASET_WARNINGS_NOTICE = 'dataset-warnings';
const LISTED_WARNINGS = 10;

/** The dataset loaded, but some of it was ignored or is odd: say so, with the paths. */
export function noticeDatasetWarnings(warnings: readonly DatasetIssue[], total: number): void {
  const { addNotice, dismissNotice } = useStore.getState();
  if (!total) {
    dismissNotice(DATASET_WARNINGS_NOTICE);
    return;
  }
  const listed = warnings.slice(0, LISTED_WARNINGS).map(formatIssue).join('; ');
  const more = total > LISTED_WARNINGS ? ` (and ${(total - LISTED_WARNINGS).toLocaleString('en')} more; npm run validate:data lists them)` : '';
  addNotice({ id: DATASET_WARNINGS_NOTICE, tone: 'warning', text: `The dataset loaded with ${total.toLocaleString('en')} ${total === 1 ? 'warning' : 'warnings'}: ${listed}${more}.` });
}
