import type { DatasetIndex } from './indexes';

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
}

/** Co-participation graph of the given meetings: one node per actor present, one edge per pair that met. */
export function buildGraph(index: DatasetIndex, meetingPositions: ArrayLike<number>): ActorGraph {
  const nActors = index.actors.length;
  const counts = new Uint32Array(nActors);
  const weights = new Map<number, number>();
  for (let k = 0; k < meetingPositions.length; k++) {
    const ps = index.participants[meetingPositions[k]!]!;
    for (let a = 0; a < ps.length; a++) {
      const pa = ps[a]!;
      if (pa < 0) continue;
      counts[pa]!++;
      for (let b = a + 1; b < ps.length; b++) {
        const pb = ps[b]!;
        if (pb < 0 || pb === pa) continue;
        const key = pa < pb ? pa * nActors + pb : pb * nActors + pa;
        weights.set(key, (weights.get(key) ?? 0) + 1);
      }
    }
  }
  const nodes: GraphNode[] = [];
  for (let a = 0; a < nActors; a++) if (counts[a]) nodes.push({ id: index.actors[a]!.id, count: counts[a]! });
  const edges: GraphEdge[] = [];
  for (const [key, weight] of weights) {
    edges.push({ source: index.actors[Math.floor(key / nActors)]!.id, target: index.actors[key % nActors]!.id, weight });
  }
  return { nodes, edges };
}

/** Meetings (from `visible`, in its order) in which both actors take part. */
export function meetingsBetween(index: DatasetIndex, visible: Int32Array, a: string, b: string): Int32Array {
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
