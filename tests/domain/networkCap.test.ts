import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ActorGraph } from '../../src/domain/graph';
import { buildGraph } from '../../src/domain/graph';
import { buildIndex } from '../../src/domain/indexes';
import { EMPTY_FILTERS, filterMeetings } from '../../src/domain/filters';
import type { Dataset } from '../../src/domain/schema';
import { capNetwork, NETWORK_CAP, type NetworkCap } from '../../src/domain/networkCap';

/** A star around `hub` with `n` spokes (spoke k met the hub k times) plus a ring among the spokes. */
function star(n: number): ActorGraph {
  const nodes = [{ id: 'hub', count: (n * (n + 1)) / 2 }];
  const edges = [];
  for (let k = 1; k <= n; k++) {
    nodes.push({ id: `s${k}`, count: k + 2 });
    edges.push({ source: 'hub', target: `s${k}`, weight: k });
    if (k > 1) edges.push({ source: `s${k - 1}`, target: `s${k}`, weight: 1 });
  }
  return { nodes, edges };
}

/** The first, plain version (string sets, one sort-free pass per call): the typed-array one must agree with it. */
function referenceCap(graph: ActorGraph, cap: NetworkCap, focus: readonly string[]) {
  const top = <T,>(items: readonly T[], n: number, value: (item: T) => number): Set<T> => {
    if (items.length <= n) return new Set(items);
    const sorted = items.map((item, k) => ({ item, k, v: value(item) })).sort((a, b) => b.v - a.v || a.k - b.k);
    return new Set(sorted.slice(0, n).map((x) => x.item));
  };
  if (graph.nodes.length <= cap.actors && graph.edges.length <= cap.links) return { nodes: graph.nodes, edges: graph.edges };
  const keep = new Set([...top(graph.nodes, cap.actors, (n) => n.count)].map((n) => n.id));
  const present = new Set(graph.nodes.map((n) => n.id));
  const focused = new Set(focus.filter((id) => present.has(id)));
  for (const id of focused) {
    keep.add(id);
    const incident = graph.edges.filter((e) => e.source === id || e.target === id);
    for (const e of top(incident, cap.neighbours, (l) => l.weight)) keep.add(e.source === id ? e.target : e.source);
  }
  const among = graph.edges.filter((e) => keep.has(e.source) && keep.has(e.target));
  const strongest = top(among, cap.links, (l) => l.weight);
  return {
    nodes: graph.nodes.filter((n) => keep.has(n.id)),
    edges: among.filter((e) => strongest.has(e) || focused.has(e.source) || focused.has(e.target)),
  };
}

