/** The density bands' count labels: size and canvas font (warmUp.ts draws their star once ahead of time). */
export const COUNT_FONT_PX = 11.5;
export const COUNT_FONT = `${COUNT_FONT_PX}px system-ui, sans-serif`;
/** Marks a bar's meetings linked to the selection, next to their count, so it does not rest on colour. */
export const LINKED_MARK = '★';
