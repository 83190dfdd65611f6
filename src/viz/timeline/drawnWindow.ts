/**
 * What the timeline last drew: the window, and whether anything else it shows has changed since. vis-timeline
 * reports every move again 200 ms after it (when it has already been drawn), and a filter change both fits the
 * window and updates the items: each asked for a second drawing of the same picture, a task after every filter
 * change. A frame asked for by a move can ask this whether there is anything new to draw.
 */
export function createDrawnWindow() {
  let drawn: { start: number; end: number } | null = null;
  let changed = true;
  return {
    /** Something drawn besides the window changed (data, emphasis, selection, width). */
    touch(): void {
      changed = true;
    },
    /** A drawing of the window `start`–`end` is done. */
    drew(start: number, end: number): void {
      drawn = { start, end };
      changed = false;
    },
    /** Whether drawing the window `start`–`end` now would show what is already drawn. */
    isDrawn(start: number, end: number): boolean {
      return !changed && drawn !== null && drawn.start === start && drawn.end === end;
    },
  };
}
