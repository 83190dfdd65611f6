import { useEffect, useId, useRef, useState } from 'react';
import './keyboardHelp.css';

/** Every key the app answers to, by where focus is. Kept next to the code that handles them (see the comments' files). */
const SECTIONS: { title: string; keys: [string, string][] }[] = [
  {
    title: 'Anywhere',
    keys: [
      ['?', 'Open this list of keys'],
      ['Tab / Shift+Tab', 'Move between regions and controls; the first Tab stop is “Skip to main content”'],
    ],
  },
  {
    title: 'Timeline toolbar',
    keys: [
      ['← / →', 'Move between the toolbar’s controls (the toolbar is one Tab stop)'],
      ['Home / End', 'First / last control'],
    ],
  },
  {
    title: 'Timeline (the chart has focus)',
    keys: [
      ['← / →', 'Previous / next meeting in time order (scrolled into view and read out)'],
      ['Enter', 'Open the focused meeting in the details'],
      ['Shift+← / Shift+→', 'Pan earlier / later'],
      ['+ / −', 'Zoom in / out'],
      ['Home', 'Fit all meetings'],
      ['Space', 'Play / pause playback'],
      ['Escape', 'Cancel brushing, else pause playback, else clear the selection'],
    ],
  },
  {
    title: 'Network',
    keys: [
      ['Tab', 'Reach each actor (in large graphs: the actor list, then ↑/↓ or ←/→ between actors, Home/End)'],
      ['Enter / Space', 'Select the focused actor'],
      ['Escape', 'Clear the selection'],
    ],
  },
  {
    title: 'Filters',
    keys: [
      ['↓ / ↑', 'Find actor: move through the suggestions'],
      ['Enter', 'Find actor: add the suggestion; search box: search now'],
      ['Escape', 'Find actor: close the suggestions'],
    ],
  },
  {
    title: 'Details and dialogs',
    keys: [
      ['Escape', 'Details: close the selection; dialogs (like this one): close'],
      ['Enter / Space', 'Table: sort by the focused column header'],
    ],
  },
];

const isTyping = (el: EventTarget | null) =>
  el instanceof HTMLElement && (el.isContentEditable || el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT');

/** The header's "Keyboard shortcuts" button and the dialog it opens; `?` opens it from anywhere but a text field. */
export function KeyboardHelp() {
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLElement | null>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();

  useEffect(() => {
    const onKey = (ev: KeyboardEvent) => {
      if (ev.key !== '?' || ev.ctrlKey || ev.metaKey || ev.altKey || isTyping(ev.target)) return;
      ev.preventDefault();
      opener.current = document.activeElement as HTMLElement | null;
      setOpen(true);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  useEffect(() => {
    if (open) closeRef.current?.focus();
  }, [open]);

  const close = () => {
    setOpen(false);
    opener.current?.focus();
  };

  return (
    <>
      <button
        type="button"
        className="keyboard-help-button"
        aria-haspopup="dialog"
        onClick={(ev) => {
          opener.current = ev.currentTarget;
          setOpen(true);
        }}
      >
        Keys <kbd aria-hidden="true">?</kbd>
        <span className="visually-hidden">: keyboard shortcuts</span>
      </button>
      {open && (
        <div className="keyboard-help-backdrop" onClick={close}>
          <div
            className="keyboard-help"
            role="dialog"
            aria-modal="true"
            aria-labelledby={titleId}
            onClick={(ev) => ev.stopPropagation()}
            onKeyDown={(ev) => {
              if (ev.key === 'Escape') {
                ev.preventDefault();
                ev.stopPropagation();
                close();
              } else if (ev.key === 'Tab') {
                // One control inside: keep focus in the dialog while it is open.
                ev.preventDefault();
                closeRef.current?.focus();
              }
            }}
          >
            <div className="keyboard-help-head">
              <h2 id={titleId}>Keyboard shortcuts</h2>
              <button type="button" ref={closeRef} onClick={close}>
                Close
              </button>
            </div>
            {SECTIONS.map((section) => (
              <section key={section.title} aria-label={section.title}>
                <h3>{section.title}</h3>
                <dl>
                  {section.keys.map(([key, what]) => (
                    <div key={key + what}>
                      <dt>
                        <kbd>{key}</kbd>
                      </dt>
                      <dd>{what}</dd>
                    </div>
                  ))}
                </dl>
              </section>
            ))}
          </div>
        </div>
      )}
    </>
  );
}
