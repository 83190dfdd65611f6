import type { QueryIndex } from '../indexes';
import { MAX_PAIRWISE_PARTICIPANTS } from '../graph';
import { csrOfRows } from './packedIndex';
import type { FlatGraph } from './queryGraph';

/**
 * buildFlatGraph's working arrays, kept between calls and grown when too small: made afresh, a 35,000-meeting graph
 * at 250k allocated ~8 MB of them per step, memory outside the heap whose growth brings garbage collections into
 * the query worker's next answers. Only what a graph returns is new.
 */
const [COUNTS, STARTS, FILL, HIGHS, SEQS, MARKER, DISTINCT_OF, FIRST_SEEN, LOS, HIS, PAIR_COUNTS, NODE_OF] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const scratchArrays: Int32Array[] = [];
/** Scratch array `slot`, at least `n` long; its first `n` items set to `value` (left as they are when null). */
function scratch(slot: number, n: number, value: number | null): Int32Array {
  let array = scratchArrays[slot];
  if (!array || array.length < n) scratchArrays[slot] = array = new Int32Array(Math.max(n, Math.ceil((array?.length ?? 0) * 1.5)));
  if (value !== null) array.fill(value, 0, n);
  return array;
}

/**
 * buildGraph's graph as flat arrays. Pairs are bucketed by their lower actor (a counting sort) and counted per
 * bucket with a marker per higher actor, then put back in first-seen order: every pass is sequential or within one
 * actor's bucket. A hash table of the distinct pairs (~770,000 at 250,000 meetings) cost four times as much in
 * cache misses.
 */
export function buildFlatGraph(index: QueryIndex, meetings: ArrayLike<number>): FlatGraph {
  // One function per pass (each one loop): as one long function, V8 compiled each loop on its own as it first ran and
  // then threw the code away for lack of feedback from the passes after it, on every call for a while — at 250k the
  // first filtered graph after the whole one took 40 ms to build, the same graph built again 13 ms (Node).
  const nActors = index.actors.length;
  const rows = csrOfRows(index.participants);
  const counts = scratch(COUNTS, nActors, 0);
  const starts = scratch(STARTS, nActors + 1, 0);
  const { total, hubMeetings } = countPairs(rows, meetings, counts, starts);
  for (let a = 0; a < nActors; a++) starts[a + 1]! += starts[a]!;
  const fill = scratch(FILL, nActors, null);
  fill.set(starts.subarray(0, nActors));
  const highs = scratch(HIGHS, total, null);
  const seqs = scratch(SEQS, total, null);
  placePairs(rows, meetings, fill, highs, seqs);
  const firstSeen = scratch(FIRST_SEEN, total, -1);
  const los = scratch(LOS, total, null);
  const his = scratch(HIS, total, null);
  const pairCounts = scratch(PAIR_COUNTS, total, 0);
  const linkCount = distinctPairs(nActors, starts, highs, seqs, firstSeen, los, his, pairCounts);
  return flatArrays(nActors, counts, total, linkCount, firstSeen, los, his, pairCounts, hubMeetings);
}

type Rows = { offsets: ArrayLike<number>; values: ArrayLike<number> };

/**
 * The pairs buildGraph links (every pair, or the host with each other participant past MAX_PAIRWISE_PARTICIPANTS),
 * counted per lower actor (`starts[lo + 1]`), with meetings per actor (`counts`). placePairs enumerates them again
 * with the same loop written out: a shared callback cost 2-4x in deopts.
 */
function countPairs({ offsets, values }: Rows, meetings: ArrayLike<number>, counts: Int32Array, starts: Int32Array): { total: number; hubMeetings: number } {
  let total = 0;
  let hubMeetings = 0;
  for (let k = 0; k < meetings.length; k++) {
    const m = meetings[k]!;
    const first = offsets[m]!;
    const end = offsets[m + 1]!;
    const hub = end - first > MAX_PAIRWISE_PARTICIPANTS;
    if (hub) hubMeetings++;
    let host = -1;
    for (let a = first; a < end; a++) {
      const pa = values[a]!;
      if (pa < 0) continue;
      counts[pa]!++;
      if (hub && host < 0) host = a;
      const to = hub ? (a === host ? end : 0) : end;
      for (let b = a + 1; b < to; b++) {
        const pb = values[b]!;
        if (pb < 0 || pb === pa) continue;
        starts[(pa < pb ? pa : pb) + 1]!++;
        total++;
      }
    }
  }
  return { total, hubMeetings };
}

