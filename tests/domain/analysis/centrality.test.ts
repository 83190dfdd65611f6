import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UndirectedGraph } from 'graphology';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness';
import pagerank from 'graphology-metrics/centrality/pagerank';
import { buildIndex } from '../../../src/domain/indexes';
import type { Dataset } from '../../../src/domain/schema';
import { buildGraph } from '../../../src/domain/graph';
import { EMPTY_FILTERS, filterMeetings } from '../../../src/domain/filters';
import type { ActorGraph } from '../../../src/domain/graph';
import fc from 'fast-check';
import { compactGraph } from '../../../src/domain/analysis/compactGraph';
import { computeMetric, computeMetrics } from '../../../src/domain/analysis/centrality';
import { detectCommunities } from '../../../src/domain/analysis/communities';
import { orderByValue, ranksOf, topEntries } from '../../../src/domain/analysis/ranking';
import { runTask } from '../../../src/domain/analysis/runTask';

const index = buildIndex(JSON.parse(readFileSync('public/data/meetings.json', 'utf8')) as Dataset);

/** A graph from "a-b:weight" strings; every node counts the meetings of its links. */
function graphOf(...links: string[]): ActorGraph {
  const counts = new Map<string, number>();
  const edges = links.map((l) => {
    const [pair, w = '1'] = l.split(':');
    const [source, target] = pair!.split('-') as [string, string];
    for (const id of [source, target]) counts.set(id, (counts.get(id) ?? 0) + Number(w));
    return { source, target, weight: Number(w) };
  });
  return { nodes: [...counts].map(([id, count]) => ({ id, count })), edges };
}

const star = graphOf('hub-a', 'hub-b', 'hub-c', 'hub-d');
const path = graphOf('a-b:2', 'b-c', 'c-d:3');
const values = (g: ActorGraph, m: Parameters<typeof computeMetric>[1]) => Array.from(computeMetric(compactGraph(g), m));

describe('centrality', () => {
  it('gives the textbook values on a star', () => {
    expect(values(star, 'degree')).toEqual([4, 1, 1, 1, 1]);
    // The hub lies on every shortest path between two leaves: normalised betweenness 1.
    expect(values(star, 'betweenness')).toEqual([1, 0, 0, 0, 0]);
    const pr = values(star, 'pagerank');
    expect(pr.reduce((a, b) => a + b)).toBeCloseTo(1, 6);
    expect(pr[0]).toBeGreaterThan(pr[1]!);
    expect(new Set(pr.slice(1).map((v) => v.toFixed(9))).size).toBe(1);
  });

  it('weights degree by shared meetings and keeps betweenness unweighted on a path', () => {
    expect(values(path, 'meetings')).toEqual([2, 3, 4, 3]);
    expect(values(path, 'degree')).toEqual([1, 2, 2, 1]);
    expect(values(path, 'weightedDegree')).toEqual([2, 3, 4, 3]);
    // Path a-b-c-d: b and c each lie on 2 of the 3 pairs' shortest paths among the others; normalised by (n-1)(n-2)/2 = 3.
    expect(values(path, 'betweenness').map((v) => +v.toFixed(6))).toEqual([0, 0.666667, 0.666667, 0]);
  });

  it('equals graphology-metrics run directly on the bundled network', () => {
    const graph = buildGraph(index, filterMeetings(index, EMPTY_FILTERS));
    const reference = new UndirectedGraph();
    for (const n of graph.nodes) reference.addNode(n.id);
    for (const e of graph.edges) reference.addEdge(e.source, e.target, { weight: e.weight });
    const expectedBetweenness = betweennessCentrality(reference, { normalized: true, getEdgeWeight: null });
    const expectedPagerank = pagerank(reference, { getEdgeWeight: 'weight' });
    const g = compactGraph(graph);
    const got = computeMetrics(g, ['degree', 'betweenness', 'pagerank']);
    g.ids.forEach((id, i) => {
      expect(got.degree![i]).toBe(reference.degree(id));
      expect(got.betweenness![i]).toBeCloseTo(expectedBetweenness[id]!, 12);
      expect(got.pagerank![i]).toBeCloseTo(expectedPagerank[id]!, 12);
    });
    // Khaji met six counterparts and sits on the most paths.
    expect(topEntries(g.ids, got.degree!, 1)[0]).toEqual({ id: 'khaji', value: 7, rank: 1 });
    expect(topEntries(g.ids, got.betweenness!, 1)[0]!.id).toBe('khaji');
  });

  it('runs the same computation through the task entry point', () => {
    const g = compactGraph(star);
    expect(Array.from(runTask({ kind: 'metrics', graph: g, metrics: ['degree'] }).degree!)).toEqual([4, 1, 1, 1, 1]);
    expect(runTask({ kind: 'periods', graphs: [g, compactGraph(path)], metric: 'degree' }).map((v) => Array.from(v))).toEqual([
      [4, 1, 1, 1, 1],
      [1, 2, 2, 1],
    ]);
  });

  it('computes measures and communities for actors whose ids are Object.prototype names', () => {
    const names = ['constructor', 'hasOwnProperty', 'toString', 'valueOf', '__proto__'];
    const g = compactGraph(graphOf('constructor-hasOwnProperty:2', 'constructor-toString', 'constructor-valueOf', 'valueOf-__proto__', 'toString-__proto__'));
    expect([...g.ids].sort()).toEqual([...names].sort());
    const got = computeMetrics(g, ['degree', 'weightedDegree', 'betweenness', 'pagerank']);
    expect(got.degree![g.ids.indexOf('constructor')]).toBe(3);
    expect(got.weightedDegree![g.ids.indexOf('constructor')]).toBe(4);
    for (const values of Object.values(got)) expect(Array.from(values).every(Number.isFinite)).toBe(true);
    const communities = detectCommunities(g);
    expect(communities.of).toHaveLength(names.length);
    expect(Array.from(communities.of).every((c) => c >= 0 && c < communities.count)).toBe(true);
  });

  it('handles an empty graph', () => {
    const empty = compactGraph({ nodes: [], edges: [] });
    expect(computeMetrics(empty, ['degree', 'betweenness', 'pagerank'])).toEqual({
      degree: new Float64Array(0),
      betweenness: new Float64Array(0),
      pagerank: new Float64Array(0),
    });
  });
});

describe('ranking', () => {
  it('gives equal values the same competition rank and orders ties by id', () => {
    const ids = ['c', 'a', 'b', 'd'];
    expect(Array.from(ranksOf(ids, [5, 7, 5, 1]))).toEqual([2, 1, 2, 4]);
    expect(topEntries(ids, [5, 7, 5, 1], 3)).toEqual([
      { id: 'a', value: 7, rank: 1 },
      { id: 'b', value: 5, rank: 2 },
      { id: 'c', value: 5, rank: 2 },
    ]);
  });

  it('picks the same top entries as a full sort, ranks included', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 40 }), fc.integer({ min: 0, max: 12 }), (vals, n) => {
        const ids = vals.map((_, i) => `a${(i * 7) % 41}-${i}`);
        const order = Array.from(orderByValue(ids, vals)).slice(0, n);
        const ranks = ranksOf(ids, vals);
        expect(topEntries(ids, vals, n)).toEqual(order.map((i) => ({ id: ids[i]!, value: vals[i]!, rank: ranks[i]! })));
      }),
    );
  });

  it('treats floating-point noise as a tie', () => {
    expect(Array.from(ranksOf(['x', 'y'], [0.1 + 0.2, 0.3]))).toEqual([1, 1]);
  });
});
