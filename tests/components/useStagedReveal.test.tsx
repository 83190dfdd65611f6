import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useStagedReveal } from '../../src/components/layout/useStagedReveal';

describe('useStagedReveal', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('shows nothing at first, then one more part per task, in order, and stops at the count', async () => {
    const seen: number[] = [];
    renderHook(() => {
      const shown = useStagedReveal(3);
      seen.push(shown);
      return shown;
    });
    expect(seen.at(-1)).toBe(0);
    for (const expected of [1, 2, 3]) {
      await act(async () => void vi.advanceTimersToNextTimer());
      expect(seen.at(-1)).toBe(expected);
    }
    await act(async () => void vi.runAllTimers());
    expect(seen.at(-1)).toBe(3);
    // Never skipped a part nor went back: each value appears, in increasing order.
    expect([...new Set(seen)]).toEqual([0, 1, 2, 3]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('waits while inactive (still loading) and goes on where it stopped', async () => {
    const { result, rerender } = renderHook(({ active }) => useStagedReveal(2, active), { initialProps: { active: false } });
    await act(async () => void vi.runAllTimers());
    expect(result.current).toBe(0);
    rerender({ active: true });
    await act(async () => void vi.advanceTimersToNextTimer());
    expect(result.current).toBe(1);
    rerender({ active: false });
    await act(async () => void vi.runAllTimers());
    expect(result.current).toBe(1);
    rerender({ active: true });
    await act(async () => void vi.runAllTimers());
    expect(result.current).toBe(2);
  });

  it('cancels the next part when unmounted mid-way (nothing runs after)', async () => {
    const { result, unmount } = renderHook(() => useStagedReveal(3));
    await act(async () => void vi.advanceTimersToNextTimer());
    expect(result.current).toBe(1);
    expect(vi.getTimerCount()).toBe(1);
    unmount();
    expect(vi.getTimerCount()).toBe(0);
  });
});
