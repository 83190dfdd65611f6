import { egoGraph, type EgoDepth } from '../../domain/analysis/ego';
import type { ActorGraph } from '../../domain/graph';
import { memoizeLast } from '../../domain/memo';
import { selectGraph } from '../selectors';
import type { AppState } from '../store';

/** The network as drawn: the filtered (and windowed) graph, cut to the ego network when one is set. */
export const deriveShownGraph = memoizeLast((graph: ActorGraph, egoActor: string | null, depth: EgoDepth) =>
  egoActor ? egoGraph(graph, egoActor, depth) : graph,
);

export const selectShownGraph = (s: AppState): ActorGraph =>
  deriveShownGraph(selectGraph(s), s.analysis.ego?.actor ?? null, s.analysis.ego?.depth ?? 1);
