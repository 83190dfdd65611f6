import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cancelFetch, loadDatasetUrl } from '../../src/state/loadDataset';
import { startLoad } from '../../src/state/dataSource';
import { useStore } from '../../src/state/store';
import { isolate } from '../../src/domain/bidi';
import { generateSynthetic } from '../../scripts/bench/synthetic/generate';
import { loadIntoStore } from '../fixtures/smallDataset';

const fetchMock = vi.fn<typeof fetch>();
/** A server that accepts the request and never answers (until aborted). */
const hang = (_url: unknown, init?: RequestInit) => new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

describe('cancelling a load', () => {
  it('stops the fetch and keeps the dataset on screen, with no error and no progress bar left', async () => {
    const before = loadIntoStore();
    fetchMock.mockImplementation(hang);
    const loading = loadDatasetUrl('data/big.json');
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalled(), { timeout: 10_000 });
    expect(useStore.getState().importProgress).toMatchObject({ name: 'big.json' });
    cancelFetch();
    await loading;
    const data = useStore.getState().data;
    expect(data.state === 'ready' && data.index).toBe(before);
    expect(useStore.getState().notices).toEqual([]);
    expect(useStore.getState().importProgress).toBeNull();
    expect((fetchMock.mock.calls[0]![1]!.signal as AbortSignal).aborted).toBe(true);
  });

  it('on the first load, says it was stopped (the error screen offers Retry)', async () => {
    useStore.setState({ data: { state: 'loading', url: '' }, notices: [] });
    fetchMock.mockImplementation(hang);
    const loading = loadDatasetUrl('data/big.json');
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalled(), { timeout: 10_000 });
    cancelFetch();
    await loading;
    expect(useStore.getState().data).toMatchObject({ state: 'error', title: `Stopped loading ${isolate('data/big.json')}` });
  });

  it('a cancelled load delivers nothing afterwards, even when its data was on the way', async () => {
    const text = generateSynthetic({ meetings: 400, actors: 50, seed: 2 });
    fetchMock.mockImplementation(() => Promise.resolve(new Response(text)));
    const handle = startLoad({ kind: 'url', url: 'data/x.json', fileName: 'x.json', label: 'data/x.json', chunkSize: 10 });
    handle.cancel();
    expect(await handle.result).toEqual({ kind: 'cancelled' });
  });
});

describe('progress of a load', () => {
  it('the bar only moves forward, and the dataset arrives whole', async () => {
    loadIntoStore();
    const text = generateSynthetic({ meetings: 3000, actors: 300, seed: 5 });
    fetchMock.mockImplementation(() => Promise.resolve(new Response(text, { headers: { 'content-length': String(text.length) } })));
    const seen: number[] = [];
    const unsubscribe = useStore.subscribe((s) => {
      if (s.importProgress?.fraction != null) seen.push(s.importProgress.fraction);
    });
    await loadDatasetUrl('data/synthetic.json');
    unsubscribe();
    seen.forEach((f, i) => expect(f).toBeGreaterThanOrEqual(seen[i - 1] ?? 0));
    expect(seen.every((f) => f >= 0 && f <= 1)).toBe(true);
    const data = useStore.getState().data;
    expect(data.state === 'ready' && data.index.meetings.length).toBe(3000);
    expect(data.url).toBe('data/synthetic.json');
  });
});
