import { useDeferredValue, useState } from 'react';
import { formatMetric, METRIC_DEFINITION, METRIC_LABEL, METRICS, type MetricName } from '../../domain/analysis/metricNames';
import { ranksOf } from '../../domain/analysis/ranking';
import type { Actor } from '../../domain/schema';
import { PRIORITY } from '../../state/analysis/analysisRunner';
import { selectShownGraph } from '../../state/analysis/shownGraph';
import { idsOf, useMetric } from '../../state/analysis/useAnalysis';
import { useStore } from '../../state/store';
import type { ActorGraph } from '../../domain/graph';
import { selectIndex } from '../../state/selectors';
import { pictureKey, useDrawnPicture } from '../../viz/network/networkPicture';

/** Above this many actors + links, measures wait for a click: betweenness there runs for seconds. */
export const AUTO_METRICS_MAX_SIZE = 10_000;

/**
 * The actor's centrality in the network as shown (the whole network, not only its drawn part), and the way into its
 * ego network. When the query worker draws the network, the page holds the whole network only if it is drawn whole
 * (within the cap); a larger one is built here when asked for, never on every step.
 */
export function ActorAnalysis({ actor }: { actor: Actor }) {
  const index = useStore(selectIndex);
  const key = useStore((s) => pictureKey(s, index));
  // Deferred: the network publishes its picture inside the task that draws a step's answer, and checking whether the
  // actor is among a capped network's 30,000 others (6 ms at 250k) belongs after that step is on screen.
  const drawn = useDeferredValue(useDrawnPicture());
  const fromWorker = drawn && !drawn.whole && drawn.index === index ? drawn : null;
  const [asked, setAsked] = useState<ActorGraph | string | null>(null);
  const askedHere = fromWorker !== null && asked === key;
  const built = useStore((s) => (!fromWorker || askedHere ? selectShownGraph(s) : null));
  const current = fromWorker?.key === key ? fromWorker : null;
  const graph = built ?? (current && !current.capped ? current.graph : null);
  if (!graph) {
    // The worker's picture of a network larger than the cap: whether the actor is in it, and how large it is.
    const inNetwork = current && (current.graph.nodes.some((n) => n.id === actor.id) || current.offstage.some((n) => n.id === actor.id));
    return (
      <div className="actor-analysis">
        <h3>Centrality in the current network</h3>
        {!current ? (
          <p className="muted" role="status">Updating the network…</p>
        ) : !inNetwork ? (
          <p className="muted">Not in the network as currently filtered.</p>
        ) : (
          <button type="button" onClick={() => setAsked(key)}>
            Compute centrality ({current.totalActors.toLocaleString('en')} actors)
          </button>
        )}
        <EgoActions actor={actor} />
      </div>
    );
  }
  const position = graph.nodes.findIndex((n) => n.id === actor.id);
  const small = graph.nodes.length + graph.edges.length <= AUTO_METRICS_MAX_SIZE;
  const enabled = position >= 0 && (small || asked === graph || askedHere);
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
      <EgoActions actor={actor} />
    </div>
  );
}

/** The way into the actor's ego network (analysis.ego, in the address). */
function EgoActions({ actor }: { actor: Actor }) {
  const ego = useStore((s) => s.analysis.ego);
  const setAnalysis = useStore((s) => s.setAnalysis);
  return (
    <div className="ego-actions" role="group" aria-label="Ego network">
      <button type="button" aria-pressed={ego?.actor === actor.id && ego.depth === 1} onClick={() => setAnalysis({ ego: { actor: actor.id, depth: 1 } })}>
        Show only {actor.name}’s counterparts
      </button>{' '}
      <button type="button" aria-pressed={ego?.actor === actor.id && ego.depth === 2} onClick={() => setAnalysis({ ego: { actor: actor.id, depth: 2 } })}>
        …and theirs (2 steps)
      </button>
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
