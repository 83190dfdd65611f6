import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildIndex } from '../../src/domain/indexes';
import type { Dataset } from '../../src/domain/schema';
import { handleLoaded } from '../../src/state/importDataset';
import type { TextFeed } from '../../src/state/textFeed';
import type { LoadSummary } from '../../src/domain/engine/protocol';
import { useStore } from '../../src/state/store';
import { generateSynthetic } from '../../scripts/bench/synthetic/generate';

const dataset = JSON.parse(generateSynthetic({ meetings: 200, actors: 40, seed: 2 })) as Dataset;
const feed = () => ({ sendTo: vi.fn<TextFeed['sendTo']>(), stop: vi.fn<TextFeed['stop']>() });
const imported = (problems: number): LoadSummary => ({
  kind: 'import',
  imported: {
    ok: true, format: 'meetings sheet (comma-separated)', rows: 200 + problems, meetings: 200, unmatched: [], notContacts: 0,
    problems: Array.from({ length: problems }, (_, i) => ({ row: i + 2, column: 'date', value: 'soon', message: 'not a date' })),
  },
});

afterEach(() => useStore.setState({ data: { state: 'loading', url: '' }, importReview: null, notices: [] }));

describe('the load worker\'s search texts after a load', () => {
  it('a file whose skipped rows go to review first stops the load worker at once (a Cancel would leave it holding the dataset); accepting later does not ask it', async () => {
    const texts = feed();
    const index = buildIndex(dataset);
    await handleLoaded({ kind: 'loaded', index, summary: imported(2), texts }, 'big.csv', 'big.csv', 'file', 1000);
    expect(useStore.getState().importReview).toMatchObject({ kind: 'problems' });
    expect(texts.stop).toHaveBeenCalledTimes(1);
    expect(texts.sendTo).not.toHaveBeenCalled();
  });

  it('shown at once, the feed is kept for the dataset (and, with no query worker here, stopped by showing it)', async () => {
    const texts = feed();
    const index = buildIndex(dataset);
    await handleLoaded({ kind: 'loaded', index, summary: { kind: 'json', warnings: [], warningTotal: 0 }, texts }, 'big.json', 'big.json', 'url', 1000);
    expect(useStore.getState().data).toMatchObject({ state: 'ready' });
    expect(texts.sendTo).not.toHaveBeenCalled();
    expect(texts.stop).toHaveBeenCalledTimes(1);
  });
});
