import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DatasetPicker } from '../../src/components/DatasetPicker';
import { useStore } from '../../src/state/store';
import { loadIntoStore, smallDataset } from '../fixtures/smallDataset';

const jsonFile = (content: unknown, name = 'other.json') => new File([JSON.stringify(content)], name, { type: 'application/json' });
const renamed = { ...smallDataset, title: 'Uploaded dataset', version: '2.0' };

beforeEach(() => {
  loadIntoStore();
});

afterEach(cleanup);

describe('DatasetPicker', () => {
  it('opens the file chooser from a labelled button', async () => {
    const user = userEvent.setup();
    render(<DatasetPicker />);
    const input = screen.getByLabelText('Dataset file (JSON, CSV or TSV)');
    let clicked = false;
    input.addEventListener('click', (e) => {
      clicked = true;
      e.preventDefault();
    });
    await user.click(screen.getByRole('button', { name: 'Open dataset…' }));
    expect(clicked).toBe(true);
    expect(input.getAttribute('accept')).toMatch(/\.json.*\.csv.*\.tsv/);
  });

  it('loads a valid uploaded file into the store', async () => {
    const user = userEvent.setup();
    render(<DatasetPicker />);
    await user.upload(screen.getByLabelText('Dataset file (JSON, CSV or TSV)'), jsonFile(renamed, 'uploaded.json'));
    // The file is read in the data engine: wait for it to replace the dataset on screen.
    await waitFor(() => expect(useStore.getState().data.url).toBe('uploaded.json'));
    const data = useStore.getState().data;
    expect(data.state === 'ready' && data.index.dataset.title).toBe('Uploaded dataset');
  });

  it('keeps the dataset on screen when a file is invalid, and says which record and field are wrong', async () => {
    const user = userEvent.setup();
    render(<DatasetPicker />);
    const before = useStore.getState().data;
    const broken = { ...smallDataset, meetings: [{ ...smallDataset.meetings[0], summary: undefined, participants: [{ actorId: 'ghost' }, { actorId: 'khaji' }] }] };
    await user.upload(screen.getByLabelText('Dataset file (JSON, CSV or TSV)'), jsonFile(broken, 'broken.json'));
    await waitFor(() => expect(useStore.getState().notices.some((n) => n.tone === 'error')).toBe(true));
    expect(useStore.getState().data).toBe(before);
    const notice = useStore.getState().notices.find((n) => n.tone === 'error')!;
    expect(notice.text).toContain('broken.json');
    expect(notice.text).toContain('meetings[0].summary');
  });

  it('reports a file that is not JSON, keeping the dataset', async () => {
    const user = userEvent.setup();
    render(<DatasetPicker />);
    await user.upload(screen.getByLabelText('Dataset file (JSON, CSV or TSV)'), new File(['{ nope'], 'nope.json', { type: 'application/json' }));
    await waitFor(() => expect(useStore.getState().notices.find((n) => n.tone === 'error')?.text).toMatch(/not valid JSON/));
    expect(useStore.getState().data.state).toBe('ready');
  });

  it('opens a file dropped anywhere on the page and shows a drop hint while dragging', async () => {
    render(<DatasetPicker />);
    const dataTransfer = { types: ['Files'], files: [jsonFile(renamed, 'dropped.json')], dropEffect: 'none' };
    fireEvent.dragOver(document.body, { dataTransfer });
    expect(screen.getByText('Drop a dataset (JSON, CSV or TSV) to open it')).toBeInTheDocument();
    fireEvent.drop(document.body, { dataTransfer });
    expect(screen.queryByText('Drop a dataset (JSON, CSV or TSV) to open it')).not.toBeInTheDocument();
    await waitFor(() => expect(useStore.getState().data.url).toBe('dropped.json'));
    expect(useStore.getState().data.state).toBe('ready');
  });

  it('ignores drags that carry no files, such as selected text', () => {
    render(<DatasetPicker />);
    const dataTransfer = { types: ['text/plain'], files: [] };
    fireEvent.dragOver(document.body, { dataTransfer });
    expect(screen.queryByText('Drop a dataset (JSON, CSV or TSV) to open it')).not.toBeInTheDocument();
  });
});
