import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, getAllByRole, getByRole, waitFor } from '@testing-library/react';
import { buildIndex } from '../../../src/domain/indexes';
import { buildGraph } from '../../../src/domain/graph';
import type { Dataset } from '../../../src/domain/schema';
import { createNetworkController, type NetworkCallbacks, type NetworkController } from '../../../src/viz/network/createNetworkController';

const index = buildIndex(JSON.parse(readFileSync('public/data/meetings.json', 'utf8')) as Dataset);
const all = Int32Array.from(index.meetings.keys());
const fullGraph = buildGraph(index, all);
const nameOf = (id: string) => index.actors[index.actorPos.get(id)!]!.name;
const frames = (ms = 60) => new Promise((resolve) => setTimeout(resolve, ms));
const settled = () => waitFor(() => expect(root().dataset.layout).toBe('settled'), { timeout: 5000 });

let host: HTMLDivElement;
let callbacks: { [K in keyof NetworkCallbacks]: ReturnType<typeof vi.fn> };
let controller: NetworkController;

beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
  callbacks = { onSelectActor: vi.fn(), onSelectEdge: vi.fn(), onHoverActor: vi.fn() };
  controller = createNetworkController(host, callbacks as unknown as NetworkCallbacks);
});
afterEach(() => {
  controller.destroy();
  host.remove();
});

const root = () => host.querySelector<HTMLElement>('.network-root')!;
const nodeEl = (id: string) => host.querySelector<SVGGElement>(`[data-actor="${id}"]`)!;
const translateOf = (el: Element) => (el.getAttribute('transform') ?? '').match(/translate\(([-\d.e]+),([-\d.e]+)\)/)!.slice(1).map(Number);

