import type { DatasetIndex } from '../../domain/indexes';

export interface VisibleStarts {
  /** Start time (ms) of each visible meeting, in the visible list's (date) order. */
  visStart: Float64Array;
  /** Longest possible span of any visible meeting: how far back an overlapping meeting can start. */
  maxDuration: number;
}

const byList = new WeakMap<Int32Array, { index: DatasetIndex; starts: VisibleStarts }>();
const allOf = new WeakMap<DatasetIndex, VisibleStarts>();

/**
 * The visible meetings' start times and longest span, gathered once per visible list (the timeline view and its
 * controller both need them for the same list) and, with every meeting visible (the first view, and each step back to
 * it), once per index: at 250,000 meetings each gathering took 11-20 ms of the step that clears the last filter.
 * Read-only: the arrays are shared.
 */
export function visibleStarts(index: DatasetIndex, visible: Int32Array): VisibleStarts {
  const known = byList.get(visible);
  if (known?.index === index) return known.starts;
  const whole = visible.length === index.order.length && sameList(visible, index.order);
  let starts = whole ? allOf.get(index) : undefined;
  if (!starts) {
    starts = gather(index, visible);
    if (whole) allOf.set(index, starts);
  }
  byList.set(visible, { index, starts });
  return starts;
}

function gather(index: DatasetIndex, visible: Int32Array): VisibleStarts {
  // A plain loop: Float64Array.from with a mapping function took ~55 ms at 250,000 meetings.
  const visStart = new Float64Array(visible.length);
  let maxDuration = 0;
  for (let k = 0; k < visible.length; k++) {
    const pos = visible[k]!;
    const s = index.start[pos]!;
    visStart[k] = s;
    const d = index.end[pos]! - s;
    if (d > maxDuration) maxDuration = d;
  }
  return { visStart, maxDuration };
}

function sameList(a: Int32Array, b: Int32Array): boolean {
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}
