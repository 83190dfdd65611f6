import { useMemo } from 'react';
import { scaleBand, interpolateBlues } from 'd3';
import type { DatasetIndex } from '../../domain/indexes';
import { formatMetric, METRIC_LABEL, type SizeMetric } from '../../domain/analysis/metricNames';
import { periodGraphs, rankTable, type PeriodRankTable } from '../../domain/analysis/periodRanks';
import type { Period } from '../../domain/analysis/periods';
import { analyse } from '../../state/analysis/analysisRunner';
import { useAnalysisResult } from '../../state/analysis/useAnalysis';
import { useStore } from '../../state/store';

export const CENTRAL_WHEN_TOP = 8;
const CELL_H = 24;
const LABEL_W = 150;
const CELL_W = 56;

const periodGraphsOf = new WeakMap<Int32Array, ReturnType<typeof periodGraphs>>();

/** Loaded when "Who was central when" is first opened. */
export default function CentralWhenBody({ index, meetings, metric, asTable }: { index: DatasetIndex; meetings: Int32Array; metric: SizeMetric; asTable: boolean }) {
  const input = useMemo(() => {
    let found = periodGraphsOf.get(meetings);
    if (!found) periodGraphsOf.set(meetings, (found = periodGraphs(index, meetings)));
    return found;
  }, [index, meetings]);
  const values = useAnalysisResult<Float64Array[]>(
    input,
    `periods:${metric}`,
    () => analyse({ kind: 'periods', graphs: [...input.graphs, input.overall], metric }),
    (raw) => raw as Float64Array[],
  );
  const table = useMemo<PeriodRankTable | null>(
    () => (values ? rankTable(input.periods, input.graphs, values.slice(0, -1), input.overall, values[values.length - 1]!, CENTRAL_WHEN_TOP) : null),
    [input, values],
  );
  if (!meetings.length) return <p className="muted">No meetings match the current filters.</p>;
  if (!table) return <p className="muted" role="status">Ranking actors per period…</p>;
  const nameOf = (id: string) => index.actors[index.actorPos.get(id) ?? -1]?.name ?? id;
  const setWindow = (p: Period) => useStore.getState().setWindow({ start: p.start, end: p.end });
  const what = METRIC_LABEL[metric].toLowerCase();
  const caption = `Rank by ${what} among actors in each ${table.periods[0]?.label.includes('Q') ? 'quarter' : 'year'} (1 = most central; empty: no meetings then). Choose a period to show it on the timeline.`;
  return asTable ? (
    <table className="central-when-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Actor</th>
          {table.periods.map((p) => (
            <th scope="col" key={p.label}>
              <button type="button" className="link-button" onClick={() => setWindow(p)} aria-label={`Show ${p.label} on the timeline`}>
                {p.label}
              </button>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.actors.map((a) => (
          <tr key={a.id}>
            <th scope="row">{nameOf(a.id)}</th>
            {a.ranks.map((r, p) => (
              <td key={p}>{r === null ? '–' : `${r} (${formatMetric(metric, a.values[p]!)})`}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  ) : (
    <RankChart table={table} nameOf={nameOf} onPick={setWindow} caption={caption} what={what} metric={metric} />
  );
}

function RankChart({ table, nameOf, onPick, caption, what, metric }: {
  table: PeriodRankTable; nameOf: (id: string) => string; onPick: (p: Period) => void; caption: string; what: string; metric: SizeMetric;
}) {
  const x = scaleBand<number>().domain(table.periods.map((_, i) => i)).range([LABEL_W, LABEL_W + table.periods.length * CELL_W]).padding(0.08);
  const y = scaleBand<number>().domain(table.actors.map((_, i) => i)).range([CELL_H, CELL_H * (table.actors.length + 1)]).padding(0.08);
  const worst = Math.max(1, ...table.actors.flatMap((a) => a.ranks.map((r) => r ?? 0)));
  const shade = (rank: number) => 0.85 - 0.65 * ((rank - 1) / Math.max(1, worst - 1));
  const width = LABEL_W + table.periods.length * CELL_W;
  const height = CELL_H * (table.actors.length + 1);
  return (
    <figure className="central-when-chart">
      <svg width={width} height={height} role="group" aria-label={`Who was central when: rank by ${what}`}>
        {table.periods.map((p, i) => (
          <text key={p.label} x={x(i)! + x.bandwidth() / 2} y={CELL_H - 8} textAnchor="middle" className="central-when-period" aria-hidden="true">
            {p.label}
          </text>
        ))}
        {table.actors.map((a, row) => (
          <g key={a.id}>
            <text x={LABEL_W - 6} y={y(row)! + y.bandwidth() / 2} textAnchor="end" dominantBaseline="central" className="central-when-actor" aria-hidden="true">
              {nameOf(a.id)}
            </text>
            {a.ranks.map((r, col) => {
              if (r === null) return null;
              const t = shade(r);
              const p = table.periods[col]!;
              const label = `${nameOf(a.id)}, ${p.label}: rank ${r} (${what} ${formatMetric(metric, a.values[col]!)})`;
              return (
                <g
                  key={col}
                  role="button"
                  tabIndex={0}
                  aria-label={label}
                  className="central-when-cell"
                  onClick={() => onPick(p)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' || e.key === ' ') {
                      e.preventDefault();
                      onPick(p);
                    }
                  }}
                >
                  <title>{label}</title>
                  <rect x={x(col)} y={y(row)} width={x.bandwidth()} height={y.bandwidth()} rx={3} fill={interpolateBlues(t)} />
                  <text x={x(col)! + x.bandwidth() / 2} y={y(row)! + y.bandwidth() / 2} textAnchor="middle" dominantBaseline="central" style={{ fill: t > 0.5 ? '#fff' : '#111' }}>
                    {r}
                  </text>
                </g>
              );
            })}
          </g>
        ))}
      </svg>
      <figcaption>{caption}</figcaption>
    </figure>
  );
}
