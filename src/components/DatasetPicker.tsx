import { useEffect, useRef, useState } from 'react';
import { openDatasetFile } from '../state/importDataset';
import './sharing.css';

const carriesFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');

/** "Open dataset…" button, plus dropping a file anywhere on the page: JSON, CSV or TSV, through one import pipeline. */
export function DatasetPicker() {
  const inputRef = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    const onDragOver = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault(); // allows the drop
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
      setDragging(true);
    };
    // relatedTarget is null only when the pointer leaves the window, not when it crosses elements.
    const onDragLeave = (e: DragEvent) => e.relatedTarget === null && setDragging(false);
    const onDrop = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault(); // otherwise the browser navigates to the file
      setDragging(false);
      const file = e.dataTransfer?.files[0];
      if (file) void openDatasetFile(file);
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('dragleave', onDragLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('dragleave', onDragLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, []);

  return (
    <div className="dataset-picker">
      <button type="button" onClick={() => inputRef.current?.click()} title="Open a Parley JSON dataset, a meetings sheet or an event file (CSV/TSV), or drop one onto the page">
        Open dataset…
      </button>
      <input
        ref={inputRef}
        className="visually-hidden"
        type="file"
        accept=".json,.csv,.tsv,.tab,.txt,application/json,text/csv,text/tab-separated-values"
        aria-label="Dataset file (JSON, CSV or TSV)"
        tabIndex={-1}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = ''; // choosing the same file again still loads it
          if (file) void openDatasetFile(file);
        }}
      />
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <p>Drop a dataset (JSON, CSV or TSV) to open it</p>
        </div>
      )}
    </div>
  );
}
