import type { DatasetIndex } from './indexes';

/**
 * Each actor's place in name order (case and accents ignored, ties by position), sorted once per dataset: a locale
 * collator over thousands of names costs tens of milliseconds, too much per filter change. The load worker ranks a
 * loaded dataset's names (engine/packedIndex.ts), so the page does not; an index built on the page ranks them on use.
 */
export function rankNames(actors: readonly { name: string }[]): Int32Array {
  // Each key ends with its position (fixed width), and the sort compares whole strings natively: a comparator
  // called from JavaScript took 35 ms of the 80 at 30,000 actors. Plain ASCII names need no accent stripping.
  const width = actors.length.toString(36).length;
  const keys = actors.map((a, pos) => `${sortKey(a.name)}\u0000${pos.toString(36).padStart(width, '0')}`);
  keys.sort();
  const ranks = new Int32Array(keys.length);
  keys.forEach((key, rank) => (ranks[parseInt(key.slice(key.length - width), 36)] = rank));
  return ranks;
}

const ASCII = /^[\x00-\x7f]*$/;
/** A name as it sorts: lower case, accents dropped. */
const sortKey = (name: string): string => (ASCII.test(name) ? name : name.normalize('NFD').replace(/\p{M}/gu, '')).toLowerCase();

const ranked = new WeakMap<DatasetIndex, Int32Array>();
/** Each actor's place in name order: the load worker's ranking, or ranked here once per dataset. */
export function nameRankOf(index: DatasetIndex): Int32Array {
  if (index.nameRank) return index.nameRank;
  let ranks = ranked.get(index);
  if (!ranks) ranked.set(index, (ranks = rankNames(index.actors)));
  return ranks;
}

/**
 * Positions 0…count-1 ordered by `rankAt` (each a distinct rank below `ranks`, or undefined), unranked ones last in
 * position order. A bucket per rank, no comparator: the network's keyboard list orders the 30,000 actors of a 250k
 * network this way on every update once someone has moved into it, and a comparator sort took ~5-8 ms of each.
 */
export function orderByRank(count: number, rankAt: (i: number) => number | undefined, ranks: number): Int32Array {
  const slot = new Int32Array(ranks).fill(-1);
  const out = new Int32Array(count);
  let unranked = 0;
  const rest = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const r = rankAt(i);
    if (r !== undefined && r >= 0 && r < ranks && slot[r] === -1) slot[r] = i;
    else rest[unranked++] = i;
  }
  let n = 0;
  for (let r = 0; r < ranks; r++) if (slot[r]! >= 0) out[n++] = slot[r]!;
  out.set(rest.subarray(0, unranked), n);
  return out;
}
