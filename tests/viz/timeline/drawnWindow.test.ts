import { describe, expect, it } from 'vitest';
import { createDrawnWindow } from '../../../src/viz/timeline/drawnWindow';

describe('createDrawnWindow', () => {
  it('says a window is drawn only after a drawing of exactly it, with nothing touched since', () => {
    const w = createDrawnWindow();
    expect(w.isDrawn(0, 10)).toBe(false);
    w.drew(0, 10);
    expect(w.isDrawn(0, 10)).toBe(true);
    expect(w.isDrawn(0, 11)).toBe(false);
    expect(w.isDrawn(1, 10)).toBe(false);
    w.touch();
    expect(w.isDrawn(0, 10)).toBe(false);
    w.drew(5, 20);
    expect(w.isDrawn(0, 10)).toBe(false);
    expect(w.isDrawn(5, 20)).toBe(true);
  });
});
