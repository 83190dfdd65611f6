import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildIndex, type DatasetIndex } from '../../src/domain/indexes';
import { EMPTY_FILTERS, filterMeetings } from '../../src/domain/filters';
import { msToIso } from '../../src/domain/dates';
import { columnsOf } from '../../src/domain/engine/queryColumns';
import { workerDataSource, type WorkerDataSource } from '../../src/domain/engine/queryClient';
import { warmSearchText } from '../../src/domain/searchText';
import type { Dataset } from '../../src/domain/schema';
import { useStore } from '../../src/state/store';
import { selectSearchPending, selectShownFilters, selectVisible } from '../../src/state/selectors';
import { disableWorkerSearch, enableWorkerSearch, searchShown } from '../../src/state/workerSearch';
import { generateSynthetic } from '../../scripts/bench/synthetic/generate';
import { fakeWorker } from '../domain/engine/fakeQueryWorker';

const dataset = JSON.parse(generateSynthetic({ meetings: 1200, actors: 250, seed: 3 })) as Dataset;
const settle = () => new Promise((r) => setTimeout(r, 30));
const visible = () => Array.from(selectVisible(useStore.getState()));
const pure = (index: DatasetIndex) => Array.from(filterMeetings(index, useStore.getState().filters));

/** A dataset on screen with a query worker holding its texts (or not yet, `texts: false`). */
function openWithWorker(texts = true): { index: DatasetIndex; source: WorkerDataSource; worker: ReturnType<typeof fakeWorker>; handOver: () => void } {
  const index = buildIndex(dataset);
  const worker = fakeWorker();
  const source = workerDataSource(worker.port, columnsOf(index));
  // Texts built from a separate index, as the load worker builds them: the page's index never gets any.
  const handOver = () => {
    const builder = buildIndex(dataset);
    while (!warmSearchText(builder, () => true, 5_000, (first, block, lengths) => source.addTexts(first, block, lengths)));
  };
  if (texts) handOver();
  useStore.setState({ data: { state: 'ready', url: 'x', index }, filters: EMPTY_FILTERS, workerSearch: null });
  return { index, source, worker, handOver };
}

afterEach(() => {
  disableWorkerSearch();
  useStore.setState({ workerSearch: null, filters: EMPTY_FILTERS });
});

