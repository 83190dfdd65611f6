import { useMemo } from 'react';
import type { DatasetIndex } from '../../domain/indexes';
import { affiliationColors } from '../palette';

/** Affiliation colours used by the network: swatch + name + code, so colour is never the only cue. */
export function NetworkLegend({ index }: { index: DatasetIndex }) {
  const entries = useMemo(() => {
    const colors = affiliationColors(index.dataset.countries.map((c) => c.code));
    // Every actor takes part in a meeting (validation), so these are the actors' affiliations, without reading 30,000
    // actors (a large dataset's are read from the file's bytes when needed).
    const used = new Set(index.byAffiliation.keys());
    return index.dataset.countries.filter((c) => used.has(c.code)).map((c) => ({ ...c, color: colors.get(c.code)! }));
  }, [index]);
  return (
    <ul className="network-legend" aria-label="Affiliations">
      {entries.map((c) => (
        <li key={c.code}>
          <span className="network-swatch" style={{ background: c.color }} aria-hidden="true" />
          {c.name} <span className="network-code">({c.code})</span>
        </li>
      ))}
    </ul>
  );
}
