import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import ImportDialog from '../../src/components/ImportDialog';
import { openDatasetFile } from '../../src/state/importDataset';
import { useStore } from '../../src/state/store';
import { loadIntoStore } from '../fixtures/smallDataset';

const fixture = (name: string) => new File([readFileSync(`tests/fixtures/import/${name}`)], name);
const review = () => useStore.getState().importReview;
const shownMeetings = () => {
  const data = useStore.getState().data;
  return data.state === 'ready' ? data.index.meetings.length : null;
};

/** The dialog as App shows it: rendered while the store holds a review. */
function DialogHost() {
  const current = useStore((s) => s.importReview);
  return current ? <ImportDialog review={current} /> : null;
}

beforeEach(() => {
  loadIntoStore();
  useStore.setState({ importReview: null, importProgress: null });
});
afterEach(cleanup);

describe('import dialog: rows that cannot be read', () => {
  it('lists the bad row by number, column and value; loading the rest shows the other meetings with a notice', async () => {
    const user = userEvent.setup();
    await openDatasetFile(fixture('meetings-quirks.csv'));
    expect(review()?.kind).toBe('problems');
    expect(shownMeetings()).toBe(6); // nothing replaced yet
    render(<DialogHost />);
    const dialog = screen.getByRole('dialog', { name: /Some rows of meetings-quirks.csv cannot be read/ });
    const rows = within(within(dialog).getByRole('table', { name: 'Rows that will not load' })).getAllByRole('row');
    expect(rows.slice(1).map((r) => r.textContent)).toEqual(['5Date2021-02-30day 30 does not exist in 2021-02']);
    expect(dialog).toHaveTextContent('5 rows became 4 meetings; 1 row was skipped; columns ignored: \u2068Notes\u2069');
    await user.click(within(dialog).getByRole('button', { name: 'Load the other 4 meetings' }));
    await waitFor(() => expect(shownMeetings()).toBe(4));
    expect(screen.queryByRole('dialog')).toBeNull();
    const notice = useStore.getState().notices.find((n) => n.text.includes('meetings-quirks.csv'))!;
    expect(notice.text).toContain('5 rows became 4 meetings');
    expect(notice.text).toContain('Row 5, \u2068Date\u2069 "\u20682021-02-30\u2069": day 30 does not exist in 2021-02');
  });

  it('Cancel keeps the dataset on screen', async () => {
    const user = userEvent.setup();
    await openDatasetFile(fixture('meetings-quirks.csv'));
    render(<DialogHost />);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(shownMeetings()).toBe(6);
  });
});

describe('import dialog: mapping unknown columns', () => {
  const sheet = ['happened on,who,kind of contact,where,notes', '2020-03,Zarif; Lavrov,phone call,,x', '2021,Zarif; Mekdad,visit,Damascus,y', '2021-13,Zarif; Pedersen,,,z'].join('\n');

  it('guesses what it can, previews the first rows, counts live, and imports with the chosen columns', async () => {
    const user = userEvent.setup();
    await openDatasetFile(new File([sheet], 'odd.csv'));
    expect(review()?.kind).toBe('mapping');
    render(<DialogHost />);
    const dialog = screen.getByRole('dialog', { name: /Which column is which in odd.csv/ });
    expect(within(dialog).getByLabelText('Participants (;-separated) (needed)')).toHaveDisplayValue('who');
    expect(within(dialog).getByRole('status')).toHaveTextContent('Choose the date and participants columns');
    expect(within(dialog).getByRole('button', { name: /^Import/ })).toBeDisabled();

    await user.selectOptions(within(dialog).getByLabelText('Date (needed)'), 'happened on');
    expect(within(dialog).getByRole('status')).toHaveTextContent('2 rows will load and 1 will not; they become 2 meetings.');
    const preview = within(dialog).getByRole('table', { name: 'Preview of the first meetings' });
    expect(within(preview).getAllByRole('row')[1]).toHaveTextContent('2020-03');
    expect(within(preview).getAllByRole('row')[1]).toHaveTextContent('meeting (040)');
    expect(within(dialog).getByRole('table', { name: 'Rows that will not load' })).toHaveTextContent('month 13 does not exist');

    await user.selectOptions(within(dialog).getByLabelText('Type (meeting, phone call, visit… or CAMEO code)'), 'kind of contact');
    expect(within(preview).getAllByRole('row')[1]).toHaveTextContent('phone-call (041)');
    await user.click(within(dialog).getByRole('button', { name: 'Import 2 meetings' }));
    await waitFor(() => expect(shownMeetings()).toBe(2));
    const data = useStore.getState().data;
    expect(data.state === 'ready' && data.origin).toBe('file');
    expect(useStore.getState().notices.some((n) => n.text.includes('Row 4, \u2068happened on\u2069 "\u20682021-13\u2069"'))).toBe(true);
  });
});
