/**
 * Ranks and top lists over per-node values. Pure and library-free: the main thread ranks values
 * the worker computed.
 */

/** Node indices by value, highest first; ties in `ids` order (actor id), so lists are stable. */
export function orderByValue(ids: readonly string[], values: ArrayLike<number>): Int32Array {
  return Int32Array.from(ids.keys()).sort((a, b) => values[b]! - values[a]! || (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0));
}

/**
 * Competition ranks ("1, 2, 2, 4"): equal values share a rank. Values closer than a relative
 * 1e-9 count as equal, so floating-point noise in PageRank does not split a tie.
 */
export function ranksOf(ids: readonly string[], values: ArrayLike<number>): Int32Array {
  const order = orderByValue(ids, values);
  const ranks = new Int32Array(ids.length);
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    const prev = k > 0 ? order[k - 1]! : -1;
    ranks[i] = prev >= 0 && nearlyEqual(values[prev]!, values[i]!) ? ranks[prev]! : k + 1;
  }
  return ranks;
}

function nearlyEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b), 1e-12);
}

export interface RankedEntry {
  id: string;
  value: number;
  rank: number;
}

/**
 * The `n` highest-valued nodes with their values and ranks, in one pass that keeps only the best `n`
 * (insertion into a short sorted list): sorting every actor twice per filter step cost tens of
 * milliseconds at a few thousand actors, for ten rows. Same order and ranks as `orderByValue`/`ranksOf`.
 */
export function topEntries(ids: readonly string[], values: ArrayLike<number>, n: number): RankedEntry[] {
  const keep = Math.max(0, Math.min(n, ids.length));
  const best: number[] = [];
  const before = (a: number, b: number) => values[a]! > values[b]! || (values[a]! === values[b]! && ids[a]! < ids[b]!);
  for (let i = 0; i < ids.length && keep > 0; i++) {
    if (best.length === keep && !before(i, best[keep - 1]!)) continue;
    let at = best.length === keep ? keep - 1 : best.length;
    while (at > 0 && before(i, best[at - 1]!)) at--;
    best.splice(at, 0, i);
    if (best.length > keep) best.pop();
  }
  // Every node valued above one of the best is itself among the best, so a rank is read off the list.
  const out: RankedEntry[] = [];
  best.forEach((i, k) => {
    const prev = out[k - 1];
    const rank = prev && nearlyEqual(prev.value, values[i]!) ? prev.rank : k + 1;
    out.push({ id: ids[i]!, value: values[i]!, rank });
  });
  return out;
}
