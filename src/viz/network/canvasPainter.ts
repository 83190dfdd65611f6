import { isolate } from '../../domain/bidi';
import { STATE_STRIDE, type ViewTransform } from './layoutModel';
import { LabelSpace } from './labelSpace';

/**
 * Pure canvas painting of a large network, shared by the main-thread canvas renderer and the
 * paint worker (OffscreenCanvas): everything it needs is plain data that survives postMessage.
 */
export interface PaintScene {
  /** Interleaved x, y, vx, vy per node (see STATE_STRIDE). */
  state: Float32Array;
  links: Int32Array;
  radii: Float32Array;
  widths: Float32Array;
  labels: string[];
  /** 1 where the node is permanently labelled. */
  labelled: Uint8Array;
  /** Drawn edges grouped by rounded stroke width, so each group is a few stroke() calls. */
  widthBuckets: { width: number; edges: Int32Array }[];
  colorBuckets: { color: string; nodes: Int32Array }[];
}

export interface PaintEmphasis {
  active: boolean;
  lit: Uint8Array;
  selectedNode: number;
  selectedEdge: readonly [number, number] | null;
  hovered: number;
  focused: number;
}

export interface Palette {
  text: string;
  bg: string;
  muted: string;
  accent: string;
  focus: string;
}

export interface PaintView {
  t: ViewTransform;
  width: number;
  height: number;
  dpr: number;
  palette: Palette;
}

type Ctx = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

const MAX_HIGHLIGHT_LABELS = 300;

function group<K>(n: number, keyOf: (i: number) => K): Map<K, number[]> {
  const groups = new Map<K, number[]>();
  for (let i = 0; i < n; i++) {
    const key = keyOf(i);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(i);
  }
  return groups;
}

/** Groups drawn edges by half-pixel width and nodes by colour (once per graph, not per frame). */
export function paintBuckets(drawn: Int32Array, widths: Float32Array, colors: readonly string[]): Pick<PaintScene, 'widthBuckets' | 'colorBuckets'> {
  const byWidth = group(drawn.length, (j) => Math.round(widths[drawn[j]!]! * 2) / 2);
  return {
    widthBuckets: [...byWidth].sort((a, b) => a[0] - b[0]).map(([width, js]) => ({ width, edges: Int32Array.from(js, (j) => drawn[j]!) })),
    colorBuckets: [...group(colors.length, (i) => colors[i]!)].map(([color, nodes]) => ({ color, nodes: Int32Array.from(nodes) })),
  };
}

/**
 * Strokes edges in batches. Hairlines go in one path; wider lines in short paths, because
 * software rasterizers union one long wide path at a cost that grows with its overlaps.
 */
function strokeEdges(ctx: Ctx, scene: PaintScene, edges: ArrayLike<number>, lineWidth: number): void {
  const s = scene.state;
  const batch = lineWidth <= 1.01 ? Infinity : 25;
  let inPath = 0;
  ctx.beginPath();
  for (let j = 0; j < edges.length; j++) {
    const e = edges[j]!;
    const a = scene.links[2 * e]! * STATE_STRIDE;
    const b = scene.links[2 * e + 1]! * STATE_STRIDE;
    ctx.moveTo(s[a]!, s[a + 1]!);
    ctx.lineTo(s[b]!, s[b + 1]!);
    if (++inPath >= batch) {
      ctx.stroke();
      ctx.beginPath();
      inPath = 0;
    }
  }
  if (inPath) ctx.stroke();
}

