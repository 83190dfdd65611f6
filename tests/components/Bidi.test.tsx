import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DetailPanel } from '../../src/components/DetailPanel';
import { MeetingTable } from '../../src/components/MeetingTable';
import { Notices } from '../../src/components/Notices';
import { FSI, PDI } from '../../src/domain/bidi';
import type { Dataset } from '../../src/domain/schema';
import { initialDataUrl } from '../../src/state/url/bindUrl';
import { useStore } from '../../src/state/store';
import { toTimelineItem } from '../../src/viz/timeline/toTimelineItems';
import { loadIntoStore, smallDataset, smallIndex } from '../fixtures/smallDataset';

/** A right-to-left override that is never closed: without isolation it reverses everything after it. */
const RLO_NAME = 'Ali \u202EKhaji';

function rtlDataset(): Dataset {
  const ds = structuredClone(smallDataset);
  const khaji = ds.actors.find((a) => a.id === 'khaji')!;
  khaji.name = RLO_NAME;
  ds.meetings.find((m) => m.id === 'm-khaji-assad-2019')!.location = '\u202EDamascus';
  return ds;
}

/** Each element whose whole text is `text` must be a <bdi> (or sit directly inside one). */
function expectIsolated(container: HTMLElement, text: string, atLeast: number) {
  const holders = Array.from(container.querySelectorAll('*')).filter(
    (el) => el.textContent === text && Array.from(el.childNodes).every((n) => n.nodeType === Node.TEXT_NODE),
  );
  expect(holders.length).toBeGreaterThanOrEqual(atLeast);
  for (const el of holders) expect(el.closest('bdi'), `${el.tagName} holding ${JSON.stringify(text)} is not isolated`).not.toBeNull();
}

describe('bidirectional text in data is isolated', () => {
  afterEach(cleanup);

  it('a name with U+202E sits in its own <bdi> in the detail heading and the table', () => {
    loadIntoStore(rtlDataset());
    act(() => useStore.getState().select({ kind: 'meeting', id: 'm-khaji-assad-2019' }));
    const { container } = render(
      <>
        <MeetingTable />
        <DetailPanel />
      </>,
    );
    const heading = screen.getByRole('heading', { level: 2 });
    const headingNames = Array.from(heading.querySelectorAll('bdi'), (b) => b.textContent);
    expect(headingNames).toContain(RLO_NAME);
    // The date after the names stays outside every isolate, so the override cannot reach it.
    expect(heading.lastChild?.textContent).toBe('July 2019');
    const table = screen.getByRole('table');
    expectIsolated(table, RLO_NAME, 2);
    expectIsolated(table, '\u202EDamascus', 1);
    expectIsolated(container.querySelector('.detail')!, RLO_NAME, 2);
  });

  it('values quoted in notices and labels drawn as plain text are wrapped in FSI … PDI', () => {
    history.replaceState(null, '', `/?data=${encodeURIComponent('https://\u202Eevil.example/x.json')}`);
    initialDataUrl();
    render(<Notices />);
    expect(screen.getByRole('alert').textContent).toContain(`data=${FSI}https://\u202Eevil.example/x.json${PDI}: a link`);
    history.replaceState(null, '', '/');

    const index = smallIndex(rtlDataset());
    const pos = index.meetings.findIndex((m) => m.id === 'm-khaji-assad-2019');
    const item = toTimelineItem(index, pos);
    expect(item.label).toContain(`${FSI}\u202EKhaji${PDI} · ${FSI}Assad${PDI}`);
    expect(item.tooltip[1]).toContain(`${FSI}${RLO_NAME}${PDI}`);
  });
});