describe('capNetwork', () => {
  it('returns a graph within the caps unchanged', () => {
    const g = star(5);
    const out = capNetwork(g, { actors: 10, links: 20, neighbours: 3 });
    expect(out).toEqual({ graph: g, totalActors: 6, totalLinks: 9, offstage: [], capped: false });
    expect(out.graph).toBe(g);
  });

  it('keeps the busiest actors and the strongest links among them, and lists the rest as offstage', () => {
    const g = star(10);
    const out = capNetwork(g, { actors: 4, links: 2, neighbours: 2 });
    expect(out.capped).toBe(true);
    expect(out.totalActors).toBe(11);
    expect(out.totalLinks).toBe(19);
    expect(out.graph.nodes.map((n) => n.id)).toEqual(['hub', 's8', 's9', 's10']);
    expect(out.graph.edges).toEqual([
      { source: 'hub', target: 's9', weight: 9 },
      { source: 'hub', target: 's10', weight: 10 },
    ]);
    expect(out.offstage.map((n) => n.id)).toEqual(['s1', 's2', 's3', 's4', 's5', 's6', 's7']);
  });

  it('brings a focus actor in with its strongest counterparts and all its links among the kept actors', () => {
    const g = star(10);
    const out = capNetwork(g, { actors: 2, links: 1, neighbours: 2 }, ['s3']);
    const ids = out.graph.nodes.map((n) => n.id);
    // hub and s10 are the busiest; s3 comes in with its two strongest counterparts (hub 3, then s2 or s4 at 1).
    expect(ids).toContain('s3');
    expect(ids).toContain('hub');
    expect(ids).toContain('s10');
    expect(ids).toHaveLength(4);
    expect(out.graph.edges.filter((e) => e.source === 's3' || e.target === 's3').length).toBe(2);
    expect(out.offstage.some((n) => n.id === 's3')).toBe(false);
  });

  it('ignores focus ids that are not in the network', () => {
    const g = star(10);
    expect(capNetwork(g, { actors: 3, links: 3, neighbours: 2 }, ['nobody']).graph.nodes).toHaveLength(3);
  });

  it('always partitions the actors, stays within the caps but for focus, and keeps only links between kept actors', () => {
    const graphArb = fc
      .array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 5 })), { maxLength: 120 })
      .map((links) => {
        const weights = new Map<string, number>();
        for (const [a, b, w] of links) if (a !== b) weights.set(a < b ? `${a}-${b}` : `${b}-${a}`, w);
        const counts = new Map<string, number>();
        const edges = [...weights].map(([key, weight]) => {
          const [source, target] = key.split('-').map((x) => `a${x}`) as [string, string];
          for (const id of [source, target]) counts.set(id, (counts.get(id) ?? 0) + weight);
          return { source, target, weight };
        });
        return { nodes: [...counts].map(([id, count]) => ({ id, count })), edges } as ActorGraph;
      });
    fc.assert(
      fc.property(graphArb, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 20 }), fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 2 }), (g, actors, links, focusNums) => {
        const focus = focusNums.map((x) => `a${x}`);
        const out = capNetwork(g, { actors, links, neighbours: 3 }, focus);
        const kept = new Set(out.graph.nodes.map((n) => n.id));
        expect(out.graph.nodes.length + out.offstage.length).toBe(g.nodes.length);
        for (const n of out.offstage) expect(kept.has(n.id)).toBe(false);
        for (const e of out.graph.edges) expect(kept.has(e.source) && kept.has(e.target)).toBe(true);
        const present = focus.filter((id) => g.nodes.some((n) => n.id === id));
        for (const id of present) expect(kept.has(id)).toBe(true);
        if (!present.length) {
          expect(out.graph.nodes.length).toBeLessThanOrEqual(Math.max(actors, 0) || g.nodes.length);
          expect(out.graph.edges.length).toBeLessThanOrEqual(links);
        }
        // No drawn actor has fewer meetings than an undrawn one, unless it was brought in.
        if (!present.length && out.offstage.length) {
          const least = Math.min(...out.graph.nodes.map((n) => n.count));
          expect(Math.max(...out.offstage.map((n) => n.count))).toBeLessThanOrEqual(least);
        }
      }),
    );
  });

  it('agrees with the plain version for any graph, cap and focus, also when the same graph is capped again', () => {
    const graphArb = fc
      .array(fc.tuple(fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 25 }), fc.integer({ min: 1, max: 4 })), { maxLength: 100 })
      .map((links) => {
        const weights = new Map<string, number>();
        for (const [a, b, w] of links) if (a !== b) weights.set(`a${a}-a${b}`, w);
        const counts = new Map<string, number>();
        const edges = [...weights].map(([key, weight]) => {
          const [source, target] = key.split('-') as [string, string];
          for (const id of [source, target]) counts.set(id, (counts.get(id) ?? 0) + weight);
          return { source, target, weight };
        });
        return { nodes: [...counts].map(([id, count]) => ({ id, count })), edges } as ActorGraph;
      });
    const focusArb = fc.array(fc.integer({ min: 0, max: 27 }).map((x) => `a${x}`), { maxLength: 3 });
    fc.assert(
      fc.property(graphArb, fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 15 }), fc.integer({ min: 1, max: 4 }), fc.array(focusArb, { minLength: 1, maxLength: 3 }), (g, actors, links, neighbours, focuses) => {
        const cap = { actors, links, neighbours };
        for (const focus of [...focuses, []]) {
          const out = capNetwork(g, cap, focus);
          const want = referenceCap(g, cap, focus);
          expect(out.graph.nodes).toEqual(want.nodes);
          expect(out.graph.edges).toEqual(want.edges);
        }
        // Without focus the same graph and cap give the same object: a deselection redraws nothing.
        expect(capNetwork(g, cap, []).graph).toBe(capNetwork(g, cap, ['nobody']).graph);
      }),
    );
  });

  it('cuts the bundled network only when asked to, and a 20k-sized cap leaves it whole', () => {
    const index = buildIndex(JSON.parse(readFileSync('public/data/meetings.json', 'utf8')) as Dataset);
    const g = buildGraph(index, filterMeetings(index, EMPTY_FILTERS));
    expect(capNetwork(g, NETWORK_CAP).capped).toBe(false);
    const small = capNetwork(g, { actors: 3, links: 100, neighbours: 2 }, ['sosan']);
    expect(small.graph.nodes.map((n) => n.id)).toContain('sosan');
    expect(small.graph.nodes.map((n) => n.id)).toContain('khaji');
  });
});
