import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EXPORT_CHOICES, ExportMenu } from '../../src/components/ExportMenu';
import { useStore } from '../../src/state/store';
import { loadIntoStore } from '../fixtures/smallDataset';

const LABELS = EXPORT_CHOICES.map((c) => c.label);

function setup() {
  const user = userEvent.setup();
  render(
    <>
      <button type="button">Before</button>
      <ExportMenu />
      <button type="button">After</button>
    </>,
  );
  return { user, button: screen.getByRole('button', { name: 'Export' }) };
}

const focusedItem = () => (document.activeElement as HTMLElement).textContent;

beforeEach(() => {
  loadIntoStore();
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('ExportMenu', () => {
  it('is a menu button whose choices say what they save', async () => {
    const { user, button } = setup();
    expect(button).toHaveAttribute('aria-haspopup', 'menu');
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('menu')).toBeNull();
    await user.click(button);
    const menu = screen.getByRole('menu', { name: 'Export' });
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(button).toHaveAttribute('aria-controls', menu.id);
    expect(screen.getAllByRole('menuitem').map((i) => i.textContent)).toEqual([
      'Meetings as CSV', 'Dataset as JSON', 'Network as GEXF', 'Network as GraphML', 'Network as SVG', 'Network as PNG', 'Timeline as SVG', 'Timeline as PNG',
    ]);
    expect(focusedItem()).toBe('Meetings as CSV');
  });

  it('works from the keyboard: Enter opens on the first choice, arrows wrap, Home/End, letters, Escape returns focus', async () => {
    const { user, button } = setup();
    await user.tab();
    await user.tab();
    expect(button).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(focusedItem()).toBe(LABELS[0]);
    await user.keyboard('{ArrowDown}');
    expect(focusedItem()).toBe('Dataset as JSON');
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(focusedItem()).toBe('Timeline as PNG');
    await user.keyboard('{ArrowDown}');
    expect(focusedItem()).toBe('Meetings as CSV');
    await user.keyboard('{End}');
    expect(focusedItem()).toBe('Timeline as PNG');
    await user.keyboard('{Home}');
    expect(focusedItem()).toBe('Meetings as CSV');
    await user.keyboard('n');
    expect(focusedItem()).toBe('Network as GEXF');
    await user.keyboard('n');
    expect(focusedItem()).toBe('Network as GraphML');
    await user.keyboard('t');
    expect(focusedItem()).toBe('Timeline as SVG');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(button).toHaveFocus();
    expect(button).toHaveAttribute('aria-expanded', 'false');

    await user.keyboard('{ArrowUp}');
    expect(focusedItem()).toBe('Timeline as PNG');
    await user.keyboard('{Escape}{ArrowDown}');
    expect(focusedItem()).toBe('Meetings as CSV');
    await user.keyboard('{Escape} ');
    expect(focusedItem()).toBe('Meetings as CSV');
    // Tab leaves the menu and closes it.
    await user.tab();
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('closes on a click elsewhere', async () => {
    const { user, button } = setup();
    await user.click(button);
    await user.click(screen.getByRole('button', { name: 'After' }));
    expect(screen.queryByRole('menu')).toBeNull();
    expect(button).toHaveAttribute('aria-expanded', 'false');
  });

  it('saves the chosen file (loaded on demand) and says what it saved', async () => {
    const created: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      created.push(blob);
      return 'blob:test';
    });
    URL.revokeObjectURL = vi.fn();
    const clicks: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    });
    const { user, button } = setup();
    useStore.getState().setFilters({ countries: ['JPN'] });
    await user.click(button);
    await user.keyboard('{Enter}');
    expect(button).toHaveFocus();
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Saved parley-meetings-japan.csv (1 meeting)'), {
      timeout: 20_000, // the first dynamic import is transformed on demand
    });
    expect(clicks).toEqual(['parley-meetings-japan.csv']);
    const csv = await created[0]!.text();
    expect(csv.split('\r\n')).toHaveLength(2);
    expect(csv).toContain('m-khaji-endo-2020');
  });

  it('explains why the network picture cannot be drawn when the network is not on screen', async () => {
    const { user, button } = setup();
    useStore.getState().setMode('table');
    await user.click(button);
    await user.click(screen.getByRole('menuitem', { name: 'Network as SVG' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Could not export Network as SVG: The network picture is drawn from the layout on screen: switch to Charts, then export it.'), { timeout: 20_000 });
  });
});
