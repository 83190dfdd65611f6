import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CountStatus } from '../../src/components/CountStatus';
import { EmptyResults } from '../../src/components/EmptyResults';
import { ErrorScreen } from '../../src/components/ErrorScreen';
import { MeetingTable } from '../../src/components/MeetingTable';
import { Notices } from '../../src/components/Notices';
import { useStore } from '../../src/state/store';
import { loadIntoStore, smallDataset } from '../fixtures/smallDataset';

beforeEach(() => {
  loadIntoStore();
});
afterEach(cleanup);

describe('CountStatus', () => {
  it('is a polite live region that counts singular and plural', () => {
    render(<CountStatus />);
    const status = screen.getByRole('status');
    expect(status).toHaveAttribute('aria-live', 'polite');
    expect(status).toHaveTextContent(/^6 meetings$/);
    act(() => useStore.getState().setFilters({ q: 'pedersen' }));
    // The Zarif–Mekdad meeting matches too: search covers its source's title, "Phone call with Pedersen".
    expect(status).toHaveTextContent(/^2 of 6 meetings$/);
    act(() => useStore.getState().setFilters({ q: '' }));
    act(() => void loadIntoStore({ ...smallDataset, meetings: smallDataset.meetings.slice(0, 1) }));
    expect(status).toHaveTextContent(/^1 meeting$/);
  });
});

describe('EmptyResults', () => {
  it('appears only when filters leave no meeting, and resets all filters', async () => {
    const user = userEvent.setup();
    render(<EmptyResults />);
    expect(screen.queryByRole('region')).not.toBeInTheDocument();
    act(() => useStore.getState().setFilters({ countries: ['JPN'], topics: ['astana'] }));
    const region = screen.getByRole('region', { name: 'No meetings match these filters' });
    expect(region).toHaveTextContent('None of the 6 meetings pass every active filter.');
    await user.click(within(region).getByRole('button', { name: 'Reset all filters' }));
    expect(useStore.getState().filters).toMatchObject({ countries: [], topics: [] });
    expect(screen.queryByRole('region')).not.toBeInTheDocument();
  });

  it('replaces the table when the table view is empty', () => {
    useStore.getState().setFilters({ q: 'no such words anywhere' });
    render(<MeetingTable />);
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Reset all filters' })).toBeInTheDocument();
  });
});

describe('Notices', () => {
  it('announces info politely and warnings/errors as alerts; each can be dismissed', async () => {
    const user = userEvent.setup();
    render(<Notices />);
    act(() => {
      useStore.getState().addNotice({ id: 'a', tone: 'info', text: 'Link updated' });
      useStore.getState().addNotice({ id: 'b', tone: 'error', text: 'Unknown actor in link' });
    });
    expect(screen.getByRole('status')).toHaveTextContent('Note: Link updated');
    expect(screen.getByRole('alert')).toHaveTextContent('Error: Unknown actor in link');
    const dismiss = screen.getAllByRole('button', { name: 'Dismiss notice' });
    expect(dismiss).toHaveLength(2);
    await user.click(dismiss[1]!);
    expect(useStore.getState().notices.map((n) => n.id)).toEqual(['a']);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Dismiss notice' }));
    expect(screen.queryByRole('list')).not.toBeInTheDocument();
  });
});

describe('ErrorScreen', () => {
  it('lists the issues as "path: message" and retries on request', async () => {
    const user = userEvent.setup();
    const onRetry = vi.fn();
    const onOpenBundled = vi.fn();
    render(
      <ErrorScreen
        title="The dataset x.json is not valid"
        issues={[
          { path: 'meetings[4].participants[1].actorId', message: 'unknown actor "mekdad2"' },
          { path: '', message: 'not valid JSON: Unexpected token' },
        ]}
        onRetry={onRetry}
        onOpenBundled={onOpenBundled}
      />,
    );
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('The dataset x.json is not valid');
    expect(within(screen.getByRole('list', { name: 'Problems found' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'meetings[4].participants[1].actorId: unknown actor "mekdad2"',
      'not valid JSON: Unexpected token',
    ]);
    expect(onRetry).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole('button', { name: 'Open the bundled dataset' }));
    expect(onOpenBundled).toHaveBeenCalledTimes(1);
  });

  it('offers no Retry for a file from the computer (it is never fetched)', () => {
    render(<ErrorScreen title="Cannot open x.csv" issues={[]} onOpenBundled={() => {}} />);
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Open the bundled dataset' })).toBeInTheDocument();
  });
});
