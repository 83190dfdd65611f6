import type { DatasetIndex } from '../domain/indexes';
import { formatOrder } from '../domain/provenanceText';
import type { Meeting } from '../domain/schema';
import { useStore } from '../state/store';
import { meetingTitle } from './MeetingDetail';
import { SourceProvenance } from './SourceProvenance';

/** The trip or visit a contact belongs to, its place in the order the text gives, and the other contacts of it. */
export function OccasionFacts({ index, meeting: m }: { index: DatasetIndex; meeting: Meeting }) {
  const select = useStore((s) => s.select);
  if (!m.occasion && !m.partOfDay) return null;
  const occasion = m.occasion ? index.dataset.occasions?.find((o) => o.id === m.occasion) : undefined;
  const others = m.occasion ? index.meetings.filter((x) => x.occasion === m.occasion && x.id !== m.id) : [];
  return (
    <>
      {m.occasion && (
        <>
          <dt>Occasion</dt>
          <dd>
            {occasion?.label ?? m.occasion}
            {m.order !== undefined && <span className="muted">, {formatOrder(m.order)}</span>}
            {occasion?.note && <p className="note">{occasion.note}</p>}
            {others.length > 0 && (
              <ul className="occasion-others" aria-label="Other contacts on this occasion">
                {others.map((x) => (
                  <li key={x.id}>
                    <button type="button" className="link-button" onClick={() => select({ kind: 'meeting', id: x.id })}>
                      {meetingTitle(index, x)}
                    </button>
                    {x.order !== undefined && <span className="muted"> ({formatOrder(x.order)})</span>}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </>
      )}
      {m.partOfDay && (
        <>
          <dt>Time of day</dt>
          <dd>{m.partOfDay}</dd>
        </>
      )}
    </>
  );
}

/** Provenance of every text the record quotes, then the outside sources that corroborate a value, each labelled as such. */
export function MeetingSources({ index, meeting: m }: { index: DatasetIndex; meeting: Meeting }) {
  const quoted = [...new Set(m.evidence.map((e) => e.sourceId))].flatMap((id) => index.sourceById.get(id) ?? []);
  const outside = (m.corroboration ?? []).flatMap((c) => {
    const source = index.sourceById.get(c.sourceId);
    return source ? [{ source, supports: c.supports }] : [];
  });
  return (
    <>
      <h3>Sources</h3>
      {quoted.map((s) => (
        <SourceProvenance key={s.id} source={s} />
      ))}
      {outside.length > 0 && (
        <>
          <h3>Corroborating outside sources</h3>
          <p className="note">Reports consulted to check a value the record’s text does not show. They are not the record’s text and no quote is taken from them.</p>
          {outside.map(({ source, supports }, i) => (
            <SourceProvenance key={`${source.id}-${i}`} source={source} supports={supports} />
          ))}
        </>
      )}
    </>
  );
}
