import { isolate } from '../../domain/bidi';
import { describeNode, isSelectedEdge, type Emphasis, type Scene } from './scene';
import { STATE_STRIDE, type ViewTransform } from './layoutModel';
import { estimateLabelWidth, LABEL_GAP_PX, LabelSide, placeLabels } from './smallGraphLayout';

const SVG_NS = 'http://www.w3.org/2000/svg';

export interface NetworkRenderer {
  readonly mode: 'svg' | 'canvas';
  /** Element receiving zoom, drag and pointer events. */
  readonly surface: Element;
  /** Least time between frames: painting on this thread can be costly enough to need spacing. */
  readonly frameGapMs: number;
  setScene(scene: Scene): void;
  setEmphasis(scene: Scene, emphasis: Emphasis): void;
  draw(scene: Scene, transform: ViewTransform, emphasis: Emphasis): void;
  resize(width: number, height: number): void;
  /** The element that represents an actor to assistive technology (to keep focus across updates). */
  nodeElement(id: string): HTMLElement | SVGElement | null;
  destroy(): void;
}

/**
 * SVG drawing for small graphs. Each node is its own keyboard-operable button (role="button",
 * tabindex=0) whose accessible name is exactly the actor's name; affiliation and count are the
 * description. Descriptions live in a hidden HTML list so they are plain text, never markup.
 */
