import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { DetailPanel } from '../../src/components/DetailPanel';
import { FIRST_CHARS, MORE_CHARS } from '../../src/components/LongText';
import { useStore } from '../../src/state/store';
import { loadIntoStore, smallDataset } from '../fixtures/smallDataset';

afterEach(cleanup);

describe('long fields in the details', () => {
  it('show an unbroken megabyte summary shortened, revealed in chunks by "Show more"', async () => {
    const ds = structuredClone(smallDataset);
    const summary = `S${'x'.repeat(1_000_000)}`;
    ds.meetings[0]!.summary = summary;
    loadIntoStore(ds);
    act(() => useStore.getState().select({ kind: 'meeting', id: ds.meetings[0]!.id }));
    const { container } = render(<DetailPanel />);
    expect(container.textContent!.length).toBeLessThan(FIRST_CHARS + 5_000);
    const more = screen.getByRole('button', { name: `Show more (${(summary.length - FIRST_CHARS).toLocaleString('en')} more characters)` });
    await userEvent.click(more);
    expect(container.textContent!.length).toBeGreaterThan(FIRST_CHARS + MORE_CHARS);
    expect(container.textContent!.length).toBeLessThan(FIRST_CHARS + MORE_CHARS + 5_000);
  });
});
