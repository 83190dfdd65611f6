import type { Mapping, SheetRole } from '../domain/import/layouts';
import type { Imported, NeedsMapping } from '../domain/import/pipeline';
import { formatProblem } from '../domain/import/problems';
import { noticeDatasetWarnings, rememberIndex, rememberTextFeed, reportLoadFailure, runEngineLoad, showDataset, showIndex, type DataOrigin } from './loadDataset';
import { cancelLoad, type LoadOutcome } from './dataSource';
import { fileIdOf, rememberDataset, rememberFile } from './recentDatasets';
import { storedFileKey } from '../domain/engine/storedFiles';
import { useStore } from './store';
import { removeDataParam } from './url/dataLink';
import { isolate } from '../domain/bidi';

export const IMPORT_NOTICE = 'import-summary';
const MAX_LISTED = 8;

/** Files whose bytes the loading worker stored in this session (by entry id): they are remembered without a copy. */
const storedBytes = new Set<string>();

/** Puts an opened file first in the recent list: as its stored bytes when the worker kept them, else as the dataset. */
async function rememberOpened(dataset: Imported['dataset'], name: string, size: number): Promise<void> {
  if (storedBytes.has(fileIdOf(name, size))) await rememberFile(name, size, dataset.meetings.length);
  else await rememberDataset(dataset, name, size);
}

/** Terminates the running load (Cancel); the dataset on screen stays. */
export const cancelImport = (): void => cancelLoad();

/**
 * Closes the import dialog without importing. A dataset on screen stays; with none yet (a link to a sheet whose columns
 * were to be mapped, opened as the page's first dataset) the error screen says so and offers the bundled dataset, rather
 * than leaving "Loading dataset…" up for good.
 */
export function cancelReview(): void {
  const { importReview: review, data, setImportReview } = useStore.getState();
  setImportReview(null);
  if (!review || data.state === 'ready') return;
  const what = review.kind === 'mapping' ? 'the columns were not mapped' : 'loading the readable rows was cancelled';
  reportLoadFailure(`Did not open ${isolate(review.name)}`, [{ path: '', message: what }], review.url, review.origin);
}

/** One sentence for the notice: what became what, and the first rows that were skipped. */
export function importNoticeText(result: Imported, name: string, summary: string): string {
  const listed = result.problems.slice(0, MAX_LISTED).map(formatProblem).join('; ');
  const more = result.problems.length > MAX_LISTED ? ` (and ${result.problems.length - MAX_LISTED} more)` : '';
  return `Opened ${isolate(name)} (${result.format}): ${summary}.${listed ? ` Not loaded: ${listed}${more}.` : ''}`;
}

/** Shows an imported dataset with a notice of what was read and skipped; files are remembered for a reload. */
export async function acceptImport(result: Imported, name: string, url: string, origin: DataOrigin, size = 0): Promise<void> {
  const { importSummary } = await import('../domain/import/pipeline');
  showDataset(result.dataset, url, origin);
  const { addNotice, setImportReview } = useStore.getState();
  setImportReview(null);
  if (result.format !== 'Parley JSON' || result.problems.length) {
    addNotice({ id: IMPORT_NOTICE, tone: result.problems.length ? 'warning' : 'info', text: importNoticeText(result, name, importSummary(result)) });
  }
  if (origin === 'file') {
    removeDataParam(); // a reload then shows this file again; a link never carries it
    await rememberOpened(result.dataset, name, size);
  }
}

/**
 * What the engine produced, shown: a Parley JSON dataset at once (with its warnings); an imported one at once for a
 * link, after review for a file with skipped rows; a sheet the readers cannot map goes to the mapping dialog.
 */
export async function handleLoaded(outcome: Exclude<LoadOutcome, { kind: 'cancelled' }>, name: string, url: string, origin: DataOrigin, size: number, reviewProblems = origin === 'file'): Promise<void> {
  const { setImportReview } = useStore.getState();
  if (outcome.kind === 'failed') return reportLoadFailure(outcome.title, outcome.issues, url, origin, outcome.total);
  if (outcome.kind === 'needsMapping') return setImportReview({ kind: 'mapping', needs: outcome.needs, name, url, origin, size });
  const { index, summary } = outcome;
  if (outcome.stored) storedBytes.add(fileIdOf(name, size));
  if (summary.kind === 'json') {
    if (outcome.texts) rememberTextFeed(index, outcome.texts);
    showIndex(index, url, origin);
    noticeDatasetWarnings(summary.warnings, summary.warningTotal);
    if (origin === 'file') {
      removeDataParam();
      await rememberOpened(index.dataset, name, size);
    }
    return;
  }
  rememberIndex(index);
  const result: Imported = { ...summary.imported, ok: true, dataset: index.dataset };
  // A file's skipped rows are reviewed in the dialog first; a link's load at once, listed in the notice.
  if (reviewProblems && result.problems.length) {
    // The review may end in Cancel: the load worker (holding the whole dataset to build the search texts) is not kept
    // waiting for it. Accepted, the dataset's texts are built on the page in idle time and handed to the query worker.
    outcome.texts?.stop();
    return setImportReview({ kind: 'problems', result, name, url, origin, size });
  }
  if (outcome.texts) rememberTextFeed(index, outcome.texts);
  return acceptImport(result, name, url, origin, size);
}

/** The user's choice of columns, read in the worker; the dialog already showed what will be skipped. */
export async function importWithMapping(needs: NeedsMapping, mapping: Mapping<SheetRole>, url: string, origin: DataOrigin, size: number): Promise<void> {
  const { setImportProgress, setImportReview } = useStore.getState();
  setImportReview(null);
  setImportProgress({ name: needs.fileName, rows: 0, fraction: null });
  try {
    const outcome = await runEngineLoad({ kind: 'table', table: needs.table, mapping, fileName: needs.fileName, label: needs.fileName });
    if (outcome.kind !== 'cancelled') await handleLoaded(outcome, needs.fileName, url, origin, size, false);
  } finally {
    setImportProgress(null);
  }
}

/**
 * Open dataset…, drag and drop: a file from the user's computer. It is never fetched (a bad file offers no Retry),
 * and the dataset on screen stays until the new one is valid.
 */
export async function openDatasetFile(file: File): Promise<void> {
  const { setImportProgress } = useStore.getState();
  setImportProgress({ name: file.name, rows: 0, fraction: null });
  try {
    let bytes: ArrayBuffer;
    try {
      bytes = await file.arrayBuffer();
    } catch (error) {
      reportLoadFailure(`Could not read ${isolate(file.name)}`, [{ path: '', message: (error as Error).message }], file.name, 'file');
      return;
    }
    // The worker keeps the bytes for a reload (its copy, not the page's); a sheet that needs a column mapping is
    // remembered as its dataset instead, once mapped.
    const outcome = await runEngineLoad({ kind: 'bytes', bytes, fileName: file.name, label: file.name, storeAs: storedFileKey(fileIdOf(file.name, file.size)) });
    if (outcome.kind !== 'cancelled') await handleLoaded(outcome, file.name, file.name, 'file', file.size);
  } finally {
    setImportProgress(null);
  }
}
