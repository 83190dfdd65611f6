import { useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useStore } from '../state/store';
import { selectVisibleCount } from '../state/selectors';
import { flushPendingUrl, linkedDataUrl, subscribeToLocation } from '../state/url/bindUrl';
import { citationText } from '../state/url/citation';
import './sharing.css';

const STATUS_MS = 5000;
const readHref = () => location.href;

type Copyable = { label: string; text: string };

/** Writes to the clipboard; false when the browser refuses (no permission, insecure context). */
async function writeClipboard(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** "Copy link" plus a "Cite this view" disclosure; both fall back to a selected read-only field. */
export function ShareButton() {
  const href = useSyncExternalStore(subscribeToLocation, readHref);
  const dataset = useStore((s) => (s.data.state === 'ready' ? s.data.index.dataset : null));
  const dataUrl = useStore((s) => s.data.url);
  const meetingCount = useStore(selectVisibleCount);
  const [status, setStatus] = useState('');
  const [manual, setManual] = useState<Copyable | null>(null);
  const manualRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!status) return;
    const timer = setTimeout(() => setStatus(''), STATUS_MS);
    return () => clearTimeout(timer);
  }, [status]);

  // Layout effect: the fallback field has focus in the same commit that shows it, so no keypress lands elsewhere first.
  useLayoutEffect(() => {
    manualRef.current?.focus();
    manualRef.current?.select();
  }, [manual]);

  if (!dataset) return null;

  const citationFor = (url: string) =>
    citationText({ title: dataset.title, version: dataset.version, meetingCount, accessed: new Date(), url });

  const copy = async (what: 'link' | 'citation') => {
    flushPendingUrl(); // a timeline pan may not have reached the address bar yet
    const text = what === 'link' ? location.href : citationFor(location.href);
    const label = what === 'link' ? 'Link to this view' : 'Citation';
    if (await writeClipboard(text)) {
      setManual(null);
      setStatus(what === 'link' ? 'Link copied' : 'Citation copied');
    } else {
      setManual({ label, text });
      setStatus(`Copying is blocked here: the ${what} is selected below, press Ctrl+C (⌘C on a Mac) to copy it`);
    }
  };

  const fromFile = dataUrl !== linkedDataUrl();

  return (
    <div className="share">
      <button type="button" onClick={() => void copy('link')}>
        Copy link
      </button>
      <details className="cite">
        <summary>Cite this view</summary>
        <div className="share-panel">
          <p className="citation">{citationFor(href)}</p>
          <button type="button" onClick={() => void copy('citation')}>
            Copy citation
          </button>
          {fromFile && (
            <p className="share-note">
              This dataset was opened from a file, which a link cannot carry: the link opens this view on the dataset the address names.
            </p>
          )}
        </div>
      </details>
      {manual && (
        <label className="share-manual">
          <span>{manual.label}</span>
          <input ref={manualRef} type="text" readOnly value={manual.text} onFocus={(e) => e.currentTarget.select()} />
        </label>
      )}
      <p className="share-status" role="status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}