export function createSvgRenderer(root: HTMLElement, idPrefix: string): NetworkRenderer {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('class', 'network-surface network-svg');
  svg.setAttribute('role', 'group');
  svg.setAttribute('aria-label', 'Actor network');
  const viewport = document.createElementNS(SVG_NS, 'g');
  const edgeLayer = document.createElementNS(SVG_NS, 'g');
  edgeLayer.setAttribute('class', 'network-edges');
  edgeLayer.setAttribute('aria-hidden', 'true');
  const nodeLayer = document.createElementNS(SVG_NS, 'g');
  nodeLayer.setAttribute('class', 'network-nodes');
  viewport.append(edgeLayer, nodeLayer);
  svg.append(viewport);
  const descriptions = document.createElement('div');
  descriptions.hidden = true;
  root.append(svg, descriptions);

  let nodeEls: SVGGElement[] = [];
  let labelEls: SVGTextElement[] = [];
  let labelWidths = new Float32Array(0);
  let edgeEls: SVGLineElement[] = [];
  let shown = new Uint8Array(0);
  /** What each label was last placed as: rewriting four attributes per label per layout frame showed in profiles. */
  let placed: string[] = [];
  /** Each node's last transform, and whether it changed in this draw (its lines then follow). */
  let nodeAt: string[] = [];
  let moved = new Uint8Array(0);

  /** Labels keep their screen size under zoom and sit on whichever side collides with nothing. */
  let labelScale = '';
  const placeLabelsFor = (scene: Scene, k: number) => {
    // Only on a zoom change: a new value of this inherited property restyles every element in the drawing.
    const scale = String(1 / k);
    if (scale !== labelScale) {
      labelScale = scale;
      svg.style.setProperty('--label-scale', scale);
    }
    const sides = placeLabels(scene.state, scene.radii, labelWidths, (i) => shown[i] === 1, k);
    const gap = LABEL_GAP_PX / k;
    labelEls.forEach((label, i) => {
      if (shown[i] !== 1) return;
      const r = scene.radii[i]!;
      const side = sides[i]!;
      const horizontal = side === LabelSide.Right || side === LabelSide.Left;
      const sign = side === LabelSide.Left || side === LabelSide.Above ? -1 : 1;
      const offset = (sign * (r + gap)).toFixed(1);
      const key = `${side} ${offset}`;
      if (placed[i] === key) return;
      placed[i] = key;
      label.setAttribute('x', horizontal ? offset : '0');
      label.setAttribute('y', horizontal ? '0' : offset);
      label.setAttribute('text-anchor', horizontal ? (sign < 0 ? 'end' : 'start') : 'middle');
      label.setAttribute('dominant-baseline', horizontal ? 'central' : sign < 0 ? 'text-after-edge' : 'text-before-edge');
    });
  };

  const descId = (id: string) => `${idPrefix}-desc-${id}`;

  return {
    mode: 'svg',
    surface: svg,
    frameGapMs: 0,
    setScene(scene) {
      // Small graphs only: rebuilding is cheaper and simpler than keyed reuse at this size.
      nodeLayer.replaceChildren();
      edgeLayer.replaceChildren();
      descriptions.replaceChildren();
      labelEls = new Array<SVGTextElement>(scene.nodes.length);
      placed = new Array<string>(scene.nodes.length);
      nodeAt = new Array<string>(scene.nodes.length);
      moved = new Uint8Array(scene.nodes.length);
      labelWidths = Float32Array.from(scene.nodes, (node) => estimateLabelWidth(node.short));
      shown = Uint8Array.from(scene.nodes, (node) => (node.labelled ? 1 : 0));
      edgeEls = Array.from(scene.drawn, (e) => {
        const line = document.createElementNS(SVG_NS, 'line');
        line.setAttribute('class', 'network-edge');
        line.setAttribute('stroke-width', String(scene.widths[e]));
        edgeLayer.append(line);
        return line;
      });
      nodeEls = scene.nodes.map((node, i) => {
        const g = document.createElementNS(SVG_NS, 'g');
        g.setAttribute('class', 'network-node');
        g.setAttribute('role', 'button');
        g.setAttribute('tabindex', '0');
        g.setAttribute('aria-label', node.name);
        g.setAttribute('aria-describedby', descId(node.id));
        g.dataset.actor = node.id;
        const circle = document.createElementNS(SVG_NS, 'circle');
        circle.setAttribute('r', String(scene.radii[i]));
        circle.setAttribute('fill', node.color);
        const label = document.createElementNS(SVG_NS, 'text');
        label.setAttribute('x', String(scene.radii[i]! + LABEL_GAP_PX));
        label.setAttribute('dominant-baseline', 'central');
        label.setAttribute('aria-hidden', 'true');
        labelEls[i] = label;
        label.textContent = isolate(node.short);
        g.append(circle, label);
        nodeLayer.append(g);
        const desc = document.createElement('span');
        desc.id = descId(node.id);
        desc.textContent = describeNode(node);
        descriptions.append(desc);
        return g;
      });
    },
    setEmphasis(scene, em) {
      nodeEls.forEach((g, i) => {
        const lit = em.lit[i] === 1;
        const near = !lit && em.near[i] === 1;
        g.classList.toggle('is-highlighted', lit);
        g.classList.toggle('is-near', near);
        g.classList.toggle('is-dimmed', em.active && !lit && !near);
        g.classList.toggle('is-selected', em.selectedNode === i);
        const labelled = scene.nodes[i]!.labelled || lit || near || em.focused === i || em.selectedNode === i;
        g.classList.toggle('is-labelled', labelled);
        shown[i] = labelled ? 1 : 0;
      });
      edgeEls.forEach((line, k) => {
        const e = scene.drawn[k]!;
        const a = scene.links[2 * e]!;
        const b = scene.links[2 * e + 1]!;
        const toSelected = (a === em.selectedNode && em.near[b] === 1) || (b === em.selectedNode && em.near[a] === 1);
        const lit = (em.lit[a] === 1 && em.lit[b] === 1) || toSelected;
        line.classList.toggle('is-highlighted', lit);
        line.classList.toggle('is-dimmed', em.active && !lit);
        line.classList.toggle('is-selected', isSelectedEdge(em, a, b));
      });
    },
    draw(scene, t) {
      viewport.setAttribute('transform', `translate(${t.x},${t.y}) scale(${t.k})`);
      const s = scene.state;
      // Only what moved: after the layout settles a pan or zoom redraws without touching any node or line.
      if (moved.length !== nodeEls.length) moved = new Uint8Array(nodeEls.length);
      nodeEls.forEach((g, i) => {
        const at = `translate(${s[i * STATE_STRIDE]!.toFixed(1)},${s[i * STATE_STRIDE + 1]!.toFixed(1)})`;
        moved[i] = at === nodeAt[i] ? 0 : 1;
        if (moved[i]) {
          nodeAt[i] = at;
          g.setAttribute('transform', at);
        }
      });
      placeLabelsFor(scene, t.k);
      edgeEls.forEach((line, k) => {
        const e = scene.drawn[k]!;
        const ia = scene.links[2 * e]!;
        const ib = scene.links[2 * e + 1]!;
        if (!moved[ia] && !moved[ib]) return;
        const a = ia * STATE_STRIDE;
        const b = ib * STATE_STRIDE;
        line.setAttribute('x1', s[a]!.toFixed(1));
        line.setAttribute('y1', s[a + 1]!.toFixed(1));
        line.setAttribute('x2', s[b]!.toFixed(1));
        line.setAttribute('y2', s[b + 1]!.toFixed(1));
      });
    },
    resize(width, height) {
      svg.setAttribute('width', String(width));
      svg.setAttribute('height', String(height));
      svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    },
    nodeElement: (id) => nodeEls.find((g) => g.dataset.actor === id) ?? null,
    destroy() {
      svg.remove();
      descriptions.remove();
      nodeEls = [];
      labelEls = [];
      edgeEls = [];
    },
  };
}
