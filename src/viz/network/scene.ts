import { nameRankOf, orderByRank } from '../../domain/nameOrder';
import type { DatasetIndex } from '../../domain/indexes';
import { memoizeLast } from '../../domain/memo';
import type { ActorGraph, GraphNode } from '../../domain/graph';
import { drawnListing, fullListing, listingOf, type Listing } from './sceneListing';
import { adjacency, edgeWidthScale, labelledNodes, radiusScale, reheatAlpha, seedPositions, shortName, STATE_STRIDE, type NodeState } from './layoutModel';

/** What a renderer draws: nodes by index, edges as index pairs, layout state shared with the runner. */
export interface SceneNode {
  id: string;
  name: string;
  short: string;
  /** Affiliation code and its display name, for descriptions and the canvas legend. */
  affiliation: string;
  affiliationName: string;
  color: string;
  count: number;
  /** Permanently labelled (one of the biggest); highlighted nodes are labelled as well. */
  labelled: boolean;
  /** The affiliation colour, kept when another colouring (communities) replaces `color`. */
  baseColor?: string;
  /** Extra description from the chosen size and colouring (e.g. "betweenness 0.12, community 2"). */
  note?: string;
}

export interface Scene {
  nodes: SceneNode[];
  byId: Map<string, number>;
  radii: Float32Array;
  /** Interleaved x, y, vx, vy per node; replaced as the layout reports. */
  state: Float32Array;
  links: Int32Array;
  weights: Float32Array;
  widths: Float32Array;
  /**
   * Edges actually drawn (and clickable): the strongest ones, up to a budget. A hairball of tens
   * of thousands of lines shows nothing and costs hundreds of milliseconds to rasterize.
   */
  drawn: Int32Array;
  meetings: number;
  /** How hard the layout should re-heat for this update. */
  alpha: number;
  /** Node indices in name order (for the keyboard list); derived from one sort per dataset. */
  byName: Int32Array;
  /** Actors of the filtered network that a capped picture does not draw. */
  offstageCount: number;
  /**
   * Every actor the keyboard list offers, in name order: the drawn nodes and, when the network is capped, the ones not
   * drawn (choosing one selects it, which brings it in). Worked out on first call: paid only once someone uses the list.
   */
  listed(): Listing;
}

export const EMPTY_SCENE: Scene = {
  nodes: [], byId: new Map(), radii: new Float32Array(0), state: new Float32Array(0),
  links: new Int32Array(0), weights: new Float32Array(0), widths: new Float32Array(0), drawn: new Int32Array(0), meetings: 0, alpha: 0, byName: new Int32Array(0), offstageCount: 0, listed: () => listingOf([]),
};

export const LABEL_LIMIT = 40;

const shortNameCache = new WeakMap<DatasetIndex, (string | undefined)[]>();
/** Node labels by actor position, filled as actors first appear (the regexes are not free at 5,000 actors). */
function shortNames(index: DatasetIndex): (string | undefined)[] {
  let names = shortNameCache.get(index);
  if (!names) shortNameCache.set(index, (names = new Array<string | undefined>(index.actors.length)));
  return names;
}

/** Each actor's place in name order (see nameOrder.ts). */
export const nameRank = nameRankOf;

const FALLBACK_COLOR = '#7F7F7F';

export function describeNode(node: SceneNode): string {
  const base = `${node.affiliationName} (${node.affiliation}), ${node.count} ${node.count === 1 ? 'meeting' : 'meetings'}`;
  return node.note ? `${base}, ${node.note}` : base;
}

