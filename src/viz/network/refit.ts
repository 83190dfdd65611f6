import { select, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3';
import { fitTransform, STATE_STRIDE, type ViewTransform } from './layoutModel';
import type { Emphasis, Scene } from './scene';

/** Room kept between what must be seen and the edge of the box, in screen pixels. */
export const REVEAL_PADDING = 24;
const ANIMATION_MS = 350;
/**
 * A move that shifts nothing on screen by more than this (px) is made at once: animated, a few pixels' pan
 * cost ~20 frames of redrawing the drawing (often while the next filter change was being shown) for a shift
 * the eye hardly follows. In the bundled benchmark most settle refits were 1–3 px pans.
 */
export const JUMP_PX = 8;
/** Input that ends a running refit animation at its destination. */
const INPUT_EVENTS = ['pointerdown', 'keydown', 'input'] as const;

/** How far (screen px) the move from `from` to `to` shifts the farthest point of a `width`×`height` box. */
export function screenShift(from: ViewTransform, to: ViewTransform, width: number, height: number): number {
  // The move is affine, so the farthest shift is at a corner: screen point s goes to to + to.k * (s - from) / from.k.
  let most = 0;
  for (const sx of [0, width]) {
    for (const sy of [0, height]) {
      most = Math.max(most, Math.abs(to.x + (to.k * (sx - from.x)) / from.k - sx), Math.abs(to.y + (to.k * (sy - from.y)) / from.k - sy));
    }
  }
  return most;
}

/** Nodes a selection is about: the selected actor and its counterparts, both ends of a link, a meeting's participants. */
export function revealSet(emphasis: Emphasis): number[] {
  const out: number[] = [];
  const { lit, near, selectedNode, selectedEdge } = emphasis;
  for (let i = 0; i < lit.length; i++) if (lit[i] || near[i] || i === selectedNode) out.push(i);
  if (selectedEdge) for (const i of selectedEdge) if (!out.includes(i)) out.push(i);
  return out;
}

/**
 * The view that shows every node of `nodes` (with its radius and, where known, its label to the right)
 * inside a `width`×`height` box, moving as little as possible from `current`: null when they are all
 * in view already; a pan when they fit at the current zoom; otherwise a zoom out to fit them.
 */
export function transformToReveal(
  state: ArrayLike<number>,
  radii: ArrayLike<number>,
  nodes: readonly number[],
  current: ViewTransform,
  width: number,
  height: number,
  labelWidths: ArrayLike<number> | null = null,
  padding = REVEAL_PADDING,
): ViewTransform | null {
  if (nodes.length === 0 || width <= 0 || height <= 0) return null;
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const i of nodes) {
    const x = state[i * STATE_STRIDE]!;
    const y = state[i * STATE_STRIDE + 1]!;
    const r = radii[i]!;
    minX = Math.min(minX, x - r); maxX = Math.max(maxX, x + r);
    minY = Math.min(minY, y - r); maxY = Math.max(maxY, y + r);
  }
  // Labels are screen-sized: at most the widest label of the set beyond the rightmost node.
  let label = 0;
  if (labelWidths) for (const i of nodes) label = Math.max(label, labelWidths[i]! + 4);
  const room = { left: padding, top: padding, right: width - padding - label, bottom: height - padding };
  const k = current.k;
  const sx0 = current.x + k * minX, sx1 = current.x + k * maxX;
  const sy0 = current.y + k * minY, sy1 = current.y + k * maxY;
  // Half a pixel of slack: rounding must not turn a view that was just fitted into another (animated) move.
  const e = 0.5;
  if (sx0 >= room.left - e && sx1 <= room.right + e && sy0 >= room.top - e && sy1 <= room.bottom + e) return null;
  if (sx1 - sx0 <= room.right - room.left && sy1 - sy0 <= room.bottom - room.top) {
    const dx = sx0 < room.left ? room.left - sx0 : sx1 > room.right ? room.right - sx1 : 0;
    const dy = sy0 < room.top ? room.top - sy0 : sy1 > room.bottom ? room.bottom - sy1 : 0;
    return { k, x: current.x + dx, y: current.y + dy };
  }
  // Too big for the box at this zoom: fit the set, never zooming in beyond where the user was.
  const sub = new Float32Array(nodes.length * STATE_STRIDE);
  const subRadii = new Float32Array(nodes.length);
  nodes.forEach((node, j) => {
    sub[j * STATE_STRIDE] = state[node * STATE_STRIDE]!;
    sub[j * STATE_STRIDE + 1] = state[node * STATE_STRIDE + 1]!;
    subRadii[j] = radii[node]!;
  });
  const fit = fitTransform(sub, subRadii, width - label, height, padding, k);
  return fit;
}

