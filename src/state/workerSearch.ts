import type { DatasetIndex } from '../domain/indexes';
import type { WorkerDataSource } from '../domain/engine/queryClient';
import type { Filters } from '../domain/filters';
import type { WorkerSearch } from './slices/searchSlice';
import { answers, searchKey, selectIndex, selectSearchPending } from './selectors';
import { useStore } from './store';

/**
 * Large datasets are searched by the query worker, which holds their texts (handed over in idle moments after the
 * first render, see loadDataset.ts): a search of 250,000 meetings reads ~200 MB of text, a task of 100+ ms the page
 * no longer runs. The views show the previous search until the worker's answer for the new one arrives (see
 * selectShownFilters); clearing the search needs no answer and shows at once. A search asked while other filters
 * leave few meetings is answered among those only (an actor's 1,117 of 250,000 meetings; query.ts); narrowing those
 * filters is answered from it, widening them asks again, and the views keep showing the last answer, as it was asked,
 * until the new one comes.
 */

/** The filters other than the search, as one string: two searches asked with equal ones are asked within the same. */
const scopeKey = (f: Filters): string => JSON.stringify([f.actors, f.countries, f.topics, f.from, f.to, f.between]);

/** What to ask the worker for filters `f`: '' for no search; a search is asked with the filters it is shown with. */
const questionOf = (f: Filters): string => (searchKey(f.q) ? `${searchKey(f.q)}\n${scopeKey(f)}` : '');

/**
 * The matches of `f.q` as a mask over the dataset's positions, from the worker, with the filters it answered within
 * (null: every match in the dataset; see SearchAnswer); null if a newer search overtook it.
 */
async function askHits(source: WorkerDataSource, index: DatasetIndex, f: Filters): Promise<Pick<WorkerSearch, 'hits' | 'within'> | null> {
  // A search typed before the texts have all arrived waits for them ("Searching…"): the page never builds them.
  await source.searchable;
  if (current?.source !== source || current.asked !== questionOf(f)) return null;
  const answer = await source.search(f);
  if (!answer) return null;
  const hits = new Uint8Array(index.meetings.length);
  for (let k = 0; k < answer.positions.length; k++) hits[answer.positions[k]!] = 1;
  return { hits, within: answer.within ? f : null };
}

/**
 * Asks for the search in `f` and shows its answer while it is still the latest question for this dataset (a search
 * cleared meanwhile is not brought back by a late answer); the page searches again if the worker fails.
 */
function search(source: WorkerDataSource, index: DatasetIndex, f: Filters): Promise<void> {
  const terms = searchKey(f.q);
  if (!terms) {
    useStore.getState().setWorkerSearch({ index, terms, hits: null, within: null });
    return Promise.resolve();
  }
  const asked = questionOf(f);
  return askHits(source, index, f).then(
    (answer) => {
      const latest = current?.index === index && current.asked === asked;
      if (answer && latest && selectIndex(useStore.getState()) === index) useStore.getState().setWorkerSearch({ index, terms, ...answer });
    },
    (error: unknown) => {
      console.error('Parley query worker (search):', error);
      if (useStore.getState().workerSearch?.index === index) useStore.getState().setWorkerSearch(null);
    },
  );
}

let current: { index: DatasetIndex; source: WorkerDataSource; asked: string } | null = null;
let unsubscribe: (() => void) | null = null;

/**
 * From now on the worker answers this dataset's searches. `showing`: the terms the views show now, '' when the page
 * has not searched (then a search already in the box shows as pending until the worker's answer), or the box's own
 * terms when the page already shows them (the views then switch over showing the same meetings). The store
 * subscription asks each new search once, before React renders.
 */
export function enableWorkerSearch(index: DatasetIndex, source: WorkerDataSource, showing: 'none' | 'box' = 'box'): Promise<void> {
  const { filters, setWorkerSearch } = useStore.getState();
  current = { index, source, asked: questionOf(filters) };
  if (showing === 'none') setWorkerSearch({ index, terms: '', hits: null, within: null });
  unsubscribe ??= useStore.subscribe((s) => {
    if (!current || selectIndex(s) !== current.index || s.workerSearch?.index !== current.index) return;
    const question = questionOf(s.filters);
    // Answered already: every match is known, or these are the filters the matches were found within.
    if (answers(s.workerSearch, s.filters)) current.asked = question;
    if (question === current.asked) return;
    current.asked = question;
    void search(current.source, current.index, s.filters);
  });
  return search(source, index, filters);
}

/** Stops (tests; a new store). */
export function disableWorkerSearch(): void {
  unsubscribe?.();
  unsubscribe = null;
  current = null;
}

/**
 * Resolves once the views show the search in the box (at once when they do): an export waits for it, so the file's
 * rows, its description of the filters and the link it cites agree.
 */
export function searchShown(): Promise<void> {
  if (!selectSearchPending(useStore.getState())) return Promise.resolve();
  return new Promise((resolve) => {
    const stop = useStore.subscribe((s) => {
      if (selectSearchPending(s)) return;
      stop();
      resolve();
    });
  });
}
