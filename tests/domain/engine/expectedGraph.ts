import type { DatasetIndex } from '../../../src/domain/indexes';
import { buildGraph } from '../../../src/domain/graph';
import { capNetwork, NETWORK_CAP, type NetworkCap } from '../../../src/domain/networkCap';
import { egoGraph, type EgoDepth } from '../../../src/domain/analysis/ego';
import { graphMeasures } from '../../../src/domain/analysis/simpleMeasures';
import { topEntries } from '../../../src/domain/analysis/ranking';
import type { CountedMeasure } from '../../../src/domain/engine/queryGraph';
import type { GraphAnswer } from '../../../src/domain/engine/query';

/**
 * The graph answer as the page's pure functions give it: buildGraph, the ego cut (deriveShownGraph), capNetwork,
 * and the measure counted on the whole shown network (graphMeasures / the nodes' counts, ranked by topEntries).
 */
export function expectedGraphAnswer(
  index: DatasetIndex,
  meetings: Int32Array,
  q: { focus?: readonly string[]; ego?: { actor: string; depth: EgoDepth } | null; measure?: CountedMeasure | null; top?: number; cap?: NetworkCap },
): GraphAnswer {
  const whole = buildGraph(index, meetings);
  const shown = q.ego ? egoGraph(whole, q.ego.actor, q.ego.depth) : whole;
  const capped = capNetwork(shown, q.cap ?? NETWORK_CAP, q.focus ?? []);
  const answer: GraphAnswer = { ...capped, meetingCount: meetings.length, filteredActors: whole.nodes.length };
  if (q.measure) {
    const values = q.measure === 'meetings' ? Float64Array.from(shown.nodes, (n) => n.count) : graphMeasures(shown)[q.measure];
    const ids = shown.nodes.map((n) => n.id);
    const at = new Map(ids.map((id, i) => [id, i]));
    answer.measure = { name: q.measure, drawn: Float64Array.from(capped.graph.nodes, (n) => values[at.get(n.id)!]!), top: topEntries(ids, values, q.top ?? 10) };
  }
  return answer;
}
