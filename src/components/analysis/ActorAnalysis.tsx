import { useState } from 'react';
import { formatMetric, METRIC_DEFINITION, METRIC_LABEL, METRICS, type MetricName } from '../../domain/analysis/metricNames';
import { ranksOf } from '../../domain/analysis/ranking';
import type { Actor } from '../../domain/schema';
import { PRIORITY } from '../../state/analysis/analysisRunner';
import { selectShownGraph } from '../../state/analysis/shownGraph';
import { idsOf, useMetric } from '../../state/analysis/useAnalysis';
import { useStore } from '../../state/store';
import type { ActorGraph } from '../../domain/graph';

/** Above this many actors + links, measures wait for a click: betweenness there runs for seconds. */
export const AUTO_METRICS_MAX_SIZE = 10_000;

/** The actor's centrality in the network as drawn, and the way into its ego network. */
export function ActorAnalysis({ actor }: { actor: Actor }) {
  const graph = useStore(selectShownGraph);
  const ego = useStore((s) => s.analysis.ego);
  const setAnalysis = useStore((s) => s.setAnalysis);
  const [asked, setAsked] = useState<ActorGraph | null>(null);
  const position = graph.nodes.findIndex((n) => n.id === actor.id);
  const small = graph.nodes.length + graph.edges.length <= AUTO_METRICS_MAX_SIZE;
  const enabled = position >= 0 && (small || asked === graph);
  return (
    <div className="actor-analysis">
      <h3>Centrality in the current network</h3>
      {position < 0 ? (
        <p className="muted">Not in the network as currently filtered.</p>
      ) : enabled ? (
        <table className="actor-metrics">
          <caption className="visually-hidden">Measures of {actor.name} among {graph.nodes.length} actors</caption>
          <thead>
            <tr>
              <th scope="col">Measure</th>
              <th scope="col">Value</th>
              <th scope="col">Rank of {graph.nodes.length}</th>
            </tr>
          </thead>
          <tbody>
            {METRICS.map((m) => (
              <MetricRow key={m} graph={graph} metric={m} position={position} />
            ))}
          </tbody>
        </table>
      ) : (
        <button type="button" onClick={() => setAsked(graph)}>
          Compute centrality ({graph.nodes.length.toLocaleString('en')} actors)
        </button>
      )}
      <div className="ego-actions" role="group" aria-label="Ego network">
        <button type="button" aria-pressed={ego?.actor === actor.id && ego.depth === 1} onClick={() => setAnalysis({ ego: { actor: actor.id, depth: 1 } })}>
          Show only {actor.name}’s counterparts
        </button>{' '}
        <button type="button" aria-pressed={ego?.actor === actor.id && ego.depth === 2} onClick={() => setAnalysis({ ego: { actor: actor.id, depth: 2 } })}>
          …and theirs (2 steps)
        </button>
      </div>
    </div>
  );
}

function MetricRow({ graph, metric, position }: { graph: ActorGraph; metric: MetricName; position: number }) {
  const values = useMetric(graph, metric, true, PRIORITY.panel);
  const ranks = values ? ranksOf(idsOf(graph), values) : null;
  return (
    <tr>
      <th scope="row" title={METRIC_DEFINITION[metric]}>
        {METRIC_LABEL[metric]}
      </th>
      <td>{values ? formatMetric(metric, values[position]!) : '…'}</td>
      <td>{ranks ? ranks[position] : '…'}</td>
    </tr>
  );
}
