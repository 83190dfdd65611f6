import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { revealWindow, stepMeeting, timelineKeyAction, type KeyLike } from '../../../src/viz/timeline/keyboardModel';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key: k, shiftKey: false, altKey: false, ctrlKey: false, metaKey: false, ...mods });

describe('timelineKeyAction', () => {
  it('maps ←/→ to meeting steps and Shift+←/→ to pans', () => {
    expect(timelineKeyAction(key('ArrowRight'))).toEqual({ type: 'step', direction: 1 });
    expect(timelineKeyAction(key('ArrowLeft'))).toEqual({ type: 'step', direction: -1 });
    expect(timelineKeyAction(key('ArrowRight', { shiftKey: true }))).toEqual({ type: 'pan', fraction: 0.5 });
    expect(timelineKeyAction(key('ArrowLeft', { shiftKey: true }))).toEqual({ type: 'pan', fraction: -0.5 });
  });

  it('maps zoom, fit, open, play and escape keys', () => {
    expect(timelineKeyAction(key('+'))).toMatchObject({ type: 'zoom' });
    expect((timelineKeyAction(key('-')) as { factor: number }).factor).toBeLessThan(1);
    expect(timelineKeyAction(key('Home'))).toEqual({ type: 'fit' });
    expect(timelineKeyAction(key('Enter'))).toEqual({ type: 'open' });
    expect(timelineKeyAction(key(' '))).toEqual({ type: 'togglePlay' });
    expect(timelineKeyAction(key('Escape'))).toEqual({ type: 'escape' });
  });

  it('swallows keys that would scroll the page, and leaves browser shortcuts and other keys alone', () => {
    for (const k of ['ArrowDown', 'ArrowUp', 'PageDown', 'PageUp', 'End']) expect(timelineKeyAction(key(k))).toEqual({ type: 'swallow' });
    expect(timelineKeyAction(key('ArrowRight', { ctrlKey: true }))).toBeNull();
    expect(timelineKeyAction(key('ArrowLeft', { altKey: true }))).toBeNull();
    expect(timelineKeyAction(key('Tab'))).toBeNull();
    expect(timelineKeyAction(key('?'))).toBeNull();
  });
});

describe('stepMeeting', () => {
  const starts = Float64Array.from([10, 20, 20, 30, 40]);

  it('moves to the previous/next meeting in time order and stops at either end', () => {
    expect(stepMeeting(starts, 1, 1, 0, 100)).toBe(2);
    expect(stepMeeting(starts, 2, -1, 0, 100)).toBe(1);
    expect(stepMeeting(starts, 4, 1, 0, 100)).toBe(4);
    expect(stepMeeting(starts, 0, -1, 0, 100)).toBe(0);
  });

  it('without a current meeting starts from what the window shows', () => {
    expect(stepMeeting(starts, -1, 1, 25, 45)).toBe(3);
    expect(stepMeeting(starts, -1, -1, 5, 25)).toBe(2);
    expect(stepMeeting(starts, -1, 1, 50, 60)).toBe(4);
    expect(stepMeeting(starts, -1, -1, 0, 5)).toBe(0);
  });

  it('returns -1 when there is nothing to step to', () => {
    expect(stepMeeting(new Float64Array(0), -1, 1, 0, 1)).toBe(-1);
  });

  it('always lands on a valid index (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 50 }), fc.integer({ min: -1, max: 60 }), fc.boolean(), fc.integer({ min: 0, max: 1000 }), (raw, cur, fwd, ws) => {
        const s = Float64Array.from(raw.sort((a, b) => a - b));
        const k = stepMeeting(s, cur < s.length ? cur : -1, fwd ? 1 : -1, ws, ws + 100);
        expect(k).toBeGreaterThanOrEqual(0);
        expect(k).toBeLessThan(s.length);
      }),
    );
  });
});

describe('revealWindow', () => {
  it('leaves the window alone when the meeting is inside it', () => {
    expect(revealWindow(0, 100, 50, 50)).toBeNull();
  });

  it('centres a meeting outside the window, keeping the width', () => {
    expect(revealWindow(0, 100, 250, 250)).toEqual({ start: 200, end: 300 });
    expect(revealWindow(0, 100, -80, -60)).toEqual({ start: -120, end: -20 });
  });

  it('shows the start of a meeting wider than the window', () => {
    const w = revealWindow(0, 100, 300, 600)!;
    expect(w.end - w.start).toBe(100);
    expect(w.start).toBeLessThan(300);
    expect(w.end).toBeGreaterThan(300);
  });
});
