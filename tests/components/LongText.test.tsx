import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { DetailPanel } from '../../src/components/DetailPanel';
import { FIRST_CHARS, MORE_CHARS } from '../../src/components/LongText';
import { useStore } from '../../src/state/store';
import { SOURCE_FIRST_CHARS } from '../../src/domain/quoteMatch';
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

describe('a huge source text', () => {
  it('opens a window around the quote, not megabytes, and reveals earlier and later text in chunks', async () => {
    const ds = structuredClone(smallDataset);
    const quote = 'Khaji held separate talks with Syrian President Bashar al-Assad';
    ds.sources[0]!.text = `${'a'.repeat(1_000_000)} ${quote} ${'z'.repeat(1_000_000)}`;
    const meeting = ds.meetings.find((m) => m.evidence[0]?.quote === quote)!;
    loadIntoStore(ds);
    act(() => useStore.getState().select({ kind: 'meeting', id: meeting.id }));
    render(<DetailPanel />);
    await userEvent.click(screen.getAllByRole('button', { name: 'Show source text' })[0]!);
    const region = screen.getByRole('region', { name: /^Source text:/ });
    expect(region.querySelector('mark')!.textContent).toBe(quote);
    expect(region.textContent!.length).toBeLessThan(SOURCE_FIRST_CHARS + 200);
    await userEvent.click(within(region).getByRole('button', { name: /^Show earlier text \(/ }));
    await userEvent.click(within(region).getByRole('button', { name: /^Show more \(/ }));
    expect(region.textContent!.length).toBeGreaterThan(2 * MORE_CHARS);
    expect(region.textContent!.length).toBeLessThan(SOURCE_FIRST_CHARS + 2 * MORE_CHARS + 200);
    expect(region.querySelector('mark')!.textContent).toBe(quote);
  });
});
