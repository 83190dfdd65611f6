import { useId } from 'react';
import type { DatasetIndex } from '../../domain/indexes';
import { METRIC_LABEL, SIZE_METRICS, type SizeMetric } from '../../domain/analysis/metricNames';
import { useStore } from '../../state/store';
import type { AnalysisView } from '../../state/types';

/** Size/rank measure, colouring and the ego-network chip, above the network. */
export function NetworkAnalysisControls({ index }: { index: DatasetIndex }) {
  const analysis = useStore((s) => s.analysis);
  const setAnalysis = useStore((s) => s.setAnalysis);
  const id = useId();
  const ego = analysis.ego;
  const egoName = ego ? (index.actors[index.actorPos.get(ego.actor) ?? -1]?.name ?? ego.actor) : '';
  return (
    <div className="network-analysis-controls" role="group" aria-label="Network analysis">
      <label htmlFor={`${id}-size`}>Size and rank by</label>
      <select id={`${id}-size`} value={analysis.size} onChange={(e) => setAnalysis({ size: e.target.value as SizeMetric })}>
        {SIZE_METRICS.map((m) => (
          <option key={m} value={m}>
            {METRIC_LABEL[m]}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-color`}>Colour by</label>
      <select id={`${id}-color`} value={analysis.color} onChange={(e) => setAnalysis({ color: e.target.value as AnalysisView['color'] })}>
        <option value="affiliation">Affiliation</option>
        <option value="community">Community</option>
      </select>
      {ego && (
        <ul className="chips" aria-label="Ego network">
          <li className="chip">
            <span>
              Within {ego.depth} {ego.depth === 1 ? 'step' : 'steps'} of {egoName}
            </span>
            <button type="button" aria-label={`Remove ego network of ${egoName}`} onClick={() => setAnalysis({ ego: null })}>
              ×
            </button>
          </li>
        </ul>
      )}
    </div>
  );
}
