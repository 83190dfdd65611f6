import { useStore } from '../state/store';
import { cancelImport } from '../state/importDataset';
import { cancelFetch } from '../state/loadDataset';
import './import.css';

/** Rows read and share of the file while a dataset is read, with Cancel; the dataset on screen stays meanwhile. */
export function ImportProgressBar() {
  const progress = useStore((s) => s.importProgress);
  if (!progress) return null;
  const percent = progress.fraction === null ? null : Math.round(progress.fraction * 100);
  return (
    <div className="import-progress" role="status" aria-live="polite">
      <label>
        <span>
          Reading <bdi>{progress.name}</bdi>
          {progress.rows > 0 && `: ${progress.rows.toLocaleString('en')} rows`}
          {percent !== null && ` (${percent} %)`}
        </span>
        <progress max={100} value={percent ?? undefined} aria-label={`Reading ${progress.name}`} />
      </label>
      <button
        type="button"
        onClick={() => {
          cancelFetch();
          cancelImport();
          useStore.getState().setImportProgress(null);
        }}
      >
        Cancel
      </button>
    </div>
  );
}
