/** Where an evidence quote sits in its source text, tolerant of differing whitespace and, failing that, of case. */
export function locateQuote(text: string, quote: string): { start: number; end: number } | null {
  const words = quote.trim().split(/\s+/).filter(Boolean);
  if (!words.length) return null;
  const pattern = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+');
  const match = new RegExp(pattern).exec(text) ?? new RegExp(pattern, 'i').exec(text);
  return match ? { start: match.index, end: match.index + match[0].length } : null;
}

export interface TextSegment {
  text: string;
  marked: boolean;
}

/** The source split into plain-text segments with the quote flagged, for rendering without any HTML. */
export function quoteSegments(text: string, quote: string): TextSegment[] {
  const at = locateQuote(text, quote);
  if (!at) return [{ text, marked: false }];
  return [
    { text: text.slice(0, at.start), marked: false },
    { text: text.slice(at.start, at.end), marked: true },
    { text: text.slice(at.end), marked: false },
  ].filter((s) => s.text !== '');
}
