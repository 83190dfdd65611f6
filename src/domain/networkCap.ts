import type { ActorGraph, GraphEdge, GraphNode } from './graph';

/**
 * The strongest part of a large network: what the network view draws once a filter leaves more actors than a
 * picture can show (and than a layout can place within a step). Actors are ranked by meetings in the current
 * filter, links by shared meetings; the actors a selection is about (and their strongest counterparts) are always
 * in, so selecting any actor brings it and its neighbours into the picture.
 */
export interface CappedNetwork {
  graph: ActorGraph;
  /** Actors and links of the whole network (before the cap). */
  totalActors: number;
  totalLinks: number;
  /** Actors of the whole network that are not drawn (for the keyboard list and search). */
  offstage: GraphNode[];
  capped: boolean;
}

export interface NetworkCap {
  /** Most actors drawn (the busiest by meetings), before the brought-in ones. */
  actors: number;
  /** Most links drawn (the strongest by shared meetings), before the brought-in ones' links. */
  links: number;
  /** Most counterparts brought in with each focus actor (its strongest links). */
  neighbours: number;
}

export const NETWORK_CAP: NetworkCap = { actors: 500, links: 5000, neighbours: 100 };

/**
 * The `n` items with the highest `value` (whole numbers ≥ 0), ties taken in input order: a count of each value
 * finds the threshold in linear time, so no sort of tens of thousands of actors or links per filter step.
 */
function topByValue<T>(items: readonly T[], n: number, value: (item: T) => number): Set<T> {
  if (items.length <= n) return new Set(items);
  let max = 0;
  for (const item of items) max = Math.max(max, value(item));
  const histogram = new Uint32Array(max + 2);
  for (const item of items) histogram[value(item)]!++;
  // The lowest value that still gets in, and how many items of exactly that value fit.
  let threshold = max;
  let above = 0;
  while (threshold > 0 && above + histogram[threshold]! < n) above += histogram[threshold--]!;
  let tiesLeft = n - above;
  const out = new Set<T>();
  for (const item of items) {
    const v = value(item);
    if (v > threshold) out.add(item);
    else if (v === threshold && tiesLeft > 0) {
      out.add(item);
      tiesLeft--;
    }
  }
  return out;
}

/**
 * `graph` cut to at most `cap.actors` busiest actors plus each `focus` actor with up to `cap.neighbours` of its
 * strongest counterparts; links among the kept actors, at most `cap.links` of the strongest plus every link of a
 * focus actor to a kept actor. Ties go by the input graph's order, and node and link order follow it (so
 * positions and colours stay put).
 * A graph within the caps is returned as it is.
 */
export function capNetwork(graph: ActorGraph, cap: NetworkCap = NETWORK_CAP, focus: readonly string[] = []): CappedNetwork {
  const totalActors = graph.nodes.length;
  const totalLinks = graph.edges.length;
  if (totalActors <= cap.actors && totalLinks <= cap.links) return { graph, totalActors, totalLinks, offstage: [], capped: false };

  const keep = new Set<string>();
  for (const node of topByValue(graph.nodes, cap.actors, (n) => n.count)) keep.add(node.id);
  const present = new Set(graph.nodes.map((n) => n.id));
  const focused = new Set(focus.filter((id) => present.has(id)));
  if (focused.size) {
    const incident = new Map<string, GraphEdge[]>();
    for (const e of graph.edges) {
      if (focused.has(e.source)) (incident.get(e.source) ?? incident.set(e.source, []).get(e.source)!).push(e);
      if (focused.has(e.target)) (incident.get(e.target) ?? incident.set(e.target, []).get(e.target)!).push(e);
    }
    for (const id of focused) {
      keep.add(id);
      for (const e of topByValue(incident.get(id) ?? [], cap.neighbours, (l) => l.weight)) keep.add(e.source === id ? e.target : e.source);
    }
  }
  const among = graph.edges.filter((e) => keep.has(e.source) && keep.has(e.target));
  const strongest = topByValue(among, cap.links, (l) => l.weight);
  const edges = among.filter((e) => strongest.has(e) || focused.has(e.source) || focused.has(e.target));
  const nodes: GraphNode[] = [];
  const offstage: GraphNode[] = [];
  for (const node of graph.nodes) (keep.has(node.id) ? nodes : offstage).push(node);
  const capped: ActorGraph = graph.hubMeetings ? { nodes, edges, hubMeetings: graph.hubMeetings } : { nodes, edges };
  return { graph: capped, totalActors, totalLinks, offstage, capped: true };
}
