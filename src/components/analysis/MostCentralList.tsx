import type { ActorGraph } from '../../domain/graph';
import type { DatasetIndex } from '../../domain/indexes';
import { formatMetric, METRIC_DEFINITION, METRIC_LABEL, type SizeMetric } from '../../domain/analysis/metricNames';
import { topEntries } from '../../domain/analysis/ranking';
import { useMemo } from 'react';
import { idsOf, useMetric } from '../../state/analysis/useAnalysis';
import { useStore } from '../../state/store';

export const TOP_N = 10;

/** Top actors of the network as drawn by the chosen measure; choosing one selects the actor. */
export function MostCentralList({ graph, index, metric }: { graph: ActorGraph; index: DatasetIndex; metric: SizeMetric }) {
  const values = useMetric(graph, metric);
  const selectedActor = useStore((s) => (s.selection?.kind === 'actor' ? s.selection.id : null));
  // Per graph and measure, not per render: the list re-renders with every selection.
  const entries = useMemo(() => (values ? topEntries(idsOf(graph), values, TOP_N) : []), [graph, values]);
  const nameOf = (id: string) => index.actors[index.actorPos.get(id) ?? -1]?.name ?? id;
  const headingId = 'most-central-heading';
  return (
    <section className="most-central" aria-labelledby={headingId}>
      <h3 id={headingId} className="analysis-heading">
        Most central by {METRIC_LABEL[metric].toLowerCase()}
      </h3>
      <p className="analysis-definition">{METRIC_LABEL[metric]}: {METRIC_DEFINITION[metric]}.</p>
      {!graph.nodes.length ? (
        <p className="muted">No actors in the current network.</p>
      ) : !values ? (
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
