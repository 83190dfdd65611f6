import { PARAM } from './url/params';
import { listRecent, markShown, readStored, shownLocalDataset } from './recentDatasets';
import { showDataset } from './loadDataset';

/**
 * After a reload: the file this tab showed, from IndexedDB, unless the address names a dataset (`data=`), which
 * always wins. False when there is nothing to restore, so the caller loads what the link names.
 */
export async function restoreShownDataset(): Promise<boolean> {
  if (new URLSearchParams(location.search).has(PARAM.data)) return false;
  const id = shownLocalDataset();
  if (!id) return false;
  const [dataset, recent] = await Promise.all([readStored(id), listRecent()]);
  const entry = recent.find((r) => r.id === id);
  if (!dataset || !entry) {
    markShown(null);
    return false;
  }
  showDataset(dataset, entry.name, 'file');
  return true;
}
