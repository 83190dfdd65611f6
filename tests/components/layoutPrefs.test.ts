import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_PREFS, loadPrefs, parsePrefs, savePrefs, SPLIT_MAX, SPLIT_MIN, STORAGE_KEY } from '../../src/components/layout/layoutPrefs';

describe('layout preferences', () => {
  afterEach(() => localStorage.clear());

  it('round-trips through localStorage', () => {
    const prefs = { arrangement: 'side-by-side' as const, split: { stacked: 35, 'side-by-side': 60 } };
    savePrefs(prefs);
    expect(loadPrefs()).toEqual(prefs);
  });

  it('falls back to the defaults for anything missing or malformed, and clamps sizes', () => {
    expect(parsePrefs(null)).toEqual(DEFAULT_PREFS);
    expect(parsePrefs('{not json')).toEqual(DEFAULT_PREFS);
    expect(parsePrefs('[]').arrangement).toBe('stacked');
    expect(parsePrefs(JSON.stringify({ arrangement: 'diagonal', split: { stacked: 5, 'side-by-side': 'wide' } }))).toEqual({
      arrangement: 'stacked',
      split: { stacked: SPLIT_MIN, 'side-by-side': DEFAULT_PREFS.split['side-by-side'] },
    });
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ split: { stacked: 99 } }));
    expect(loadPrefs().split.stacked).toBe(SPLIT_MAX);
  });
});
