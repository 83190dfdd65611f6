import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useStore } from '../state/store';
import { selectGraphMeetings, selectIndex, selectSearchPending, selectVisible } from '../state/selectors';
import { searchShown } from '../state/workerSearch';
import { selectShownGraph } from '../state/analysis/shownGraph';
import { flushPendingUrl } from '../state/url/bindUrl';
import { readNetworkSnapshot, readTimelineShot } from '../viz/exportSources';
import type { ExportKind } from '../viz/export/runExport';
import './exportMenu.css';

/** Each choice names what it saves; groups are separated for scanning (data, network files, pictures). */
export const EXPORT_CHOICES: readonly { kind: ExportKind; label: string; groupStart?: boolean }[] = [
  { kind: 'meetings-csv', label: 'Meetings as CSV' },
  { kind: 'dataset-json', label: 'Dataset as JSON' },
  { kind: 'network-gexf', label: 'Network as GEXF', groupStart: true },
  { kind: 'network-graphml', label: 'Network as GraphML' },
  { kind: 'network-svg', label: 'Network as SVG', groupStart: true },
  { kind: 'network-png', label: 'Network as PNG' },
  { kind: 'timeline-svg', label: 'Timeline as SVG' },
  { kind: 'timeline-png', label: 'Timeline as PNG' },
];

const STATUS_MS = 8000;

/** Reads everything an export needs at the moment of the choice (current layout, window and link). */
function exportContext() {
  const state = useStore.getState();
  const index = selectIndex(state);
  if (!index) return null;
  flushPendingUrl(); // a timeline pan may not have reached the address bar yet
  return {
    index,
    filters: state.filters,
    visible: selectVisible(state),
    graphMeetings: selectGraphMeetings(state),
    graph: selectShownGraph(state),
    analysis: state.analysis,
    url: location.href,
    accessed: new Date(),
    network: state.mode === 'charts' ? readNetworkSnapshot() : null,
    timeline: state.mode === 'charts' ? readTimelineShot() : null,
  };
}

/**
 * The "Export" menu button (WAI-ARIA menu button pattern): Enter, Space or ↓ opens it on the first
 * choice, ↑ on the last; ↑/↓ wrap, Home/End jump, a letter moves to the next choice starting with
 * it, Escape closes it and returns focus to the button. The export code loads on first use.
 */
export function ExportMenu() {
  const ready = useStore((s) => s.data.state === 'ready');
  const [open, setOpen] = useState(false);
  const [focusAt, setFocusAt] = useState(0);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const rootRef = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const buttonId = useId();

  useEffect(() => {
    if (open) itemRefs.current[focusAt]?.focus();
  }, [open, focusAt]);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (ev: PointerEvent) => {
      if (!rootRef.current?.contains(ev.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  useEffect(() => {
    if (!status || status.error) return;
    const timer = setTimeout(() => setStatus(null), STATUS_MS);
    return () => clearTimeout(timer);
  }, [status]);

  if (!ready) return null;

  const openAt = (at: number) => {
    setFocusAt(at);
    setOpen(true);
  };
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };

  const choose = async (kind: ExportKind, label: string) => {
    close(true);
    if (useStore.getState().data.state === 'ready' && selectSearchPending(useStore.getState())) {
      // A large dataset's search still being answered: export what the box asks for, not the previous search.
      setStatus({ text: `Waiting for the search before preparing ${label}…`, error: false });
      await searchShown();
    }
    const ctx = exportContext();
    if (!ctx) return;
    setStatus({ text: `Preparing ${label}…`, error: false });
    try {
      const { buildExport, downloadFile } = await import('../viz/export/runExport');
      const file = await buildExport(kind, ctx);
      downloadFile(file);
      setStatus({ text: `Saved ${file.name} (${file.details})`, error: false });
    } catch (err) {
      setStatus({ text: `Could not export ${label}: ${err instanceof Error ? err.message : String(err)}`, error: true });
    }
  };

  const onButtonKeyDown = (ev: KeyboardEvent<HTMLButtonElement>) => {
    if (ev.key === 'ArrowDown') openAt(0);
    else if (ev.key === 'ArrowUp') openAt(EXPORT_CHOICES.length - 1);
    else return;
    ev.preventDefault();
  };

  const onMenuKeyDown = (ev: KeyboardEvent<HTMLUListElement>) => {
    const n = EXPORT_CHOICES.length;
    const current = itemRefs.current.findIndex((el) => el === document.activeElement);
    const at = current < 0 ? focusAt : current;
    let next: number | null = null;
    if (ev.key === 'ArrowDown') next = (at + 1) % n;
    else if (ev.key === 'ArrowUp') next = (at - 1 + n) % n;
    else if (ev.key === 'Home') next = 0;
    else if (ev.key === 'End') next = n - 1;
    else if (ev.key === 'Escape') {
      ev.preventDefault();
      close(true);
      return;
    } else if (ev.key === 'Tab') {
      setOpen(false);
      return;
    } else if (ev.key.length === 1 && /\S/.test(ev.key) && !ev.ctrlKey && !ev.metaKey && !ev.altKey) {
      const letter = ev.key.toLowerCase();
      for (let k = 1; k <= n && next === null; k++) if (EXPORT_CHOICES[(at + k) % n]!.label.toLowerCase().startsWith(letter)) next = (at + k) % n;
      if (next === null) return;
    } else return;
    ev.preventDefault();
    setFocusAt(next);
    itemRefs.current[next]?.focus();
  };

  return (
    <div className="export-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        id={buttonId}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => (open ? close(false) : openAt(0))}
        onKeyDown={onButtonKeyDown}
      >
        Export
        <span className="menu-arrow" aria-hidden="true">
          {open ? '▴' : '▾'}
        </span>
      </button>
      <ul id={menuId} role="menu" aria-labelledby={buttonId} hidden={!open} onKeyDown={onMenuKeyDown}>
        {EXPORT_CHOICES.map((choice, i) => [
          choice.groupStart ? <li key={`${choice.kind}-sep`} role="separator" /> : null,
          <li key={choice.kind} role="none">
            <button
              ref={(el) => {
                itemRefs.current[i] = el;
              }}
              type="button"
              role="menuitem"
              tabIndex={-1}
              onClick={() => void choose(choice.kind, choice.label)}
            >
              {choice.label}
            </button>
          </li>,
        ])}
      </ul>
      <p className={`export-status${status?.error ? ' is-error' : ''}`} role="status" aria-live="polite">
        {status?.text ?? ''}
      </p>
    </div>
  );
}
