/**
 * How the two views share the middle of the window: a presentation preference of this browser, so it
 * lives in localStorage rather than in the link (a shared link should not rearrange the reader's screen).
 */
export type Arrangement = 'stacked' | 'side-by-side';

export interface LayoutPrefs {
  arrangement: Arrangement;
  /** Share of the middle given to the timeline, in percent, per arrangement. */
  split: Record<Arrangement, number>;
}

export const SPLIT_MIN = 20;
export const SPLIT_MAX = 80;
export const STORAGE_KEY = 'parley.layout.v1';
export const DEFAULT_PREFS: LayoutPrefs = { arrangement: 'stacked', split: { stacked: 55, 'side-by-side': 50 } };

export const clampSplit = (n: number): number => Math.min(SPLIT_MAX, Math.max(SPLIT_MIN, Math.round(n)));

const validSplit = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? clampSplit(v) : fallback);

/** Reads what was stored; anything missing or malformed falls back to the default, never throws. */
export function parsePrefs(raw: string | null): LayoutPrefs {
  if (!raw) return DEFAULT_PREFS;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return DEFAULT_PREFS;
  }
  if (!value || typeof value !== 'object') return DEFAULT_PREFS;
  const v = value as { arrangement?: unknown; split?: Record<string, unknown> };
  const split = v.split && typeof v.split === 'object' ? v.split : {};
  return {
    arrangement: v.arrangement === 'side-by-side' ? 'side-by-side' : 'stacked',
    split: {
      stacked: validSplit(split.stacked, DEFAULT_PREFS.split.stacked),
      'side-by-side': validSplit(split['side-by-side'], DEFAULT_PREFS.split['side-by-side']),
    },
  };
}

export function loadPrefs(): LayoutPrefs {
  try {
    return parsePrefs(globalThis.localStorage?.getItem(STORAGE_KEY) ?? null);
  } catch {
    // Storage can be disabled (private modes, sandboxed frames): the defaults still work.
    return DEFAULT_PREFS;
  }
}

export function savePrefs(prefs: LayoutPrefs): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(prefs));
  } catch {
    // Not remembered this time; the layout itself is unaffected.
  }
}
