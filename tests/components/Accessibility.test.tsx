import { act, cleanup, render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppHeader } from '../../src/components/AppHeader';
import { DetailPanel } from '../../src/components/DetailPanel';
import { ErrorScreen } from '../../src/components/ErrorScreen';
import { FilterPanel } from '../../src/components/FilterPanel';
import { MeetingTable } from '../../src/components/MeetingTable';
import { Notices } from '../../src/components/Notices';
import { useStore } from '../../src/state/store';
import type { Selection } from '../../src/state/types';
import { loadIntoStore } from '../fixtures/smallDataset';

/** jsdom has no layout, so contrast cannot be computed here; the rest of axe's rules apply. */
async function violations(root: Element): Promise<string[]> {
  const result = await axe.run(root, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

function Page() {
  return (
    <div className="app">
      <AppHeader />
      <Notices />
      <div className="layout">
        <aside aria-label="Filters">
          <FilterPanel />
        </aside>
        <main id="main">
          <section aria-label="Meetings table">
            <MeetingTable />
          </section>
        </main>
        <aside aria-label="Details">
          <DetailPanel />
        </aside>
      </div>
    </div>
  );
}

describe('axe-core', () => {
  beforeEach(() => {
    loadIntoStore();
  });
  afterEach(cleanup);

  const selections: Selection[] = [
    { kind: 'meeting', id: 'm-khaji-mekdad-2019' },
    { kind: 'actor', id: 'khaji' },
    { kind: 'edge', a: 'khaji', b: 'assad' },
    { kind: 'meeting', id: 'unknown' },
  ];
  for (const selection of selections) {
    it(`finds no violations with a ${selection.kind} selected`, async () => {
      act(() => {
        useStore.getState().select(selection);
        useStore.getState().setFilters({ countries: ['IRN'], from: '2019-01-01' });
        useStore.getState().addNotice({ tone: 'warning', text: 'A warning' });
      });
      const { container } = render(<Page />);
      for (const b of Array.from(container.querySelectorAll('button[aria-expanded="false"]'))) await userEvent.click(b as HTMLElement);
      expect(await violations(container)).toEqual([]);
      // axe over the whole page (filters with the between pickers, table, details with measures) takes seconds in jsdom.
    }, 20_000);
  }

  it('finds no violations with the actor list open', async () => {
    const user = userEvent.setup();
    const { container, getByRole } = render(<Page />);
    await user.type(getByRole('combobox', { name: 'Find actor' }), 'a');
    expect(await violations(container)).toEqual([]);
  }, 20_000);

  it('does report a real violation (the harness works)', async () => {
    const { container } = render(
      <main>
        <input type="text" />
      </main>,
    );
    expect((await violations(container)).some((v) => v.startsWith('label'))).toBe(true);
  });

  it('finds no violations on the error screen', async () => {
    const { container } = render(<ErrorScreen title="Broken" issues={[{ path: 'meetings[0].id', message: 'duplicate id' }]} onRetry={() => {}} onOpenBundled={() => {}} />);
    expect(await violations(container)).toEqual([]);
  });
});
