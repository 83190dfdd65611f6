/**
 * Bidirectional isolation for data strings drawn as plain text (canvas, SVG, notices, labels).
 * A name holding a right-to-left override (U+202E) or RTL letters would otherwise reorder the
 * text next to it; FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE keeps its effect inside.
 * In the DOM the same is done with <bdi> or `unicode-bidi: isolate` (see components.css).
 */
export const FSI = '\u2068';
export const PDI = '\u2069';

export function isolate(text: string): string {
  return FSI + text + PDI;
}