/** Builds the drawable scene for a graph, seeding positions from where each actor was drawn before. */
export function buildScene(
  graph: ActorGraph,
  index: DatasetIndex,
  colors: ReadonlyMap<string, string>,
  previous: ReadonlyMap<string, NodeState>,
  meetings: number,
  radiusRange: readonly [number, number],
  edgeBudget = Infinity,
  offstage: readonly GraphNode[] = [],
): Scene {
  const byId = new Map<string, number>();
  const nodes: SceneNode[] = [];
  const shorts = shortNames(index);
  let maxCount = 0;
  for (const g of graph.nodes) {
    const pos = index.actorPos.get(g.id);
    const actor = pos === undefined ? undefined : index.actors[pos];
    const affiliation = actor?.affiliation ?? '';
    byId.set(g.id, nodes.length);
    nodes.push({
      id: g.id,
      name: actor?.name ?? g.id,
      short: actor ? (shorts[pos!] ??= shortName(actor.name, actor.kind)) : g.id,
      affiliation,
      affiliationName: index.countryByCode.get(affiliation)?.name ?? affiliation,
      color: colors.get(affiliation) ?? FALLBACK_COLOR,
      count: g.count,
      labelled: false,
    });
    maxCount = Math.max(maxCount, g.count);
  }
  const links = new Int32Array(graph.edges.length * 2);
  const weights = new Float32Array(graph.edges.length);
  let maxWeight = 1;
  let e = 0;
  for (const edge of graph.edges) {
    const a = byId.get(edge.source);
    const b = byId.get(edge.target);
    if (a === undefined || b === undefined) continue;
    links[2 * e] = a;
    links[2 * e + 1] = b;
    weights[e] = edge.weight;
    maxWeight = Math.max(maxWeight, edge.weight);
    e++;
  }
  const usedLinks = links.subarray(0, 2 * e);
  const usedWeights = weights.subarray(0, e);
  const radius = radiusScale(maxCount, radiusRange[0], radiusRange[1]);
  const radii = Float32Array.from(nodes, (n) => radius(n.count));
  for (const i of labelledNodes(radii, LABEL_LIMIT)) nodes[i]!.labelled = true;
  const width = edgeWidthScale(maxWeight);
  const widths = new Float32Array(e);
  for (let k = 0; k < e; k++) widths[k] = width(usedWeights[k]!);
  const ids = nodes.map((n) => n.id);
  const state = seedPositions(ids, adjacency(nodes.length, usedLinks), previous, 4 + radiusRange[1]);
  let fresh = 0;
  for (const id of ids) if (!previous.has(id)) fresh++;
  const ranks = nameRank(index);
  const rankOfId = (id: string) => ranks[index.actorPos.get(id) ?? -1];
  const byName = orderByRank(nodes.length, (i) => rankOfId(nodes[i]!.id), ranks.length);
  let listing: Listing | null = null;
  const listed = (): Listing =>
    (listing ??= offstage.length
      ? fullListing(nodes, byId, offstage, (id) => index.actorPos.get(id), ranks, (g, pos) => offstageNode(g, pos, index, colors))
      : drawnListing(nodes, byName, byId));
  return {
    nodes,
    byId,
    radii,
    state,
    links: usedLinks,
    weights: usedWeights,
    widths,
    drawn: strongestEdges(usedWeights, edgeBudget),
    meetings,
    alpha: reheatAlpha(fresh, nodes.length, previous.size > 0),
    byName,
    offstageCount: offstage.length,
    listed,
  };
}

/** An actor of the filtered network that the capped picture leaves out: listed for the keyboard, not drawn. */
function offstageNode(g: GraphNode, pos: number | undefined, index: DatasetIndex, colors: ReadonlyMap<string, string>): SceneNode {
  const actor = pos === undefined ? undefined : index.actors[pos];
  const affiliation = actor?.affiliation ?? '';
  return {
    id: g.id,
    name: actor?.name ?? g.id,
    short: '',
    affiliation,
    affiliationName: index.countryByCode.get(affiliation)?.name ?? affiliation,
    color: colors.get(affiliation) ?? FALLBACK_COLOR,
    count: g.count,
    labelled: false,
    note: 'not drawn (only the busiest actors are); choose it to bring it and its counterparts in',
  };
}

/** Indices of the `budget` heaviest edges (all of them when within budget), heaviest first, ties by index. */
export function strongestEdges(weights: Float32Array, budget: number): Int32Array {
  const n = weights.length;
  if (n <= budget) return Int32Array.from(weights.keys());
  if (budget <= 0) return new Int32Array(0);
  const cut = weightCutoff(weights, budget);
  const kept = new Int32Array(budget);
  let k = 0;
  for (let e = 0; e < n; e++) if (weights[e]! > cut) kept[k++] = e;
  for (let e = 0; e < n && k < budget; e++) if (weights[e] === cut) kept[k++] = e;
  return kept.sort((a, b) => weights[b]! - weights[a]! || a - b);
}

/**
 * The weight of the `budget`-th heaviest edge. Weights are meeting counts, so a histogram finds it
 * in one pass; anything else falls back to a native numeric sort. Only the kept few are then
 * sorted with a comparator (sorting 250,000 edges that way took ~50 ms).
 */
