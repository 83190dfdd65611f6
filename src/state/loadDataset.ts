import { buildIndex, type DatasetIndex } from '../domain/indexes';
import { warmSearchText } from '../domain/searchText';
import { formatIssue, parseDatasetText, type DatasetIssue } from '../domain/validate';
import { useStore } from './store';

export const BUNDLED_DATA_URL = `${import.meta.env.BASE_URL}data/meetings.json`;

/** Loads, validates and indexes a dataset from text (a fetched file or a user's file). */
export function loadDatasetText(text: string, url: string): void {
  const result = parseDatasetText(text);
  const { setData } = useStore.getState();
  if (!result.ok) {
    setData({ state: 'error', url, title: `The dataset ${url} is not valid`, issues: result.issues, total: result.total });
    return;
  }
  const index = buildIndex(result.dataset);
  setData({ state: 'ready', url, index });
  noticeDatasetWarnings(result.warnings, result.warningTotal);
  warmSearchTextWhenIdle(index);
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

/** Fetches a same-origin dataset; network and HTTP failures land on the error screen with a retry. */
export async function loadDatasetUrl(url: string = BUNDLED_DATA_URL): Promise<void> {
  const { setData } = useStore.getState();
  setData({ state: 'loading', url });
  let text: string;
  try {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`the server answered ${response.status} ${response.statusText}`.trim());
    text = await response.text();
  } catch (error) {
    setData({ state: 'error', url, title: `Could not load the dataset ${url}`, issues: [{ path: '', message: (error as Error).message }] });
    return;
  }
  loadDatasetText(text, url);
}

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
