import { useMemo, useState } from 'react';
import { firstSourceWindow, locateQuote, safeCut, segmentsWithin, type TextRange } from '../domain/quoteMatch';
import { MORE_CHARS } from './LongText';

/**
 * A source text with the quote marked, laid out a window at a time: a whole article is a few kilobytes, but a
 * megabyte without a break froze the tab. The window opens around the quote; buttons reveal earlier and later text.
 */
export function SourceText({ text, quote }: { text: string; quote: string | undefined }) {
  const at = useMemo(() => (quote === undefined ? null : locateQuote(text, quote)), [text, quote]);
  const [shown, setShown] = useState<TextRange>(() => firstSourceWindow(text, at));
  const before = shown.start;
  const after = text.length - shown.end;
  return (
    <>
      {before > 0 && (
        <button type="button" className="show-more" onClick={() => setShown({ ...shown, start: safeCut(text, shown.start - MORE_CHARS) })}>
          Show earlier text ({before.toLocaleString('en')} characters)
        </button>
      )}
      {before > 0 && '…'}
      {segmentsWithin(text, at, shown).map((seg, i) => (seg.marked ? <mark key={i}>{seg.text}</mark> : <span key={i}>{seg.text}</span>))}
      {after > 0 && '… '}
      {after > 0 && (
        <button type="button" className="show-more" onClick={() => setShown({ ...shown, end: safeCut(text, shown.end + MORE_CHARS) })}>
          Show more ({after.toLocaleString('en')} more characters)
        </button>
      )}
    </>
  );
}