function drawEdges(ctx: Ctx, scene: PaintScene, em: PaintEmphasis, k: number, colors: Palette): void {
  const links = scene.links;
  const isLit = (e: number) => em.lit[links[2 * e]!] === 1 && em.lit[links[2 * e + 1]!] === 1;
  // Overview edges are 1-device-pixel hairlines with opacity by weight: software rasterizers
  // draw hairlines an order of magnitude faster than wider strokes. Highlighted and selected
  // edges still get their true width.
  ctx.strokeStyle = colors.muted;
  ctx.lineWidth = 1 / k;
  for (const bucket of scene.widthBuckets) {
    const strength = 0.2 + 0.6 * Math.min(1, (bucket.width - 1) / 5);
    ctx.globalAlpha = em.active ? strength * 0.3 : strength;
    strokeEdges(ctx, scene, em.active ? bucket.edges.filter((e) => !isLit(e)) : bucket.edges, 1);
  }
  if (em.active) {
    // Every edge between highlighted actors, drawn or not in the overview, batched by width.
    const litByWidth = new Map<number, number[]>();
    for (let e = 0; e < scene.widths.length; e++) {
      if (!isLit(e)) continue;
      const w = Math.round(scene.widths[e]! * 4) / 4;
      let list = litByWidth.get(w);
      if (!list) litByWidth.set(w, (list = []));
      list.push(e);
    }
    ctx.globalAlpha = 0.9;
    ctx.strokeStyle = colors.text;
    for (const [w, edges] of litByWidth) {
      ctx.lineWidth = w / k;
      strokeEdges(ctx, scene, edges, w);
    }
  }
  ctx.globalAlpha = 1;
  if (em.selectedEdge) {
    const [a, b] = em.selectedEdge;
    const s = scene.state;
    ctx.beginPath();
    ctx.moveTo(s[a * STATE_STRIDE]!, s[a * STATE_STRIDE + 1]!);
    ctx.lineTo(s[b * STATE_STRIDE]!, s[b * STATE_STRIDE + 1]!);
    ctx.strokeStyle = colors.accent;
    ctx.lineWidth = 5 / k;
    ctx.stroke();
  }
}

function ring(ctx: Ctx, scene: PaintScene, i: number, color: string, lineWidth: number, gap: number, k: number, dash: number[] = []): void {
  const o = i * STATE_STRIDE;
  ctx.beginPath();
  ctx.arc(scene.state[o]!, scene.state[o + 1]!, scene.radii[i]! + gap / k, 0, Math.PI * 2);
  ctx.setLineDash(dash.map((d) => d / k));
  ctx.strokeStyle = color;
  ctx.lineWidth = lineWidth / k;
  ctx.stroke();
  ctx.setLineDash([]);
}

function drawNodes(ctx: Ctx, scene: PaintScene, em: PaintEmphasis, k: number, colors: Palette): void {
  const s = scene.state;
  for (const dimmed of [true, false]) {
    if (dimmed && !em.active) continue;
    ctx.globalAlpha = dimmed ? 0.35 : 1;
    for (const bucket of scene.colorBuckets) {
      ctx.beginPath();
      for (const i of bucket.nodes) {
        if ((em.active && em.lit[i] !== 1) !== dimmed) continue;
        const o = i * STATE_STRIDE;
        const r = scene.radii[i]!;
        ctx.moveTo(s[o]! + r, s[o + 1]!);
        ctx.arc(s[o]!, s[o + 1]!, r, 0, Math.PI * 2);
      }
      ctx.fillStyle = bucket.color;
      ctx.fill();
    }
  }
  ctx.globalAlpha = 1;
  if (em.active) {
    // All highlight rings in one path: one stroke instead of one per actor.
    ctx.beginPath();
    for (let i = 0; i < em.lit.length; i++) {
      if (em.lit[i] !== 1) continue;
      const o = i * STATE_STRIDE;
      const r = scene.radii[i]! + 1.5 / k;
      ctx.moveTo(s[o]! + r, s[o + 1]!);
      ctx.arc(s[o]!, s[o + 1]!, r, 0, Math.PI * 2);
    }
    ctx.strokeStyle = colors.text;
    ctx.lineWidth = 2.5 / k;
    ctx.stroke();
  }
  if (em.selectedNode >= 0) ring(ctx, scene, em.selectedNode, colors.accent, 3.5, 4, k);
  if (em.hovered >= 0) ring(ctx, scene, em.hovered, colors.text, 1.5, 2, k);
  if (em.focused >= 0) ring(ctx, scene, em.focused, colors.focus, 3, 7, k, [5, 3]);
}

