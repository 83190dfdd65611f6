import { describeNode, isSelectedEdge, type Emphasis, type Scene } from './scene';
import { STATE_STRIDE, type ViewTransform } from './layoutModel';

const SVG_NS = 'http://www.w3.org/2000/svg';

export interface NetworkRenderer {
  readonly mode: 'svg' | 'canvas';
  /** Element receiving zoom, drag and pointer events. */
  readonly surface: Element;
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
  let edgeEls: SVGLineElement[] = [];

  const descId = (id: string) => `${idPrefix}-desc-${id}`;

  return {
    mode: 'svg',
    surface: svg,
    setScene(scene) {
      // Small graphs only: rebuilding is cheaper and simpler than keyed reuse at this size.
      nodeLayer.replaceChildren();
      edgeLayer.replaceChildren();
      descriptions.replaceChildren();
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
        label.setAttribute('x', String(scene.radii[i]! + 3));
        label.setAttribute('dy', '0.35em');
        label.setAttribute('aria-hidden', 'true');
        label.textContent = node.short;
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
        g.classList.toggle('is-highlighted', lit);
        g.classList.toggle('is-dimmed', em.active && !lit);
        g.classList.toggle('is-selected', em.selectedNode === i);
        g.classList.toggle('is-labelled', scene.nodes[i]!.labelled || lit);
      });
      edgeEls.forEach((line, k) => {
        const e = scene.drawn[k]!;
        const a = scene.links[2 * e]!;
        const b = scene.links[2 * e + 1]!;
        const lit = em.lit[a] === 1 && em.lit[b] === 1;
        line.classList.toggle('is-highlighted', lit);
        line.classList.toggle('is-dimmed', em.active && !lit);
        line.classList.toggle('is-selected', isSelectedEdge(em, a, b));
      });
    },
    draw(scene, t) {
      viewport.setAttribute('transform', `translate(${t.x},${t.y}) scale(${t.k})`);
      const s = scene.state;
      nodeEls.forEach((g, i) => {
        g.setAttribute('transform', `translate(${s[i * STATE_STRIDE]!.toFixed(1)},${s[i * STATE_STRIDE + 1]!.toFixed(1)})`);
      });
      edgeEls.forEach((line, k) => {
        const e = scene.drawn[k]!;
        const a = scene.links[2 * e]! * STATE_STRIDE;
        const b = scene.links[2 * e + 1]! * STATE_STRIDE;
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
      edgeEls = [];
    },
  };
}
