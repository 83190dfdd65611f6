import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildGraph, MAX_PAIRWISE_PARTICIPANTS } from '../../../src/domain/graph';
import { buildFlatGraph, flatEgo, flatMeasures } from '../../../src/domain/engine/queryGraph';
import { egoGraph } from '../../../src/domain/analysis/ego';
import { graphMeasures } from '../../../src/domain/analysis/simpleMeasures';
import type { QueryIndex } from '../../../src/domain/indexes';

/** The object graph of a flat one (ids from the index), to compare with buildGraph's. */
const objects = (index: QueryIndex, g: ReturnType<typeof buildFlatGraph>) => {
  const id = (i: number) => index.actors[g.actors[i]!]!.id;
  const nodes = Array.from(g.actors, (_, i) => ({ id: id(i), count: g.counts[i]! }));
  const edges = Array.from(g.source, (s, e) => ({ source: id(s), target: id(g.target[e]!), weight: g.weights[e]! }));
  return g.hubMeetings ? { nodes, edges, hubMeetings: g.hubMeetings } : { nodes, edges };
};

/**
 * Meetings as participant rows, with what real data holds at the edges: unknown actors (-1), an actor listed twice,
 * and meetings past MAX_PAIRWISE_PARTICIPANTS (drawn as a hub from the first known participant).
 */
const datasets = fc.integer({ min: 2, max: 60 }).chain((actors) =>
  fc.record({
    actors: fc.constant(actors),
    rows: fc.array(
      fc.oneof(
        { weight: 6, arbitrary: fc.array(fc.integer({ min: -1, max: actors - 1 }), { minLength: 0, maxLength: 6 }) },
        { weight: 1, arbitrary: fc.array(fc.integer({ min: -1, max: actors - 1 }), { minLength: MAX_PAIRWISE_PARTICIPANTS + 1, maxLength: MAX_PAIRWISE_PARTICIPANTS + 8 }) },
      ),
      { maxLength: 80 },
    ),
    keep: fc.array(fc.boolean(), { minLength: 80, maxLength: 80 }),
  }),
);

const indexOf = (actors: number, rows: number[][]) =>
  ({ actors: Array.from({ length: actors }, (_, i) => ({ id: `actor-${i}`, affiliation: 'X' })), participants: rows.map((r) => Int32Array.from(r)) }) as unknown as QueryIndex;

describe('the flat graph equals the object graph', () => {
  it('buildFlatGraph gives buildGraph\'s nodes, links, order and hub count; flatEgo and flatMeasures give egoGraph\'s and graphMeasures\'', () => {
    fc.assert(
      fc.property(datasets, fc.integer({ min: 0, max: 59 }), fc.constantFrom(1 as const, 2 as const), ({ actors, rows, keep }, center, depth) => {
        const index = indexOf(actors, rows);
        const meetings = Int32Array.from(rows.keys()).filter((i) => keep[i]);
        const flat = buildFlatGraph(index, meetings);
        const graph = buildGraph(index, meetings);
        expect(objects(index, flat)).toEqual(graph);
        const measures = graphMeasures(graph);
        const counted = flatMeasures(flat);
        expect(Array.from(counted.degree)).toEqual(Array.from(measures.degree));
        expect(Array.from(counted.weightedDegree)).toEqual(Array.from(measures.weightedDegree));
        const centerId = `actor-${center}`;
        const at = flat.actors.indexOf(center);
        expect(objects(index, flatEgo(flat, at, depth))).toEqual(egoGraph(graph, centerId, depth));
      }),
      { numRuns: 300 },
    );
  });
});

describe('the flat graph of meetings in display order', () => {
  it('gives each of several graphs of one index, meetings in any order, what buildGraph gives (links in first-met order)', () => {
    const orders = fc.array(fc.array(fc.option(fc.integer(), { nil: null }), { minLength: 80, maxLength: 80 }), { minLength: 2, maxLength: 5 });
    fc.assert(
      fc.property(datasets, orders, ({ actors, rows }, picks) => {
        const index = indexOf(actors, rows);
        for (const pick of picks) {
          // A meeting is left out (null) or placed by its sort key: subsets in orders other than position, as display order is.
          const meetings = Int32Array.from([...rows.keys()].filter((i) => pick[i] !== null).sort((a, b) => pick[a]! - pick[b]! || a - b));
          expect(objects(index, buildFlatGraph(index, meetings))).toEqual(buildGraph(index, meetings));
        }
      }),
      { numRuns: 200 },
    );
  });
});

