import { useEffect, useId, useRef, useState } from 'react';
import { formatIsoDay } from '../domain/dates';
import { LongText } from './LongText';
import { SourceText } from './SourceText';
import { CONTEXT_LABELS } from '../domain/provenanceText';
import type { Evidence, Source } from '../domain/schema';

/** Only web links are followed; anything else (javascript:, data:) stays plain text. */
export function safeHref(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One verbatim quote (or a citation without one), its source, and the full source text on demand with the quote marked.
 * Imported sources may have no text: their quotes are shown as not checked, since nothing proves them verbatim.
 */
export function EvidenceQuote({
  quote,
  source,
  locator,
  context,
  topics,
}: {
  quote: string | undefined;
  source: Source | undefined;
  locator?: string | undefined;
  /** Where it was said; absent in older datasets. */
  context?: Evidence['context'];
  /** Labels of the meeting topics this passage supports. */
  topics?: readonly string[];
}) {
  const [open, setOpen] = useState(false);
  const regionId = useId();
  const href = safeHref(source?.url);
  const boxRef = useRef<HTMLDivElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  // Escape closes the open source text first (focus back on its button); marking the key handled keeps
  // the detail panel from also clearing the selection on the same press.
  const onKeyDown = (e: React.KeyboardEvent<HTMLElement>) => {
    if (e.key !== 'Escape' || !open || e.defaultPrevented) return;
    e.preventDefault();
    setOpen(false);
    toggleRef.current?.focus();
  };

  // Long sources scroll inside their box: bring the marked passage into view there, not the page.
  useEffect(() => {
    const box = boxRef.current;
    const mark = box?.querySelector('mark');
    if (open && box && mark) box.scrollTop = Math.max(0, mark.offsetTop - box.clientHeight / 3);
  }, [open]);
  return (
    <figure className="evidence" onKeyDown={onKeyDown}>
      {context && <p className={`evidence-context context-${context.replace(' ', '-')}`}>{CONTEXT_LABELS[context]}</p>}
      {quote !== undefined && <blockquote dir="auto"><LongText text={quote} /></blockquote>}
      {quote !== undefined && source && source.text === undefined && <p className="muted evidence-unchecked">Quote not checked against a source text.</p>}
      <figcaption>
        {quote === undefined && 'Citation (no quote): '}
        {source ? (
          <>
            {href ? (
              <a href={href} rel="noopener noreferrer" target="_blank">
                <bdi>{source.title}</bdi>
              </a>
            ) : (
              <cite><bdi>{source.title}</bdi></cite>
            )}
            {', '}
            {source.publisher ?? 'publisher unknown'}
            {', '}
            {source.published ? formatIsoDay(source.published) : 'undated'}
            {locator && `, ${locator}`}
          </>
        ) : (
          'Source not found in this dataset'
        )}
        {topics && topics.length > 0 && <span className="evidence-topics">. Supports topics: {topics.join(', ')}</span>}
      </figcaption>
      {source?.text !== undefined && (
        <>
          <button ref={toggleRef} type="button" aria-expanded={open} aria-controls={regionId} onClick={() => setOpen((o) => !o)}>
            {open ? 'Hide source text' : 'Show source text'}
          </button>
          <div
            id={regionId}
            ref={boxRef}
            className="source-text"
            hidden={!open}
            // The text scrolls within its box, so keyboard users must be able to focus it to scroll.
            tabIndex={0}
            role="region"
            aria-label={`Source text: ${source.title}`}
          >
            {open && <SourceText text={source.text} quote={quote} />}
          </div>
        </>
      )}
    </figure>
  );
}
