import { describe, expect, it, vi } from 'vitest';
import type { DataSet } from 'vis-data/esnext';
import type { TimelineItem } from 'vis-timeline/esnext';
import * as specs from '../../../src/viz/timeline/toTimelineItems';
import { createItemSync, toVisibleMeetings } from '../../../src/viz/timeline/itemSync';
import { smallIndex } from '../../fixtures/smallDataset';

vi.mock('../../../src/viz/timeline/toTimelineItems', async (original) => {
  const actual = await original<typeof specs>();
  return { ...actual, toTimelineItem: vi.fn(actual.toTimelineItem) };
});

/** The part of vis-data's DataSet the sync uses: items by id. */
function fakeItems() {
  const held = new Map<string, TimelineItem>();
  const items = {
    add: (list: TimelineItem[]) => list.forEach((item) => held.set(String(item.id), item)),
    update: (list: TimelineItem[]) => list.forEach((item) => held.set(String(item.id), { ...held.get(String(item.id))!, ...item })),
    remove: (ids: string[]) => ids.forEach((id) => held.delete(id)),
    clear: () => held.clear(),
  };
  return { items: items as unknown as DataSet<TimelineItem>, held };
}

describe('createItemSync', () => {
  it('works out a meeting\'s item once while it comes and goes between steps, and afresh for another dataset', () => {
    const worked = vi.mocked(specs.toTimelineItem);
    const { items, held } = fakeItems();
    const sync = createItemSync(items, () => 1200);
    const index = smallIndex();
    const span = [index.minTime - 86_400_000, index.maxTime + 86_400_000] as const;
    const all = index.order;
    const few = all.filter((_, k) => k % 3 === 0);
    worked.mockClear();
    sync.setData(toVisibleMeetings(index, all));
    expect(sync.render(...span)).toBe('items');
    expect(held.size).toBe(all.length);
    expect(worked).toHaveBeenCalledTimes(all.length);
    // A search: most meetings leave the timeline; clearing it brings them back without working them out again.
    sync.setData(toVisibleMeetings(index, few));
    sync.render(...span);
    expect(held.size).toBe(few.length);
    sync.setData(toVisibleMeetings(index, all));
    sync.render(...span);
    expect(held.size).toBe(all.length);
    expect(worked).toHaveBeenCalledTimes(all.length);
    expect([...held.values()].map((item) => (item as { meeting?: string }).meeting).sort()).toEqual(index.meetings.map((m) => m.id).sort());
    // Another dataset (even with the same ids) is worked out from its own records.
    sync.setData(toVisibleMeetings(smallIndex(), all));
    sync.render(...span);
    expect(worked).toHaveBeenCalledTimes(all.length * 2);
  });
});
