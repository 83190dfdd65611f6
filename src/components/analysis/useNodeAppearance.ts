import { useMemo, useRef } from 'react';
import type { ActorGraph } from '../../domain/graph';
import type { DatasetIndex } from '../../domain/indexes';
import { METRIC_LABEL } from '../../domain/analysis/metricNames';
import { useCommunities, useMetric } from '../../state/analysis/useAnalysis';
import type { AnalysisView } from '../../state/types';
import { DEFAULT_APPEARANCE, type NodeAppearance } from '../../viz/network/appearance';
import { communityColor } from './communityPalette';

/**
 * The network's node appearance for the chosen size and colouring. While a new graph's values are
 * being computed the previous appearance stays, so nodes do not flicker back to the default.
 */
export function useNodeAppearance(graph: ActorGraph, index: DatasetIndex | null, analysis: AnalysisView): NodeAppearance {
  const values = useMetric(graph, analysis.size);
  const communities = useCommunities(graph, analysis.color === 'community');
  const last = useRef<NodeAppearance>(DEFAULT_APPEARANCE);
  const byCommunity = analysis.color === 'community';
  const next = useMemo<NodeAppearance | null>(() => {
    if (!index) return DEFAULT_APPEARANCE;
    const sizePending = analysis.size !== 'meetings' && !values;
    const colorPending = byCommunity && !communities;
    if (sizePending || colorPending) return null;
    if (analysis.size === 'meetings' && !byCommunity) return DEFAULT_APPEARANCE;
    const ids = graph.nodes.map((n) => n.id);
    return {
      size: analysis.size === 'meetings' || !values ? null : new Map(ids.map((id, i) => [id, values[i]!])),
      sizeLabel: METRIC_LABEL[analysis.size].toLowerCase(),
      color: byCommunity && communities ? new Map(ids.map((id, i) => [id, communityColor(communities.of[i]!)])) : null,
      group: byCommunity && communities ? new Map(ids.map((id, i) => [id, `community ${communities.of[i]! + 1}`])) : null,
    };
  }, [index, graph, analysis.size, byCommunity, values, communities]);
  if (next) last.current = next;
  return last.current;
}
