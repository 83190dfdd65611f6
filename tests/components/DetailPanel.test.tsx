import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DetailPanel } from '../../src/components/DetailPanel';
import { useStore } from '../../src/state/store';
import type { Selection } from '../../src/state/types';
import { loadIntoStore } from '../fixtures/smallDataset';

function open(selection: Selection) {
  act(() => useStore.getState().select(selection));
}

describe('DetailPanel', () => {
  beforeEach(() => {
    loadIntoStore();
  });
  afterEach(cleanup);

  it('renders nothing without a selection', () => {
    const { container } = render(<DetailPanel />);
    expect(container).toBeEmptyDOMElement();
  });

  it('states an exact day once, without repeating it as bounds', () => {
    open({ kind: 'meeting', id: 'm-khaji-assad-2020' });
    render(<DetailPanel />);
    const date = screen.getByText('Date').nextElementSibling!;
    expect(date.textContent).toMatch(/^\d{1,2} \w+ 2020 \(exact day\)/);
    expect(date.textContent).not.toMatch(/ on \d/);
  });

  it('shows a meeting: date with precision and bounds, type, location, roles at that date', () => {
    open({ kind: 'meeting', id: 'm-khaji-assad-2019' });
    render(<DetailPanel />);
    const panel = screen.getByRole('region', { name: /Ali Asghar Khaji, Bashar al-Assad · July 2019/ });
    expect(panel).toHaveTextContent('July 2019 (month known), between 2 and 3 July 2019');
    expect(panel).toHaveTextContent('Same day as the other Damascus talks.');
    expect(panel).toHaveTextContent('Visit (CAMEO 042)');
    expect(panel).toHaveTextContent('Damascus, Syria');
    expect(panel).toHaveTextContent('Inferred from the trip.');
    const participants = within(panel).getAllByRole('listitem').filter((li) => li.closest('.participants'));
    expect(participants[0]).toHaveTextContent('Ali Asghar Khaji IRN, Senior Assistant to the Foreign Minister (visitor)');
    expect(participants[1]).toHaveTextContent('Bashar al-Assad SYR, President (host)');
    expect(panel).toHaveTextContent('Astana process');
  });

  it('falls back to the role given in the meeting when no dated role covers it', () => {
    open({ kind: 'meeting', id: 'm-khaji-mekdad-2019' });
    render(<DetailPanel />);
    // Mekdad was Deputy Foreign Minister until November 2020.
    expect(screen.getByRole('region')).toHaveTextContent('Faisal Mekdad SYR, Deputy Foreign Minister');
  });

  it('shows each evidence quote with its source and expands the source text with the quote marked', async () => {
    const user = userEvent.setup();
    open({ kind: 'meeting', id: 'm-khaji-mekdad-2019' });
    render(<DetailPanel />);
    const quote = screen.getByText('The two sides discussed the Astana process');
    expect(quote.tagName).toBe('BLOCKQUOTE');
    const figure = quote.closest('figure')!;
    expect(figure).toHaveTextContent('Khaji in Damascus, Mehr News Agency, 3 July 2019');
    expect(figure.querySelector('mark')).toBeNull();
    const toggle = within(figure).getByRole('button', { name: 'Show source text' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(toggle).toHaveTextContent('Hide source text');
    const mark = figure.querySelector('mark')!;
    expect(mark.textContent).toBe('The two sides discussed   the Astana process');
    expect(mark.parentElement).toHaveTextContent(/^TEHRAN - Earlier in the day/);
  });

  it('Escape after "Show source text" closes the source text and keeps the selection', async () => {
    const user = userEvent.setup();
    open({ kind: 'meeting', id: 'm-khaji-mekdad-2019' });
    render(<DetailPanel />);
    const figure = screen.getByText('The two sides discussed the Astana process').closest('figure')!;
    const toggle = within(figure).getByRole('button', { name: 'Show source text' });
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await user.keyboard('{Escape}');
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(toggle).toHaveFocus();
    expect(useStore.getState().selection).toEqual({ kind: 'meeting', id: 'm-khaji-mekdad-2019' });
    await user.keyboard('{Escape}');
    expect(useStore.getState().selection).toBeNull();
  });

  it('says when a source has no publisher or date', () => {
    open({ kind: 'meeting', id: 'm-khaji-pedersen-2021' });
    render(<DetailPanel />);
    expect(screen.getByText('Ali Asghar Khaji held a phone conversation with Geir Pedersen').closest('figure')).toHaveTextContent(
      'Phone call with Pedersen, publisher unknown, undated',
    );
    expect(screen.getByRole('region')).toHaveTextContent('2021 (year known), between 1 January 2021 and 31 December 2021');
  });

  it('opens a participant from a meeting', async () => {
    const user = userEvent.setup();
    open({ kind: 'meeting', id: 'm-khaji-endo-2020' });
    render(<DetailPanel />);
    await user.click(screen.getByRole('button', { name: 'Kazuya Endo' }));
    expect(useStore.getState().selection).toEqual({ kind: 'actor', id: 'endo' });
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Kazuya Endo');
  });

  it('shows an actor: affiliation, roles over time, aliases, counterparts and meetings', async () => {
    const user = userEvent.setup();
    open({ kind: 'actor', id: 'khaji' });
    render(<DetailPanel />);
    const panel = screen.getByRole('region', { name: 'Ali Asghar Khaji' });
    expect(panel).toHaveTextContent('Iran IRN');
    expect(panel).toHaveTextContent('Person');
    expect(panel).toHaveTextContent('Khaji, Asghar Khaji');
    expect(panel).toHaveTextContent('Senior Assistant to the Foreign Minister, 1 July 2019 – 24 August 2021');
    expect(panel).toHaveTextContent('Senior Advisor to the Foreign Minister, since 25 August 2021');
    expect(panel).toHaveTextContent('Title from the 2021 articles.');
    // The long lists follow the frame that first shows the actor.
    expect(screen.queryByRole('list', { name: 'Counterparts' })).not.toBeInTheDocument();
    const counterparts = within(await screen.findByRole('list', { name: 'Counterparts' })).getAllByRole('button');
    expect(counterparts.map((b) => b.textContent)).toEqual([
      'Bashar al-Assad: 2 meetings',
      'Faisal Mekdad: 1 meeting',
      'Geir Pedersen: 1 meeting',
      'Kazuya Endo: 1 meeting',
    ]);
    expect(within(screen.getByRole('list', { name: 'Meetings of Ali Asghar Khaji' })).getAllByRole('button')).toHaveLength(5);
    await user.click(counterparts[0]!);
    expect(useStore.getState().selection).toEqual({ kind: 'edge', a: 'khaji', b: 'assad' });
  });

  it('never shows one actor\'s lists under another: the next actor\'s follow its own first frame', async () => {
    open({ kind: 'actor', id: 'khaji' });
    render(<DetailPanel />);
    await screen.findByRole('list', { name: 'Meetings of Ali Asghar Khaji' });
    act(() => useStore.getState().select({ kind: 'actor', id: 'pedersen' }));
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Geir Pedersen');
    expect(screen.queryByRole('list', { name: 'Counterparts' })).not.toBeInTheDocument();
    expect(screen.queryByRole('list', { name: /^Meetings of/ })).not.toBeInTheDocument();
    expect(within(await screen.findByRole('list', { name: 'Counterparts' })).getAllByRole('button')[0]).toHaveTextContent('Ali Asghar Khaji');
    expect(await screen.findByRole('list', { name: 'Meetings of Geir Pedersen' })).toBeInTheDocument();
  });

  it('filters to the actor on request', async () => {
    const user = userEvent.setup();
    open({ kind: 'actor', id: 'pedersen' });
    render(<DetailPanel />);
    await user.click(screen.getByRole('button', { name: 'Filter to this actor' }));
    expect(useStore.getState().filters.actors).toEqual(['pedersen']);
    expect(screen.getByRole('button', { name: 'Stop filtering to this actor' })).toBeInTheDocument();
  });

  it('says how many of an actor’s meetings the filters hide', async () => {
    useStore.getState().setFilters({ from: '2020-01-01' });
    open({ kind: 'actor', id: 'khaji' });
    render(<DetailPanel />);
    expect(screen.getByRole('region', { name: 'Ali Asghar Khaji' })).toHaveTextContent('2 of 5 meetings are hidden by the current filters.');
    expect(within(await screen.findByRole('list', { name: 'Meetings of Ali Asghar Khaji' })).getAllByRole('button')).toHaveLength(3);
  });

  it('shows a pair and the visible meetings between them, each opening the meeting', async () => {
    const user = userEvent.setup();
    open({ kind: 'edge', a: 'khaji', b: 'assad' });
    render(<DetailPanel />);
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Ali Asghar Khaji and Bashar al-Assad');
    const list = screen.getByRole('list', { name: 'Meetings between Ali Asghar Khaji and Bashar al-Assad' });
    const buttons = within(list).getAllByRole('button');
    expect(buttons.map((b) => b.textContent)).toEqual([
      'July 2019: Khaji held talks with President Assad in Damascus.',
      '17 August 2020: Assad received Khaji again.',
    ]);
    await user.click(buttons[1]!);
    expect(useStore.getState().selection).toEqual({ kind: 'meeting', id: 'm-khaji-assad-2020' });
  });

  it('explains an unknown id instead of crashing', () => {
    open({ kind: 'meeting', id: 'no-such-meeting' });
    render(<DetailPanel />);
    expect(screen.getByRole('heading', { name: 'Not found' })).toBeInTheDocument();
    expect(screen.getByRole('region')).toHaveTextContent('“no-such-meeting” that is not in this dataset');
    act(() => useStore.getState().select({ kind: 'edge', a: 'khaji', b: 'ghost' }));
    expect(screen.getByRole('heading', { name: 'Not found' })).toBeInTheDocument();
  });

  it('closes with the close button and with Escape', async () => {
    const user = userEvent.setup();
    open({ kind: 'actor', id: 'assad' });
    render(<DetailPanel />);
    await user.click(screen.getByRole('button', { name: 'Close details' }));
    expect(useStore.getState().selection).toBeNull();
    open({ kind: 'actor', id: 'assad' });
    await user.keyboard('{Escape}');
    expect(useStore.getState().selection).toBeNull();
    expect(screen.queryByRole('region')).not.toBeInTheDocument();
  });
});
