import { lowerBound } from './density';

/**
 * The timeline's keyboard model, as pure functions: which action a key press means, and which meeting
 * ←/→ move to. The React view turns actions into controller calls; nothing here touches the DOM.
 */
export type TimelineKeyAction =
  | { type: 'step'; direction: -1 | 1 }
  | { type: 'pan'; fraction: number }
  | { type: 'zoom'; factor: number }
  | { type: 'fit' }
  | { type: 'open' }
  | { type: 'togglePlay' }
  | { type: 'escape' }
  /** Keys whose browser default (scrolling the page) must not happen while the timeline has focus. */
  | { type: 'swallow' };

export const ZOOM_STEP = 1.5;
export const PAN_FRACTION = 0.5;

export interface KeyLike {
  key: string;
  shiftKey: boolean;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}

export function timelineKeyAction(ev: KeyLike): TimelineKeyAction | null {
  if (ev.altKey || ev.ctrlKey || ev.metaKey) return null;
  switch (ev.key) {
    case 'ArrowLeft':
      return ev.shiftKey ? { type: 'pan', fraction: -PAN_FRACTION } : { type: 'step', direction: -1 };
    case 'ArrowRight':
      return ev.shiftKey ? { type: 'pan', fraction: PAN_FRACTION } : { type: 'step', direction: 1 };
    case '+':
    case '=':
      return { type: 'zoom', factor: ZOOM_STEP };
    case '-':
    case '_':
      return { type: 'zoom', factor: 1 / ZOOM_STEP };
    case 'Home':
      return { type: 'fit' };
    case 'Enter':
      return { type: 'open' };
    case ' ':
    case 'Spacebar':
      return { type: 'togglePlay' };
    case 'Escape':
      return { type: 'escape' };
    case 'ArrowUp':
    case 'ArrowDown':
    case 'PageUp':
    case 'PageDown':
    case 'End':
      return { type: 'swallow' };
    default:
      return null;
  }
}

/**
 * The k (index into `starts`, the visible meetings' start times in ascending order) that ←/→ move to.
 * From a current meeting: the previous/next one in time order, staying put at either end. Without
 * one: → takes the first meeting starting in the window (or after it), ← the last starting before its
 * end, so the first key press lands on something the user can see.
 */
export function stepMeeting(starts: Float64Array, current: number, direction: -1 | 1, windowStart: number, windowEnd: number): number {
  const n = starts.length;
  if (!n) return -1;
  if (current >= 0 && current < n) return Math.min(n - 1, Math.max(0, current + direction));
  if (direction > 0) return Math.min(n - 1, lowerBound(starts, windowStart));
  return Math.max(0, lowerBound(starts, windowEnd) - 1);
}

/**
 * The window to move to so [start, end] is in view: unchanged (null) when it already is, else the same
 * width centred on the meeting (or starting at it when the meeting is wider than the window).
 */
export function revealWindow(windowStart: number, windowEnd: number, start: number, end: number): { start: number; end: number } | null {
  const width = windowEnd - windowStart;
  const margin = width * 0.04;
  if (start >= windowStart + margin && Math.max(start, end) <= windowEnd - margin) return null;
  if (end - start >= width - 2 * margin) return { start: start - margin, end: start - margin + width };
  const mid = (start + Math.max(start, end)) / 2;
  return { start: mid - width / 2, end: mid + width / 2 };
}
