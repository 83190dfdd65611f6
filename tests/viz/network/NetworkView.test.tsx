import { readFileSync } from 'node:fs';
import { StrictMode } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { buildIndex } from '../../../src/domain/indexes';
import type { Dataset } from '../../../src/domain/schema';
import { useStore } from '../../../src/state/store';
import { INITIAL_VIEW } from '../../../src/state/slices/viewSlice';
import { selectGraphMeetings } from '../../../src/state/selectors';
import { NetworkView } from '../../../src/viz/network/NetworkView';
import { generateSynthetic } from '../../../scripts/bench/synthetic/generate';

const index = buildIndex(JSON.parse(readFileSync('public/data/meetings.json', 'utf8')) as Dataset);

beforeEach(() => {
  useStore.setState({ ...INITIAL_VIEW, hoveredActor: null, hoveredMeeting: null });
  useStore.getState().setData({ state: 'ready', url: 'data/meetings.json', index });
});
afterEach(() => {
  cleanup();
  useStore.setState({ ...INITIAL_VIEW });
});

const renderView = () =>
  render(
    <StrictMode>
      <section aria-label="Network">
        <NetworkView />
      </section>
    </StrictMode>,
  );

describe('NetworkView', () => {
  it('creates exactly one network under StrictMode and draws every actor of the dataset', () => {
    const { container } = renderView();
    expect(container.querySelectorAll('.network-root')).toHaveLength(1);
    const root = container.querySelector<HTMLElement>('.network-root')!;
    expect(root.dataset.renderedNodes).toBe(String(index.actors.length));
    expect(root.dataset.renderedMeetings).toBe(String(index.meetings.length));
    expect(screen.getByRole('button', { name: 'Bashar al-Assad' })).toBeInTheDocument();
  });

  it('selects an actor from the keyboard and clears the selection with Escape', async () => {
    const user = userEvent.setup();
    renderView();
    screen.getByRole('button', { name: 'Faisal Mekdad' }).focus();
    await user.keyboard('{Enter}');
    expect(useStore.getState().selection).toEqual({ kind: 'actor', id: 'mekdad' });
    await user.keyboard('{Escape}');
    expect(useStore.getState().selection).toBeNull();
  });

  it('follows the filters: fewer meetings, fewer actors drawn', () => {
    const { container } = renderView();
    act(() => useStore.getState().setFilters({ countries: ['JPN'] }));
    const root = container.querySelector<HTMLElement>('.network-root')!;
    expect(Number(root.dataset.renderedNodes)).toBeLessThan(index.actors.length);
    expect(Number(root.dataset.renderedMeetings)).toBe(selectGraphMeetings(useStore.getState()).length);
    expect(Number(root.dataset.renderedMeetings)).toBeLessThan(index.meetings.length);
    expect(screen.getByRole('button', { name: 'Akira Endo' })).toBeInTheDocument();
  });

  it('emphasises the actors of a hovered meeting', () => {
    const { container } = renderView();
    const meeting = index.meetings[0]!;
    act(() => useStore.getState().hoverMeeting(meeting.id));
    const lit = [...container.querySelectorAll('.network-node.is-highlighted')].map((el) => el.getAttribute('data-actor')).sort();
    expect(lit).toEqual(meeting.participants.map((p) => p.actorId).sort());
    act(() => useStore.getState().hoverMeeting(null));
    expect(container.querySelectorAll('.network-node.is-highlighted')).toHaveLength(0);
  });

  it('lists every affiliation in the legend with its name and code', () => {
    renderView();
    const legend = screen.getByRole('list', { name: 'Affiliations' });
    for (const code of new Set(index.actors.map((a) => a.affiliation))) {
      const country = index.countryByCode.get(code)!;
      expect(within(legend).getByText(country.name, { exact: false })).toHaveTextContent(`(${code})`);
    }
  });

  it('zooms in and out with the toolbar buttons', async () => {
    const user = userEvent.setup();
    const { container } = renderView();
    const scale = async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      return Number(container.querySelector('.network-svg > g')!.getAttribute('transform')!.match(/scale\(([-\d.e]+)\)/)![1]);
    };
    // While the layout runs the view follows it; measure zoom steps against a settled view.
    await waitFor(() => expect(container.querySelector<HTMLElement>('.network-root')!.dataset.layout).toBe('settled'), { timeout: 5000 });
    const k0 = await scale();
    await user.click(screen.getByRole('button', { name: 'Zoom in' }));
    const k1 = await scale();
    expect(k1).toBeCloseTo(k0 * 1.4, 3);
    await user.click(screen.getByRole('button', { name: 'Zoom out' }));
    expect(await scale()).toBeCloseTo(k0, 3);
    await user.click(screen.getByRole('button', { name: 'Reset view' }));
    expect(await scale()).toBeGreaterThan(0);
  });

  it('writes counts of a thousand and more with separators in its summary', async () => {
    // Under the query worker's size and the drawing caps: drawn whole on the page, with over 1,000 links.
    const big = buildIndex(JSON.parse(generateSynthetic({ meetings: 1200, actors: 300, seed: 2 })) as Dataset);
    useStore.getState().setData({ state: 'ready', url: 'synthetic.json', index: big });
    const { container } = renderView();
    await waitFor(() => expect(container.querySelector('.network-root')!.getAttribute('data-rendered-meetings')).toBe('1200'));
    const summary = container.querySelector('.network-summary')!;
    expect(summary.hasAttribute('data-capped')).toBe(false);
    const links = Number(container.querySelector<HTMLElement>('.network-root')!.dataset.totalEdges);
    expect(links).toBeGreaterThan(999);
    expect(summary.textContent).toContain(`, ${links.toLocaleString('en')} links from 1,200 meetings`);
  });

  it('has no axe violations', async () => {
    const { container } = renderView();
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
  });
});
