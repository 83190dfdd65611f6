/**
 * Pure layout helpers for the actor network: position seeding (so filters never cause a full
 * re-layout jump), size scales, labels and view fitting. No DOM, no d3.
 */

/** Where an actor was last drawn; kept across graph updates by the controller. */
export interface NodeState {
  x: number;
  y: number;
  vx: number;
  vy: number;
}

/** Stride of the interleaved layout state: x, y, vx, vy per node. */
export const STATE_STRIDE = 4;

/** Deterministic value in [-1, 1) from a string, so seeding is reproducible run to run. */
export function hashUnit(key: string, salt = 0): number {
  let h = 0x811c9dc5 ^ salt;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return ((h >>> 0) / 0x100000000) * 2 - 1;
}

/** Neighbour lists by node index, from edge endpoint index pairs [a0, b0, a1, b1, …]. */
export function adjacency(nodeCount: number, links: ArrayLike<number>): Int32Array[] {
  const degree = new Int32Array(nodeCount);
  for (let k = 0; k < links.length; k++) degree[links[k]!]!++;
  const lists = Array.from(degree, (d) => new Int32Array(d));
  const fill = new Int32Array(nodeCount);
  for (let k = 0; k + 1 < links.length; k += 2) {
    const a = links[k]!;
    const b = links[k + 1]!;
    lists[a]![fill[a]!++] = b;
    lists[b]![fill[b]!++] = a;
  }
  return lists;
}

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/**
 * Initial layout state for `ids`. Known actors keep their previous position and velocity; new
 * actors start next to the mean of their already-placed neighbours (breadth-first, so whole new
 * branches grow out from where they attach); actors with no placed neighbour start on a spiral
 * (first layout) or just outside the existing drawing (later updates).
 */
export function seedPositions(
  ids: readonly string[],
  neighbours: readonly ArrayLike<number>[],
  previous: ReadonlyMap<string, NodeState>,
  spacing = 20,
): Float32Array {
  const n = ids.length;
  const state = new Float32Array(n * STATE_STRIDE);
  const placed = new Uint8Array(n);
  const queue = new Int32Array(n);
  let head = 0;
  let tail = 0;
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    const prev = previous.get(ids[i]!);
    if (!prev) continue;
    state.set([prev.x, prev.y, prev.vx, prev.vy], i * STATE_STRIDE);
    placed[i] = 1;
    queue[tail++] = i;
    minX = Math.min(minX, prev.x); maxX = Math.max(maxX, prev.x);
    minY = Math.min(minY, prev.y); maxY = Math.max(maxY, prev.y);
  }
  const hadPrevious = tail > 0;
  const cx = hadPrevious ? (minX + maxX) / 2 : 0;
  const cy = hadPrevious ? (minY + maxY) / 2 : 0;
  const outer = hadPrevious ? Math.hypot(maxX - minX, maxY - minY) / 2 + spacing * 2 : 0;
  let spiral = 0;

  const growFromQueue = () => {
    while (head < tail) {
      const u = queue[head++]!;
      const around = neighbours[u]!;
      for (let k = 0; k < around.length; k++) {
        const v = around[k]!;
        if (placed[v]) continue;
        let sx = 0, sy = 0, m = 0;
        const vn = neighbours[v]!;
        for (let j = 0; j < vn.length; j++) {
          const w = vn[j]!;
          if (!placed[w]) continue;
          sx += state[w * STATE_STRIDE]!;
          sy += state[w * STATE_STRIDE + 1]!;
          m++;
        }
        const id = ids[v]!;
        state[v * STATE_STRIDE] = sx / m + hashUnit(id, 1) * spacing;
        state[v * STATE_STRIDE + 1] = sy / m + hashUnit(id, 2) * spacing;
        placed[v] = 1;
        queue[tail++] = v;
      }
    }
  };

  growFromQueue();
  for (let i = 0; i < n; i++) {
    if (placed[i]) continue;
    if (hadPrevious) {
      const angle = (hashUnit(ids[i]!, 3) + 1) * Math.PI;
      state[i * STATE_STRIDE] = cx + outer * Math.cos(angle);
      state[i * STATE_STRIDE + 1] = cy + outer * Math.sin(angle);
    } else {
      const r = spacing * Math.sqrt(0.5 + spiral);
      const a = spiral * GOLDEN_ANGLE;
      spiral++;
      state[i * STATE_STRIDE] = r * Math.cos(a);
      state[i * STATE_STRIDE + 1] = r * Math.sin(a);
    }
    placed[i] = 1;
    queue[tail++] = i;
    growFromQueue();
  }
  return state;
}

