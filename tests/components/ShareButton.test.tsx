import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ShareButton } from '../../src/components/ShareButton';
import { useStore } from '../../src/state/store';
import { localIsoDay } from '../../src/state/url/citation';
import { bindUrl } from '../../src/state/url/bindUrl';
import { loadIntoStore } from '../fixtures/smallDataset';
import { BUNDLED_DATA_URL } from '../../src/state/loadDataset';

let unbind: (() => void) | null = null;

function setup(clipboard: { writeText: (t: string) => Promise<void> } | undefined) {
  const user = userEvent.setup();
  // userEvent installs its own clipboard stub on setup; ours replaces it.
  Object.defineProperty(navigator, 'clipboard', { value: clipboard, configurable: true });
  render(<ShareButton />);
  return user;
}

beforeEach(() => {
  history.replaceState(null, '', '/parley/?topic=astana');
  loadIntoStore();
  useStore.setState((s) => ({ data: { ...s.data, url: BUNDLED_DATA_URL } }));
  unbind = bindUrl();
});

afterEach(() => {
  cleanup();
  unbind?.();
  unbind = null;
});

describe('ShareButton', () => {
  it('copies the current address and confirms it in a live region', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    const user = setup({ writeText });
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(writeText).toHaveBeenCalledWith(`${location.origin}/parley/?topic=astana`);
    expect(screen.getByRole('status')).toHaveTextContent('Link copied');
  });

  it('copies a window change that has not reached the address bar yet', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    const user = setup({ writeText });
    act(() => useStore.getState().setWindow({ start: '2019-01-01', end: '2019-12-31' }));
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(writeText).toHaveBeenCalledWith(`${location.origin}/parley/?topic=astana&window=2019-01-01..2019-12-31`);
  });

  it('falls back to a selected read-only field when the clipboard refuses', async () => {
    const user = setup({ writeText: () => Promise.reject(new Error('denied')) });
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    const field = screen.getByRole('textbox', { name: 'Link to this view' });
    expect(field).toHaveAttribute('readonly');
    expect(field).toHaveValue(location.href);
    expect(field).toHaveFocus();
    expect(screen.getByRole('status')).toHaveTextContent('press Ctrl+C');
  });

  it('falls back when there is no clipboard API at all', async () => {
    const user = setup(undefined);
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(screen.getByRole('textbox', { name: 'Link to this view' })).toHaveValue(location.href);
  });

  it('shows a plain-text citation of the view that follows the filters and the address', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    const user = setup({ writeText });
    await user.click(screen.getByText('Cite this view'));
    const today = localIsoDay(new Date());
    const expected = `Parley, "\u2068Small test dataset\u2069" (dataset version 1), view of 2 meetings, accessed ${today}. ${location.origin}/parley/?topic=astana`;
    expect(screen.getByText(expected)).toBeVisible();

    act(() => useStore.getState().toggleFilterValue('actors', 'mekdad'));
    const narrowed = `Parley, "\u2068Small test dataset\u2069" (dataset version 1), view of 1 meeting, accessed ${today}. ${location.origin}/parley/?actor=mekdad&topic=astana`;
    expect(await screen.findByText(narrowed)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Copy citation' }));
    expect(writeText).toHaveBeenCalledWith(narrowed);
    expect(screen.getByRole('status')).toHaveTextContent('Citation copied');
  });

  it('warns that a link cannot carry a dataset opened from a file', async () => {
    const user = setup(undefined);
    await user.click(screen.getByText('Cite this view'));
    expect(screen.queryByText(/opened from a file/)).not.toBeInTheDocument();
    act(() => useStore.setState((s) => ({ data: { ...s.data, url: 'mine.json' } })));
    expect(screen.getByText(/opened from a file, which a link cannot carry/)).toBeVisible();
  });
});

describe('ShareButton and DatasetPicker accessibility', () => {
  it('have no axe violations, with the citation open and the manual-copy field shown', async () => {
    const { default: axe } = await import('axe-core');
    const { DatasetPicker } = await import('../../src/components/DatasetPicker');
    const user = userEvent.setup();
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
    const { container } = render(
      <main>
        <ShareButton />
        <DatasetPicker />
      </main>,
    );
    await user.click(screen.getByText('Cite this view'));
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });
});
