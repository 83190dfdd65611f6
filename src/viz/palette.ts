/**
 * Affiliation colours shared by the network, its legend and the timeline. Colour is never the only
 * signal: every node and item also carries the affiliation code as text or in its accessible name.
 * Okabe–Ito-derived hues, distinguishable with common colour-vision deficiencies, readable in light and dark.
 */
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#8C6D31', '#7F7F7F', '#B07AA1', '#59A14F', '#EDC948', '#9C755F'];

/** Stable colour per affiliation code: by its position in the dataset's countries list. */
export function affiliationColors(codes: readonly string[]): Map<string, string> {
  return new Map(codes.map((code, i) => [code, PALETTE[i % PALETTE.length]!]));
}
