import { Fragment, useMemo, useState } from 'react';
import { formatPrecisionDate } from '../domain/dates';
import { isHighlightedMeeting } from '../domain/derive';
import { sortMeetings, type MeetingSortKey, type SortDirection } from '../domain/meetingSort';
import { selectIndex, selectSelectionHighlight, selectVisible } from '../state/selectors';
import { useStore } from '../state/store';
import { EmptyResults } from './EmptyResults';
import type { DatasetIndex } from '../domain/indexes';
import { meetingTypeLabel } from '../domain/meetingTypes';
import './components.css';
import { InferredMark } from './InferredMark';

export const TABLE_PAGE = 100;

/** Each name isolated: a right-to-left override in one cannot reorder the names next to it. */
function ParticipantNames({ index, pos }: { index: DatasetIndex; pos: number }) {
  return index.meetings[pos]!.participants.map((p, i) => {
    const a = index.actorPos.get(p.actorId);
    return (
      <Fragment key={p.actorId}>
        {i > 0 && ', '}
        <bdi>{a === undefined ? p.actorId : index.actors[a]!.name}</bdi>
      </Fragment>
    );
  });
}

const SORTABLE: { key: MeetingSortKey; label: string }[] = [
  { key: 'date', label: 'Date' },
  { key: 'type', label: 'Type' },
  { key: 'participants', label: 'Participants' },
];

/** The accessible alternative to the charts: every filtered meeting, a page at a time. */
export function MeetingTable() {
  const index = useStore(selectIndex);
  const visible = useStore(selectVisible);
  const highlight = useStore(selectSelectionHighlight);
  const selectedId = useStore((s) => (s.selection?.kind === 'meeting' ? s.selection.id : null));
  const select = useStore((s) => s.select);
  const [sort, setSort] = useState<{ key: MeetingSortKey; dir: SortDirection }>({ key: 'date', dir: 'ascending' });
  const [shown, setShown] = useState(TABLE_PAGE);
  const [pagedFor, setPagedFor] = useState({ visible, sort });

  // A new result set or order starts again at the first page.
  if (pagedFor.visible !== visible || pagedFor.sort !== sort) {
    setPagedFor({ visible, sort });
    setShown(TABLE_PAGE);
  }
  const rows = useMemo(() => (index ? sortMeetings(index, visible, sort.key, sort.dir) : visible), [index, visible, sort]);
  if (!index) return null;
  if (!visible.length) return <EmptyResults />;

  const page = rows.subarray(0, Math.min(shown, rows.length));
  const toggleSort = (key: MeetingSortKey) =>
    setSort((s) => ({ key, dir: s.key === key && s.dir === 'ascending' ? 'descending' : 'ascending' }));
  const sortLabel = SORTABLE.find((c) => c.key === sort.key)!.label;

  return (
    <div className="meeting-table">
      <table>
        <caption>
          Meetings: showing {page.length.toLocaleString('en')} of {rows.length.toLocaleString('en')}, sorted by {sortLabel.toLowerCase()} ({sort.dir})
        </caption>
        <thead>
          <tr>
            {SORTABLE.map((c) => (
              <th key={c.key} scope="col" aria-sort={sort.key === c.key ? sort.dir : 'none'}>
                <button type="button" className="sort-button" onClick={() => toggleSort(c.key)}>
                  {c.label}
                  <span aria-hidden="true" className="sort-indicator">
                    {sort.key === c.key ? (sort.dir === 'ascending' ? ' ▲' : ' ▼') : ' ↕'}
                  </span>
                </button>
              </th>
            ))}
            <th scope="col">Topics</th>
            <th scope="col">Location</th>
            <th scope="col">Summary</th>
          </tr>
        </thead>
        <tbody>
          {Array.from(page, (pos) => {
            const m = index.meetings[pos]!;
            const isSelected = m.id === selectedId;
            const isRelated = !isSelected && isHighlightedMeeting(highlight, pos);
            return (
              <tr key={m.id} className={isSelected ? 'selected' : isRelated ? 'related' : undefined} aria-current={isSelected || undefined}>
                <td>
                  <button type="button" className="link-button" onClick={() => select({ kind: 'meeting', id: m.id })}>
                    {formatPrecisionDate(m.date)}
                  </button>
                  {m.dateInferred && <> <InferredMark what="date" /></>}
                  {isSelected && <span className="row-flag">Selected</span>}
                  {isRelated && <span className="row-flag">Related</span>}
                </td>
                <td>{meetingTypeLabel(m.type)}</td>
                <td><ParticipantNames index={index} pos={pos} /></td>
                <td>
                  {m.topics.map((t, i) => (
                    <Fragment key={t}>
                      {i > 0 && ', '}
                      <bdi>{index.topicById.get(t)?.label ?? t}</bdi>
                    </Fragment>
                  ))}
                </td>
                <td>
                  {m.location ? <bdi>{m.location}</bdi> : '—'}
                  {m.locationInferred && <> <InferredMark what="location" /></>}
                </td>
                <td className="summary-cell" dir="auto">{m.summary}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {rows.length > shown && (
        <button type="button" className="show-more" onClick={() => setShown((n) => n + TABLE_PAGE)}>
          Show {Math.min(TABLE_PAGE, rows.length - shown)} more ({(rows.length - shown).toLocaleString('en')} not shown)
        </button>
      )}
    </div>
  );
}
