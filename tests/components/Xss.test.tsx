import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { DetailPanel } from '../../src/components/DetailPanel';
import { FilterPanel } from '../../src/components/FilterPanel';
import { MeetingTable } from '../../src/components/MeetingTable';
import type { Dataset } from '../../src/domain/schema';
import { validateDataset } from '../../src/domain/validate';
import { useStore } from '../../src/state/store';
import { loadIntoStore, smallDataset } from '../fixtures/smallDataset';

const PAYLOAD = '<img src=x onerror=alert(1)>';

/** Markup in every free-text field a person might see, including a source and its quote. */
function hostileDataset(): Dataset {
  const ds = structuredClone(smallDataset);
  ds.actors[0]!.name = PAYLOAD;
  ds.actors[0]!.aliases = [PAYLOAD];
  ds.meetings[0]!.summary = PAYLOAD;
  ds.meetings[0]!.location = PAYLOAD;
  ds.topics[0]!.label = PAYLOAD;
  ds.countries[0]!.name = PAYLOAD;
  ds.sources[0]!.title = PAYLOAD;
  ds.sources[0]!.text = `${ds.sources[0]!.text} ${PAYLOAD}`;
  ds.meetings[0]!.evidence.push({ sourceId: 'src-a', quote: PAYLOAD });
  return ds;
}

describe('data is text, never HTML', () => {
  afterEach(cleanup);

  it('the hostile dataset is valid, so it could really be loaded', () => {
    expect(validateDataset(hostileDataset()).ok).toBe(true);
  });

  it('renders names, summaries, labels, sources and quotes as text', async () => {
    const user = userEvent.setup();
    loadIntoStore(hostileDataset());
    act(() => {
      useStore.getState().setMode('table');
      useStore.getState().setFilters({ actors: ['khaji'], countries: ['IRN'], topics: ['astana'] });
      useStore.getState().select({ kind: 'meeting', id: 'm-khaji-assad-2019' });
    });
    const { container } = render(
      <>
        <FilterPanel />
        <MeetingTable />
        <DetailPanel />
      </>,
    );
    for (const button of screen.getAllByRole('button', { name: 'Show source text' })) await user.click(button);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('[onerror]')).toBeNull();
    // The payload is visible, literally, in the table, the detail panel and the marked source text.
    expect(screen.getAllByText(PAYLOAD, { exact: false }).length).toBeGreaterThan(5);
    expect(Array.from(container.querySelectorAll('mark'), (m) => m.textContent)).toContain(PAYLOAD);
    // Actor, country and topic chips all carry the payload as their name.
    expect(screen.getAllByRole('button', { name: `Remove filter: ${PAYLOAD}` })).toHaveLength(3);

    act(() => useStore.getState().select({ kind: 'actor', id: 'khaji' }));
    expect(screen.getByRole('region', { name: PAYLOAD })).toBeInTheDocument();
    expect(container.querySelector('img')).toBeNull();
  });
});
