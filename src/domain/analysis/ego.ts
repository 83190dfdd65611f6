import type { ActorGraph } from '../graph';

export type EgoDepth = 1 | 2;

/** Actors within `depth` steps of `center` in `graph` (including it); empty when it is not in the graph. */
export function egoMembers(graph: ActorGraph, center: string, depth: EgoDepth): Set<string> {
  const neighbours = new Map<string, string[]>();
  const link = (a: string, b: string) => {
    let list = neighbours.get(a);
    if (!list) neighbours.set(a, (list = []));
    list.push(b);
  };
  for (const e of graph.edges) {
    link(e.source, e.target);
    link(e.target, e.source);
  }
  if (!graph.nodes.some((n) => n.id === center)) return new Set();
  const seen = new Set([center]);
  let frontier = [center];
  for (let step = 0; step < depth; step++) {
    const next: string[] = [];
    for (const id of frontier) for (const other of neighbours.get(id) ?? []) if (!seen.has(other)) seen.add(other), next.push(other);
    frontier = next;
  }
  return seen;
}

/** The part of `graph` within `depth` steps of `center`: those actors and the links among them. */
export function egoGraph(graph: ActorGraph, center: string, depth: EgoDepth): ActorGraph {
  const keep = egoMembers(graph, center, depth);
  return {
    nodes: graph.nodes.filter((n) => keep.has(n.id)),
    edges: graph.edges.filter((e) => keep.has(e.source) && keep.has(e.target)),
  };
}
