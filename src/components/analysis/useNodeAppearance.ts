import { useMemo, useRef } from 'react';
import { METRIC_LABEL } from '../../domain/analysis/metricNames';
import { useCommunities, useMetric } from '../../state/analysis/useAnalysis';
import type { AnalysisView } from '../../state/types';
import { DEFAULT_APPEARANCE, type NodeAppearance } from '../../viz/network/appearance';
import type { NetworkPicture } from '../../viz/network/networkPicture';
import { communityColor } from './communityPalette';

/**
 * The network's node appearance for the chosen size and colouring. While a new picture's values are
 * being computed the previous appearance stays, so nodes do not flicker back to the default.
 * Values come with the picture from the query worker (degree, weighted degree: counted over the whole network,
 * given for the drawn actors), or are computed over the whole network the page built (betweenness, PageRank,
 * communities).
 */
export function useNodeAppearance(picture: NetworkPicture | null, analysis: AnalysisView): NodeAppearance {
  const whole = picture?.whole ?? null;
  const computed = useMetric(whole, analysis.size);
  const communities = useCommunities(whole, analysis.color === 'community');
  const last = useRef<NodeAppearance>(DEFAULT_APPEARANCE);
  const byCommunity = analysis.color === 'community';
  const next = useMemo<NodeAppearance | null>(() => {
    if (!picture) return DEFAULT_APPEARANCE;
    const fromWorker = !whole && picture.measure?.name === analysis.size ? picture.measure.drawn : null;
    const values = whole ? computed : fromWorker;
    const sizePending = analysis.size !== 'meetings' && !values;
    const colorPending = byCommunity && !communities;
    if (sizePending || colorPending) return null;
    if (analysis.size === 'meetings' && !byCommunity) return DEFAULT_APPEARANCE;
    // Whole-network values are in the whole graph's node order, the worker's in the drawn graph's.
    const ids = (whole ?? picture.graph).nodes.map((n) => n.id);
    return {
      size: analysis.size === 'meetings' || !values ? null : new Map(ids.map((id, i) => [id, values[i]!])),
      sizeLabel: METRIC_LABEL[analysis.size].toLowerCase(),
      color: byCommunity && communities ? new Map(ids.map((id, i) => [id, communityColor(communities.of[i]!)])) : null,
      group: byCommunity && communities ? new Map(ids.map((id, i) => [id, `community ${communities.of[i]! + 1}`])) : null,
    };
  }, [picture, whole, analysis.size, byCommunity, computed, communities]);
  if (next) last.current = next;
  return last.current;
}
