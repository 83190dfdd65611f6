import louvain from 'graphology-communities-louvain';
import type { CompactGraph } from './compactGraph';
import { nodeKey, toGraphology } from './centrality';
import { COMMUNITY_SEED } from './tasks';

export { COMMUNITY_SEED };

/** Mulberry32: a small seeded generator, so Louvain's random node order is the same every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}


export interface Communities {
  /** Community number per node (in `ids` order); 0 is the largest community. */
  of: Int32Array;
  count: number;
  modularity: number;
}

/**
 * Louvain communities (graphology-communities-louvain, links weighted by shared meetings, seeded
 * RNG). Numbered by size, largest first, ties by their first member's position, so the same
 * graph always gets the same numbers and colours.
 */
export function detectCommunities(g: CompactGraph, seed = COMMUNITY_SEED): Communities {
  if (!g.ids.length) return { of: new Int32Array(0), count: 0, modularity: 0 };
  const graph = toGraphology(g);
  const result = louvain.detailed(graph, { getEdgeWeight: 'weight', rng: seededRandom(seed) });
  const raw = Int32Array.from(g.ids, (_, i) => result.communities[nodeKey(i)]!);
  const sizes = new Map<number, { size: number; first: number }>();
  raw.forEach((c, i) => {
    const s = sizes.get(c);
    if (s) s.size++;
    else sizes.set(c, { size: 1, first: i });
  });
  const order = [...sizes].sort((a, b) => b[1].size - a[1].size || a[1].first - b[1].first);
  const renumber = new Map(order.map(([c], k) => [c, k]));
  return { of: raw.map((c) => renumber.get(c)!), count: order.length, modularity: result.modularity };
}
