import { useState, type CSSProperties } from 'react';
import { formatPrecisionDate } from '../domain/dates';
import type { DatasetIndex } from '../domain/indexes';
import { useStore } from '../state/store';

const PAGE = 50;

/** A list's height before it is laid out (components.css): `rem` per item, a summary wraps to a few lines. */
export const listEstimate = (items: number, remPerItem: number) => ({ '--list-estimate': `${items * remPerItem}rem` }) as CSSProperties;

interface MeetingButtonListProps {
  index: DatasetIndex;
  positions: ArrayLike<number>;
  label: string;
}

/** Meetings as buttons that open them; long lists grow a page at a time. */
export function MeetingButtonList({ index, positions, label }: MeetingButtonListProps) {
  const [shown, setShown] = useState(PAGE);
  const select = useStore((s) => s.select);
  const items = Array.from({ length: Math.min(shown, positions.length) }, (_, k) => index.meetings[positions[k]!]!);
  return (
    <>
      <ul className="meeting-list" aria-label={label} style={listEstimate(items.length, 6)}>
        {items.map((m) => (
          <li key={m.id}>
            <button type="button" className="link-button" onClick={() => select({ kind: 'meeting', id: m.id })}>
              <span className="meeting-date">{formatPrecisionDate(m.date)}</span>: <bdi>{m.summary}</bdi>
            </button>
          </li>
        ))}
      </ul>
      {positions.length > shown && (
        <button type="button" onClick={() => setShown((n) => n + PAGE)}>
          Show more ({(positions.length - shown).toLocaleString('en')} left)
        </button>
      )}
    </>
  );
}
