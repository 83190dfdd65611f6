import { buildGraph } from '../graph';
import type { DatasetIndex } from '../indexes';
import { compactGraph, type CompactGraph } from './compactGraph';
import { periodOfMeetings, periodsOf, type Period } from './periods';
import { orderByValue, ranksOf } from './ranking';

/** "Who was central when": the top actors' rank (and value) in each period, null where absent. */
export interface PeriodRankTable {
  periods: Period[];
  actors: { id: string; ranks: (number | null)[]; values: (number | null)[] }[];
}

/** The network of each period (meetings assigned by midpoint) and of all of them together. */
export function periodGraphs(index: DatasetIndex, positions: Int32Array): { periods: Period[]; graphs: CompactGraph[]; overall: CompactGraph } {
  const periods = periodsOf(index, positions);
  const of = periodOfMeetings(index, positions, periods);
  const buckets: number[][] = periods.map(() => []);
  for (let k = 0; k < positions.length; k++) if (of[k]! >= 0) buckets[of[k]!]!.push(positions[k]!);
  return {
    periods,
    graphs: buckets.map((b) => compactGraph(buildGraph(index, b))),
    overall: compactGraph(buildGraph(index, positions)),
  };
}

/** The table for the `top` actors by `overallValues`, from each period graph's values. */
export function rankTable(
  periods: Period[],
  graphs: readonly CompactGraph[],
  values: readonly ArrayLike<number>[],
  overall: CompactGraph,
  overallValues: ArrayLike<number>,
  top: number,
): PeriodRankTable {
  const lookups = graphs.map((g, p) => {
    const ranks = ranksOf(g.ids, values[p]!);
    const at = new Map(g.ids.map((id, i) => [id, i]));
    return (id: string) => {
      const i = at.get(id);
      return i === undefined ? null : { rank: ranks[i]!, value: values[p]![i]! };
    };
  });
  const leaders = Array.from(orderByValue(overall.ids, overallValues).subarray(0, top), (i) => overall.ids[i]!);
  return {
    periods,
    actors: leaders.map((id) => {
      const cells = lookups.map((find) => find(id));
      return { id, ranks: cells.map((c) => c?.rank ?? null), values: cells.map((c) => c?.value ?? null) };
    }),
  };
}

/** The whole computation in one call, for a metric that runs where the caller is. */
export function ranksPerPeriod(index: DatasetIndex, positions: Int32Array, metric: (g: CompactGraph) => ArrayLike<number>, top: number): PeriodRankTable {
  const { periods, graphs, overall } = periodGraphs(index, positions);
  return rankTable(periods, graphs, graphs.map(metric), overall, metric(overall), top);
}