describe('searching a large dataset in the query worker', () => {
  const term = dataset.actors[5]!.name.split(' ').pop()!.toLowerCase();

  it('takes over the search already in the box without changing what is shown', async () => {
    const { index, source } = openWithWorker();
    useStore.getState().setFilters({ q: term });
    const before = visible();
    expect(before.length).toBeGreaterThan(0);
    await enableWorkerSearch(index, source);
    expect(useStore.getState().workerSearch?.terms).toBe(term);
    expect(visible()).toEqual(before);
  });

  it('shows the previous search, marked pending, until the answer comes; then the matches as the page would find them', async () => {
    const { index, source } = openWithWorker();
    await enableWorkerSearch(index, source);
    const all = visible();
    const shown = selectVisible(useStore.getState());
    useStore.getState().setFilters({ q: term });
    expect(selectSearchPending(useStore.getState())).toBe(true);
    expect(selectShownFilters(useStore.getState()).q).toBe('');
    // The very list on screen, so no view redraws the view it already shows.
    expect(selectVisible(useStore.getState())).toBe(shown);
    await settle();
    expect(selectSearchPending(useStore.getState())).toBe(false);
    expect(visible()).toEqual(pure(index));
    expect(visible().length).toBeLessThan(all.length);
    // Other filters with the search on apply at once, from the answered matches (no new question).
    const country = [...index.byAffiliation.keys()][0]!;
    useStore.getState().toggleFilterValue('countries', country);
    expect(selectSearchPending(useStore.getState())).toBe(false);
    expect(visible()).toEqual(pure(index));
  });

  it('clearing the search shows everything at once, and a late answer to the cleared search is not applied', async () => {
    const { index, source, worker } = openWithWorker();
    await enableWorkerSearch(index, source);
    worker.hold();
    useStore.getState().setFilters({ q: term });
    await settle();
    useStore.getState().setFilters({ q: '  ' });
    expect(selectSearchPending(useStore.getState())).toBe(false);
    expect(visible()).toHaveLength(index.meetings.length);
    worker.release();
    await settle();
    expect(useStore.getState().workerSearch?.terms).toBe('');
    expect(visible()).toHaveLength(index.meetings.length);
  });

  it('a failing worker hands searching back to the page', async () => {
    const { index, source } = openWithWorker();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await enableWorkerSearch(index, source);
    source.dispose();
    const broken = { ...source, search: () => Promise.reject(new Error('worker gone')) } as unknown as WorkerDataSource;
    disableWorkerSearch();
    await enableWorkerSearch(index, broken).catch(() => undefined);
    useStore.getState().setFilters({ q: term });
    await settle();
    expect(useStore.getState().workerSearch).toBeNull();
    expect(visible()).toEqual(pure(index));
    expect(logged).toHaveBeenCalledWith('Parley query worker (search):', expect.any(Error));
    logged.mockRestore();
  });

  it('before the texts have arrived, a search (linked or typed) waits for them as pending, and the page builds no text', async () => {
    const { index, source, handOver } = openWithWorker(false);
    useStore.getState().setFilters({ q: 'zzyzx-not-there' });
    void enableWorkerSearch(index, source, 'none');
    expect(selectSearchPending(useStore.getState())).toBe(true);
    expect(visible()).toHaveLength(index.meetings.length);
    useStore.getState().setFilters({ q: term });
    await settle();
    expect(selectSearchPending(useStore.getState())).toBe(true);
    handOver();
    await settle();
    expect(selectSearchPending(useStore.getState())).toBe(false);
    expect(visible()).toEqual(pure(index));
    // Only the latest search was applied, and the page's own index did not build every text.
    expect(useStore.getState().workerSearch?.terms).toBe(term);
    expect(warmSearchText(index, () => false)).toBe(false);
  });

  it('an export waits for the search in the box to be shown (searchShown), and does not wait when it is', async () => {
    const { index, source, worker } = openWithWorker();
    await enableWorkerSearch(index, source);
    await expect(searchShown()).resolves.toBeUndefined();
    worker.hold();
    useStore.getState().setFilters({ q: term });
    await settle();
    let shown = false;
    const waiting = searchShown().then(() => (shown = true));
    await settle();
    expect(shown).toBe(false);
    worker.release();
    await waiting;
    expect(selectSearchPending(useStore.getState())).toBe(false);
    expect(visible()).toEqual(pure(index));
  });

  it('a search asked with an actor chosen is answered within that actor; changing the filters then asks again, showing the last answer as it was asked until the new one comes', async () => {
    const { index, source, worker } = openWithWorker();
    await enableWorkerSearch(index, source);
    const actor = [...index.actorPos.keys()].find((id) => {
      const n = index.byActor[index.actorPos.get(id)!]!.length;
      return n > 3 && n * 16 < index.meetings.length;
    })!;
    const mine = Array.from(index.byActor[index.actorPos.get(actor)!]!);
    const word = index.meetings[mine[0]!]!.summary.toLowerCase().split(/\s+/).find((w) => w.length > 4)!;
    useStore.getState().setFilters({ actors: [actor] });
    useStore.getState().setFilters({ q: word });
    await settle();
    const answer = useStore.getState().workerSearch!;
    expect(answer.within?.actors).toEqual([actor]);
    expect(Array.from(answer.hits!).reduce((sum, hit) => sum + hit, 0)).toBeLessThanOrEqual(mine.length);
    expect(selectSearchPending(useStore.getState())).toBe(false);
    const withActor = visible();
    expect(withActor).toEqual(pure(index));
    expect(withActor.length).toBeGreaterThan(0);

    // Narrower filters (a date range on top) are answered from the matches found within the actor, with no question.
    worker.hold();
    const lastDay = msToIso(index.start[mine[Math.floor(mine.length / 2)]!]!);
    useStore.getState().setFilters({ to: lastDay });
    expect(selectSearchPending(useStore.getState())).toBe(false);
    expect(visible()).toEqual(pure(index));
    worker.release();
    useStore.getState().setFilters({ to: null });
    await settle();

    // Without the actor the matches elsewhere are not known yet: the views keep the actor's, the box shows what was ticked.
    worker.hold();
    useStore.getState().setFilters({ actors: [] });
    expect(selectSearchPending(useStore.getState())).toBe(true);
    expect(selectShownFilters(useStore.getState()).actors).toEqual([actor]);
    expect(visible()).toEqual(withActor);
    worker.release();
    await settle();
    expect(selectSearchPending(useStore.getState())).toBe(false);
    expect(useStore.getState().workerSearch?.within).toBeNull();
    expect(visible()).toEqual(pure(index));
    expect(visible().length).toBeGreaterThanOrEqual(withActor.length);

    // Every match is known now: choosing the actor again needs no question.
    useStore.getState().setFilters({ actors: [actor] });
    expect(selectSearchPending(useStore.getState())).toBe(false);
    expect(visible()).toEqual(withActor);
  });
});
