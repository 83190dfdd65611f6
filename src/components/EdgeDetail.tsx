import { headingName } from '../domain/actors';
import { meetingsBetween } from '../domain/graph';
import type { DatasetIndex } from '../domain/indexes';
import type { Actor } from '../domain/schema';
import { selectVisible } from '../state/selectors';
import { useStore } from '../state/store';
import { MeetingButtonList } from './MeetingButtonList';
import { TopicCounts } from './analysis/TopicCounts';

export function EdgeDetail({ index, a, b, headingId }: { index: DatasetIndex; a: Actor; b: Actor; headingId: string }) {
  const visible = useStore(selectVisible);
  const select = useStore((s) => s.select);
  const between = meetingsBetween(index, visible, a.id, b.id);
  const everywhere = meetingsBetween(index, index.order, a.id, b.id).length;
  return (
    <article className="detail">
      <h2 id={headingId} tabIndex={-1}>
        <HeadingName actor={a} /> and <HeadingName actor={b} />
      </h2>
      <p>
        <button type="button" className="link-button" onClick={() => select({ kind: 'actor', id: a.id })}>
          <bdi>{a.name}</bdi>
        </button>
        {' · '}
        <button type="button" className="link-button" onClick={() => select({ kind: 'actor', id: b.id })}>
          <bdi>{b.name}</bdi>
        </button>
      </p>
      <h3>
        {between.length} {between.length === 1 ? 'meeting' : 'meetings'} between them
      </h3>
      {everywhere > between.length && (
        <p className="muted">
          {everywhere - between.length} more {everywhere - between.length === 1 ? 'is' : 'are'} hidden by the current filters.
        </p>
      )}
      <h3>Topics</h3>
      <TopicCounts index={index} positions={between} label={`Topics of the meetings between ${a.name} and ${b.name}`} />
      {between.length > 0 && <MeetingButtonList index={index} positions={between} label={`Meetings between ${a.name} and ${b.name}`} />}
    </article>
  );
}

/** A group's short heading name (see headingName); the buttons under the heading give the full names. */
function HeadingName({ actor }: { actor: Actor }) {
  const name = headingName(actor);
  return <bdi title={name === actor.name ? undefined : actor.name}>{name}</bdi>;
}