function weightCutoff(weights: Float32Array, budget: number): number {
  let max = 0;
  let integral = true;
  for (let e = 0; e < weights.length; e++) {
    const w = weights[e]!;
    if (w > max) max = w;
    if (!(w >= 0 && Number.isInteger(w))) integral = false;
  }
  if (!integral || max > 1 << 20) return Float32Array.from(weights).sort()[weights.length - budget]!;
  const histogram = new Int32Array(max + 1);
  for (let e = 0; e < weights.length; e++) histogram[weights[e]!]!++;
  let heavier = 0;
  for (let w = max; w > 0; w--) {
    heavier += histogram[w]!;
    if (heavier >= budget) return w;
  }
  return 0;
}

/**
 * Whether two graphs have the same actors, counts and links in the same order. Recomputed
 * selectors can hand over an equal graph as a new object; rebuilding the scene for it would
 * cost tens of milliseconds at thousands of actors, comparing costs about one.
 */
export function sameGraph(a: ActorGraph, b: ActorGraph): boolean {
  if (a === b) return true;
  if (a.nodes.length !== b.nodes.length || a.edges.length !== b.edges.length) return false;
  for (let i = 0; i < a.nodes.length; i++) {
    const x = a.nodes[i]!;
    const y = b.nodes[i]!;
    if (x.id !== y.id || x.count !== y.count) return false;
  }
  for (let i = 0; i < a.edges.length; i++) {
    const x = a.edges[i]!;
    const y = b.edges[i]!;
    if (x.source !== y.source || x.target !== y.target || x.weight !== y.weight) return false;
  }
  return true;
}

/** Writes the scene's current positions into the persistent position memory. */
export function rememberPositions(scene: Scene, memory: Map<string, NodeState>): void {
  const s = scene.state;
  scene.nodes.forEach((node, i) => {
    const o = i * STATE_STRIDE;
    memory.set(node.id, { x: s[o]!, y: s[o + 1]!, vx: s[o + 2]!, vy: s[o + 3]! });
  });
}

/** Per-node and per-edge emphasis, precomputed so drawing is a flat loop. */
export interface Emphasis {
  /** Anything highlighted at all (otherwise nothing is dimmed). */
  active: boolean;
  /** 1 where the node is highlighted. */
  lit: Uint8Array;
  /** 1 where the node is a direct counterpart of the selected actor: context, so not dimmed. */
  near: Uint8Array;
  selectedNode: number;
  selectedEdge: readonly [number, number] | null;
  hovered: number;
  focused: number;
}

export function computeEmphasis(
  scene: Scene,
  highlighted: ReadonlySet<string>,
  selection: { kind: string; id?: string; a?: string; b?: string } | null,
  hoveredId: string | null,
  focused: number,
): Emphasis {
  const lit = new Uint8Array(scene.nodes.length);
  let active = false;
  for (const id of highlighted) {
    const i = scene.byId.get(id);
    if (i !== undefined) {
      lit[i] = 1;
      active = true;
    }
  }
  const at = (id: string | undefined) => (id === undefined ? -1 : (scene.byId.get(id) ?? -1));
  const selectedNode = selection?.kind === 'actor' ? at(selection.id) : -1;
  let selectedEdge: readonly [number, number] | null = null;
  if (selection?.kind === 'edge') {
    const a = at(selection.a);
    const b = at(selection.b);
    if (a >= 0 && b >= 0) selectedEdge = [a, b];
  }
  const near = counterpartsOf(scene, selectedNode);
  return { active, lit, near, selectedNode, selectedEdge, hovered: hoveredId === null ? -1 : at(hoveredId), focused };
}

/**
 * 1 at each direct counterpart of `node`. A pass over every link (hundreds of thousands at 100k
 * meetings), so kept while scene and node stay: a selection sets highlight and selection in turn.
 */
const counterpartsOf = memoizeLast((scene: Scene, node: number): Uint8Array => {
  const near = new Uint8Array(scene.nodes.length);
  if (node < 0) return near;
  const l = scene.links;
  for (let k = 0; k + 1 < l.length; k += 2) {
    if (l[k] === node) near[l[k + 1]!] = 1;
    else if (l[k + 1] === node) near[l[k]!] = 1;
  }
  return near;
});

export function isSelectedEdge(em: Emphasis, a: number, b: number): boolean {
  const s = em.selectedEdge;
  return s !== null && ((s[0] === a && s[1] === b) || (s[0] === b && s[1] === a));
}
