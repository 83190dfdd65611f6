import { readFileSync } from 'node:fs';
import { useMemo } from 'react';
import { capNetwork } from '../../src/domain/networkCap';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { buildIndex } from '../../src/domain/indexes';
import type { Dataset } from '../../src/domain/schema';
import { useStore } from '../../src/state/store';
import { INITIAL_VIEW } from '../../src/state/slices/viewSlice';
import { selectShownGraph } from '../../src/state/analysis/shownGraph';
import { MostCentralList } from '../../src/components/analysis/MostCentralList';
import { NetworkAnalysisControls } from '../../src/components/analysis/NetworkAnalysisControls';
import { CentralWhen } from '../../src/components/analysis/CentralWhen';
import { DetailPanel } from '../../src/components/DetailPanel';
import { FilterPanel } from '../../src/components/FilterPanel';
import { selectVisible } from '../../src/state/selectors';

const index = buildIndex(JSON.parse(readFileSync('public/data/meetings.json', 'utf8')) as Dataset);

beforeEach(() => {
  useStore.setState({ ...INITIAL_VIEW, notices: [], hoveredActor: null, hoveredMeeting: null });
  useStore.getState().setData({ state: 'ready', url: 'data/meetings.json', index });
});
afterEach(() => {
  cleanup();
  useStore.setState({ ...INITIAL_VIEW });
});

/** The list over the whole network built on the page (the small-dataset path of the network view). */
function List() {
  const graph = useStore(selectShownGraph);
  const metric = useStore((s) => s.analysis.size);
  const picture = useMemo(() => ({ ...capNetwork(graph), meetingCount: 0, filteredActors: graph.nodes.length, index, key: '', focus: [], whole: graph }), [graph]);
  return <MostCentralList picture={picture} metric={metric} />;
}

describe('Most central list', () => {
  it('lists the top actors by meetings and selects one by keyboard', async () => {
    const user = userEvent.setup();
    render(<List />);
    const list = screen.getByRole('list', { name: 'Most central actors by meetings' });
    const entries = within(list).getAllByRole('button');
    expect(entries).toHaveLength(10);
    expect(entries[0]).toHaveTextContent('1. Ali Asghar Khaji 8');
    await user.tab();
    expect(entries[0]).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(useStore.getState().selection).toEqual({ kind: 'actor', id: 'khaji' });
    expect(entries[0]).toHaveAttribute('aria-pressed', 'true');
  });

  it('follows the chosen measure (computed asynchronously with graphology) and the date filter', async () => {
    const user = userEvent.setup();
    render(
      <>
        <NetworkAnalysisControls index={index} />
        <List />
      </>,
    );
    await user.selectOptions(screen.getByLabelText('Size and rank by'), 'betweenness');
    expect(useStore.getState().analysis.size).toBe('betweenness');
    const list = await screen.findByRole('list', { name: 'Most central actors by betweenness' });
    expect(within(list).getAllByRole('button')[0]).toHaveTextContent(/^1\. Ali Asghar Khaji 0\.\d+/);
    act(() => useStore.getState().setFilters({ from: '2021-01-01' }));
    const later = await screen.findByRole('list', { name: 'Most central actors by betweenness' });
    await screen.findByText('Ayman Sosan', { selector: '.most-central-name' });
    expect(within(later).getAllByRole('button')[0]).toHaveTextContent(/^1\. Ayman Sosan/);
  });

  it('shows and removes the ego network chip', async () => {
    const user = userEvent.setup();
    act(() => useStore.getState().setAnalysis({ ego: { actor: 'pedersen', depth: 1 } }));
    render(
      <>
        <NetworkAnalysisControls index={index} />
        <List />
      </>,
    );
    expect(screen.getByText('Within 1 step of Geir O. Pedersen')).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: /Most central/ })).getAllByRole('button')).toHaveLength(2);
    await user.click(screen.getByRole('button', { name: 'Remove ego network of Geir O. Pedersen' }));
    expect(useStore.getState().analysis.ego).toBeNull();
  });
});

