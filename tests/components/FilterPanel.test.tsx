import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CountStatus } from '../../src/components/CountStatus';
import { FilterPanel } from '../../src/components/FilterPanel';
import { useStore } from '../../src/state/store';
import { loadIntoStore, smallDataset } from '../fixtures/smallDataset';

function setup() {
  const user = userEvent.setup();
  render(
    <>
      <CountStatus />
      <FilterPanel />
    </>,
  );
  return user;
}

describe('FilterPanel', () => {
  beforeEach(() => {
    loadIntoStore();
  });
  afterEach(cleanup);

  it('shows the total, then "N of M" once a country is ticked', async () => {
    const user = setup();
    expect(screen.getByText('6 meetings')).toHaveAttribute('role', 'status');
    const countries = screen.getByRole('group', { name: 'Country or organization' });
    await user.click(within(countries).getByRole('checkbox', { name: /Japan JPN 1 meeting/ }));
    expect(useStore.getState().filters.countries).toEqual(['JPN']);
    expect(screen.getByText('1 of 6 meetings')).toBeInTheDocument();
  });

  it('labels each option with its meeting count among the other filters', async () => {
    const user = setup();
    const countries = screen.getByRole('group', { name: 'Country or organization' });
    expect(within(countries).getByRole('checkbox', { name: /Syria SYR 4 meetings/ })).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: /Nuclear deal/ }));
    expect(within(countries).getByRole('checkbox', { name: /Syria SYR 0 meetings/ })).toBeInTheDocument();
    expect(within(countries).getByRole('checkbox', { name: /Japan JPN 1 meeting/ })).toBeInTheDocument();
  });

  it('describes topics with their description', () => {
    setup();
    expect(screen.getByRole('checkbox', { name: /Astana process/ })).toHaveAccessibleDescription('The Astana format and its rounds.');
  });

  it('removes a filter from its chip', async () => {
    const user = setup();
    await user.click(screen.getByRole('checkbox', { name: /Syria/ }));
    await user.click(screen.getByRole('button', { name: 'Remove filter: Syria' }));
    expect(useStore.getState().filters.countries).toEqual([]);
    expect(screen.getByRole('checkbox', { name: /Syria/ })).not.toBeChecked();
    expect(screen.getByText('6 meetings')).toBeInTheDocument();
  });

  it('resets everything with "Reset all", which is disabled when nothing is active', async () => {
    const user = setup();
    const reset = screen.getByRole('button', { name: 'Reset all' });
    expect(reset).toBeDisabled();
    await user.click(screen.getByRole('checkbox', { name: /Counter-terrorism/ }));
    await user.click(screen.getByRole('checkbox', { name: /Iran/ }));
    expect(screen.getByText('3 of 6 meetings')).toBeInTheDocument();
    expect(reset).toBeEnabled();
    await user.click(reset);
    expect(useStore.getState().filters.topics).toEqual([]);
    expect(useStore.getState().filters.countries).toEqual([]);
    expect(reset).toBeDisabled();
  });

  it('picks an actor with the keyboard in the combobox', async () => {
    const user = setup();
    const input = screen.getByRole('combobox', { name: 'Find actor' });
    await user.type(input, 'm');
    expect(input).toHaveAttribute('aria-expanded', 'true');
    const listbox = screen.getByRole('listbox', { name: 'Matching actors' });
    // "m" matches Mohammad Javad Zarif (name starts with it) first, then others containing an "m".
    const options = within(listbox).getAllByRole('option');
    expect(options[0]).toHaveTextContent('Mohammad Javad Zarif');
    expect(input).toHaveAttribute('aria-activedescendant', options[0]!.id);
    await user.keyboard('{ArrowDown}');
    expect(input).toHaveAttribute('aria-activedescendant', options[1]!.id);
    await user.keyboard('{Enter}');
    const picked = useStore.getState().filters.actors;
    expect(picked).toHaveLength(1);
    const name = smallDataset.actors.find((a) => a.id === picked[0])!.name;
    expect(options[1]).toHaveTextContent(name);
    // The list closes after a choice (it would cover the date fields), and the actor has one chip, with the other filters.
    expect(input).toHaveAttribute('aria-expanded', 'false');
    expect(screen.getAllByText(name, { selector: '.chip span' })).toHaveLength(1);
    expect(screen.getByRole('button', { name: `Remove filter: ${name}` })).toBeInTheDocument();
    await user.keyboard('{ArrowDown}');
    expect(input).toHaveAttribute('aria-expanded', 'true');
    await user.keyboard('{Escape}');
    expect(input).toHaveAttribute('aria-expanded', 'false');
  });

  it('finds actors by alias and filters to them', async () => {
    const user = setup();
    await user.type(screen.getByRole('combobox', { name: 'Find actor' }), 'mikdad');
    const options = within(screen.getByRole('listbox')).getAllByRole('option');
    expect(options).toHaveLength(1);
    expect(options[0]).toHaveTextContent('Faisal Mekdad');
    await user.keyboard('{Enter}');
    expect(useStore.getState().filters.actors).toEqual(['mekdad']);
    expect(screen.getByText('2 of 6 meetings')).toBeInTheDocument();
  });

  it('shows an error and does not apply an inverted date range', () => {
    setup();
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2021-01-01' } });
    expect(useStore.getState().filters.from).toBe('2021-01-01');
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2020-01-01' } });
    expect(screen.getByRole('alert')).toHaveTextContent('“From” must be on or before “To”');
    expect(screen.getByLabelText('To')).toHaveAttribute('aria-invalid', 'true');
    expect(useStore.getState().filters.to).toBeNull();
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2021-12-31' } });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(useStore.getState().filters).toMatchObject({ from: '2021-01-01', to: '2021-12-31' });
    expect(screen.getByText('1 of 6 meetings')).toBeInTheDocument();
  });

  it('takes an ISO date typed key by key, and a year alone once the field is left', async () => {
    const user = setup();
    const from = screen.getByLabelText('From');
    await user.type(from, '2020-01-01');
    expect(from).toHaveValue('2020-01-01');
    expect(useStore.getState().filters.from).toBe('2020-01-01');
    const to = screen.getByLabelText('To');
    await user.type(to, '2021');
    expect(useStore.getState().filters.to).toBeNull();
    await user.tab();
    expect(useStore.getState().filters.to).toBe('2021-12-31');
    expect(to).toHaveValue('2021-12-31');
    await user.clear(from);
    await user.type(from, '2021-02-30{Enter}');
    expect(screen.getByRole('alert')).toHaveTextContent('2021-02 has no day 30');
    expect(from).toHaveAttribute('aria-invalid', 'true');
  });

  it('applies free text after a pause, replacing the history entry', async () => {
    const user = setup();
    await user.type(screen.getByRole('searchbox', { name: 'Search summaries, names and quotes' }), 'endo');
    expect(useStore.getState().filters.q).toBe('');
    await waitFor(() => expect(useStore.getState().filters.q).toBe('endo'));
    expect(useStore.getState().lastChange).toBe('replace');
    expect(screen.getByText('1 of 6 meetings')).toBeInTheDocument();
  });

  it('applies free text at once on Enter', async () => {
    const user = setup();
    await user.type(screen.getByRole('searchbox'), 'pedersen{Enter}');
    expect(useStore.getState().filters.q).toBe('pedersen');
    expect(useStore.getState().lastChange).toBe('push');
  });

  it('follows filter changes made elsewhere (URL, Back)', () => {
    setup();
    act(() => useStore.getState().applyView({ ...useStore.getState(), filters: { actors: ['endo'], countries: ['UN'], topics: [], from: '2020-01-01', to: null, q: 'call', between: null } }));
    expect(screen.getByRole('checkbox', { name: /United Nations/ })).toBeChecked();
    expect(screen.getByRole('searchbox')).toHaveValue('call');
    expect(screen.getByLabelText('From')).toHaveValue('2020-01-01');
    expect(screen.getByRole('button', { name: 'Remove filter: Kazuya Endo' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Remove filter: “call”' })).toBeInTheDocument();
    act(() => useStore.getState().resetFilters());
    expect(screen.getByRole('searchbox')).toHaveValue('');
    expect(screen.getByLabelText('From')).toHaveValue('');
  });
});
