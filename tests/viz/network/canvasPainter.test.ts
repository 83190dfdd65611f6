import { describe, expect, it } from 'vitest';
import { paintBuckets, paintFrame, type PaintEmphasis, type PaintScene, type PaintView } from '../../../src/viz/network/canvasPainter';

/** Records stroke() and fill() calls with the style in force, like a canvas would apply it. */
function recordingContext() {
  const calls: { op: 'stroke' | 'fill'; style: string; alpha: number; width: number; segments: number }[] = [];
  const texts: string[] = [];
  let segments = 0;
  const ctx = {
    canvas: { width: 200, height: 100 },
    strokeStyle: '', fillStyle: '', globalAlpha: 1, lineWidth: 1, font: '', textBaseline: '', lineJoin: '',
    setTransform() {}, clearRect() {}, setLineDash() {}, strokeText() {},
    fillText(text: string) { texts.push(text); },
    measureText: (text: string) => ({ width: text.length * 6 }),
    beginPath() { segments = 0; },
    moveTo() { segments++; }, lineTo() {}, arc() {},
    stroke() { calls.push({ op: 'stroke', style: ctx.strokeStyle, alpha: ctx.globalAlpha, width: ctx.lineWidth, segments }); },
    fill() { calls.push({ op: 'fill', style: ctx.fillStyle, alpha: ctx.globalAlpha, width: 0, segments }); },
  };
  return { ctx: ctx as unknown as CanvasRenderingContext2D, calls, texts };
}

const palette = { text: 'TEXT', bg: 'BG', muted: 'MUTED', accent: 'ACCENT', focus: 'FOCUS' };
const view: PaintView = { t: { k: 1, x: 0, y: 0 }, width: 200, height: 100, dpr: 1, palette };

/** Four nodes on a line, edges 0-1, 1-2, 2-3 (1 px wide) and 0-3 (3 px). */
function scene(): PaintScene {
  const state = new Float32Array([0, 0, 0, 0, 10, 0, 0, 0, 20, 0, 0, 0, 30, 0, 0, 0]);
  const links = new Int32Array([0, 1, 1, 2, 2, 3, 0, 3]);
  const widths = new Float32Array([1, 1, 1, 3]);
  const colors = ['red', 'red', 'blue', 'blue'];
  return { state, links, radii: new Float32Array([2, 2, 2, 2]), widths, labels: ['a', 'b', 'c', 'd'], labelled: new Uint8Array(4), ...paintBuckets(Int32Array.from([0, 1, 2, 3]), widths, colors) };
}
const calm = (n: number): PaintEmphasis => ({ active: false, lit: new Uint8Array(n), selectedNode: -1, selectedEdge: null, hovered: -1, focused: -1 });

describe('canvas painter', () => {
  it('groups edges by width and nodes by colour', () => {
    const s = scene();
    expect(s.widthBuckets.map((b) => [b.width, Array.from(b.edges)])).toEqual([[1, [0, 1, 2]], [3, [3]]]);
    expect(s.colorBuckets.map((b) => [b.color, Array.from(b.nodes)])).toEqual([['red', [0, 1]], ['blue', [2, 3]]]);
  });

  it('strokes each width group of overview edges in one hairline path and fills each colour once', () => {
    const { ctx, calls } = recordingContext();
    paintFrame(ctx, scene(), calm(4), view);
    const strokes = calls.filter((c) => c.op === 'stroke');
    expect(strokes.map((c) => [c.style, c.width, c.segments])).toEqual([['MUTED', 1, 3], ['MUTED', 1, 1]]);
    expect(calls.filter((c) => c.op === 'fill').map((c) => [c.style, c.segments])).toEqual([['red', 2], ['blue', 2]]);
  });

  it('draws edges between highlighted actors at full width in the text colour, dims the rest, rings the lit ones in one path', () => {
    const { ctx, calls } = recordingContext();
    const em = { ...calm(4), active: true, lit: new Uint8Array([1, 1, 0, 1]) };
    paintFrame(ctx, scene(), em, view);
    const strokes = calls.filter((c) => c.op === 'stroke');
    const lit = strokes.filter((c) => c.style === 'TEXT' && c.alpha === 0.9);
    expect(lit.map((c) => [c.width, c.segments]).sort()).toEqual([[1, 1], [3, 1]]);
    for (const c of strokes.filter((c) => c.style === 'MUTED')) expect(c.alpha).toBeLessThan(0.3);
    const rings = strokes.filter((c) => c.style === 'TEXT' && c.alpha === 1);
    expect(rings).toHaveLength(1);
    expect(rings[0]!.segments).toBe(3);
    expect(calls.filter((c) => c.op === 'fill' && c.alpha < 1).length).toBeGreaterThan(0);
  });

  it('paints nothing but a clear canvas for an empty graph', () => {
    const { ctx, calls } = recordingContext();
    paintFrame(ctx, { ...scene(), state: new Float32Array(0), radii: new Float32Array(0), labels: [], labelled: new Uint8Array(0), widthBuckets: [], colorBuckets: [], links: new Int32Array(0), widths: new Float32Array(0) }, calm(0), view);
    expect(calls).toHaveLength(0);
  });

  it('leaves out a label that would print over a bigger actor\'s, keeps apart ones, and always labels the selected actor', () => {
    // Nodes 0 and 1 almost on top of each other (1 bigger), 2 and 3 far apart; all permanently labelled.
    const s = { ...scene(), state: new Float32Array([10, 20, 0, 0, 12, 22, 0, 0, 10, 60, 0, 0, 120, 60, 0, 0]), radii: new Float32Array([2, 4, 2, 2]), labels: ['small one', 'big one', 'apart', 'far'], labelled: new Uint8Array([1, 1, 1, 1]) };
    const drawn = (em: PaintEmphasis) => {
      const { ctx, texts } = recordingContext();
      paintFrame(ctx, s, em, view);
      return texts.map((t) => t.replace(/[\u2068\u2069]/g, ''));
    };
    expect(drawn(calm(4)).sort()).toEqual(['apart', 'big one', 'far']);
    // Selected, the smaller actor's label is drawn first and the bigger one's, overlapping it, is left out.
    expect(drawn({ ...calm(4), active: true, selectedNode: 0, lit: new Uint8Array([1, 0, 0, 0]) }).sort()).toEqual(['apart', 'far', 'small one']);
  });
});