/** Each pair's higher actor and its number in buildGraph's order, bucketed by its lower actor (`fill`: next free slot). */
function placePairs({ offsets, values }: Rows, meetings: ArrayLike<number>, fill: Int32Array, highs: Int32Array, seqs: Int32Array): void {
  let seq = 0;
  for (let k = 0; k < meetings.length; k++) {
    const m = meetings[k]!;
    const first = offsets[m]!;
    const end = offsets[m + 1]!;
    const hub = end - first > MAX_PAIRWISE_PARTICIPANTS;
    let host = -1;
    for (let a = first; a < end; a++) {
      const pa = values[a]!;
      if (pa < 0) continue;
      if (hub && host < 0) host = a;
      const to = hub ? (a === host ? end : 0) : end;
      for (let b = a + 1; b < to; b++) {
        const pb = values[b]!;
        if (pb < 0 || pb === pa) continue;
        const at = fill[pa < pb ? pa : pb]!++;
        highs[at] = pa < pb ? pb : pa;
        seqs[at] = seq++;
      }
    }
  }
}

/** Distinct pairs per bucket, numbered as first met (`firstSeen` by pair number), with their ends and meetings; their count. */
function distinctPairs(nActors: number, starts: Int32Array, highs: Int32Array, seqs: Int32Array, firstSeen: Int32Array, los: Int32Array, his: Int32Array, pairCounts: Int32Array): number {
  // A pair's first number is met first in its bucket (the buckets were filled in order).
  const marker = scratch(MARKER, nActors, -1);
  const distinctOf = scratch(DISTINCT_OF, nActors, null);
  let linkCount = 0;
  for (let lo = 0; lo < nActors; lo++) {
    for (let k = starts[lo]!; k < starts[lo + 1]!; k++) {
      const hi = highs[k]!;
      if (marker[hi] !== lo) {
        marker[hi] = lo;
        distinctOf[hi] = linkCount;
        firstSeen[seqs[k]!] = linkCount;
        los[linkCount] = lo;
        his[linkCount++] = hi;
      }
      pairCounts[distinctOf[hi]!]!++;
    }
  }
  return linkCount;
}

/** The graph's own arrays (the only new ones): nodes in actor order, links in first-seen order. */
function flatArrays(nActors: number, counts: Int32Array, total: number, linkCount: number, firstSeen: Int32Array, los: Int32Array, his: Int32Array, pairCounts: Int32Array, hubMeetings: number): FlatGraph {
  const nodeOf = scratch(NODE_OF, nActors, null);
  let nodeCount = 0;
  for (let a = 0; a < nActors; a++) nodeOf[a] = counts[a] ? nodeCount++ : -1;
  const actors = new Int32Array(nodeCount);
  const nodeCounts = new Float64Array(nodeCount);
  for (let a = 0; a < nActors; a++) {
    if (!counts[a]) continue;
    actors[nodeOf[a]!] = a;
    nodeCounts[nodeOf[a]!] = counts[a]!;
  }
  const source = new Int32Array(linkCount);
  const target = new Int32Array(linkCount);
  const weights = new Float64Array(linkCount);
  for (let s = 0, e = 0; s < total; s++) {
    const d = firstSeen[s]!;
    if (d < 0) continue;
    source[e] = nodeOf[los[d]!]!;
    target[e] = nodeOf[his[d]!]!;
    weights[e++] = pairCounts[d]!;
  }
  return { actors, counts: nodeCounts, source, target, weights, hubMeetings };
}