describe('network controller (SVG mode)', () => {
  it('renders one button per actor, named exactly by the actor name and described by affiliation and count', () => {
    controller.setGraph(fullGraph, index, all.length);
    const buttons = getAllByRole(host, 'button');
    expect(buttons).toHaveLength(fullGraph.nodes.length);
    expect(buttons.map((b) => b.getAttribute('aria-label')).sort()).toEqual(fullGraph.nodes.map((n) => nameOf(n.id)).sort());
    const khaji = fullGraph.nodes.find((n) => n.id === 'khaji')!;
    const button = getByRole(host, 'button', { name: 'Ali Asghar Khaji' });
    expect(button).toHaveAccessibleDescription(`Iran (IRN), ${khaji.count} ${khaji.count === 1 ? 'meeting' : 'meetings'}`);
    expect(button.getAttribute('tabindex')).toBe('0');
  });

  it('reports what it rendered on the root for tests and benchmarks', () => {
    controller.setGraph(fullGraph, index, all.length);
    expect(root().dataset).toMatchObject({
      renderedNodes: String(fullGraph.nodes.length),
      renderedEdges: String(fullGraph.edges.length),
      renderedMeetings: String(all.length),
      mode: 'svg',
    });
    const some = all.subarray(0, 3);
    controller.setGraph(buildGraph(index, some), index, some.length);
    expect(root().dataset.renderedMeetings).toBe('3');
  });

  it('selects an actor with Enter or Space, and clears the selection with Escape', () => {
    controller.setGraph(fullGraph, index, all.length);
    const button = getByRole(host, 'button', { name: 'Faisal Mekdad' });
    fireEvent.keyDown(button, { key: 'Enter' });
    expect(callbacks.onSelectActor).toHaveBeenLastCalledWith('mekdad');
    fireEvent.keyDown(getByRole(host, 'button', { name: 'Geir O. Pedersen' }), { key: ' ' });
    expect(callbacks.onSelectActor).toHaveBeenLastCalledWith('pedersen');
    fireEvent.keyDown(button, { key: 'Escape' });
    expect(callbacks.onSelectActor).toHaveBeenLastCalledWith(null);
  });

  it('selects an actor when its node is clicked', () => {
    controller.setGraph(fullGraph, index, all.length);
    fireEvent.click(nodeEl('assad').querySelector('circle')!);
    expect(callbacks.onSelectActor).toHaveBeenCalledWith('assad');
  });

  it('emphasises highlighted actors and the edges between them, and dims the rest', () => {
    controller.setGraph(fullGraph, index, all.length);
    const edge = fullGraph.edges[0]!;
    controller.setHighlight({ actors: new Set([edge.source, edge.target]), meetings: new Int32Array(0), meetingMask: new Uint8Array(0) });
    expect(nodeEl(edge.source)).toHaveClass('is-highlighted', 'is-labelled');
    expect(nodeEl(edge.target)).toHaveClass('is-highlighted');
    const other = fullGraph.nodes.find((n) => n.id !== edge.source && n.id !== edge.target)!;
    expect(nodeEl(other.id)).toHaveClass('is-dimmed');
    expect(nodeEl(other.id)).not.toHaveClass('is-highlighted');
    expect(host.querySelectorAll('.network-edge.is-highlighted').length).toBeGreaterThanOrEqual(1);
    controller.setHighlight({ actors: new Set(), meetings: new Int32Array(0), meetingMask: new Uint8Array(0) });
    expect(host.querySelectorAll('.is-dimmed, .is-highlighted')).toHaveLength(0);
  });

  it('marks the selected actor', () => {
    controller.setGraph(fullGraph, index, all.length);
    controller.setSelection({ kind: 'actor', id: 'arnous' });
    expect(nodeEl('arnous')).toHaveClass('is-selected');
    controller.setSelection(null);
    expect(nodeEl('arnous')).not.toHaveClass('is-selected');
  });

  it('never interprets actor names as markup', () => {
    const hostile = structuredClone(index.dataset);
    hostile.actors[0]!.name = '<img src=x onerror=alert(1)>';
    const hostileIndex = buildIndex(hostile);
    controller.setGraph(buildGraph(hostileIndex, all), hostileIndex, all.length);
    expect(host.querySelector('img')).toBeNull();
    expect(getByRole(host, 'button', { name: '<img src=x onerror=alert(1)>' })).toBeInTheDocument();
  });

  it('keeps surviving actors where they were when the graph shrinks', async () => {
    controller.setGraph(fullGraph, index, all.length);
    await settled();
    const before = new Map(fullGraph.nodes.map((n) => [n.id, translateOf(nodeEl(n.id))]));
    const subset = all.filter((i) => index.meetings[i]!.participants.some((p) => p.actorId === 'mekdad'));
    const smaller = buildGraph(index, subset);
    controller.setGraph(smaller, index, subset.length);
    await frames(40);
    expect(smaller.nodes.length).toBeLessThan(fullGraph.nodes.length);
    for (const n of smaller.nodes) {
      const [x0, y0] = before.get(n.id)!;
      const [x1, y1] = translateOf(nodeEl(n.id));
      expect(Math.hypot(x1! - x0!, y1! - y0!)).toBeLessThan(25);
    }
  });

  it('selects an edge when the line between two actors is clicked, and ignores empty background', async () => {
    controller.setGraph(fullGraph, index, all.length);
    await frames(100);
    const viewport = host.querySelector('svg > g')!;
    const [tx, ty] = translateOf(viewport);
    const k = Number((viewport.getAttribute('transform') ?? '').match(/scale\(([-\d.e]+)\)/)![1]);
    const edge = fullGraph.edges.find((e) => e.source === 'mekdad' || e.target === 'mekdad')!;
    const [ax, ay] = translateOf(nodeEl(edge.source));
    const [bx, by] = translateOf(nodeEl(edge.target));
    const svg = host.querySelector('svg')!;
    // A point on the segment, away from both node discs.
    const t = 0.5;
    fireEvent.click(svg, { clientX: tx! + k * (ax! + t * (bx! - ax!)), clientY: ty! + k * (ay! + t * (by! - ay!)) });
    expect(callbacks.onSelectEdge).toHaveBeenCalledTimes(1);
    const [a, b] = callbacks.onSelectEdge.mock.calls[0]!;
    expect(new Set([a, b]).size).toBe(2);
    fireEvent.click(svg, { clientX: -5000, clientY: -5000 });
    expect(callbacks.onSelectEdge).toHaveBeenCalledTimes(1);
    expect(callbacks.onSelectActor).not.toHaveBeenCalled();
  });

  it('spreads a small graph so that no two actor discs overlap', async () => {
    controller.setGraph(fullGraph, index, all.length);
    await settled();
    const discs = fullGraph.nodes.map((n) => {
      const [x, y] = translateOf(nodeEl(n.id));
      return { x: x!, y: y!, r: Number(nodeEl(n.id).querySelector('circle')!.getAttribute('r')) };
    });
    for (let i = 0; i < discs.length; i++) {
      for (let j = i + 1; j < discs.length; j++) {
        const a = discs[i]!, b = discs[j]!;
        expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThan(a.r + b.r);
      }
    }
  });

  it('lights the counterparts of a selected actor and the lines to them, dimming only the rest', () => {
    controller.setGraph(fullGraph, index, all.length);
    controller.setHighlight({ actors: new Set(['khaji']), meetings: new Int32Array(0), meetingMask: new Uint8Array(0) });
    controller.setSelection({ kind: 'actor', id: 'khaji' });
    const counterparts = new Set(fullGraph.edges.flatMap((e) => (e.source === 'khaji' ? [e.target] : e.target === 'khaji' ? [e.source] : [])));
    expect(counterparts.size).toBeGreaterThan(0);
    for (const n of fullGraph.nodes) {
      if (n.id === 'khaji') continue;
      expect(nodeEl(n.id).classList.contains('is-near')).toBe(counterparts.has(n.id));
      expect(nodeEl(n.id).classList.contains('is-dimmed')).toBe(!counterparts.has(n.id));
    }
    expect(host.querySelectorAll('.network-edge.is-highlighted')).toHaveLength(counterparts.size);
  });

  it('keeps what it drew when handed an equal graph built again, updating only the meeting count', () => {
    controller.setGraph(fullGraph, index, all.length);
    const before = nodeEl('khaji');
    controller.setGraph(buildGraph(index, all), index, all.length - 1);
    expect(nodeEl('khaji')).toBe(before);
    expect(root().dataset.renderedMeetings).toBe(String(all.length - 1));
    const fewer = all.subarray(0, 4);
    controller.setGraph(buildGraph(index, fewer), index, fewer.length);
    expect(root().dataset.renderedNodes).toBe(String(buildGraph(index, fewer).nodes.length));
  });

  it('removes everything it created on destroy', () => {
    controller.setGraph(fullGraph, index, all.length);
    controller.destroy();
    expect(host.childElementCount).toBe(0);
    controller = createNetworkController(host, callbacks as unknown as NetworkCallbacks);
  });
});
