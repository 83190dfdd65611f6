import type { QueryIndex } from '../indexes';
import { MAX_PAIRWISE_PARTICIPANTS } from '../graph';

/**
 * Every pair the network links, meeting by meeting, named by its link (a distinct pair of actors): built once per
 * index, so a filter's graph is one pass over its meetings' pairs. Rebuilding the pairs' identities per filter (a
 * counting sort of all its pairs) was most of the query worker's answer to a 250,000-meeting filter step.
 */
export interface PairTable {
  /** The pairs of meeting i are link[start[i]] … link[start[i + 1] - 1], in buildGraph's order within the meeting. */
  start: Int32Array;
  link: Int32Array;
  /** Link l's ends as actor positions: ends[2l] the lower, ends[2l + 1] the higher. */
  ends: Int32Array;
  /** The known participants of meeting i (unknown ones left out) are actors[actorStart[i]] … actors[actorStart[i + 1] - 1]. */
  actorStart: Int32Array;
  actors: Int32Array;
  /** 1 for a meeting past MAX_PAIRWISE_PARTICIPANTS (drawn as a hub). */
  hub: Uint8Array;
}

/**
 * The table of `participants`. Pairs are bucketed by their lower actor (a counting sort) and numbered per bucket
 * with a marker per higher actor: every pass is sequential or within one actor's bucket. A hash table of the
 * distinct pairs (~770,000 at 250,000 meetings) cost four times as much in cache misses.
 */
export function buildPairTable(participants: readonly Int32Array[], nActors: number): PairTable {
  const n = participants.length;
  const start = new Int32Array(n + 1);
  const buckets = new Int32Array(nActors + 1);
  const actorStart = new Int32Array(n + 1);
  const hub = new Uint8Array(n);
  let known = 0;
  for (let m = 0; m < n; m++) {
    const ps = participants[m]!;
    if (ps.length > MAX_PAIRWISE_PARTICIPANTS) hub[m] = 1;
    for (let a = 0; a < ps.length; a++) if (ps[a]! >= 0) known++;
    actorStart[m + 1] = known;
  }
  const actors = new Int32Array(known);
  for (let m = 0, at = 0; m < n; m++) {
    const ps = participants[m]!;
    for (let a = 0; a < ps.length; a++) if (ps[a]! >= 0) actors[at++] = ps[a]!;
  }
  // The pairs buildGraph links (every pair, or the host with each other participant past MAX_PAIRWISE_PARTICIPANTS),
  // enumerated twice (count, then place) with the same loop written out: a shared callback cost 2-4x in deopts.
  let total = 0;
  for (let m = 0; m < n; m++) {
    const ps = participants[m]!;
    const hub = ps.length > MAX_PAIRWISE_PARTICIPANTS;
    let host = -1;
    for (let a = 0; a < ps.length; a++) {
      const pa = ps[a]!;
      if (pa < 0) continue;
      if (hub && host < 0) host = a;
      const to = hub ? (a === host ? ps.length : 0) : ps.length;
      for (let b = a + 1; b < to; b++) {
        const pb = ps[b]!;
        if (pb < 0 || pb === pa) continue;
        buckets[(pa < pb ? pa : pb) + 1]!++;
        total++;
      }
    }
    start[m + 1] = total;
  }
  for (let a = 0; a < nActors; a++) buckets[a + 1]! += buckets[a]!;
  // Each pair's higher actor and its place in meeting order, bucketed by its lower actor.
  const fill = buckets.slice(0, nActors);
  const highs = new Int32Array(total);
  const seqs = new Int32Array(total);
  for (let m = 0, seq = 0; m < n; m++) {
    const ps = participants[m]!;
    const hub = ps.length > MAX_PAIRWISE_PARTICIPANTS;
    let host = -1;
    for (let a = 0; a < ps.length; a++) {
      const pa = ps[a]!;
      if (pa < 0) continue;
      if (hub && host < 0) host = a;
      const to = hub ? (a === host ? ps.length : 0) : ps.length;
      for (let b = a + 1; b < to; b++) {
        const pb = ps[b]!;
        if (pb < 0 || pb === pa) continue;
        const at = fill[pa < pb ? pa : pb]!++;
        highs[at] = pa < pb ? pb : pa;
        seqs[at] = seq++;
      }
    }
  }
  const marker = new Int32Array(nActors).fill(-1);
  const linkOfHigh = new Int32Array(nActors);
  const link = new Int32Array(total);
  const ends = new Int32Array(2 * total);
  let links = 0;
  for (let lo = 0; lo < nActors; lo++) {
    for (let k = buckets[lo]!; k < buckets[lo + 1]!; k++) {
      const hi = highs[k]!;
      if (marker[hi] !== lo) {
        marker[hi] = lo;
        linkOfHigh[hi] = links;
        ends[2 * links] = lo;
        ends[2 * links++ + 1] = hi;
      }
      link[seqs[k]!] = linkOfHigh[hi]!;
    }
  }
  return { start, link, ends: ends.slice(0, 2 * links), actorStart, actors, hub };
}

const pairTables = new WeakMap<readonly Int32Array[], PairTable>();

/** The index's table, built on first use and kept while the index lives. */
export function pairTableOf(index: QueryIndex): PairTable {
  let table = pairTables.get(index.participants);
  if (!table) pairTables.set(index.participants, (table = buildPairTable(index.participants, index.actors.length)));
  return table;
}
