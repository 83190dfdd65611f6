import { describe, expect, it, vi } from 'vitest';
import type { GraphNode } from '../../../src/domain/graph';
import type { SceneNode } from '../../../src/viz/network/scene';
import { drawnListing, fullListing, listingOf, type Listing } from '../../../src/viz/network/sceneListing';

const node = (id: string, count = 1): SceneNode => ({
  id, name: id.toUpperCase(), short: id, affiliation: 'SYR', affiliationName: 'Syria', color: '#000', count, labelled: false,
});
const ids = (listing: Listing) => Array.from({ length: listing.length }, (_, p) => listing.id(p));

// Dataset positions 0…5 for actors a…f; name order (ranks) f, b, d, a, e, c.
const positions = new Map(['a', 'b', 'c', 'd', 'e', 'f'].map((id, pos) => [id, pos]));
const ranks = Int32Array.from([3, 1, 5, 2, 4, 0]);

describe('scene listings', () => {
  it('lists given nodes in the given order, and the drawn nodes in name order', () => {
    const nodes = [node('a'), node('b'), node('c')];
    expect(ids(listingOf(nodes))).toEqual(['a', 'b', 'c']);
    const drawn = drawnListing(nodes, Int32Array.from([1, 2, 0]), new Map(nodes.map((n, i) => [n.id, i])));
    expect(ids(drawn)).toEqual(['b', 'c', 'a']);
    expect(drawn.node(0)).toBe(nodes[1]);
    expect([drawn.has('c'), drawn.has('x')]).toEqual([true, false]);
    expect(listingOf(nodes).has('b')).toBe(true);
    expect(listingOf(nodes).has('z')).toBe(false);
  });

  it('lists drawn and left-out actors together in name order, ids the dataset does not know last, and makes a left-out node once, when asked', () => {
    const drawn = [node('d', 9), node('a', 7)];
    const offstage: GraphNode[] = [{ id: 'c', count: 2 }, { id: 'zz', count: 1 }, { id: 'f', count: 3 }];
    const make = vi.fn((g: GraphNode, pos: number | undefined) => ({ ...node(g.id, g.count), note: `pos ${pos}` }));
    const listing = fullListing(drawn, new Map([['d', 0], ['a', 1]]), offstage, (id) => positions.get(id), ranks, make);
    expect(listing.length).toBe(5);
    expect(ids(listing)).toEqual(['f', 'd', 'a', 'c', 'zz']);
    expect(make).not.toHaveBeenCalled();
    expect(listing.node(1)).toBe(drawn[0]);
    expect(listing.node(0)).toEqual({ ...node('f', 3), note: 'pos 5' });
    expect(listing.node(0)).toBe(listing.node(0));
    expect(listing.node(4).note).toBe('pos undefined');
    expect(make).toHaveBeenCalledTimes(2);
    expect(['a', 'c', 'd', 'f', 'zz'].map((id) => listing.has(id))).toEqual([true, true, true, true, true]);
    // Known to the dataset but neither drawn nor left out (b, e), or unknown to both.
    expect(['b', 'e', 'y'].map((id) => listing.has(id))).toEqual([false, false, false]);
  });
});
