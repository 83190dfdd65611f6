/** The characters JavaScript's `\s` matches, tested without a regular expression. */
function isSpace(c: number): boolean {
  return (
    (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/**
 * `text` with every whitespace run collapsed to one space (and, when `fold`, each UTF-16 unit lower-cased
 * where that keeps its length), plus where each of its characters starts in `text`.
 */
function normalise(text: string, fold: boolean): { flat: string; at: Int32Array } {
  const at = new Int32Array(text.length);
  const parts: string[] = [];
  let n = 0;
  let inSpace = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      if (inSpace) continue;
      inSpace = true;
      parts.push(' ');
    } else {
      inSpace = false;
      const ch = text[i]!;
      const lower = fold ? ch.toLowerCase() : ch;
      parts.push(lower.length === 1 ? lower : ch);
    }
    at[n++] = i;
  }
  return { flat: parts.join(''), at: at.subarray(0, n) };
}

/**
 * Where an evidence quote sits in its source text, tolerant of differing whitespace and, failing that, of case.
 * Both strings are normalised and searched with indexOf: a pattern built from the quote would be data turned into
 * code, and a long quote overflows the regular-expression engine.
 */
export function locateQuote(text: string, quote: string): { start: number; end: number } | null {
  const wanted = normalise(quote, false).flat.trim();
  if (!wanted) return null;
  for (const fold of [false, true]) {
    const source = normalise(text, fold);
    const needle = fold ? normalise(wanted, true).flat : wanted;
    const found = source.flat.indexOf(needle);
    if (found >= 0) return { start: source.at[found]!, end: source.at[found + needle.length - 1]! + 1 };
  }
  return null;
}

export interface TextSegment {
  text: string;
  marked: boolean;
}

/** The source split into plain-text segments with the quote flagged, for rendering without any HTML. */
export function quoteSegments(text: string, quote: string): TextSegment[] {
  return segmentsWithin(text, locateQuote(text, quote), { start: 0, end: text.length });
}

/** Characters of source text shown before and after the quote when the source text opens. */
export const SOURCE_CONTEXT_CHARS = 3_000;
/** At most this much source text is laid out at first, however long the quote: a megabyte froze the tab. */
export const SOURCE_FIRST_CHARS = 20_000;

/** `n` moved back by one when it would split a surrogate pair. */
export function safeCut(text: string, n: number): number {
  if (n <= 0 || n >= text.length) return Math.max(0, Math.min(n, text.length));
  const c = text.charCodeAt(n - 1);
  return c >= 0xd800 && c <= 0xdbff ? n - 1 : n;
}

export interface TextRange {
  start: number;
  end: number;
}

/** The part of a source text shown first: all of an article-sized text; of a longer one, around the quote when it was found, else its beginning. */
export function firstSourceWindow(text: string, at: TextRange | null): TextRange {
  if (text.length <= SOURCE_FIRST_CHARS) return { start: 0, end: text.length };
  const start = at ? safeCut(text, at.start - SOURCE_CONTEXT_CHARS) : 0;
  const wanted = at ? at.end + SOURCE_CONTEXT_CHARS : SOURCE_FIRST_CHARS;
  return { start, end: safeCut(text, Math.min(wanted, start + SOURCE_FIRST_CHARS)) };
}

/** The plain-text segments of `text` within `shown`, the part inside `at` flagged. */
export function segmentsWithin(text: string, at: TextRange | null, shown: TextRange): TextSegment[] {
  if (!at) return [{ text: text.slice(shown.start, shown.end), marked: false }].filter((s) => s.text !== '');
  const clip = (n: number) => Math.min(Math.max(n, shown.start), shown.end);
  const a = clip(at.start);
  const b = clip(at.end);
  return [
    { text: text.slice(shown.start, a), marked: false },
    { text: text.slice(a, b), marked: true },
    { text: text.slice(b, shown.end), marked: false },
  ].filter((s) => s.text !== '');
}
