import { readFileSync } from 'node:fs';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { DetailPanel } from '../../src/components/DetailPanel';
import type { Dataset } from '../../src/domain/schema';
import { useStore } from '../../src/state/store';
import type { Selection } from '../../src/state/types';
import { loadIntoStore } from '../fixtures/smallDataset';

const bundled = (): Dataset => JSON.parse(readFileSync('public/data/meetings.json', 'utf8'));
const PAYLOAD = '<img src=x onerror=alert(1)>';

function show(selection: Selection, dataset: Dataset = bundled()) {
  loadIntoStore(dataset);
  render(<DetailPanel />);
  act(() => useStore.getState().select(selection));
  return screen.getByRole('region', { name: /·|Ali|Senior|delegation/ });
}

const provenance = (panel: HTMLElement, title: string | RegExp) => within(panel).getByRole('group', { name: typeof title === 'string' ? `Provenance: ${title}` : title });

describe('provenance in the detail panel', () => {
  afterEach(cleanup);

  it('shows a source’s URL as a safe link, retrieval, attribution and relation', () => {
    const panel = show({ kind: 'meeting', id: '2020-09-30-khaji-endo-call' });
    const source = provenance(panel, 'Iranian, Japanese Diplomats Discuss Syria Developments');
    const link = within(source).getByRole('link', { name: 'https://ifpnews.com/iranian-japanese-diplomats-discuss-syria-developments' });
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    expect(source).toHaveTextContent('Retrievednot recorded');
    expect(source).toHaveTextContent(/Attribution.*reCAPTCHA notice/);
    expect(source).toHaveTextContent(/Relation.*Same account of the call/);
  });

  it('lists the outside report under corroborating sources, with what it supports, apart from the evidence', () => {
    const panel = show({ kind: 'meeting', id: '2020-09-30-khaji-endo-call' });
    expect(within(panel).getByRole('heading', { name: 'Corroborating outside sources' })).toBeInTheDocument();
    const outside = provenance(panel, /Iran, Japan discuss Syria developments/);
    expect(outside).toHaveTextContent('(outside source, corroborating: not the record’s text)');
    expect(outside).toHaveTextContent(/Supports.*dated Wednesday 30 September 2020/);
    expect(outside).toHaveTextContent('Retrieved1 December 2026');
    // It is not evidence: no quote in the panel comes from it.
    for (const figure of panel.querySelectorAll('figure')) expect(figure).not.toHaveTextContent('Tehran Times');
  });

  it('shows a missing URL as missing', () => {
    const panel = show({ kind: 'meeting', id: '2021-khaji-pedersen-call' });
    const source = provenance(panel, /\[Untitled\] Khaji and UN envoy Pedersen/);
    expect(source).toHaveTextContent('URLmissing: not known');
    expect(within(source).queryByRole('link')).toBeNull();
  });

  it('marks inferred dates and locations in words and labels press remarks apart from the talks', () => {
    const panel = show({ kind: 'meeting', id: '2020-08-17-muallem-khaji' });
    const facts = panel.querySelector('dl.facts')!;
    expect(within(facts as HTMLElement).getAllByText('inferred')).toHaveLength(2);
    expect(facts).toHaveTextContent(/Time of dayafternoon/);
    expect(facts).toHaveTextContent("Khaji and an Iranian delegation in Damascus, 17 August 2020");
    const idleb = screen.getByText(/agreements related to Idleb/).closest('figure')!;
    expect(idleb).toHaveTextContent('Press remarks (to journalists, not the talks)');
    const talks = screen.getByText(/discussed on Monday afternoon/).closest('figure')!;
    expect(talks).toHaveTextContent('From the talks');
    expect(talks).toHaveTextContent('Supports topics: Bilateral relations, Regional developments');
    const participants = panel.querySelector('.participants')!;
    expect(participants).toHaveTextContent('Iranian delegation accompanying Khaji (August 2020, members unnamed) IRN, accompanying delegation');
    // The heading names the group briefly (the list above gives its full description).
    const heading = within(panel).getByRole('heading', { level: 2 });
    expect(heading.textContent).toMatch(/, Iranian delegation(, | ·)/);
    expect(within(heading).getByTitle('Iranian delegation accompanying Khaji (August 2020, members unnamed)')).toHaveTextContent(/^Iranian delegation$/);
  });

  it("heads a group actor's panel with its short name and gives the full name right under it", () => {
    const panel = show({ kind: 'actor', id: 'iranian-delegation-2020-08' });
    expect(within(panel).getByRole('heading', { level: 2 })).toHaveTextContent(/^Iranian delegation$/);
    expect(panel.querySelector('dl.facts')).toHaveTextContent(/^Full nameIranian delegation accompanying Khaji \(August 2020, members unnamed\)Affiliation/);
  });

  it('lists the other contacts of the occasion with their order and opens one', async () => {
    const user = userEvent.setup();
    const panel = show({ kind: 'meeting', id: '2019-07-khaji-muallem' });
    expect(panel).toHaveTextContent('second on this occasion');
    const others = within(panel).getByRole('list', { name: 'Other contacts on this occasion' });
    expect(within(others).getAllByRole('listitem')).toHaveLength(2);
    await user.click(within(others).getByRole('button', { name: /Bashar al-Assad/ }));
    expect(useStore.getState().selection).toEqual({ kind: 'meeting', id: '2019-07-khaji-assad' });
  });

  it('shows attested role dates with an inferred mark, and a group’s kind in words', () => {
    let panel = show({ kind: 'actor', id: 'khaji' });
    const roles = panel.querySelector('.roles')!;
    expect(roles).toHaveTextContent('first attested 2 July 2019, last attested 30 September 2020 inferred');
    cleanup();
    panel = show({ kind: 'actor', id: 'syrian-officials' });
    expect(panel).toHaveTextContent('KindGroup of unnamed people');
  });

  it('renders provenance fields as text and never links a non-web address', () => {
    const ds = bundled();
    const endo = ds.sources.find((s) => s.id === '2020-khaji-endo-call')!;
    Object.assign(endo, { url: 'javascript:alert(1)', attribution: PAYLOAD, relation: PAYLOAD, urlNote: PAYLOAD, retrievedNote: PAYLOAD });
    const m = ds.meetings.find((x) => x.id === '2020-09-30-khaji-endo-call')!;
    m.corroboration![0]!.supports = PAYLOAD;
    const panel = show({ kind: 'meeting', id: m.id }, ds);
    expect(panel.querySelector('img')).toBeNull();
    expect(within(panel).queryByRole('link', { name: /javascript/ })).toBeNull();
    expect(panel).toHaveTextContent('javascript:alert(1) (not a web address; not linked)');
    expect(within(panel).getAllByText(PAYLOAD).length).toBeGreaterThanOrEqual(3);
  });
});