export const prefersReducedMotion = (): boolean =>
  typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

export interface RefitContext {
  scene(): Scene;
  emphasis(): Emphasis;
  transform(): ZoomTransform;
  size(): { width: number; height: number };
  surface(): Element | null;
  labelWidths(): Float32Array | null;
  /** The view follows the layout (fits everything each frame) until the user takes over. */
  following(): boolean;
  /** The whole graph fitted to the box (as Reset view shows it). */
  fitAll(): ViewTransform;
}

/**
 * Keeps the network readable as its box, its graph and the selection change: a new box size refits the
 * whole graph, a settled layout after a graph change brings every node back into the box, a selection
 * brings its actors into view; all animate unless the user prefers reduced motion.
 */
export function createRefit(ctx: RefitContext, zoomBehavior: ZoomBehavior<Element, unknown>) {
  let frame: number | null = null;
  /** What the next frame brings into view: the selection's actors, or (after a graph change) every node. */
  let wanted: 'selection' | 'all' | null = null;
  /** Stops listening for the input that would end the running animation early. */
  let unlisten: (() => void) | null = null;

  function moveTo(t: ViewTransform) {
    const surface = ctx.surface();
    if (!surface) return;
    const target = zoomIdentity.translate(t.x, t.y).scale(t.k);
    const sel = select(surface);
    const now = ctx.transform();
    const { width, height } = ctx.size();
    const jump = () => {
      // A move still under way would otherwise carry on past this one.
      sel.interrupt();
      zoomBehavior.transform(sel, target);
    };
    if (prefersReducedMotion() || screenShift(now, t, width, height) <= JUMP_PX) return jump();
    const moving = sel.transition().duration(ANIMATION_MS);
    zoomBehavior.transform(moving, target);
    // The animation is decoration: the user's next input (a click, a key, typing anywhere on the page) ends it where it
    // was going. Left running, its frames (each restyling and redrawing the drawing) shared the main thread with the
    // handling of that input: after a filter that brings new actors the bench's next two steps ran inside them.
    unlisten?.();
    const stop = () => {
      for (const type of INPUT_EVENTS) window.removeEventListener(type, finish, true);
      if (unlisten === stop) unlisten = null;
    };
    const finish = () => {
      stop();
      jump();
    };
    for (const type of INPUT_EVENTS) window.addEventListener(type, finish, { capture: true, passive: true });
    unlisten = stop;
    moving.on('end.refit interrupt.refit', stop);
  }

  function reveal() {
    frame = null;
    const what = wanted;
    wanted = null;
    if (ctx.following()) return;
    const scene = ctx.scene();
    const nodes = what === 'all' ? revealAllSet(scene.nodes.length) : revealSet(ctx.emphasis());
    const { width, height } = ctx.size();
    const t = ctx.transform();
    const next = transformToReveal(scene.state, scene.radii, nodes, { k: t.k, x: t.x, y: t.y }, width, height, ctx.labelWidths());
    if (next) moveTo(next);
  }
  const request = (what: 'selection' | 'all') => {
    // Every node includes the selection's.
    if (wanted !== 'all') wanted = what;
    if (frame === null) frame = requestAnimationFrame(reveal);
  };

  return {
    /** After the box changed size: the whole graph, fitted again. */
    refitAll() {
      if (!ctx.following()) moveTo(ctx.fitAll());
    },
    /** After a selection: once the frame's emphasis is known, bring the selection and its neighbours into view. */
    revealSelection() {
      request('selection');
    },
    /**
     * After the graph changed (a filter) and its layout settled: every drawn node back inside the box,
     * moving as little as possible (nothing when all are in view, a pan when they fit at this zoom).
     */
    revealAll() {
      request('all');
    },
    destroy() {
      unlisten?.();
      if (frame !== null) cancelAnimationFrame(frame);
      const surface = ctx.surface();
      if (surface) select(surface).interrupt();
    },
  };
}

/** Every node of a graph of `count` nodes: what a graph change keeps in view. */
export function revealAllSet(count: number): number[] {
  return Array.from({ length: count }, (_, i) => i);
}
