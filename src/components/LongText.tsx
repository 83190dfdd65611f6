import { useState } from 'react';

/** Characters of a field shown at first; a few lines in the panel. */
export const FIRST_CHARS = 2_000;
/** Each "Show more" adds this many: long enough to read on, short enough that laying it out never stalls the page. */
export const MORE_CHARS = 20_000;

/** Cuts at `n` without splitting a surrogate pair. */
function cutAt(text: string, n: number): number {
  const c = text.charCodeAt(n - 1);
  return c >= 0xd800 && c <= 0xdbff ? n - 1 : n;
}

/**
 * A data field of any length as plain text: long values (a megabyte without a break froze the tab while the
 * browser looked for line breaks) are shown shortened, with a button that reveals the rest in chunks.
 */
export function LongText({ text }: { text: string }) {
  const [limit, setLimit] = useState(FIRST_CHARS);
  if (text.length <= limit) return <>{text}</>;
  const end = cutAt(text, limit);
  const left = text.length - end;
  return (
    <>
      <bdi>{text.slice(0, end)}</bdi>…{' '}
      <button type="button" className="show-more" onClick={() => setLimit(end + MORE_CHARS)}>
        Show more ({left.toLocaleString('en')} more characters)
      </button>
    </>
  );
}
