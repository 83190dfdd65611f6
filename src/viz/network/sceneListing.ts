import { orderByRank } from '../../domain/nameOrder';
import type { GraphNode } from '../../domain/graph';
import type { SceneNode } from './scene';

/**
 * The actors the keyboard list offers, in name order, read by position. Nodes are asked for one at a time, as the list
 * places them (in idle-time slices): a capped 250k network lists ~30,000 actors, and making a node object for each of
 * them up front took 10-26 ms of a single idle callback after every filter step once someone had used the list.
 */
export interface Listing {
  readonly length: number;
  id(position: number): string;
  node(position: number): SceneNode;
  /** Whether actor `id` is listed. */
  has(id: string): boolean;
}

/** A listing of `nodes` in the order given. */
export function listingOf(nodes: readonly SceneNode[]): Listing {
  let ids: Set<string> | null = null;
  return {
    length: nodes.length,
    id: (p) => nodes[p]!.id,
    node: (p) => nodes[p]!,
    has: (id) => (ids ??= new Set(nodes.map((n) => n.id))).has(id),
  };
}

/** The drawn nodes in name order (`byName`: node indices). */
export function drawnListing(nodes: readonly SceneNode[], byName: Int32Array, byId: ReadonlyMap<string, number>): Listing {
  return {
    length: byName.length,
    id: (p) => nodes[byName[p]!]!.id,
    node: (p) => nodes[byName[p]!]!,
    has: (id) => byId.has(id),
  };
}

/**
 * The drawn nodes and the actors a capped picture leaves out, together in name order. `positionOf` gives an actor's
 * position in the dataset, `ranks` each position's place in name order; `offstageNode` makes a left-out actor's node
 * (made once, when the list first asks for it).
 */
export function fullListing(
  nodes: readonly SceneNode[],
  byId: ReadonlyMap<string, number>,
  offstage: readonly GraphNode[],
  positionOf: (id: string) => number | undefined,
  ranks: Int32Array,
  offstageNode: (g: GraphNode, position: number | undefined) => SceneNode,
): Listing {
  const drawn = nodes.length;
  const total = drawn + offstage.length;
  const idAt = (i: number) => (i < drawn ? nodes[i]!.id : offstage[i - drawn]!.id);
  const positions = new Int32Array(total);
  // Left-out actors by dataset position (a byte per actor, no set of 30,000 strings); ids the dataset does not know by name.
  const offstageAt = new Uint8Array(ranks.length);
  const unknown = new Set<string>();
  for (let i = 0; i < total; i++) {
    const pos = positionOf(idAt(i));
    positions[i] = pos ?? -1;
    if (i < drawn) continue;
    if (pos !== undefined && pos >= 0 && pos < ranks.length) offstageAt[pos] = 1;
    else unknown.add(idAt(i));
  }
  const order = orderByRank(total, (i) => (positions[i]! >= 0 ? ranks[positions[i]!] : undefined), ranks.length);
  const made: (SceneNode | undefined)[] = new Array(offstage.length);
  return {
    length: total,
    id: (p) => idAt(order[p]!),
    node: (p) => {
      const i = order[p]!;
      if (i < drawn) return nodes[i]!;
      return (made[i - drawn] ??= offstageNode(offstage[i - drawn]!, positions[i]! >= 0 ? positions[i] : undefined));
    },
    has: (id) => {
      if (byId.has(id)) return true;
      const pos = positionOf(id);
      return pos !== undefined && pos >= 0 && pos < ranks.length ? offstageAt[pos] === 1 : unknown.has(id);
    },
  };
}
