import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../../src/domain/indexes';
import { buildGraph } from '../../../src/domain/graph';
import type { Dataset } from '../../../src/domain/schema';
import { buildScene, describeNode } from '../../../src/viz/network/scene';
import { applyAppearance, DEFAULT_APPEARANCE } from '../../../src/viz/network/appearance';
import { affiliationColors } from '../../../src/viz/palette';

const index = buildIndex(JSON.parse(readFileSync('public/data/meetings.json', 'utf8')) as Dataset);
const graph = buildGraph(index, Int32Array.from(index.meetings.keys()));
const colors = affiliationColors(index.dataset.countries.map((c) => c.code));
const range = [5, 22] as const;
const fresh = () => buildScene(graph, index, colors, new Map(), index.meetings.length, range);

describe('node appearance', () => {
  it('sizes by the given values, colours and describes by group, and goes back to the defaults', () => {
    const scene = fresh();
    const original = { radii: Float32Array.from(scene.radii), colors: scene.nodes.map((n) => n.color) };
    const positions = Float32Array.from(scene.state);
    const size = new Map(scene.nodes.map((n) => [n.id, n.id === 'pedersen' ? 0.5 : 0]));
    const color = new Map(scene.nodes.map((n) => [n.id, n.id === 'pedersen' ? '#000000' : '#ffffff']));
    const group = new Map(scene.nodes.map((n) => [n.id, n.id === 'pedersen' ? 'community 2' : 'community 1']));
    applyAppearance(scene, { size, sizeLabel: 'betweenness', color, group }, range);
    const p = scene.byId.get('pedersen')!;
    const k = scene.byId.get('khaji')!;
    expect(scene.radii[p]).toBe(22);
    expect(scene.radii[k]).toBe(5);
    expect(scene.nodes[p]!.color).toBe('#000000');
    expect(describeNode(scene.nodes[p]!)).toBe('United Nations (UN), 1 meeting, betweenness 0.500, community 2');
    // Positions are untouched: changing the measure never moves an actor by itself.
    expect(scene.state).toEqual(positions);

    applyAppearance(scene, DEFAULT_APPEARANCE, range);
    expect(Array.from(scene.radii)).toEqual(Array.from(original.radii));
    expect(scene.nodes.map((n) => n.color)).toEqual(original.colors);
    expect(describeNode(scene.nodes[p]!)).toBe('United Nations (UN), 1 meeting');
  });
});
