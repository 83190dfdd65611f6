import type { ImportReply, ImportRequest } from '../domain/import/import.worker';
import type { Mapping, SheetRole } from '../domain/import/layouts';
import type { Imported, ImportOutcome, NeedsMapping } from '../domain/import/pipeline';
import { formatProblem } from '../domain/import/problems';
import { decodeBytes, headOf } from '../domain/import/decode';
import { isJsonText, loadDatasetText, reportLoadFailure, showDataset, type DataOrigin } from './loadDataset';
import { rememberDataset } from './recentDatasets';
import { useStore } from './store';
import { removeDataParam } from './url/dataLink';
import { isolate } from '../domain/bidi';

export const IMPORT_NOTICE = 'import-summary';
const MAX_LISTED = 8;

/** Terminates the running import (Cancel); null when none runs. */
let cancelRunning: (() => void) | null = null;
export const cancelImport = (): void => cancelRunning?.();

/** Runs the pipeline in a worker (off the main thread, with progress), or inline where there are no workers (tests). */
async function runPipeline(request: ImportRequest, name: string): Promise<ImportOutcome | null> {
  const { setImportProgress } = useStore.getState();
  if (typeof Worker === 'undefined') {
    const { importText } = await import('../domain/import/pipeline');
    if ('table' in request) return importText('', request.fileName, { table: request.table, mapping: request.mapping });
    const decoded = decodeBytes(request.bytes);
    if (!decoded.ok) return { ok: false, needsMapping: false, title: `Cannot open ${isolate(name)}`, issues: [{ path: '', message: decoded.message }] };
    return importText(decoded.text, request.fileName);
  }
  const worker = new Worker(new URL('../domain/import/import.worker.ts', import.meta.url), { type: 'module' });
  return new Promise<ImportOutcome | null>((resolve) => {
    const finish = (outcome: ImportOutcome | null) => {
      cancelRunning = null;
      worker.terminate();
      resolve(outcome);
    };
    cancelRunning = () => finish(null);
    worker.onmessage = (event: MessageEvent<ImportReply>) => {
      const reply = event.data;
      if (reply.type === 'progress') setImportProgress({ name, rows: reply.rows, fraction: reply.fraction });
      else finish(reply.outcome);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      finish({ ok: false, needsMapping: false, title: `Cannot read ${isolate(name)}`, issues: [{ path: '', message: event.message || 'the reader stopped unexpectedly' }] });
    };
    worker.postMessage(request, 'bytes' in request ? [request.bytes] : []);
  });
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
    await rememberDataset(result.dataset, name, size);
  }
}

function handleOutcome(outcome: ImportOutcome, name: string, url: string, origin: DataOrigin, size: number, reviewProblems: boolean): Promise<void> | void {
  const { setImportReview } = useStore.getState();
  if (outcome.ok) {
    // A file's skipped rows are reviewed in the dialog first; a link's load at once, listed in the notice.
    if (reviewProblems && outcome.problems.length) return setImportReview({ kind: 'problems', result: outcome, name, url, origin, size });
    return acceptImport(outcome, name, url, origin, size);
  }
  if (outcome.needsMapping) return setImportReview({ kind: 'mapping', needs: outcome, name, url, origin, size });
  reportLoadFailure(outcome.title, outcome.issues, url, origin);
}

/** Delimited (or any non-JSON) bytes through the worker pipeline. */
export async function importBytes(bytes: ArrayBuffer, name: string, url: string, origin: DataOrigin): Promise<void> {
  const size = bytes.byteLength;
  const outcome = await runPipeline({ bytes, fileName: name }, name);
  if (outcome) await handleOutcome(outcome, name, url, origin, size, origin === 'file');
}

/** The user's choice of columns, read in the worker; the dialog already showed what will be skipped. */
export async function importWithMapping(needs: NeedsMapping, mapping: Mapping<SheetRole>, url: string, origin: DataOrigin, size: number): Promise<void> {
  const { setImportProgress, setImportReview } = useStore.getState();
  setImportReview(null);
  setImportProgress({ name: needs.fileName, rows: 0, fraction: null });
  try {
    const outcome = await runPipeline({ table: needs.table, fileName: needs.fileName, mapping }, needs.fileName);
    if (outcome) await handleOutcome(outcome, needs.fileName, url, origin, size, false);
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
    if (isJsonText(headOf(bytes), file.name)) {
      const decoded = decodeBytes(bytes);
      if (!decoded.ok) return reportLoadFailure(`Cannot open ${isolate(file.name)}`, [{ path: '', message: decoded.message }], file.name, 'file');
      if (!loadDatasetText(decoded.text, file.name, 'file')) return;
      removeDataParam();
      const data = useStore.getState().data;
      if (data.state === 'ready') await rememberDataset(data.index.dataset, file.name, file.size);
      return;
    }
    await importBytes(bytes, file.name, file.name, 'file');
  } finally {
    setImportProgress(null);
  }
}
