import { useEffect, useMemo, useState } from 'react';
import { actorMeetingsIn, affiliationName, counterparts, headingName } from '../domain/actors';
import { formatRoleDates } from '../domain/provenanceText';
import { InferredMark } from './InferredMark';
import type { DatasetIndex } from '../domain/indexes';
import type { Actor } from '../domain/schema';
import { selectVisible } from '../state/selectors';
import { useStore } from '../state/store';
import { listEstimate, MeetingButtonList } from './MeetingButtonList';
import { ActorAnalysis } from './analysis/ActorAnalysis';
import { TopicCounts } from './analysis/TopicCounts';

const PAGE = 50;
const ACTOR_KIND_LABELS: Record<Actor['kind'], string> = { person: 'Person', organization: 'Organization', group: 'Group of unnamed people' };

/** Longest the centrality waits for an idle moment after the selection is painted. */
const ANALYSIS_IDLE_TIMEOUT_MS = 300;

/**
 * Whether the frame that first shows `key` has been painted and the page has had an idle moment since.
 * Centrality starts loading and computing the analysis code when it mounts (tens of milliseconds at the
 * bundled size, on this thread): that waits until the selection itself is on screen and what the click
 * set going (the timeline's item update and redraw) is done. Started by a timer right after the frame,
 * its tasks ran between that frame and the next, ahead of the timeline's redraw and of anything else queued.
 */
function usePaintedOnce(key: string): boolean {
  const [painted, setPainted] = useState<string | null>(null);
  useEffect(() => {
    if (painted === key) return;
    let cancelLater: (() => void) | undefined;
    const frame = requestAnimationFrame(() => {
      const show = () => setPainted(key);
      if (typeof requestIdleCallback === 'function') {
        const idle = requestIdleCallback(show, { timeout: ANALYSIS_IDLE_TIMEOUT_MS });
        cancelLater = () => cancelIdleCallback(idle);
      } else {
        const timer = setTimeout(show, 0);
        cancelLater = () => clearTimeout(timer);
      }
    });
    return () => {
      cancelAnimationFrame(frame);
      cancelLater?.();
    };
  }, [key, painted]);
  return painted === key;
}

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
  const met = useMemo(() => counterparts(index, actor.id), [index, actor.id]);
  const nameOf = (id: string) => index.actors[index.actorPos.get(id)!]!.name;
  const hidden = all.length - mine.length;
  const heading = headingName(actor);
  const analysisShown = usePaintedOnce(actor.id);

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
      {met.length ? (
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
      {mine.length > 0 && <MeetingButtonList index={index} positions={mine} label={`Meetings of ${actor.name}`} />}
    </article>
  );
}
