/**
 * Layout and labelling rules for small graphs (drawn as SVG, laid out on the main thread). A few
 * dozen actors should fill the panel and every name should be readable, so spacing is derived
 * from the available area and labels are placed where they collide with nothing. Pure: no DOM, no d3.
 */
import { STATE_STRIDE } from './layoutModel';

/** Up to this many nodes the layout is scaled to the drawing area; bigger graphs keep the dense defaults. */
export const SMALL_GRAPH_NODES = 150;

/** Label font size in screen pixels (kept constant under zoom); matches .network-node text. */
export const LABEL_FONT_PX = 12;
const LABEL_HEIGHT_PX = LABEL_FONT_PX * 1.25;
/** Gap between a node's disc and its label, in screen pixels. */
export const LABEL_GAP_PX = 4;

export interface SmallGraphForces {
  /** Extra link length beyond the two radii. */
  linkGap: number;
  charge: number;
  distanceMax: number;
  /** Pull toward the centre per axis; weaker along the longer side so the drawing takes the panel's shape. */
  gravityX: number;
  gravityY: number;
  /** Share of a node's label width added to its collision radius. */
  labelShare: number;
}

/**
 * Force parameters that spread `n` nodes over a width × height panel: each node gets roughly an
 * equal share of the area (its "cell"), links are a fraction of a cell long and repulsion grows
 * with the cell, so a 13-actor network fills a desktop panel instead of huddling in the middle.
 * `labelWidth` is a typical label width in pixels.
 */
export function smallGraphForces(n: number, width: number, height: number, labelWidth = 0): SmallGraphForces {
  // Horizontal labels need room beside the outermost nodes: the nodes themselves get what is left.
  const w = Math.max(120, width - 2 * labelWidth);
  const h = Math.max(120, height);
  const cell = Math.sqrt((w * h) / Math.max(1, n));
  // Cap the spacing so a 2-node graph is not flung to opposite corners.
  const spacing = Math.min(cell, 0.45 * Math.min(w, h) + 40);
  const aspect = w / h;
  const gravity = 0.08;
  return {
    linkGap: 0.55 * spacing,
    charge: -0.35 * spacing * Math.sqrt(spacing),
    distanceMax: Math.max(w, h),
    gravityX: aspect >= 1 ? gravity / aspect : gravity,
    gravityY: aspect >= 1 ? gravity : gravity * aspect,
    labelShare: Math.max(0.15, Math.min(0.5, cell / 400)),
  };
}

/** Label width estimate in screen pixels (DejaVu/system sans at 12 px averages ~0.6 em per character). */
export function estimateLabelWidth(text: string): number {
  return Math.ceil(text.length * LABEL_FONT_PX * 0.6) + 2;
}

/** Where a label sits relative to its node. */
export const LabelSide = { Right: 0, Left: 1, Above: 2, Below: 3 } as const;
export type LabelSide = (typeof LabelSide)[keyof typeof LabelSide];

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

function labelBox(side: LabelSide, x: number, y: number, r: number, w: number, hh: number, gap: number): Box {
  switch (side) {
    case LabelSide.Right:
      return { x0: x + r + gap, x1: x + r + gap + w, y0: y - hh, y1: y + hh };
    case LabelSide.Left:
      return { x0: x - r - gap - w, x1: x - r - gap, y0: y - hh, y1: y + hh };
    case LabelSide.Above:
      return { x0: x - w / 2, x1: x + w / 2, y0: y - r - gap - 2 * hh, y1: y - r - gap };
    default:
      return { x0: x - w / 2, x1: x + w / 2, y0: y + r + gap, y1: y + r + gap + 2 * hh };
  }
}

/**
 * Chooses a side for every shown label, in world units at zoom k (labels keep their screen size).
 * Biggest nodes choose first. Each label prefers the side facing away from the drawing's centre
 * (outer labels spill into empty margin, not over the graph), then the other side, then above and
 * below, taking the first that hits no disc and no label placed before; if none is free, the one
 * that covers the least of the labels placed before (then of discs). Quadratic, which is fine for the
 * few hundred nodes drawn as SVG.
 */
export function placeLabels(
  state: ArrayLike<number>,
  radii: ArrayLike<number>,
  widthsPx: ArrayLike<number>,
  shown: (i: number) => boolean,
  k: number,
): Uint8Array {
  const n = radii.length;
  const sides = new Uint8Array(n);
  if (n === 0) return sides;
  const scale = 1 / Math.max(1e-6, k);
  const hh = (LABEL_HEIGHT_PX / 2) * scale;
  const gap = LABEL_GAP_PX * scale;
  let minX = Infinity, maxX = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = state[i * STATE_STRIDE]!;
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
  }
  const cx = (minX + maxX) / 2;
  const order = Array.from({ length: n }, (_, i) => i).filter(shown);
  order.sort((a, b) => radii[b]! - radii[a]! || a - b);
  const placed: Box[] = [];
  for (const i of order) {
    const x = state[i * STATE_STRIDE]!;
    const y = state[i * STATE_STRIDE + 1]!;
    const r = radii[i]!;
    const w = widthsPx[i]! * scale;
    const outward = x < cx ? LabelSide.Left : LabelSide.Right;
    const candidates: LabelSide[] = [outward, outward === LabelSide.Left ? LabelSide.Right : LabelSide.Left, LabelSide.Above, LabelSide.Below];
    let chosen: LabelSide = outward;
    let chosenBox = labelBox(outward, x, y, r, w, hh, gap);
    let least = Infinity;
    for (const side of candidates) {
      const box = labelBox(side, x, y, r, w, hh, gap);
      // No side free (a crowded cluster in a small panel): the side covering the least of the labels placed
      // before, then of discs, so two names are never drawn over each other where one side would avoid it.
      const cost = overlapArea(box, placed) * 4 + (hitsDisc(box, state, radii, i) ? 1 : 0) * w * hh;
      if (cost === 0) {
        chosen = side;
        chosenBox = box;
        break;
      }
      if (cost < least) {
        least = cost;
        chosen = side;
        chosenBox = box;
      }
    }
    sides[i] = chosen;
    placed.push(chosenBox);
  }
  return sides;
}

function overlapArea(box: Box, placed: readonly Box[]): number {
  let area = 0;
  for (const p of placed) {
    if (!overlaps(p, box)) continue;
    area += (Math.min(p.x1, box.x1) - Math.max(p.x0, box.x0)) * (Math.min(p.y1, box.y1) - Math.max(p.y0, box.y0));
  }
  return area;
}

function hitsDisc(box: Box, state: ArrayLike<number>, radii: ArrayLike<number>, self: number): boolean {
  for (let j = 0; j < radii.length; j++) {
    if (j === self) continue;
    const x = state[j * STATE_STRIDE]!;
    const y = state[j * STATE_STRIDE + 1]!;
    const r = radii[j]!;
    const dx = x - Math.max(box.x0, Math.min(x, box.x1));
    const dy = y - Math.max(box.y0, Math.min(y, box.y1));
    if (dx * dx + dy * dy < r * r) return true;
  }
  return false;
}