/** Label widths at the regular weight, measured once per scene (the bold of a lit label is ~10 % wider). */
const labelWidths = new WeakMap<PaintScene, Float32Array>();
const BOLD_WIDER = 1.1;
const LABEL_HALF_HEIGHT = 8;

/**
 * Labels in priority order: the selected, focused and hovered actor always; then lit actors, then the permanently
 * labelled ones, each by size, biggest first, leaving out a label that would overlap one already drawn (LabelSpace).
 */
function drawLabels(ctx: Ctx, scene: PaintScene, em: PaintEmphasis, view: PaintView): void {
  const { t, dpr, width, height, palette: colors } = view;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.textBaseline = 'middle';
  ctx.lineJoin = 'round';
  ctx.strokeStyle = colors.bg;
  ctx.fillStyle = colors.text;
  ctx.lineWidth = 3;
  const n = scene.labels.length;
  const forced = (i: number) => i === em.focused || i === em.selectedNode || i === em.hovered;
  const lit = (i: number) => em.lit[i] === 1 || forced(i);
  const candidates: number[] = [];
  let extra = 0;
  for (let i = 0; i < n; i++) if (scene.labelled[i] === 1 || (lit(i) && extra++ < MAX_HIGHLIGHT_LABELS)) candidates.push(i);
  const rank = (i: number) => (forced(i) ? 2 : lit(i) ? 1 : 0);
  candidates.sort((a, b) => rank(b) - rank(a) || scene.radii[b]! - scene.radii[a]! || a - b);
  let widths = labelWidths.get(scene);
  if (!widths) labelWidths.set(scene, (widths = new Float32Array(n).fill(-1)));
  const space = new LabelSpace();
  let font = '';
  for (const i of candidates) {
    const x = scene.state[i * STATE_STRIDE]! * t.k + t.x + scene.radii[i]! * t.k + 3;
    const y = scene.state[i * STATE_STRIDE + 1]! * t.k + t.y;
    if (x < -100 || y < -20 || x > width + 20 || y > height + 20) continue;
    const bold = lit(i);
    const label = isolate(scene.labels[i]!);
    if (widths[i]! < 0) {
      if (font !== REGULAR) ctx.font = font = REGULAR;
      widths[i] = ctx.measureText(label).width;
    }
    const w = widths[i]! * (bold ? BOLD_WIDER : 1);
    if (!space.take(x, y - LABEL_HALF_HEIGHT, x + w, y + LABEL_HALF_HEIGHT, forced(i))) continue;
    ctx.globalAlpha = em.active && !bold ? 0.35 : 1;
    const nextFont = bold ? BOLD : REGULAR;
    if (nextFont !== font) ctx.font = font = nextFont;
    ctx.strokeText(label, x, y);
    ctx.fillText(label, x, y);
  }
  ctx.globalAlpha = 1;
}

const REGULAR = '400 12px system-ui, sans-serif';
const BOLD = '700 12px system-ui, sans-serif';

/** Paints one frame: hairline edges, then nodes by colour, then labels in screen space with a halo. */
export function paintFrame(ctx: Ctx, scene: PaintScene, em: PaintEmphasis, view: PaintView): void {
  const { t, dpr } = view;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  if (scene.labels.length === 0) return;
  ctx.setTransform(dpr * t.k, 0, 0, dpr * t.k, dpr * t.x, dpr * t.y);
  drawEdges(ctx, scene, em, t.k, view.palette);
  drawNodes(ctx, scene, em, t.k, view.palette);
  drawLabels(ctx, scene, em, view);
}
