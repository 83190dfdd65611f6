import { useMemo, useState } from 'react';
import { actorMeetingsIn, affiliationName, counterparts, headingName } from '../domain/actors';
import { formatRoleDates } from '../domain/provenanceText';
import { InferredMark } from './InferredMark';
import type { DatasetIndex } from '../domain/indexes';
import type { Actor } from '../domain/schema';
import { selectVisible } from '../state/selectors';
import { useStore } from '../state/store';
import { listEstimate, MeetingButtonList } from './MeetingButtonList';
import { usePaintedOnce } from './usePaintedOnce';
import { ActorAnalysis } from './analysis/ActorAnalysis';
import { TopicCounts } from './analysis/TopicCounts';

const PAGE = 50;
const ACTOR_KIND_LABELS: Record<Actor['kind'], string> = { person: 'Person', organization: 'Organization', group: 'Group of unnamed people' };

export function ActorDetail({ index, actor, headingId }: { index: DatasetIndex; actor: Actor; headingId: string }) {
  const select = useStore((s) => s.select);
  const toggle = useStore((s) => s.toggleFilterValue);
  const filtered = useStore((s) => s.filters.actors.includes(actor.id));
  const visible = useStore(selectVisible);
  const [shownCounterparts, setShownCounterparts] = useState(PAGE);
  const pos = index.actorPos.get(actor.id)!;
  const all = index.byActor[pos]!;
  // Date order, like everywhere else; only meetings the filters let through are listed.
  const mine = useMemo(() => actorMeetingsIn(index, pos, visible), [index, pos, visible]);
  const nameOf = (id: string) => index.actors[index.actorPos.get(id)!]!.name;
  const hidden = all.length - mine.length;
  const heading = headingName(actor);
  // Centrality loads and computes its code once the page is idle; the long lists follow the first frame.
  const analysisShown = usePaintedOnce(actor.id, 'idle');
  const listsShown = usePaintedOnce(actor.id, 'frame');
  const met = useMemo(() => (listsShown ? counterparts(index, actor.id) : []), [index, actor.id, listsShown]);

  return (
    <article className="detail">
      <h2 id={headingId} tabIndex={-1}>
        <bdi title={heading === actor.name ? undefined : actor.name}>{heading}</bdi>
      </h2>
      <dl className="facts">
        {heading !== actor.name && (
          <>
            <dt>Full name</dt>
            <dd>
              <bdi>{actor.name}</bdi>
            </dd>
          </>
        )}
        <dt>Affiliation</dt>
        <dd>
          {affiliationName(index, actor.affiliation)} <span className="facet-code">{actor.affiliation}</span>
        </dd>
        <dt>Kind</dt>
        <dd>{ACTOR_KIND_LABELS[actor.kind]}</dd>
        {actor.aliases.length > 0 && (
          <>
            <dt>Also known as</dt>
            <dd>{actor.aliases.join(', ')}</dd>
          </>
        )}
      </dl>
      {actor.note && <p className="note">{actor.note}</p>}
      <button type="button" onClick={() => toggle('actors', actor.id)}>
        {filtered ? 'Stop filtering to this actor' : 'Filter to this actor'}
      </button>
      {analysisShown ? (
        <ActorAnalysis actor={actor} />
      ) : (
        <div className="actor-analysis">
          <h3>Centrality in the current network</h3>
          <p className="muted">…</p>
        </div>
      )}
      <h3>Topics of the meetings shown</h3>
      <TopicCounts index={index} positions={mine} label={`Topics of ${actor.name}’s meetings`} />
      <h3>Roles over time</h3>
      {actor.roles.length ? (
        <ul className="roles">
          {actor.roles.map((r, i) => (
            <li key={i}>
              <strong>{r.title}</strong>, {formatRoleDates(r)}
              {r.inferred && <> <InferredMark what="role dates" /></>}
              {r.note && <p className="note">{r.note}</p>}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No roles recorded.</p>
      )}
      <h3>Met with</h3>
      {!listsShown ? (
        <p className="muted">…</p>
      ) : met.length ? (
        <>
          <ul className="counterparts" aria-label="Counterparts" style={listEstimate(Math.min(shownCounterparts, met.length), 1.75)}>
            {met.slice(0, shownCounterparts).map((c) => (
              <li key={c.actorId}>
                <button type="button" className="link-button" onClick={() => select({ kind: 'edge', a: actor.id, b: c.actorId })}>
                  <bdi>{nameOf(c.actorId)}</bdi>: {c.count} {c.count === 1 ? 'meeting' : 'meetings'}
                </button>
              </li>
            ))}
          </ul>
          {met.length > shownCounterparts && (
            <button type="button" onClick={() => setShownCounterparts((n) => n + PAGE)}>
              Show more counterparts ({met.length - shownCounterparts} left)
            </button>
          )}
        </>
      ) : (
        <p className="muted">No counterparts.</p>
      )}
      <h3>Meetings</h3>
      {hidden > 0 && (
        <p className="muted">
          {hidden} of {all.length} {all.length === 1 ? 'meeting is' : 'meetings are'} hidden by the current filters.
        </p>
      )}
      {listsShown && mine.length > 0 && <MeetingButtonList index={index} positions={mine} label={`Meetings of ${actor.name}`} />}
    </article>
  );
}
