import { StrictMode } from 'react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { TimelineView } from '../../../src/viz/timeline/TimelineView';
import { useStore } from '../../../src/state/store';
import { loadIntoStore } from '../../fixtures/smallDataset';
import { dataset, meeting } from './timelineFixture';
import { loadVisLibrary } from '../../../src/viz/timeline/visLibrary';

// The timeline's library is a chunk of its own in the app (main.tsx starts loading it); here it is loaded up front.
beforeAll(() => loadVisLibrary());

const widthProps = ['clientWidth', 'offsetWidth'] as const;
beforeAll(() => {
  for (const p of widthProps) Object.defineProperty(HTMLElement.prototype, p, { configurable: true, get: () => 800 });
});
afterAll(() => {
  for (const p of widthProps) delete (HTMLElement.prototype as unknown as Record<string, unknown>)[p];
});

const fixture = dataset([
  meeting('a-call', { type: 'phone-call', cameo: '041' }),
  meeting('b-visit', { date: '2021-03-04', earliest: '2021-03-04', latest: '2021-03-04', participants: [{ actorId: 'khaji' }, { actorId: 'muallem' }] }),
]);
const wait = (ms: number) => act(() => new Promise((r) => setTimeout(r, ms)));
const host = () => screen.getByRole('group', { name: 'Timeline of meetings' });

afterEach(cleanup);
beforeEach(() => {
  loadIntoStore(fixture);
});

