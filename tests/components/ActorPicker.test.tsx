import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ActorPicker } from '../../src/components/ActorPicker';
import { actorSearchReady } from '../../src/domain/actorSearch';
import { loadIntoStore } from '../fixtures/smallDataset';

describe('ActorPicker', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('builds the actor search index when the page is idle after a dataset opens, not on the first keystroke', () => {
    const idle: ((deadline: IdleDeadline) => void)[] = [];
    const cancelled: number[] = [];
    vi.stubGlobal('requestIdleCallback', (run: (deadline: IdleDeadline) => void) => idle.push(run));
    const noTimeLeft = { didTimeout: false, timeRemaining: () => 0 };
    vi.stubGlobal('cancelIdleCallback', (id: number) => cancelled.push(id));
    const index = loadIntoStore();
    const { unmount } = render(<ActorPicker />);
    expect(actorSearchReady(index)).toBe(false);
    expect(idle).toHaveLength(1);
    // An idle period with no time left: one slice (the names), then the next idle period finishes it.
    idle[0]!(noTimeLeft);
    expect(actorSearchReady(index)).toBe(false);
    expect(idle).toHaveLength(2);
    idle[1]!(noTimeLeft);
    expect(actorSearchReady(index)).toBe(true);
    // Another dataset: its own index, once idle; the pending preparation is dropped when the picker goes.
    const next = loadIntoStore();
    render(<ActorPicker />);
    expect(actorSearchReady(next)).toBe(false);
    unmount();
    expect(cancelled.length).toBeGreaterThan(0);
  });
});
