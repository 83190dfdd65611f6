import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { UndirectedGraph } from 'graphology';
import { weightedDegree } from 'graphology-metrics/node/weighted-degree';
import { buildIndex } from '../../../src/domain/indexes';
import { buildGraph, type ActorGraph } from '../../../src/domain/graph';
import type { Dataset } from '../../../src/domain/schema';
import { compactGraph } from '../../../src/domain/analysis/compactGraph';
import { computeMetric } from '../../../src/domain/analysis/centrality';
import { graphMeasures, graphMeasuresInSlices, measuresFromLinks } from '../../../src/domain/analysis/simpleMeasures';
import { generateSynthetic } from '../../../scripts/generate-synthetic';

/** graphology's own answer, built the way the analysis worker used to build it (mergeEdge per link). */
function reference(graph: ActorGraph) {
  const g = new UndirectedGraph();
  for (const n of graph.nodes) g.mergeNode(n.id);
  for (const e of graph.edges) if (e.source !== e.target) g.mergeEdge(e.source, e.target, { weight: e.weight });
  return {
    degree: graph.nodes.map((n) => g.degree(n.id)),
    weightedDegree: graph.nodes.map((n) => weightedDegree(g, n.id, 'weight')),
  };
}

/** Random simple graphs: up to 40 nodes, distinct unordered pairs, whole-number weights. */
const arbitraryGraph = fc
  .integer({ min: 0, max: 40 })
  .chain((n) =>
    fc
      .uniqueArray(fc.tuple(fc.nat(Math.max(0, n - 1)), fc.nat(Math.max(0, n - 1)), fc.integer({ min: 1, max: 9 })), {
        maxLength: n * 3,
        selector: ([a, b]) => (a < b ? `${a}-${b}` : `${b}-${a}`),
      })
      .map((links): ActorGraph => ({
        nodes: Array.from({ length: n }, (_, i) => ({ id: `a${i}`, count: 1 })),
        edges: n ? links.map(([a, b, w]) => ({ source: `a${a}`, target: `a${b}`, weight: w })) : [],
      })),
  );

describe('degree and weighted degree without graphology', () => {
  it('equal graphology-metrics on generated graphs (self-links skipped), from the actor graph and from its compact form', () => {
    fc.assert(
      fc.property(arbitraryGraph, (graph) => {
        const want = reference(graph);
        const got = graphMeasures(graph);
        expect(Array.from(got.degree)).toEqual(want.degree);
        expect(Array.from(got.weightedDegree)).toEqual(want.weightedDegree);
        const c = compactGraph(graph);
        expect(Array.from(computeMetric(c, 'degree'))).toEqual(want.degree);
        expect(Array.from(computeMetric(c, 'weightedDegree'))).toEqual(want.weightedDegree);
      }),
      { numRuns: 150 },
    );
  });

  it('equal graphology-metrics on a generated dataset network and on the bundled one', () => {
    const synthetic = buildIndex(JSON.parse(generateSynthetic({ meetings: 3000, actors: 400, seed: 9 })) as Dataset);
    const bundled = buildIndex(JSON.parse(readFileSync('public/data/meetings.json', 'utf8')) as Dataset);
    for (const index of [synthetic, bundled]) {
      const graph = buildGraph(index, Int32Array.from(index.meetings.keys()));
      expect(graph.edges.length).toBeGreaterThan(10);
      const want = reference(graph);
      const got = graphMeasures(graph);
      expect(Array.from(got.degree)).toEqual(want.degree);
      expect(Array.from(got.weightedDegree)).toEqual(want.weightedDegree);
    }
  });

  it('counts in slices: stops when told to yield, resumes where it stopped, and ends with the same values', () => {
    const index = buildIndex(JSON.parse(generateSynthetic({ meetings: 4000, actors: 300, seed: 4 })) as Dataset);
    const graph = buildGraph(index, Int32Array.from(index.meetings.keys()));
    expect(graph.edges.length).toBeGreaterThan(3 * 2048);
    const step = graphMeasuresInSlices(graph);
    let slices = 0;
    let values = null;
    while (!(values = step(() => true))) slices++;
    // One slice for the id table, then one per 2,048 links but the last.
    expect(slices).toBe(1 + Math.ceil(graph.edges.length / 2048) - 1);
    expect(values).toEqual(graphMeasures(graph));
  });

  it('skips links to actors outside the graph, and handles an empty one', () => {
    const graph: ActorGraph = { nodes: [{ id: 'a', count: 2 }, { id: 'b', count: 1 }], edges: [{ source: 'a', target: 'b', weight: 2 }, { source: 'a', target: 'gone', weight: 5 }] };
    expect(graphMeasures(graph)).toEqual({ degree: Float64Array.from([1, 1]), weightedDegree: Float64Array.from([2, 2]) });
    expect(measuresFromLinks(0, [], [])).toEqual({ degree: new Float64Array(0), weightedDegree: new Float64Array(0) });
  });
});