describe('TimelineView', () => {
  it('mounts one timeline under StrictMode and depicts the filtered meetings', async () => {
    render(
      <StrictMode>
        <TimelineView />
      </StrictMode>,
    );
    await wait(60);
    expect(host().querySelectorAll('.vis-timeline')).toHaveLength(1);
    expect(host().dataset.renderedCount).toBe('2');
    act(() => useStore.getState().setFilters({ actors: ['muallem'] }));
    await wait(60);
    expect(host().dataset.renderedCount).toBe('1');
    expect(host().querySelectorAll('.tl-meeting[data-meeting]')).toHaveLength(1);
  });

  it('pans with Shift+arrow keys and records the window in the store, replacing the history entry', async () => {
    render(<TimelineView />);
    const user = userEvent.setup();
    host().focus();
    await user.keyboard('{Shift>}{ArrowRight}{/Shift}');
    await wait(300);
    const w = useStore.getState().window;
    expect(w).not.toBeNull();
    expect(useStore.getState().lastChange).toBe('replace');
    await user.keyboard('{Home}');
    expect(useStore.getState().window).toBeNull();
  });

  it('moves between meetings with ←/→, announces each, rings it, and opens it with Enter; ↓ and Space do not scroll', async () => {
    render(<TimelineView />);
    // The meetings go in a task after vis-timeline's construction: keys count from the window they are drawn in.
    await wait(60);
    const user = userEvent.setup();
    host().focus();
    await user.keyboard('{ArrowRight}');
    await wait(60);
    const live = document.querySelector('[aria-live="polite"]')!;
    expect(live.textContent).toMatch(/^Meeting 1 of 2: Phone call, 17 August 2020: /);
    expect(host().querySelector('.is-focused')?.getAttribute('data-meeting')).toBe('a-call');
    await user.keyboard('{ArrowRight}');
    await wait(60);
    expect(live.textContent).toMatch(/^Meeting 2 of 2: Meeting, 4 March 2021/);
    await user.keyboard('{ArrowRight}');
    expect(live.textContent).toMatch(/^Meeting 2 of 2 \(last\)/);
    const down = new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, cancelable: true });
    host().dispatchEvent(down);
    expect(down.defaultPrevented).toBe(true);
    await user.keyboard('{Enter}');
    expect(useStore.getState().selection).toEqual({ kind: 'meeting', id: 'b-visit' });
    await user.keyboard('{ArrowLeft}');
    expect(live.textContent).toMatch(/^Meeting 1 of 2/);
  });

  it('Space plays and pauses; Play turns on "only visible period"; the toolbar is one Tab stop', async () => {
    render(<TimelineView />);
    const user = userEvent.setup();
    const toolbar = screen.getByRole('toolbar', { name: 'Timeline controls' });
    const stops = [...toolbar.querySelectorAll<HTMLElement>('button, input')].filter((el) => el.tabIndex === 0);
    expect(stops).toHaveLength(1);
    host().focus();
    await user.keyboard(' ');
    expect(useStore.getState().playing).toBe(true);
    expect(useStore.getState().followWindow).toBe(true);
    expect(useStore.getState().window).not.toBeNull();
    expect(screen.getByRole('button', { name: /Pause/ })).toHaveAttribute('aria-pressed', 'true');
    await user.keyboard(' ');
    expect(useStore.getState().playing).toBe(false);
    // ←/→ move between the toolbar's controls.
    screen.getByRole('button', { name: 'Fit all' }).focus();
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Zoom in' }));
    expect(screen.getByRole('button', { name: 'Zoom in' }).tabIndex).toBe(0);
  });

  it('says so in the status line when a playback step has no meetings further that way', async () => {
    const user = userEvent.setup();
    render(<TimelineView />);
    await wait(60);
    const status = () => screen.getByText(/meetings? ·/, { selector: '.timeline-status' }).textContent;
    // Fitted to all meetings, the window starts before the first one.
    await user.click(screen.getByRole('button', { name: 'Step back' }));
    expect(status()).toContain('no meetings before this window');
    await user.click(screen.getByRole('button', { name: 'Step forward' }));
    await wait(60);
    expect(useStore.getState().window).not.toBeNull();
    expect(status()).not.toContain('no meetings');
  });

  it('draws one lane per country with a label button that filters to it', async () => {
    act(() => useStore.getState().setLanes('country'));
    render(<TimelineView />);
    await wait(60);
    const labels = [...host().querySelectorAll('.tl-lane-label')].map((el) => el.getAttribute('aria-label'));
    expect(labels[0]).toBe('Iran: 2 meetings. Filter to Iran');
    expect(labels).toHaveLength(3);
    expect(host().querySelectorAll('.vis-item[data-meeting="b-visit"]')).toHaveLength(2);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: /^Syria: 1 meeting/ }));
    expect(useStore.getState().filters.countries).toEqual(['SYR']);
  });

  it('zooms with + and - and the toolbar buttons', async () => {
    render(<TimelineView />);
    const user = userEvent.setup();
    host().focus();
    await user.keyboard('+');
    await wait(300);
    const zoomedIn = useStore.getState().window!;
    await user.click(screen.getByRole('button', { name: 'Zoom out' }));
    await wait(300);
    const zoomedOut = useStore.getState().window!;
    const span = (w: { start: string; end: string }) => Date.parse(w.end) - Date.parse(w.start);
    expect(span(zoomedOut)).toBeGreaterThan(span(zoomedIn));
  });

  it('sets the date filter to the visible period from the keyboard-reachable button', async () => {
    render(<TimelineView />);
    act(() => useStore.getState().setWindow({ start: '2020-06-01', end: '2021-06-30' }));
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'More' }));
    await user.click(screen.getByRole('button', { name: 'Filter to visible dates' }));
    expect(useStore.getState().filters).toMatchObject({ from: '2020-06-01', to: '2021-06-30' });
  });

  it('toggles brush mode and the network follow option', async () => {
    render(<TimelineView />);
    const user = userEvent.setup();
    const brush = screen.getByRole('button', { name: 'Brush dates' });
    await user.click(brush);
    expect(brush).toHaveAttribute('aria-pressed', 'true');
    expect(host().classList.contains('is-brushing')).toBe(true);
    host().focus();
    await user.keyboard('{Escape}');
    expect(brush).toHaveAttribute('aria-pressed', 'false');
    await user.click(screen.getByRole('button', { name: 'More' }));
    await user.click(screen.getByRole('checkbox', { name: 'Network: only visible period' }));
    expect(useStore.getState().followWindow).toBe(true);
  });

  it('keeps the less used controls behind "More": a disclosure that Escape closes, returning focus to its button', async () => {
    render(<TimelineView />);
    const user = userEvent.setup();
    const more = screen.getByRole('button', { name: 'More' });
    expect(more).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('combobox', { name: 'Lanes' })).toBeNull();
    await user.click(more);
    expect(more).toHaveAttribute('aria-expanded', 'true');
    const panel = screen.getByRole('group', { name: 'More timeline controls' });
    expect(more.getAttribute('aria-controls')).toBe(panel.id);
    screen.getByRole('combobox', { name: 'Lanes' }).focus();
    await user.keyboard('{Escape}');
    expect(more).toHaveAttribute('aria-expanded', 'false');
    expect(document.activeElement).toBe(more);
    // Escape in the panel closed only the panel.
    expect(screen.queryByRole('group', { name: 'More timeline controls' })).toBeNull();
  });

  it('clears the selection on Escape', async () => {
    render(<TimelineView />);
    act(() => useStore.getState().select({ kind: 'meeting', id: 'a-call' }));
    await wait(30);
    expect(host().querySelector('.vis-selected[data-meeting]')?.getAttribute('data-meeting')).toBe('a-call');
    host().focus();
    await userEvent.setup().keyboard('{Escape}');
    expect(useStore.getState().selection).toBeNull();
  });

  it('has no axe violations with items drawn and a meeting selected', async () => {
    const { container } = render(<TimelineView />);
    act(() => useStore.getState().select({ kind: 'meeting', id: 'a-call' }));
    await wait(60);
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});
