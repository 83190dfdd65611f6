import { createAccessibleNodeList } from './accessibleNodeList';
import type { Emphasis, Scene } from './scene';
import { paintBuckets, paintFrame, type Palette, type PaintEmphasis, type PaintScene, type PaintView } from './canvasPainter';
import type { PaintRequest, PaintedMessage } from './paint.worker';
import type { NetworkRenderer } from './svgRenderer';

export const canUseCanvas = (): boolean => {
  if (typeof document === 'undefined' || typeof navigator === 'undefined' || /jsdom/i.test(navigator.userAgent)) return false;
  return typeof document.createElement('canvas').getContext === 'function';
};

/** Painting off the main thread needs a worker that can own the canvas. */
export const canPaintOffscreen = (): boolean =>
  typeof Worker === 'function' && typeof OffscreenCanvas === 'function' && typeof HTMLCanvasElement.prototype.transferControlToOffscreen === 'function';

type StaticScene = Omit<PaintScene, 'state'>;

/** Where frames are painted: on this thread, or in a worker that owns the canvas. */
interface Painter {
  readonly offscreen: boolean;
  resize(width: number, height: number): void;
  setScene(scene: StaticScene): void;
  paint(state: Float32Array, em: PaintEmphasis, view: PaintView): void;
  destroy(): void;
}

function mainThreadPainter(canvas: HTMLCanvasElement): Painter {
  const ctx = canvas.getContext('2d')!;
  let scene: StaticScene | null = null;
  return {
    offscreen: false,
    resize(width, height) {
      canvas.width = width;
      canvas.height = height;
    },
    setScene(next) {
      scene = next;
    },
    paint(state, em, view) {
      if (scene) paintFrame(ctx, { ...scene, state }, em, view);
    },
    destroy() {
      scene = null;
    },
  };
}

/**
 * Rasterizing thousands of edges costs 5–40 ms a frame in software; the worker does it, so the
 * main thread only posts positions and emphasis. One frame in flight at a time: requests made
 * meanwhile collapse into the latest, so the worker never paints stale frames.
 */
function workerPainter(canvas: HTMLCanvasElement): Painter {
  const worker = new Worker(new URL('./paint.worker.ts', import.meta.url), { type: 'module' });
  const offscreen = canvas.transferControlToOffscreen();
  const send = (msg: PaintRequest, transfer: Transferable[] = []) => worker.postMessage(msg, transfer);
  send({ type: 'init', canvas: offscreen }, [offscreen]);
  let inFlight = false;
  let pending: Extract<PaintRequest, { type: 'frame' }> | null = null;
  worker.onmessage = (event: MessageEvent<PaintedMessage>) => {
    if (event.data.type !== 'painted') return;
    inFlight = false;
    if (pending) {
      const next = pending;
      pending = null;
      inFlight = true;
      send(next, [next.state.buffer]);
    }
  };
  return {
    offscreen: true,
    resize(width, height) {
      send({ type: 'resize', width, height });
    },
    setScene(scene) {
      pending = null;
      send({ type: 'scene', scene });
    },
    paint(state, em, view) {
      const msg: PaintRequest = { type: 'frame', state: state.slice(), em: { ...em, lit: em.lit.slice() }, view };
      if (inFlight) {
        pending = msg;
        return;
      }
      inFlight = true;
      send(msg, [msg.state.buffer]);
    },
    destroy() {
      worker.onmessage = null;
      // The worker ends itself: terminate() joins its thread on this one (~9 ms inside the filter
      // change that switches the network to SVG).
      send({ type: 'close' });
    },
  };
}

/**
 * Canvas drawing for large graphs (see canvasPainter). Keyboard and screen-reader access go
 * through the hidden button list; the focused actor gets a ring drawn on the canvas.
 */
export function createCanvasRenderer(root: HTMLElement, idPrefix: string, onFocusNode: (id: string | null) => void): NetworkRenderer {
  const canvas = document.createElement('canvas');
  canvas.className = 'network-surface network-canvas';
  // The canvas is a picture; the list below is what assistive technology reads.
  canvas.setAttribute('aria-hidden', 'true');
  root.append(canvas);
  const painter = canPaintOffscreen() ? workerPainter(canvas) : mainThreadPainter(canvas);
  const list = createAccessibleNodeList(root, idPrefix, onFocusNode);
  let width = 0;
  let height = 0;
  let dpr = 1;
  let palette: Palette | null = null;
  let paletteKey = '';
  const dark = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;

  const readPalette = (): Palette => {
    // The colour scheme only changes with the page's theme; re-read when it may have.
    const key = `${document.documentElement.className}|${document.documentElement.dataset.theme ?? ''}|${dark?.matches}`;
    if (palette && key === paletteKey) return palette;
    const css = getComputedStyle(root);
    const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
    paletteKey = key;
    palette = { text: v('--text', '#16191f'), bg: v('--bg', '#ffffff'), muted: v('--muted', '#4a5160'), accent: v('--accent', '#0b5cad'), focus: v('--focus', '#c2410c') };
    return palette;
  };

  return {
    mode: 'canvas',
    surface: canvas,
    frameGapMs: painter.offscreen ? 0 : 40,
    setScene(scene: Scene) {
      painter.setScene({
        links: scene.links,
        radii: scene.radii,
        widths: scene.widths,
        labels: scene.nodes.map((node) => node.short),
        labelled: Uint8Array.from(scene.nodes, (node) => (node.labelled ? 1 : 0)),
        ...paintBuckets(scene.drawn, scene.widths, scene.nodes.map((node) => node.color)),
      });
      list.setScene(scene);
    },
    setEmphasis() {
      // Emphasis is drawn on the next frame; the hidden list carries no visual state.
    },
    draw(scene, t, em: Emphasis) {
      const { active, lit, selectedNode, selectedEdge, hovered, focused } = em;
      painter.paint(scene.state, { active, lit, selectedNode, selectedEdge, hovered, focused }, { t: { k: t.k, x: t.x, y: t.y }, width, height, dpr, palette: readPalette() });
    },
    resize(w, h) {
      width = w;
      height = h;
      dpr = Math.min(2, window.devicePixelRatio || 1);
      painter.resize(Math.round(w * dpr), Math.round(h * dpr));
      canvas.style.width = `${w}px`;
      canvas.style.height = `${h}px`;
    },
    nodeElement: (id) => list.button(id),
    destroy() {
      painter.destroy();
      list.destroy();
      canvas.remove();
    },
  };
}
