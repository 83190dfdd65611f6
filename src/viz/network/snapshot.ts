import type { Scene } from './scene';
import { STATE_STRIDE, type ViewTransform } from './layoutModel';
import { estimateLabelWidth, LabelSide, placeLabels } from './smallGraphLayout';

/** A node as it is on screen now, in the network panel's pixel coordinates. */
export interface SnapshotNode {
  id: string;
  name: string;
  /** The label the view draws next to the node. */
  short: string;
  affiliation: string;
  affiliationName: string;
  color: string;
  count: number;
  x: number;
  y: number;
  r: number;
  /** Whether the view labels this node, and on which side. */
  labelled: boolean;
  labelSide: 'right' | 'left' | 'above' | 'below';
  /** What the chosen size and colouring say about the node (e.g. "betweenness 0.12, community 2"). */
  note?: string;
}

export interface SnapshotEdge {
  source: number;
  target: number;
  /** Stroke width in pixels (edges keep their width under zoom). */
  width: number;
  weight: number;
}

/** What the network shows at this moment, whichever renderer (SVG or canvas) draws it. */
export interface NetworkSnapshot {
  width: number;
  height: number;
  nodes: SnapshotNode[];
  /** The edges the view draws (the strongest, up to its budget), by node index. */
  edges: SnapshotEdge[];
  /** All edges of the graph, drawn or not. */
  totalEdges: number;
  meetings: number;
}

const SIDES = { [LabelSide.Right]: 'right', [LabelSide.Left]: 'left', [LabelSide.Above]: 'above', [LabelSide.Below]: 'below' } as const;

/** Current positions and sizes through the current zoom: the layout, exactly as the view draws it. */
export function snapshotScene(scene: Scene, t: ViewTransform, width: number, height: number): NetworkSnapshot {
  const s = scene.state;
  const sides = placeLabels(s, scene.radii, Float32Array.from(scene.nodes, (n) => estimateLabelWidth(n.short)), (i) => scene.nodes[i]!.labelled, t.k);
  const nodes = scene.nodes.map((node, i) => ({
    id: node.id,
    name: node.name,
    short: node.short,
    affiliation: node.affiliation,
    affiliationName: node.affiliationName,
    color: node.color,
    count: node.count,
    x: t.x + t.k * s[i * STATE_STRIDE]!,
    y: t.y + t.k * s[i * STATE_STRIDE + 1]!,
    r: t.k * scene.radii[i]!,
    labelled: node.labelled,
    labelSide: SIDES[sides[i] as LabelSide],
    ...(node.note ? { note: node.note } : {}),
  }));
  const edges = Array.from(scene.drawn, (e) => ({
    source: scene.links[2 * e]!,
    target: scene.links[2 * e + 1]!,
    width: scene.widths[e]!,
    weight: scene.weights[e]!,
  }));
  return { width, height, nodes, edges, totalEdges: scene.weights.length, meetings: scene.meetings };
}
