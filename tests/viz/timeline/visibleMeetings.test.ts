import { describe, expect, it } from 'vitest';
import { toVisibleMeetings } from '../../../src/viz/timeline/itemSync';
import { visibleStarts } from '../../../src/viz/timeline/visibleStarts';
import { filterMeetings, EMPTY_FILTERS } from '../../../src/domain/filters';
import { smallIndex } from '../../fixtures/smallDataset';

const gathered = (index: ReturnType<typeof smallIndex>, visible: Int32Array) => ({
  visStart: Array.from(visible, (pos) => index.start[pos]!),
  maxDuration: Math.max(0, ...Array.from(visible, (pos) => index.end[pos]! - index.start[pos]!)),
});

describe('toVisibleMeetings', () => {
  const index = smallIndex();

  it('gives the visible meetings\' start times in their order and their longest span', () => {
    const some = index.order.filter((_, k) => k % 2 === 0);
    const data = toVisibleMeetings(index, some);
    expect(Array.from(data.visStart)).toEqual(gathered(index, some).visStart);
    expect(data.maxDuration).toBe(gathered(index, some).maxDuration);
  });

  it('with every meeting visible, gathers the start times once per index (a step back to all meetings reuses them)', () => {
    const first = toVisibleMeetings(index, filterMeetings(index, EMPTY_FILTERS));
    const again = toVisibleMeetings(index, filterMeetings(index, EMPTY_FILTERS));
    expect(again.visStart).toBe(first.visStart);
    expect(Array.from(first.visStart)).toEqual(gathered(index, index.order).visStart);
    expect(first.maxDuration).toBe(gathered(index, index.order).maxDuration);
    // Every meeting in another order is not the index's order: its own start times, not the shared ones.
    const reversed = index.order.slice().reverse();
    const other = toVisibleMeetings(index, reversed);
    expect(other.visStart).not.toBe(first.visStart);
    expect(Array.from(other.visStart)).toEqual(gathered(index, reversed).visStart);
  });

  it('gathers a visible list once for the view and its controller, and never across indexes', () => {
    const some = index.order.filter((_, k) => k % 3 === 0);
    const forView = visibleStarts(index, some);
    expect(toVisibleMeetings(index, some).visStart).toBe(forView.visStart);
    // The same list object read against another index (a dataset switch) is gathered from that index.
    const other = smallIndex();
    const again = visibleStarts(other, some);
    expect(again.visStart).not.toBe(forView.visStart);
    expect(Array.from(again.visStart)).toEqual(gathered(other, some).visStart);
  });
});
