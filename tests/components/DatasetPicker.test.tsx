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
    const input = screen.getByLabelText('Dataset file (JSON)');
    let clicked = false;
    input.addEventListener('click', (e) => {
      clicked = true;
      e.preventDefault();
    });
    await user.click(screen.getByRole('button', { name: 'Open dataset…' }));
    expect(clicked).toBe(true);
    expect(input).toHaveAttribute('accept', 'application/json,.json');
  });

  it('loads a valid uploaded file into the store', async () => {
    const user = userEvent.setup();
    render(<DatasetPicker />);
    await user.upload(screen.getByLabelText('Dataset file (JSON)'), jsonFile(renamed, 'uploaded.json'));
    await waitFor(() => expect(useStore.getState().data.state).toBe('ready'));
    const data = useStore.getState().data;
    expect(data.url).toBe('uploaded.json');
    expect(data.state === 'ready' && data.index.dataset.title).toBe('Uploaded dataset');
  });

  it('puts an invalid file on the error screen with the paths of its issues', async () => {
    const user = userEvent.setup();
    render(<DatasetPicker />);
    const broken = { ...smallDataset, meetings: [{ ...smallDataset.meetings[0], summary: undefined, participants: [{ actorId: 'ghost' }, { actorId: 'khaji' }] }] };
    await user.upload(screen.getByLabelText('Dataset file (JSON)'), jsonFile(broken, 'broken.json'));
    await waitFor(() => expect(useStore.getState().data.state).toBe('error'));
    const data = useStore.getState().data;
    if (data.state !== 'error') throw new Error('expected the error state');
    expect(data.title).toContain('broken.json');
    expect(data.issues.map((i) => i.path)).toContain('meetings[0].summary');
  });

  it('reports a file that is not JSON', async () => {
    const user = userEvent.setup();
    render(<DatasetPicker />);
    await user.upload(screen.getByLabelText('Dataset file (JSON)'), new File(['{ nope'], 'nope.json', { type: 'application/json' }));
    await waitFor(() => expect(useStore.getState().data.state).toBe('error'));
    const data = useStore.getState().data;
    expect(data.state === 'error' && data.issues[0]?.message).toMatch(/^not valid JSON/);
  });

  it('opens a file dropped anywhere on the page and shows a drop hint while dragging', async () => {
    render(<DatasetPicker />);
    const dataTransfer = { types: ['Files'], files: [jsonFile(renamed, 'dropped.json')], dropEffect: 'none' };
    fireEvent.dragOver(document.body, { dataTransfer });
    expect(screen.getByText('Drop a JSON dataset to open it')).toBeInTheDocument();
    fireEvent.drop(document.body, { dataTransfer });
    expect(screen.queryByText('Drop a JSON dataset to open it')).not.toBeInTheDocument();
    await waitFor(() => expect(useStore.getState().data.state).toBe('ready'));
    expect(useStore.getState().data.url).toBe('dropped.json');
  });

  it('ignores drags that carry no files, such as selected text', () => {
    render(<DatasetPicker />);
    const dataTransfer = { types: ['text/plain'], files: [] };
    fireEvent.dragOver(document.body, { dataTransfer });
    expect(screen.queryByText('Drop a JSON dataset to open it')).not.toBeInTheDocument();
  });
});