/**
 * How hard to re-heat the simulation after a graph change: a fresh layout starts hot; an update
 * warms only as much as the share of newcomers needs, so settled actors barely move.
 */
export function reheatAlpha(newNodes: number, totalNodes: number, hadPrevious: boolean): number {
  if (!hadPrevious || totalNodes === 0) return 1;
  return Math.min(0.5, 0.06 + (0.6 * newNodes) / totalNodes);
}

/** Node radius with area proportional to the meeting count (sqrt scale), never below `min`. */
export function radiusScale(maxCount: number, min: number, max: number): (count: number) => number {
  const top = Math.max(1, maxCount);
  return (count) => Math.max(min, max * Math.sqrt(Math.max(0, count) / top));
}

/** Edge stroke width by shared meetings (sqrt scale). */
export function edgeWidthScale(maxWeight: number, min = 1, max = 6): (weight: number) => number {
  const top = Math.max(1, maxWeight);
  return (weight) => min + (max - min) * Math.sqrt(Math.max(0, weight - 1) / Math.max(1, top - 1));
}

/**
 * Label shown beside a node: a person's surname, or an organization's or group's name cut at a word boundary.
 * The label must stay a substring of the accessible name (WCAG 2.5.3 label in name), so no ellipsis
 * is added and nothing is abbreviated.
 */
export function shortName(name: string, kind: 'person' | 'organization' | 'group'): string {
  const plain = name.replace(/\s*\([^)]*\)\s*/g, ' ').trim() || name;
  if (kind === 'person') return plain.split(/\s+/).pop() ?? plain;
  if (plain.length <= 18) return plain;
  const cut = plain.slice(0, 18);
  const space = cut.lastIndexOf(' ');
  return space > 0 ? cut.slice(0, space) : cut;
}

/** Indices of the nodes worth a permanent label: the `limit` biggest by count (ties by index). */
export function labelledNodes(counts: ArrayLike<number>, limit: number): Set<number> {
  const order = Array.from({ length: counts.length }, (_, i) => i);
  if (order.length > limit) order.sort((a, b) => counts[b]! - counts[a]! || a - b);
  return new Set(order.slice(0, limit));
}

export interface ViewTransform {
  k: number;
  x: number;
  y: number;
}

/**
 * Zoom transform that shows every node (with radii) inside a width × height box. With
 * `labelWidths` (screen pixels, constant under zoom) it also leaves room for each label on the
 * side facing away from the centre, where the label placement prefers to put it.
 */
export function fitTransform(
  state: ArrayLike<number>,
  radii: ArrayLike<number>,
  width: number,
  height: number,
  padding = 24,
  maxScale = 1.6,
  labelWidths?: ArrayLike<number>,
  labelGap = 4,
): ViewTransform {
  const n = radii.length;
  if (n === 0 || width <= 0 || height <= 0) return { k: 1, x: width / 2, y: height / 2 };
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = state[i * STATE_STRIDE]!;
    const y = state[i * STATE_STRIDE + 1]!;
    const r = radii[i]!;
    minX = Math.min(minX, x - r); maxX = Math.max(maxX, x + r);
    minY = Math.min(minY, y - r); maxY = Math.max(maxY, y + r);
  }
  const w = Math.max(1, maxX - minX);
  const h = Math.max(1, maxY - minY);
  let k = Math.min((width - 2 * padding) / w, (height - 2 * padding) / h);
  if (labelWidths) {
    const cx = (minX + maxX) / 2;
    const room = width / 2 - padding;
    for (let i = 0; i < n; i++) {
      const reach = Math.abs(state[i * STATE_STRIDE]! - cx) + radii[i]!;
      const free = room - labelGap - labelWidths[i]!;
      // A label wider than half the view cannot fit whatever the zoom; it will be placed inward.
      if (reach > 0 && free > room / 3) k = Math.min(k, free / reach);
    }
  }
  k = Math.min(maxScale, Math.max(0.02, k));
  return { k, x: width / 2 - k * (minX + maxX) / 2, y: height / 2 - k * (minY + maxY) / 2 };
}

/** Distance from point p to the segment a–b. */
export function distanceToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}