describe('Actor and edge panels', () => {
  it('show the actor’s measures with ranks, topics with counts, and start an ego network', async () => {
    const user = userEvent.setup();
    act(() => useStore.getState().select({ kind: 'actor', id: 'khaji' }));
    render(<DetailPanel />);
    // The measures follow the panel's first frame.
    const table = await screen.findByRole('table', { name: /Measures of Ali Asghar Khaji among 15 actors/ });
    const meetingsRow = within(table).getByRole('row', { name: /Meetings/ });
    expect(meetingsRow).toHaveTextContent('Meetings81');
    expect(await within(table).findByRole('row', { name: /Counterparts \(degree\) 7 1/ })).toBeInTheDocument();
    expect(await within(table).findByRole('row', { name: /PageRank 0\.\d+ 1/ })).toBeInTheDocument();
    const topics = screen.getByRole('list', { name: 'Topics of Ali Asghar Khaji’s meetings' });
    expect(within(topics).getAllByRole('button').slice(0, 2).map((b) => b.textContent)).toEqual(['Political process: 6', 'Bilateral relations: 5']);
    await user.click(within(topics).getByRole('button', { name: 'Constitutional Committee: 3' }));
    expect(useStore.getState().filters.topics).toEqual(['constitutional-committee']);
    await user.click(screen.getByRole('button', { name: /…and theirs \(2 steps\)/ }));
    expect(useStore.getState().analysis.ego).toEqual({ actor: 'khaji', depth: 2 });
  });

  it('lists the topics of a pair’s meetings', () => {
    act(() => useStore.getState().select({ kind: 'edge', a: 'khaji', b: 'assad' }));
    render(<DetailPanel />);
    const topics = screen.getByRole('list', { name: 'Topics of the meetings between Ali Asghar Khaji and Bashar al-Assad' });
    expect(within(topics).getAllByRole('button').map((b) => b.textContent)).toContain('Sanctions and economic pressure: 1');
    expect(within(topics).getAllByRole('button')).toHaveLength(11);
  });
});

describe('Who was central when', () => {
  it('shows ranks per year as a chart and as a table; a cell sets the timeline window', async () => {
    const user = userEvent.setup();
    const visible = selectVisible(useStore.getState());
    render(<CentralWhen index={index} meetings={visible} metric="meetings" />);
    await user.click(screen.getByText('Who was central when'));
    const cell = await screen.findByRole('button', { name: 'Ali Asghar Khaji, 2020: rank 1 (meetings 3)' });
    cell.focus();
    await user.keyboard('{Enter}');
    expect(useStore.getState().window).toEqual({ start: '2020-01-01', end: '2020-12-31' });
    await user.click(screen.getByLabelText('Show as a table'));
    const table = screen.getByRole('table');
    expect(within(table).getByRole('row', { name: /Ali Asghar Khaji/ })).toHaveTextContent('Ali Asghar Khaji1 (3)1 (3)1 (1)–2 (1)');
    await user.click(within(table).getByRole('button', { name: 'Show 2023 on the timeline' }));
    expect(useStore.getState().window).toEqual({ start: '2023-01-01', end: '2023-12-31' });
  });
});

describe('Meetings between', () => {
  it('applies a pair of countries, shows a chip and explains how filters combine', async () => {
    const user = userEvent.setup();
    render(<FilterPanel />);
    expect(screen.getByText(/“Meetings between” needs both sides in the same meeting/)).toBeInTheDocument();
    await user.type(screen.getByLabelText('First side (country, organization or actor)'), 'Iran (IRN)');
    await user.type(screen.getByLabelText('Second side'), 'JPN');
    await user.click(screen.getByRole('button', { name: 'Show meetings between' }));
    expect(useStore.getState().filters.between).toEqual(['IRN', 'JPN']);
    expect(selectVisible(useStore.getState()).length).toBe(1);
    expect(screen.getByRole('button', { name: 'Remove filter: Iran (IRN) with Japan (JPN)' })).toBeInTheDocument();
  });

  it('says which side is unknown and changes nothing', async () => {
    const user = userEvent.setup();
    render(<FilterPanel />);
    await user.type(screen.getByLabelText('First side (country, organization or actor)'), 'khaji');
    await user.type(screen.getByLabelText('Second side'), 'Atlantis');
    await user.click(screen.getByRole('button', { name: 'Show meetings between' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Not in this dataset: Atlantis');
    expect(useStore.getState().filters.between).toBeNull();
  });
});
