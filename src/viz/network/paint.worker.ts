/// <reference lib="webworker" />
import { paintFrame, type PaintEmphasis, type PaintScene, type PaintView } from './canvasPainter';

/** Messages to the paint worker, which owns the large-graph canvas (transferred to it once). */
export type PaintRequest =
  | { type: 'init'; canvas: OffscreenCanvas }
  | { type: 'resize'; width: number; height: number }
  | { type: 'scene'; scene: Omit<PaintScene, 'state'> }
  | { type: 'frame'; state: Float32Array; em: PaintEmphasis; view: PaintView }
  | { type: 'close' };

/** Sent after every frame, so the main thread keeps at most one frame in flight. */
export type PaintedMessage = { type: 'painted' };

const scope = self as unknown as DedicatedWorkerGlobalScope;
let canvas: OffscreenCanvas | null = null;
let ctx: OffscreenCanvasRenderingContext2D | null = null;
let scene: Omit<PaintScene, 'state'> | null = null;

scope.onmessage = (event: MessageEvent<PaintRequest>) => {
  const msg = event.data;
  if (msg.type === 'init') {
    canvas = msg.canvas;
    ctx = canvas.getContext('2d');
  } else if (msg.type === 'resize') {
    if (canvas) {
      canvas.width = msg.width;
      canvas.height = msg.height;
    }
  } else if (msg.type === 'scene') {
    scene = msg.scene;
  } else if (msg.type === 'close') {
    scope.close();
  } else {
    // Drawn here, committed to the page's canvas at the end of this task.
    if (ctx && scene && msg.state.length === scene.radii.length * 4) paintFrame(ctx, { ...scene, state: msg.state }, msg.em, msg.view);
    const done: PaintedMessage = { type: 'painted' };
    scope.postMessage(done);
  }
};
