import { quadtree, type Quadtree } from 'd3';
import { distanceToSegment, STATE_STRIDE } from './layoutModel';
import type { Scene } from './scene';

/** Finds nodes and drawn edges under a point (world coordinates); one quadtree per layout frame. */
export function createHitTester(current: () => Scene) {
  let tree: Quadtree<number> | null = null;
  let maxR = 0;
  return {
    /** Call whenever positions change. */
    invalidate() {
      tree = null;
    },
    nodeAt(wx: number, wy: number, tolerance: number): number {
      const scene = current();
      const s = scene.state;
      if (!tree) {
        tree = quadtree<number>().x((i) => s[i * STATE_STRIDE]!).y((i) => s[i * STATE_STRIDE + 1]!).addAll(scene.nodes.map((_, i) => i));
        maxR = scene.radii.reduce((m, r) => Math.max(m, r), 0);
      }
      const i = tree.find(wx, wy, maxR + tolerance);
      if (i === undefined) return -1;
      const o = i * STATE_STRIDE;
      return Math.hypot(s[o]! - wx, s[o + 1]! - wy) <= scene.radii[i]! + tolerance ? i : -1;
    },
    edgeAt(wx: number, wy: number, tolerance: number): number {
      const scene = current();
      const s = scene.state;
      let best = -1;
      let bestDistance = tolerance;
      for (const e of scene.drawn) {
        const a = scene.links[2 * e]! * STATE_STRIDE;
        const b = scene.links[2 * e + 1]! * STATE_STRIDE;
        const d = distanceToSegment(wx, wy, s[a]!, s[a + 1]!, s[b]!, s[b + 1]!);
        if (d <= bestDistance) [best, bestDistance] = [e, d];
      }
      return best;
    },
  };
}
