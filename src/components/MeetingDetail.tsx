import { Fragment } from 'react';
import { rolesAt, affiliationName, headingName } from '../domain/actors';
import { formatPrecisionDate } from '../domain/dates';
import { formatDayBounds, PRECISION_WORDS } from '../domain/dateText';
import type { DatasetIndex } from '../domain/indexes';
import type { Meeting } from '../domain/schema';
import { useStore } from '../state/store';
import { EvidenceQuote } from './EvidenceQuote';
import { LongText } from './LongText';
import { meetingTypeLabel } from '../domain/meetingTypes';
import { participantRoleText } from '../domain/provenanceText';
import { InferredMark } from './InferredMark';
import { MeetingSources, OccasionFacts } from './MeetingProvenance';


export function meetingTitle(index: DatasetIndex, m: Meeting): string {
  const names = m.participants.map((p) => {
    const pos = index.actorPos.get(p.actorId);
    return pos === undefined ? p.actorId : index.actors[pos]!.name;
  });
  return `${names.join(', ')} · ${formatPrecisionDate(m.date)}`;
}

/** meetingTitle as elements: each name isolated, so a right-to-left override cannot reorder its neighbours. */
function MeetingHeading({ index, meeting: m }: { index: DatasetIndex; meeting: Meeting }) {
  return (
    <>
      {m.participants.map((p, i) => {
        const actor = index.actorPos.has(p.actorId) ? index.actors[index.actorPos.get(p.actorId)!]! : null;
        // A group's long description is shortened here; the participants list below gives it in full.
        const name = actor ? headingName(actor) : p.actorId;
        return (
          <Fragment key={p.actorId}>
            {i > 0 && ', '}
            <bdi title={actor && name !== actor.name ? actor.name : undefined}>{name}</bdi>
          </Fragment>
        );
      })}
      {' · '}
      {formatPrecisionDate(m.date)}
    </>
  );
}

export function MeetingDetail({ index, meeting: m, headingId }: { index: DatasetIndex; meeting: Meeting; headingId: string }) {
  const select = useStore((s) => s.select);
  return (
    <article className="detail">
      <h2 id={headingId} tabIndex={-1}>
        <MeetingHeading index={index} meeting={m} />
      </h2>
      <dl className="facts">
        <dt>Date</dt>
        <dd>
          {formatPrecisionDate(m.date)} ({PRECISION_WORDS[m.datePrecision]})
          {m.datePrecision !== 'day' || m.earliest !== m.latest ? `, ${formatDayBounds(m.earliest, m.latest)}` : ''}
          {m.dateInferred && <> <InferredMark what="date" /></>}
          <p className="note"><LongText text={m.dateNote} /></p>
        </dd>
        <dt>Type</dt>
        <dd>
          {meetingTypeLabel(m.type)} <span className="muted">(CAMEO {m.cameo})</span>
        </dd>
        <dt>Location</dt>
        <dd>
          {m.location ? <bdi>{m.location}</bdi> : 'Not stated'}
          {m.coordinates && ` (${m.coordinates.latitude}, ${m.coordinates.longitude})`}
          {m.locationInferred && <> <InferredMark what="location" /></>}
          {m.locationNote && <p className="note"><LongText text={m.locationNote} /></p>}
        </dd>
        <OccasionFacts index={index} meeting={m} />
      </dl>
      <h3>Participants</h3>
      <ul className="participants">
        {m.participants.map((p) => {
          const pos = index.actorPos.get(p.actorId);
          const actor = pos === undefined ? null : index.actors[pos]!;
          if (!actor) return <li key={p.actorId}><bdi>{p.actorId}</bdi> (not in this dataset)</li>;
          const held = rolesAt(actor, m).map((r) => r.title);
          const given = participantRoleText(p.role);
          const role = held.length ? held.join('; ') : given;
          return (
            <li key={p.actorId}>
              <button type="button" className="link-button" onClick={() => select({ kind: 'actor', id: actor.id })}>
                <bdi>{actor.name}</bdi>
              </button>{' '}
              <span className="facet-code" title={affiliationName(index, actor.affiliation)}>
                {actor.affiliation}
              </span>
              {role && <span className="role">, <bdi>{role}</bdi></span>}
              {held.length > 0 && given && <span className="muted"> (<bdi>{given}</bdi>)</span>}
            </li>
          );
        })}
      </ul>
      {m.topics.length > 0 && (
        <>
          <h3>Topics</h3>
          <ul className="topic-list">
            {m.topics.map((t) => (
              <li key={t} title={index.topicById.get(t)?.description}>
                <bdi>{index.topicById.get(t)?.label ?? t}</bdi>
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>Summary</h3>
      <p dir="auto"><LongText text={m.summary} /></p>
      <h3>Evidence</h3>
      {m.evidence.map((e, i) => (
        <EvidenceQuote
          key={i}
          quote={e.quote}
          locator={e.locator}
          source={index.sourceById.get(e.sourceId)}
          context={e.context}
          topics={e.topics?.map((t) => index.topicById.get(t)?.label ?? t)}
        />
      ))}
      <MeetingSources index={index} meeting={m} />
    </article>
  );
}
