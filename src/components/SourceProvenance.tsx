import { formatIsoDay } from '../domain/dates';
import type { Source } from '../domain/schema';
import { safeHref } from './EvidenceQuote';

/**
 * Where a source's text comes from: its address (shown as missing when unknown, never hidden), when it was retrieved,
 * who published or relays it, and how it relates to other texts. Everything is rendered as text.
 */
export function SourceProvenance({ source, supports }: { source: Source; supports?: string }) {
  const href = safeHref(source.url);
  return (
    // A group, not a region: a landmark per source would crowd the page's landmarks.
    <div className="source-provenance" role="group" aria-label={`Provenance: ${source.title}`}>
      <h4>
        {source.title}
        {source.corroborating && <span className="provenance-kind"> (outside source, corroborating: not the record’s text)</span>}
      </h4>
      <dl className="facts">
        <dt>Publisher</dt>
        <dd>
          {source.publisher ?? 'not named in the text'}
          {source.publisherNote && <p className="note">{source.publisherNote}</p>}
        </dd>
        <dt>Published</dt>
        <dd>
          {source.published ? formatIsoDay(source.published) : 'undated'}
          {source.publishedNote && <p className="note">{source.publishedNote}</p>}
        </dd>
        <dt>URL</dt>
        <dd>
          {href ? (
            <a href={href} rel="noopener noreferrer" target="_blank" className="source-url">
              {source.url}
            </a>
          ) : source.url ? (
            <span className="source-url">{source.url} (not a web address; not linked)</span>
          ) : (
            <span className="missing">missing: not known</span>
          )}
          {source.urlNote && <p className="note">{source.urlNote}</p>}
        </dd>
        <dt>Retrieved</dt>
        <dd>
          {source.retrieved ? formatIsoDay(source.retrieved) : <span className="missing">not recorded</span>}
          {source.retrievedNote && <p className="note">{source.retrievedNote}</p>}
        </dd>
        {source.attribution && (
          <>
            <dt>Attribution</dt>
            <dd>{source.attribution}</dd>
          </>
        )}
        {source.relation && (
          <>
            <dt>Relation</dt>
            <dd>{source.relation}</dd>
          </>
        )}
        {supports && (
          <>
            <dt>Supports</dt>
            <dd>{supports}</dd>
          </>
        )}
      </dl>
    </div>
  );
}
