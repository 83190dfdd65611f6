import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MeetingTable, TABLE_PAGE } from '../../src/components/MeetingTable';
import type { Dataset } from '../../src/domain/schema';
import { useStore } from '../../src/state/store';
import { loadIntoStore, smallDataset } from '../fixtures/smallDataset';

const bodyRows = () => within(screen.getByRole('table')).getAllByRole('row').slice(1);
const column = (n: number) => bodyRows().map((r) => within(r).getAllByRole('cell')[n]!.textContent);

/** The small dataset plus `extra` phone calls, one a day from 2022-01-01. */
function withExtraMeetings(extra: number): Dataset {
  const template = smallDataset.meetings.find((m) => m.id === 'm-khaji-endo-2020')!;
  const meetings = Array.from({ length: extra }, (_, i) => {
    const day = new Date(Date.UTC(2022, 0, 1 + i)).toISOString().slice(0, 10);
    return { ...template, id: `extra-${i}`, date: day, earliest: day, latest: day };
  });
  return { ...smallDataset, meetings: [...smallDataset.meetings, ...meetings] };
}

describe('MeetingTable', () => {
  beforeEach(() => {
    loadIntoStore();
  });
  afterEach(cleanup);

  it('lists the filtered meetings in date order with a caption and all columns', () => {
    render(<MeetingTable />);
    const table = screen.getByRole('table', { name: /Meetings: showing 6 of 6, sorted by date \(ascending\)/ });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent!.replace(/[▲▼↕ ]+$/, ''))).toEqual([
      'Date',
      'Type',
      'Participants',
      'Topics',
      'Location',
      'Summary',
    ]);
    expect(column(0)).toEqual(['July 2019', 'July 2019', '10 May 2020', '17 August 2020', '30 September 2020', '2021']);
    expect(bodyRows()[0]).toHaveTextContent('VisitAli Asghar Khaji, Bashar al-AssadAstana process, Counter-terrorismDamascus, Syria');
    act(() => useStore.getState().toggleFilterValue('countries', 'JPN'));
    expect(column(2)).toEqual(['Ali Asghar Khaji, Kazuya Endo']);
  });

  it('sorts by type and participants, toggling direction, with aria-sort on the header', async () => {
    const user = userEvent.setup();
    render(<MeetingTable />);
    const typeHeader = screen.getByRole('columnheader', { name: /Type/ });
    const dateHeader = screen.getByRole('columnheader', { name: /Date/ });
    expect(dateHeader).toHaveAttribute('aria-sort', 'ascending');
    expect(typeHeader).toHaveAttribute('aria-sort', 'none');
    await user.click(within(typeHeader).getByRole('button'));
    expect(typeHeader).toHaveAttribute('aria-sort', 'ascending');
    expect(dateHeader).toHaveAttribute('aria-sort', 'none');
    expect(column(1)).toEqual(['Meeting', 'Meeting', 'Meeting', 'Phone call', 'Phone call', 'Visit']);
    // Ties keep date order.
    expect(column(0).slice(0, 3)).toEqual(['July 2019', '10 May 2020', '17 August 2020']);
    await user.click(within(typeHeader).getByRole('button'));
    expect(typeHeader).toHaveAttribute('aria-sort', 'descending');
    expect(column(1)[0]).toBe('Visit');
    await user.click(within(screen.getByRole('columnheader', { name: /Participants/ })).getByRole('button'));
    expect(column(2)).toEqual([
      'Ali Asghar Khaji, Bashar al-Assad',
      'Ali Asghar Khaji, Faisal Mekdad',
      'Ali Asghar Khaji, Geir Pedersen',
      'Ali Asghar Khaji, Kazuya Endo',
      'Bashar al-Assad, Ali Asghar Khaji',
      'Mohammad Javad Zarif, Faisal Mekdad',
    ]);
    await user.click(within(dateHeader).getByRole('button'));
    await user.click(within(dateHeader).getByRole('button'));
    expect(column(0)[0]).toBe('2021');
  });

  it('selects a meeting from its row and marks the selected and related rows in text', async () => {
    const user = userEvent.setup();
    render(<MeetingTable />);
    await user.click(screen.getByRole('button', { name: '30 September 2020' }));
    expect(useStore.getState().selection).toEqual({ kind: 'meeting', id: 'm-khaji-endo-2020' });
    const selectedRow = bodyRows()[4]!;
    expect(selectedRow).toHaveAttribute('aria-current', 'true');
    expect(selectedRow).toHaveTextContent('Selected');
    act(() => useStore.getState().select({ kind: 'actor', id: 'assad' }));
    expect(bodyRows().filter((r) => r.textContent!.includes('Related'))).toHaveLength(2);
    expect(bodyRows().some((r) => r.hasAttribute('aria-current'))).toBe(false);
  });

  it('renders one page of a large result and grows with "Show more"', async () => {
    const user = userEvent.setup();
    loadIntoStore(withExtraMeetings(250));
    render(<MeetingTable />);
    expect(bodyRows()).toHaveLength(TABLE_PAGE);
    expect(screen.getByRole('table')).toHaveAccessibleName(/showing 100 of 256/);
    await user.click(screen.getByRole('button', { name: /Show 100 more \(156 not shown\)/ }));
    expect(bodyRows()).toHaveLength(200);
    await user.click(screen.getByRole('button', { name: /Show 56 more/ }));
    expect(bodyRows()).toHaveLength(256);
    expect(screen.queryByRole('button', { name: /more/ })).not.toBeInTheDocument();
    // A new result set starts over at the first page.
    act(() => useStore.getState().setFilters({ q: 'endo' }));
    expect(bodyRows()).toHaveLength(TABLE_PAGE);
  });
});
