import type { DatasetIndex } from '../../domain/indexes';
import type { ActorGraph } from '../../domain/graph';
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
}

export const EMPTY_SCENE: Scene = {
  nodes: [], byId: new Map(), radii: new Float32Array(0), state: new Float32Array(0),
  links: new Int32Array(0), weights: new Float32Array(0), widths: new Float32Array(0), drawn: new Int32Array(0), meetings: 0, alpha: 0,
};

export const LABEL_LIMIT = 40;
const FALLBACK_COLOR = '#7F7F7F';

export function describeNode(node: SceneNode): string {
  return `${node.affiliationName} (${node.affiliation}), ${node.count} ${node.count === 1 ? 'meeting' : 'meetings'}`;
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
): Scene {
  const byId = new Map<string, number>();
  const nodes: SceneNode[] = [];
  let maxCount = 0;
  for (const g of graph.nodes) {
    const pos = index.actorPos.get(g.id);
    const actor = pos === undefined ? undefined : index.actors[pos];
    const affiliation = actor?.affiliation ?? '';
    byId.set(g.id, nodes.length);
    nodes.push({
      id: g.id,
      name: actor?.name ?? g.id,
      short: actor ? shortName(actor.name, actor.kind) : g.id,
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
  const ids = nodes.map((n) => n.id);
  const state = seedPositions(ids, adjacency(nodes.length, usedLinks), previous, 4 + radiusRange[1]);
  let fresh = 0;
  for (const id of ids) if (!previous.has(id)) fresh++;
  return {
    nodes,
    byId,
    radii,
    state,
    links: usedLinks,
    weights: usedWeights,
    widths: Float32Array.from(usedWeights, width),
    drawn: strongestEdges(usedWeights, edgeBudget),
    meetings,
    alpha: reheatAlpha(fresh, nodes.length, previous.size > 0),
  };
}

/** Indices of the `budget` heaviest edges (all of them when within budget), heaviest first. */
export function strongestEdges(weights: Float32Array, budget: number): Int32Array {
  const all = Int32Array.from(weights.keys());
  if (all.length <= budget) return all;
  return all.sort((a, b) => weights[b]! - weights[a]! || a - b).subarray(0, budget);
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
  const near = new Uint8Array(scene.nodes.length);
  if (selectedNode >= 0) {
    const l = scene.links;
    for (let k = 0; k + 1 < l.length; k += 2) {
      if (l[k] === selectedNode) near[l[k + 1]!] = 1;
      else if (l[k + 1] === selectedNode) near[l[k]!] = 1;
    }
  }
  return { active, lit, near, selectedNode, selectedEdge, hovered: hoveredId === null ? -1 : at(hoveredId), focused };
}

export function isSelectedEdge(em: Emphasis, a: number, b: number): boolean {
  const s = em.selectedEdge;
  return s !== null && ((s[0] === a && s[1] === b) || (s[0] === b && s[1] === a));
}
