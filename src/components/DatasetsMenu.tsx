import { useEffect, useId, useRef, useState } from 'react';
import { useStore } from '../state/store';
import { BUNDLED_DATA_URL, loadDatasetUrl } from '../state/loadDataset';
import { forgetDataset, listRecent, touchRecent, type RecentDataset } from '../state/recentDatasets';
import { reopenStored } from '../state/restoreDataset';
import { removeDataParam } from '../state/url/dataLink';
import './import.css';

const formatSize = (bytes: number) =>
  bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : bytes >= 1000 ? `${Math.round(bytes / 1000)} KB` : `${bytes} bytes`;
const formatOpened = (iso: string) => new Date(iso).toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short' });

/** Reopens a stored dataset; false when it is gone from the browser's storage. */
export async function openStored(entry: RecentDataset): Promise<boolean> {
  if (!(await reopenStored(entry))) return false;
  removeDataParam(); // the address no longer names what is shown
  await touchRecent(entry.id);
  return true;
}

/** "Datasets": the bundled dataset and recently opened files kept in this browser, each with Forget. */
export function DatasetsMenu() {
  const [open, setOpen] = useState(false);
  const [recent, setRecent] = useState<RecentDataset[]>([]);
  const [message, setMessage] = useState('');
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const shownName = useStore((s) => (s.data.state === 'ready' && s.data.origin === 'file' ? s.data.url : null));

  useEffect(() => {
    if (open) void listRecent().then(setRecent);
  }, [open, shownName]);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    const onPointer = (e: PointerEvent) => !rootRef.current?.contains(e.target as Node) && setOpen(false);
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onPointer);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  return (
    <div className="datasets-menu" ref={rootRef}>
      <button type="button" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((o) => !o)}>
        Datasets
      </button>
      <div id={panelId} className="datasets-menu-panel" hidden={!open} role="region" aria-label="Datasets">
        <ul aria-label="Datasets you can open">
          <li>
            <span className="dataset-facts">Bundled dataset (Iran–Syria contacts, 2019–2023)</span>
            <button
              type="button"
              onClick={() => {
                removeDataParam();
                setOpen(false);
                void loadDatasetUrl(BUNDLED_DATA_URL);
              }}
            >
              Open
            </button>
          </li>
          {recent.map((r) => (
            <li key={r.id}>
              <span className="dataset-facts">
                <bdi>{r.name}</bdi>
                <span className="muted">
                  {' '}
                  — {r.meetings.toLocaleString('en')} meetings, {formatSize(r.size)}, opened {formatOpened(r.openedAt)}
                </span>
              </span>
              <button
                type="button"
                aria-label={`Open ${r.name}`}
                onClick={() =>
                  void openStored(r).then((ok) => {
                    if (ok) setOpen(false);
                    else setMessage(`${r.name} is no longer stored in this browser.`);
                  })
                }
              >
                Open
              </button>
              <button
                type="button"
                aria-label={`Forget ${r.name}`}
                onClick={() =>
                  void forgetDataset(r.id).then(async () => {
                    setRecent(await listRecent());
                    setMessage(`Forgot ${r.name}.`);
                  })
                }
              >
                Forget
              </button>
            </li>
          ))}
        </ul>
        {recent.length === 0 && <p className="muted">Files you open are kept in this browser and listed here.</p>}
        <p className="muted">
          Files you open stay on this computer (kept in this browser until you Forget them). A link always opens the dataset it names, or the
          bundled one — never a file from your computer.
        </p>
        <p role="status" className="muted">
          {message}
        </p>
      </div>
    </div>
  );
}
