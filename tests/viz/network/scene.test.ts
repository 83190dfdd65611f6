import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildIndex } from '../../../src/domain/indexes';
import { buildGraph } from '../../../src/domain/graph';
import type { Dataset } from '../../../src/domain/schema';
import { buildScene, nameRank, sameGraph, strongestEdges } from '../../../src/viz/network/scene';

const dataset = JSON.parse(readFileSync('public/data/meetings.json', 'utf8')) as Dataset;
const index = buildIndex(dataset);
const all = Int32Array.from(index.meetings.keys());

/** The obvious definition: within budget every edge in order, else sort all, heaviest first, ties by index. */
const naiveStrongest = (weights: Float32Array, budget: number) =>
  weights.length <= budget ? Array.from(weights.keys()) : Array.from(weights.keys()).sort((a, b) => weights[b]! - weights[a]! || a - b).slice(0, budget);

describe('edge budget at scale', () => {
  it('keeps exactly the heaviest edges, heaviest first and ties by index, for counts and fractional weights', () => {
    const weight = fc.oneof(fc.integer({ min: 1, max: 40 }), fc.double({ min: 0.5, max: 9, noNaN: true }).map(Math.fround));
    fc.assert(
      fc.property(fc.array(weight, { maxLength: 300 }), fc.nat(320), (list, budget) => {
        const weights = Float32Array.from(list);
        expect(Array.from(strongestEdges(weights, budget))).toEqual(naiveStrongest(weights, budget));
      }),
    );
  });

  it('keeps ties in index order when the budget cuts through equal weights', () => {
    expect(Array.from(strongestEdges(new Float32Array([2, 1, 2, 2, 1, 3]), 3))).toEqual([5, 0, 2]);
  });
});

describe('graph identity', () => {
  it('treats an equal graph built again as the same and any changed count or link as different', () => {
    const a = buildGraph(index, all);
    const b = buildGraph(index, all);
    expect(a).not.toBe(b);
    expect(sameGraph(a, b)).toBe(true);
    const heavier = { ...b, edges: b.edges.map((e, i) => (i === 0 ? { ...e, weight: e.weight + 1 } : e)) };
    expect(sameGraph(a, heavier)).toBe(false);
    const busier = { ...b, nodes: b.nodes.map((n, i) => (i === 1 ? { ...n, count: n.count + 1 } : n)) };
    expect(sameGraph(a, busier)).toBe(false);
    expect(sameGraph(a, buildGraph(index, all.subarray(0, 3)))).toBe(false);
  });
});

describe('name order', () => {
  it('orders actors by name ignoring case and accents, once per dataset', () => {
    const names = ['émile Zola', 'Anna Berg', 'Eva Lund', 'anders Berg', 'Örjan Ek'];
    const custom = structuredClone(dataset);
    custom.actors = custom.actors.slice(0, names.length).map((a, i) => ({ ...a, name: names[i]! }));
    const customIndex = buildIndex(custom);
    const ranks = nameRank(customIndex);
    const sorted = [...names].sort((x, y) => ranks[names.indexOf(x)]! - ranks[names.indexOf(y)]!);
    expect(sorted).toEqual(['anders Berg', 'Anna Berg', 'émile Zola', 'Eva Lund', 'Örjan Ek']);
    expect(nameRank(customIndex)).toBe(ranks);
  });

  it('gives the order of comparing the keys one by one (ties by position), for any names', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('Émile', 'emile', 'Ørjan', 'orjan', 'Anna B', 'Anna')), { minLength: 1, maxLength: 40 }), (names) => {
        const custom = structuredClone(dataset);
        custom.actors = names.map((name, i) => ({ ...custom.actors[0]!, id: `a-${i}`, name }));
        custom.meetings = [];
        const keys = names.map((n) => n.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase());
        const order = names.map((_, i) => i).sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : a - b));
        const ranks = nameRank(buildIndex(custom));
        expect(order.map((pos) => ranks[pos])).toEqual(names.map((_, rank) => rank));
      }),
      { numRuns: 60 },
    );
  });

  it('lists scene nodes in name order', () => {
    const scene = buildScene(buildGraph(index, all), index, new Map(), new Map(), all.length, [5, 22]);
    const names = Array.from(scene.byName, (i) => scene.nodes[i]!.name.toLowerCase());
    expect(names).toEqual([...names].sort((x, y) => x.localeCompare(y, 'en', { sensitivity: 'base' })));
    expect(new Set(scene.byName).size).toBe(scene.nodes.length);
  });
});
