import { lazy, Suspense, useState } from 'react';
import type { DatasetIndex } from '../../domain/indexes';
import type { SizeMetric } from '../../domain/analysis/metricNames';

const CentralWhenBody = lazy(() => import('./CentralWhenBody'));

/**
 * "Who was central when": the top actors' rank in each period (year, or quarter for short spans)
 * over the meetings given. Computed (and its code loaded) only while open. A cell sets the
 * timeline window to its period.
 */
export function CentralWhen({ index, meetings, metric }: { index: DatasetIndex; meetings: Int32Array; metric: SizeMetric }) {
  const [open, setOpen] = useState(false);
  const [asTable, setAsTable] = useState(false);
  return (
    <details className="central-when" onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>Who was central when</summary>
      {open && (
        <>
          <label className="central-when-toggle">
            <input type="checkbox" checked={asTable} onChange={(e) => setAsTable(e.target.checked)} /> Show as a table
          </label>
          <Suspense fallback={<p className="muted">Loading…</p>}>
            <CentralWhenBody index={index} meetings={meetings} metric={metric} asTable={asTable} />
          </Suspense>
        </>
      )}
    </details>
  );
}
