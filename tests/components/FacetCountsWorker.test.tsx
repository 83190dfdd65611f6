import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { FilterPanel } from '../../src/components/FilterPanel';
import { useStore } from '../../src/state/store';
import { countryFacetCounts } from '../../src/domain/facetCounts';
import { QUERY_WORKER_MIN_MEETINGS } from '../../src/state/querySource';
import type { Dataset } from '../../src/domain/schema';
import { generateSynthetic } from '../../scripts/bench/synthetic/generate';
import { loadIntoStore } from '../fixtures/smallDataset';
import { fakeQueryWorkers } from '../fixtures/fakeQueryWorker';

const { worker, FakeQueryWorker, release, turns } = fakeQueryWorkers();

const dataset = JSON.parse(generateSynthetic({ meetings: QUERY_WORKER_MIN_MEETINGS, actors: 300, seed: 2 })) as Dataset;

describe('facet counts of a large dataset come from the query worker', () => {
  beforeAll(() => {
    vi.stubGlobal('Worker', FakeQueryWorker);
  });
  afterAll(() => vi.unstubAllGlobals());
  afterEach(cleanup);

  it('shows no number before the first answer; then keeps the last numbers, marked busy, until the answer for the current filters arrives, never an older answer', async () => {
    const index = loadIntoStore(dataset);
    const user = userEvent.setup();
    render(<FilterPanel />);
    const countries = screen.getByRole('group', { name: 'Country or organization' });
    const topics = screen.getByRole('group', { name: 'Topic' });
    const countOf = (code: string) => within(countries).getByRole('checkbox', { name: new RegExp(` ${code} `) }).closest('label')!.querySelector('.facet-count')!.textContent!;
    const code = [...index.byAffiliation.keys()][0]!;
    expect(countOf(code)).toMatch(/counting/);
    await turns();
    expect(worker.started).toBe(1);
    const unfiltered = `${countryFacetCounts(index, useStore.getState().filters).get(code)!.toLocaleString('en')} meetings`;
    expect(countOf(code)).toBe(unfiltered);
    expect(countries).not.toHaveAttribute('aria-busy');

    // Two ticks while the worker's replies are held back: the first answer is computed but never shown.
    worker.held = [];
    const [first, second] = within(topics).getAllByRole('checkbox');
    await user.click(first!);
    await turns();
    expect(countOf(code)).toBe(unfiltered);
    expect(countries).toHaveAttribute('aria-busy', 'true');
    expect(topics).toHaveAttribute('aria-busy', 'true');
    await user.click(second!);
    await turns();
    expect(countOf(code)).toBe(unfiltered);
    release();
    await turns();
    expect(countries).not.toHaveAttribute('aria-busy');
    const expected = countryFacetCounts(index, useStore.getState().filters).get(code) ?? 0;
    expect(useStore.getState().filters.topics).toHaveLength(2);
    expect(countOf(code)).toBe(`${expected.toLocaleString('en')} ${expected === 1 ? 'meeting' : 'meetings'}`);
  });

  it('answers on the page for small datasets (no worker started)', async () => {
    loadIntoStore();
    const startedBefore = worker.started;
    render(<FilterPanel />);
    expect(within(screen.getByRole('group', { name: 'Country or organization' })).getByRole('checkbox', { name: /Syria SYR 4 meetings/ })).toBeInTheDocument();
    expect(worker.started).toBe(startedBefore);
  });
});
