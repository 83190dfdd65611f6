import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppHeader } from '../../src/components/AppHeader';
import { useStore } from '../../src/state/store';
import { loadIntoStore } from '../fixtures/smallDataset';

describe('AppHeader', () => {
  beforeEach(() => {
    loadIntoStore();
  });
  afterEach(cleanup);

  it('names the product and the dataset, shows the count, and offers a skip link to #main', () => {
    render(<AppHeader />);
    const header = screen.getByRole('banner');
    expect(within(header).getByRole('heading', { level: 1 })).toHaveTextContent('Parley');
    expect(header).toHaveTextContent('Small test dataset');
    expect(within(header).getByText('6 meetings')).toHaveAttribute('role', 'status');
    expect(within(header).getByRole('link', { name: 'Skip to main content' })).toHaveAttribute('href', '#main');
  });

  it('switches between charts and table with pressed-state buttons', async () => {
    const user = userEvent.setup();
    render(<AppHeader />);
    const group = screen.getByRole('group', { name: 'View mode' });
    const charts = within(group).getByRole('button', { name: 'Charts' });
    const table = within(group).getByRole('button', { name: 'Table' });
    expect(charts).toHaveAttribute('aria-pressed', 'true');
    expect(table).toHaveAttribute('aria-pressed', 'false');
    await user.click(table);
    expect(useStore.getState().mode).toBe('table');
    expect(table).toHaveAttribute('aria-pressed', 'true');
    expect(charts).toHaveAttribute('aria-pressed', 'false');
    await user.click(charts);
    expect(useStore.getState().mode).toBe('charts');
  });
});
