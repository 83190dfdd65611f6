import { formatMetric, METRIC_DEFINITION, METRIC_LABEL, type SizeMetric } from '../../domain/analysis/metricNames';
import { topEntries } from '../../domain/analysis/ranking';
import { useMemo } from 'react';
import { idsOf, useMetric } from '../../state/analysis/useAnalysis';
import { useStore } from '../../state/store';
import { TOP_N, type NetworkPicture } from '../../viz/network/networkPicture';

export { TOP_N };

/**
 * Top actors of the network as shown (the whole network, not only its drawn part) by the chosen measure; choosing
 * one selects the actor. The ranking comes with the picture from the query worker for the counted measures, or is
 * computed over the whole network the page built.
 */
export function MostCentralList({ picture, metric }: { picture: NetworkPicture; metric: SizeMetric }) {
  const { whole, index } = picture;
  const values = useMetric(whole, metric);
  const selectedActor = useStore((s) => (s.selection?.kind === 'actor' ? s.selection.id : null));
  // Per graph and measure, not per render: the list re-renders with every selection.
  const entries = useMemo(() => {
    if (whole) return values ? topEntries(idsOf(whole), values, TOP_N) : null;
    return picture.measure?.name === metric ? picture.measure.top : null;
  }, [whole, values, picture, metric]);
  const nameOf = (id: string) => index.actors[index.actorPos.get(id) ?? -1]?.name ?? id;
  const headingId = 'most-central-heading';
  return (
    <section className="most-central" aria-labelledby={headingId}>
      <h3 id={headingId} className="analysis-heading">
        Most central by {METRIC_LABEL[metric].toLowerCase()}
      </h3>
      <p className="analysis-definition">{METRIC_LABEL[metric]}: {METRIC_DEFINITION[metric]}.</p>
      {!picture.totalActors ? (
        <p className="muted">No actors in the current network.</p>
      ) : !entries ? (
        <p className="muted" role="status">Computing {METRIC_LABEL[metric].toLowerCase()}…</p>
      ) : (
        <ol className="most-central-list" aria-label={`Most central actors by ${METRIC_LABEL[metric].toLowerCase()}`}>
          {entries.map((e) => (
            <li key={e.id}>
              <button
                type="button"
                className="most-central-entry"
                aria-pressed={selectedActor === e.id}
                onClick={() => useStore.getState().select({ kind: 'actor', id: e.id })}
              >
                <span className="most-central-rank">{e.rank}.</span> <span className="most-central-name">{nameOf(e.id)}</span>{' '}
                <span className="most-central-value">{formatMetric(metric, e.value)}</span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
