import { useEffect, useId } from 'react';
import type { DatasetIndex } from '../domain/indexes';
import { selectIndex } from '../state/selectors';
import { useStore } from '../state/store';
import type { Selection } from '../state/types';
import { ActorDetail } from './ActorDetail';
import { EdgeDetail } from './EdgeDetail';
import { MeetingDetail } from './MeetingDetail';
import './components.css';

const actorOf = (index: DatasetIndex, id: string) => {
  const pos = index.actorPos.get(id);
  return pos === undefined ? null : index.actors[pos]!;
};

function describeMissing(selection: Selection): string {
  if (selection.kind === 'edge') return `The link names a connection between “${selection.a}” and “${selection.b}”, which is not in this dataset.`;
  return `The link names ${selection.kind === 'meeting' ? 'a meeting' : 'an actor'} “${selection.id}” that is not in this dataset.`;
}

/** Everything known about the selected meeting, actor or pair; Escape or the close button clears the selection. */
export function DetailPanel() {
  const index = useStore(selectIndex);
  const selection = useStore((s) => s.selection);
  const select = useStore((s) => s.select);
  const headingId = useId();

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      // Escape in a text field belongs to the field (clearing a search, closing a picker).
      const t = e.target as HTMLElement | null;
      if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT')) return;
      if (useStore.getState().selection) useStore.getState().select(null);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  if (!index || !selection) return null;

  let body: React.ReactNode;
  const key = selection.kind === 'edge' ? `edge:${selection.a}|${selection.b}` : `${selection.kind}:${selection.id}`;
  if (selection.kind === 'meeting') {
    const pos = index.meetingPos.get(selection.id);
    body = pos !== undefined && <MeetingDetail key={key} index={index} meeting={index.meetings[pos]!} headingId={headingId} />;
  } else if (selection.kind === 'actor') {
    const actor = actorOf(index, selection.id);
    body = actor && <ActorDetail key={key} index={index} actor={actor} headingId={headingId} />;
  } else {
    const a = actorOf(index, selection.a);
    const b = actorOf(index, selection.b);
    body = a && b && <EdgeDetail key={key} index={index} a={a} b={b} headingId={headingId} />;
  }
  if (!body) {
    body = (
      <div className="detail">
        <h2 id={headingId} tabIndex={-1}>
          Not found
        </h2>
        <p>{describeMissing(selection)}</p>
      </div>
    );
  }

  return (
    <section className="detail-panel" aria-labelledby={headingId}>
      <button type="button" className="close-details" aria-label="Close details" onClick={() => select(null)}>
        ×
      </button>
      {body}
    </section>
  );
}
