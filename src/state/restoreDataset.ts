import { PARAM } from './url/params';
import { listRecent, markShown, readStored, shownLocalDataset, type RecentDataset } from './recentDatasets';
import { runEngineLoad, showDataset, showIndex } from './loadDataset';
import { storedFileKey } from '../domain/engine/storedFiles';
import { useStore } from './store';

/**
 * Shows a dataset kept in this browser. A stored file is read, parsed and indexed again in the loading worker (the
 * page receives the index in chunks, as for any load); an entry that stored the dataset itself is indexed here.
 * False when it is no longer stored.
 */
export async function reopenStored(entry: RecentDataset): Promise<boolean> {
  if (entry.stored !== 'file') {
    const dataset = await readStored(entry.id);
    if (!dataset) return false;
    showDataset(dataset, entry.name, 'file');
    return true;
  }
  const { setImportProgress } = useStore.getState();
  setImportProgress({ name: entry.name, rows: 0, fraction: null });
  try {
    const outcome = await runEngineLoad({ kind: 'stored', key: storedFileKey(entry.id), fileName: entry.name, label: entry.name });
    if (outcome.kind !== 'loaded') return false;
    showIndex(outcome.index, entry.name, 'file');
    return true;
  } finally {
    if (useStore.getState().importProgress?.name === entry.name) setImportProgress(null);
  }
}

/**
 * After a reload: the file this tab showed, from IndexedDB, unless the address names a dataset (`data=`), which
 * always wins. False when there is nothing to restore, so the caller loads what the link names.
 */
export async function restoreShownDataset(): Promise<boolean> {
  if (new URLSearchParams(location.search).has(PARAM.data)) return false;
  const id = shownLocalDataset();
  if (!id) return false;
  const entry = (await listRecent()).find((r) => r.id === id);
  if (!entry || !(await reopenStored(entry))) {
    markShown(null);
    return false;
  }
  return true;
}
