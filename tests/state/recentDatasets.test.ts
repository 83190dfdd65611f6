import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { readStored, rememberDataset } from '../../src/state/recentDatasets';
import { lazyList } from '../../src/domain/engine/lazyList';
import { smallDataset } from '../fixtures/smallDataset';
import type { Dataset } from '../../src/domain/schema';

describe('a dataset kept in this browser', () => {
  it('is stored and read back whole when its meetings are read from bytes on demand', async () => {
    const meetings = smallDataset.meetings;
    const lazy: Dataset = { ...smallDataset, meetings: lazyList(meetings.length, (i) => meetings[i]!) as Dataset['meetings'] };
    const entry = await rememberDataset(lazy, 'big.json', 1234);
    expect(entry).not.toBeNull();
    expect(await readStored(entry!.id)).toEqual(smallDataset);
  });
});
