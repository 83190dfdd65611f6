import { createAccessibleNodeList } from './accessibleNodeList';
import { type Emphasis, type Scene } from './scene';
import { STATE_STRIDE, type ViewTransform } from './layoutModel';
import type { NetworkRenderer } from './svgRenderer';

export const canUseCanvas = (): boolean => {
  if (typeof document === 'undefined' || typeof navigator === 'undefined' || /jsdom/i.test(navigator.userAgent)) return false;
  return typeof document.createElement('canvas').getContext === 'function';
};

interface Palette {
  text: string;
  bg: string;
  muted: string;
  accent: string;
  focus: string;
}

const MAX_HIGHLIGHT_LABELS = 300;

/**
 * Canvas drawing for large graphs: edges batched into one path per stroke width, nodes into one
 * path per colour, labels in screen space with a halo. Keyboard and screen-reader access go
 * through the hidden button list; the focused actor gets a ring drawn on the canvas.
 */
export function createCanvasRenderer(root: HTMLElement, idPrefix: string, onFocusNode: (id: string | null) => void): NetworkRenderer {
  const canvas = document.createElement('canvas');
  canvas.className = 'network-surface network-canvas';
  // The canvas is a picture; the list below is what assistive technology reads.
  canvas.setAttribute('aria-hidden', 'true');
  const ctx = canvas.getContext('2d')!;
  root.append(canvas);
  const list = createAccessibleNodeList(root, idPrefix, onFocusNode);
  let width = 0;
  let height = 0;
  let dpr = 1;
  /** Edge indices grouped by rounded stroke width, so each group is a single stroke() call. */
  let widthBuckets: { width: number; edges: Int32Array }[] = [];
  let colorBuckets: { color: string; nodes: Int32Array }[] = [];

  const group = <K>(n: number, keyOf: (i: number) => K) => {
    const groups = new Map<K, number[]>();
    for (let i = 0; i < n; i++) {
      const key = keyOf(i);
      let g = groups.get(key);
      if (!g) groups.set(key, (g = []));
      g.push(i);
    }
    return groups;
  };

  const palette = (): Palette => {
    const css = getComputedStyle(root);
    const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
    return { text: v('--text', '#16191f'), bg: v('--bg', '#ffffff'), muted: v('--muted', '#4a5160'), accent: v('--accent', '#0b5cad'), focus: v('--focus', '#c2410c') };
  };

  /**
   * Strokes edges in batches. Hairlines go in one path; wider lines in short paths, because
   * software rasterizers union one long wide path at a cost that grows with its overlaps.
   */
  const strokeEdges = (scene: Scene, edges: Iterable<number>, lineWidth: number) => {
    const s = scene.state;
    const batch = lineWidth <= 1.01 ? Infinity : 25;
    let inPath = 0;
    ctx.beginPath();
    for (const e of edges) {
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
  };

  const drawEdges = (scene: Scene, em: Emphasis, k: number, colors: Palette) => {
    const isLit = (e: number) => em.lit[scene.links[2 * e]!] === 1 && em.lit[scene.links[2 * e + 1]!] === 1;
    // Overview edges are 1-device-pixel hairlines with opacity by weight: software rasterizers
    // draw hairlines an order of magnitude faster than wider strokes, which kept frames over 50 ms
    // with thousands of edges. Highlighted and selected edges still get their true width.
    ctx.strokeStyle = colors.muted;
    ctx.lineWidth = 1 / k;
    for (const bucket of widthBuckets) {
      const strength = 0.2 + 0.6 * Math.min(1, (bucket.width - 1) / 5);
      ctx.globalAlpha = em.active ? strength * 0.3 : strength;
      strokeEdges(scene, em.active ? Array.from(bucket.edges).filter((e) => !isLit(e)) : bucket.edges, 1);
    }
    if (em.active) {
      // Every edge between highlighted actors, drawn or not in the overview.
      const lit: number[] = [];
      for (let e = 0; e < scene.weights.length; e++) if (isLit(e)) lit.push(e);
      ctx.globalAlpha = 0.9;
      ctx.strokeStyle = colors.text;
      for (const e of lit) {
        ctx.lineWidth = scene.widths[e]! / k;
        strokeEdges(scene, [e], scene.widths[e]!);
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
  };

  const ring = (scene: Scene, i: number, color: string, lineWidth: number, gap: number, k: number, dash: number[] = []) => {
    const o = i * STATE_STRIDE;
    ctx.beginPath();
    ctx.arc(scene.state[o]!, scene.state[o + 1]!, scene.radii[i]! + gap / k, 0, Math.PI * 2);
    ctx.setLineDash(dash.map((d) => d / k));
    ctx.strokeStyle = color;
    ctx.lineWidth = lineWidth / k;
    ctx.stroke();
    ctx.setLineDash([]);
  };

  const drawNodes = (scene: Scene, em: Emphasis, k: number, colors: Palette) => {
    const s = scene.state;
    for (const dimmed of [true, false]) {
      if (dimmed && !em.active) continue;
      ctx.globalAlpha = dimmed ? 0.22 : 1;
      for (const bucket of colorBuckets) {
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
    if (em.active) for (let i = 0; i < em.lit.length; i++) if (em.lit[i] === 1) ring(scene, i, colors.text, 2.5, 1.5, k);
    if (em.selectedNode >= 0) ring(scene, em.selectedNode, colors.accent, 3.5, 4, k);
    if (em.hovered >= 0) ring(scene, em.hovered, colors.text, 1.5, 2, k);
    if (em.focused >= 0) ring(scene, em.focused, colors.focus, 3, 7, k, [5, 3]);
  };

  const drawLabels = (scene: Scene, em: Emphasis, t: ViewTransform, colors: Palette) => {
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.textBaseline = 'middle';
    ctx.lineJoin = 'round';
    ctx.strokeStyle = colors.bg;
    ctx.lineWidth = 3;
    let extra = 0;
    scene.nodes.forEach((node, i) => {
      const lit = em.lit[i] === 1 || i === em.focused || i === em.selectedNode;
      if (!node.labelled && !(lit && extra++ < MAX_HIGHLIGHT_LABELS)) return;
      const x = scene.state[i * STATE_STRIDE]! * t.k + t.x + scene.radii[i]! * t.k + 3;
      const y = scene.state[i * STATE_STRIDE + 1]! * t.k + t.y;
      if (x < -100 || y < -20 || x > width + 20 || y > height + 20) return;
      ctx.globalAlpha = em.active && !lit ? 0.35 : 1;
      ctx.font = `${lit ? '700' : '400'} 12px system-ui, sans-serif`;
      ctx.strokeText(node.short, x, y);
      ctx.fillStyle = colors.text;
      ctx.fillText(node.short, x, y);
    });
    ctx.globalAlpha = 1;
  };

  return {
    mode: 'canvas',
    surface: canvas,
    setScene(scene) {
      const drawn = scene.drawn;
      const widths = group(drawn.length, (j) => Math.round(scene.widths[drawn[j]!]! * 2) / 2);
      widthBuckets = [...widths].sort((a, b) => a[0] - b[0]).map(([w, js]) => ({ width: w, edges: Int32Array.from(js, (j) => drawn[j]!) }));
      colorBuckets = [...group(scene.nodes.length, (i) => scene.nodes[i]!.color)].map(([color, nodes]) => ({ color, nodes: Int32Array.from(nodes) }));
      list.setScene(scene);
    },
    setEmphasis() {
      // Emphasis is drawn on the next frame; the hidden list carries no visual state.
    },
    draw(scene, t, em) {
      const colors = palette();
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      ctx.setTransform(dpr * t.k, 0, 0, dpr * t.k, dpr * t.x, dpr * t.y);
      drawEdges(scene, em, t.k, colors);
      drawNodes(scene, em, t.k, colors);
      drawLabels(scene, em, t, colors);
    },
    resize(w, h) {
      width = w;
      height = h;
      dpr = Math.min(2, window.devicePixelRatio || 1);
      canvas.width = Math.round(w * dpr);
      canvas.height = Math.round(h * dpr);
      canvas.style.width = `${w}px`;
      canvas.style.height = `${h}px`;
    },
    nodeElement: (id) => list.button(id),
    destroy() {
      list.destroy();
      canvas.remove();
      widthBuckets = [];
      colorBuckets = [];
    },
  };
}
