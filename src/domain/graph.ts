import type { QueryIndex } from './indexes';

export interface GraphNode {
  id: string;
  /** Meetings this actor takes part in, among those given. */
  count: number;
}

export interface GraphEdge {
  source: string;
  target: string;
  /** Meetings the two actors share, among those given. */
  weight: number;
}

export interface ActorGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Meetings with more than MAX_PAIRWISE_PARTICIPANTS participants, drawn as a hub instead of every pair. */
  hubMeetings?: number;
}

/**
 * Above this many participants a meeting is drawn as a hub: a link from its first listed participant to each
 * of the others, not one per pair. All pairs of a 3,000-person meeting are 4.5 million links (hundreds of MB and
 * seconds per filter change), and a conference is one event, not thousands of bilateral contacts.
 */
export const MAX_PAIRWISE_PARTICIPANTS = 40;

const pairsOf = (n: number) => (n > MAX_PAIRWISE_PARTICIPANTS ? n - 1 : (n * (n - 1)) / 2);

/**
 * Pair counts in a flat open-addressing table: a Map keyed by number costs several times more per
 * increment, and a filter change at 20,000 meetings counts ~100,000 pairs.
 */
function pairTable(capacityHint: number) {
  let size = 1024;
  while (size < capacityHint * 2) size *= 2;
  // Keys are stored plus one, so the zeroed fresh array already reads as empty.
  return { keys: new Int32Array(size), counts: new Uint32Array(size), mask: size - 1 };
}

/** Co-participation graph of the given meetings: one node per actor present, one edge per pair that met. */
export function buildGraph(index: QueryIndex, meetingPositions: ArrayLike<number>): ActorGraph {
  const nActors = index.actors.length;
  const counts = new Uint32Array(nActors);
  let pairSlots = 0;
  for (let k = 0; k < meetingPositions.length; k++) {
    pairSlots += pairsOf(index.participants[meetingPositions[k]!]!.length);
  }
  // Keys pa * nActors + pb + 1 stay below 2^31 up to 46,340 actors; past that, a Map.
  const flat = nActors <= 46_340;
  const table = pairTable(flat ? Math.min(pairSlots, (nActors * (nActors - 1)) / 2) : 0);
  const { keys, counts: pairCounts, mask } = table;
  /** Slots in first-seen order, so edges come out in a stable order. */
  const order = new Int32Array(flat ? Math.min(pairSlots, keys.length) : 0);
  let edgeCount = 0;
  const weights = flat ? null : new Map<number, number>();
  let hubMeetings = 0;
  for (let k = 0; k < meetingPositions.length; k++) {
    const ps = index.participants[meetingPositions[k]!]!;
    const hub = ps.length > MAX_PAIRWISE_PARTICIPANTS;
    if (hub) hubMeetings++;
    let host = -1;
    for (let a = 0; a < ps.length; a++) {
      const pa = ps[a]!;
      if (pa < 0) continue;
      counts[pa]!++;
      if (hub && host < 0) host = a;
      // A hub meeting pairs only its host with each other participant.
      const [from, to] = hub ? (a === host ? [a + 1, ps.length] : [0, 0]) : [a + 1, ps.length];
      for (let b = from; b < to; b++) {
        const pb = ps[b]!;
        if (pb < 0 || pb === pa) continue;
        const key = (pa < pb ? pa * nActors + pb : pb * nActors + pa) + 1;
        if (weights) {
          weights.set(key - 1, (weights.get(key - 1) ?? 0) + 1);
          continue;
        }
        let slot = Math.imul(key, 0x9e3779b1) >>> 0 & mask;
        while (keys[slot] !== key && keys[slot] !== 0) slot = (slot + 1) & mask;
        if (keys[slot] === 0) {
          keys[slot] = key;
          order[edgeCount++] = slot;
        }
        pairCounts[slot]!++;
      }
    }
  }
  const nodes: GraphNode[] = [];
  for (let a = 0; a < nActors; a++) if (counts[a]) nodes.push({ id: index.actors[a]!.id, count: counts[a]! });
  const edges: GraphEdge[] = [];
  const push = (key: number, weight: number) =>
    edges.push({ source: index.actors[Math.floor(key / nActors)]!.id, target: index.actors[key % nActors]!.id, weight });
  if (weights) for (const [key, weight] of weights) push(key, weight);
  else for (let e = 0; e < edgeCount; e++) push(keys[order[e]!]! - 1, pairCounts[order[e]!]!);
  return hubMeetings ? { nodes, edges, hubMeetings } : { nodes, edges };
}

/** Meetings (from `visible`, in its order) in which both actors take part. */
export function meetingsBetween(index: QueryIndex, visible: Int32Array, a: string, b: string): Int32Array {
  const pa = index.actorPos.get(a);
  const pb = index.actorPos.get(b);
  if (pa === undefined || pb === undefined) return new Int32Array(0);
  return visible.filter((i) => {
    const ps = index.participants[i]!;
    return ps.includes(pa) && ps.includes(pb);
  });
}

export function edgeKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}
