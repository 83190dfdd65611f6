import { radiusScale, labelledNodes } from './layoutModel';
import { LABEL_LIMIT, type Scene } from './scene';

/**
 * How nodes look beyond the defaults (size by meetings, colour by affiliation): size by a
 * centrality measure, colour by community. Applied to a built scene in place, so changing it
 * never rebuilds the graph or moves an actor.
 */
export interface NodeAppearance {
  /** Size value per actor id (missing ids get the smallest size); null sizes by meetings. */
  size: ReadonlyMap<string, number> | null;
  /** What the size shows, for each node's description, e.g. "betweenness". */
  sizeLabel: string;
  /** Colour per actor id; null keeps the affiliation colours. */
  color: ReadonlyMap<string, string> | null;
  /** Text for the colour group per actor id (e.g. "community 2"): colour is never the only signal. */
  group: ReadonlyMap<string, string> | null;
}

export const DEFAULT_APPEARANCE: NodeAppearance = { size: null, sizeLabel: 'meetings', color: null, group: null };

/** Rewrites radii, colours, permanent labels and descriptions of `scene` for `appearance`. */
export function applyAppearance(scene: Scene, appearance: NodeAppearance, radiusRange: readonly [number, number]): void {
  const { size, color, group } = appearance;
  const valueOf = (i: number) => (size ? (size.get(scene.nodes[i]!.id) ?? 0) : scene.nodes[i]!.count);
  let max = 0;
  for (let i = 0; i < scene.nodes.length; i++) max = Math.max(max, valueOf(i));
  // Centrality values are fractions: scale them to the largest, as counts are.
  const radius = radiusScale(1, radiusRange[0], radiusRange[1]);
  for (let i = 0; i < scene.nodes.length; i++) scene.radii[i] = radius(max > 0 ? valueOf(i) / max : 0);
  const labelled = labelledNodes(scene.radii, LABEL_LIMIT);
  scene.nodes.forEach((node, i) => {
    node.labelled = labelled.has(i);
    node.baseColor ??= node.color;
    node.color = color?.get(node.id) ?? node.baseColor;
    const notes: string[] = [];
    if (size) notes.push(`${appearance.sizeLabel} ${formatShort(size.get(node.id) ?? 0)}`);
    const g = group?.get(node.id);
    if (g) notes.push(g);
    node.note = notes.length ? notes.join(', ') : undefined;
  });
}

const formatShort = (v: number) => (Number.isInteger(v) ? String(v) : v.toPrecision(3));
