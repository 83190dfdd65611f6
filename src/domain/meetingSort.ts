import type { DatasetIndex } from './indexes';

export type MeetingSortKey = 'date' | 'type' | 'participants';
export type SortDirection = 'ascending' | 'descending';

const participantLabels = new WeakMap<DatasetIndex, string[]>();

/** "Ali Asghar Khaji, Bashar al-Assad": participants' names in dataset order, cached per index. */
export function participantLabel(index: DatasetIndex, pos: number): string {
  let labels = participantLabels.get(index);
  if (!labels) participantLabels.set(index, (labels = new Array<string>(index.meetings.length)));
  return (labels[pos] ??= index.meetings[pos]!.participants
    .map((p) => {
      const a = index.actorPos.get(p.actorId);
      return a === undefined ? p.actorId : index.actors[a]!.name;
    })
    .join(', '));
}

/**
 * Meetings in table order. `visible` is already in date order, so date sorting is free and every
 * other key breaks ties by date (Array sort is stable).
 */
export function sortMeetings(index: DatasetIndex, visible: Int32Array, key: MeetingSortKey, dir: SortDirection): Int32Array {
  let out: Int32Array;
  if (key === 'date') out = visible.slice();
  else {
    const collator = new Intl.Collator('en', { sensitivity: 'base' });
    const label = key === 'type' ? (i: number) => index.meetings[i]!.type : (i: number) => participantLabel(index, i);
    const labels = new Map<number, string>();
    for (const i of visible) labels.set(i, label(i));
    out = Int32Array.from(Array.from(visible).sort((a, b) => collator.compare(labels.get(a)!, labels.get(b)!)));
  }
  return dir === 'descending' ? out.reverse() : out;
}
