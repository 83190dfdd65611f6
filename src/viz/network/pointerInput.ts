import { drag, pointer, select, type ZoomBehavior, type ZoomTransform } from 'd3';
import { STATE_STRIDE } from './layoutModel';
import type { Scene } from './scene';
import type { LayoutRunner } from './layoutRunner';
import type { createHitTester } from './hitTest';
import type { NetworkCallbacks } from './createNetworkController';

/** What pointer and keyboard input read from the controller at event time. */
export interface InputContext {
  scene(): Scene;
  transform(): ZoomTransform;
  surface(): Element | null;
  runner(): LayoutRunner | null;
  hits: ReturnType<typeof createHitTester>;
  /** The user moved something themselves: the view stops following the layout. */
  takeOver(): void;
  /** Positions changed outside the layout (a node dragged). */
  moved(): void;
}

type DragSubject = { i: number; x: number; y: number };

/**
 * Gestures on the drawing surface: dragging a node (pinned in the layout while held), panning and
 * zooming on empty space, and hover reported as the actor under the pointer.
 */
export function createSurfaceInput(ctx: InputContext, zoomBehavior: ZoomBehavior<Element, unknown>, callbacks: NetworkCallbacks) {
  let pointerHover: string | null = null;
  const toWorld = (event: Event, surface: Element): [number, number] => ctx.transform().invert(pointer(event, surface));

  const dragBehavior = drag<Element, unknown, DragSubject>()
    .container(function container(this: Element) {
      return this as SVGSVGElement | HTMLElement;
    })
    .subject((event: { x: number; y: number }) => {
      const transform = ctx.transform();
      const [wx, wy] = transform.invert([event.x, event.y]);
      const i = ctx.hits.nodeAt(wx, wy, 4 / transform.k);
      // No subject: d3-drag lets the gesture through to the zoom behaviour (pan).
      return (i < 0 ? undefined : { i, x: event.x, y: event.y }) as DragSubject;
    })
    .on('start', () => {
      ctx.takeOver();
      ctx.runner()?.setAlphaTarget(0.25);
    })
    .on('drag', (event: { subject: { i: number }; x: number; y: number }) => {
      const [wx, wy] = ctx.transform().invert([event.x, event.y]);
      const i = event.subject.i;
      const state = ctx.scene().state;
      state[i * STATE_STRIDE] = wx;
      state[i * STATE_STRIDE + 1] = wy;
      ctx.hits.invalidate();
      ctx.runner()?.pin(i, wx, wy);
      ctx.moved();
    })
    .on('end', (event: { subject: { i: number } }) => {
      ctx.runner()?.setAlphaTarget(0);
      ctx.runner()?.pin(event.subject.i, null, null);
    });

  const onMove = (event: PointerEvent) => {
    const surface = event.currentTarget as HTMLElement;
    const [wx, wy] = toWorld(event, surface);
    const i = ctx.hits.nodeAt(wx, wy, 2 / ctx.transform().k);
    const id = i < 0 ? null : ctx.scene().nodes[i]!.id;
    surface.style.cursor = id ? 'pointer' : '';
    if (id === pointerHover) return;
    pointerHover = id;
    callbacks.onHoverActor(id);
  };
  const onLeave = () => {
    if (pointerHover === null) return;
    pointerHover = null;
    callbacks.onHoverActor(null);
  };

  return {
    toWorld,
    attach(surface: Element, transform: ZoomTransform) {
      // Drag first: on a node it stops the event, so the zoom behaviour pans only on empty space.
      select(surface).call(dragBehavior).call(zoomBehavior).on('dblclick.zoom', null);
      (surface as Element & { __zoom?: ZoomTransform }).__zoom = transform;
      surface.addEventListener('pointermove', onMove as EventListener);
      surface.addEventListener('pointerleave', onLeave);
    },
    detach(surface: Element) {
      select(surface).on('.zoom', null).on('.drag', null);
      surface.removeEventListener('pointermove', onMove as EventListener);
      surface.removeEventListener('pointerleave', onLeave);
    },
  };
}

/**
 * Clicks and keys on the whole network region: a node (SVG element or keyboard-list button) selects
 * its actor, a canvas click selects the node or edge under it, Escape clears the selection, and focus
 * moving onto a node emphasises it.
 */
export function attachRootInput(
  root: HTMLElement,
  ctx: InputContext,
  toWorld: (event: Event, surface: Element) => [number, number],
  focus: { current(): string | null; set(id: string | null): void },
  callbacks: NetworkCallbacks,
): () => void {
  const onClick = (event: MouseEvent) => {
    const target = event.target as Element;
    const node = target.closest('[data-actor]');
    if (node && root.contains(node)) {
      callbacks.onSelectActor(node.getAttribute('data-actor'));
      return;
    }
    const surface = ctx.surface();
    if (!surface || !surface.contains(target)) return;
    const [wx, wy] = toWorld(event, surface);
    const k = ctx.transform().k;
    const scene = ctx.scene();
    const i = ctx.hits.nodeAt(wx, wy, 2 / k);
    if (i >= 0) return callbacks.onSelectActor(scene.nodes[i]!.id);
    const e = ctx.hits.edgeAt(wx, wy, 5 / k);
    if (e >= 0) callbacks.onSelectEdge(scene.nodes[scene.links[2 * e]!]!.id, scene.nodes[scene.links[2 * e + 1]!]!.id);
    // Empty background: deliberately nothing, so panning never loses the selection.
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      callbacks.onSelectActor(null);
      return;
    }
    const target = event.target as Element;
    // Native buttons (canvas mode list) click on Enter/Space by themselves; SVG nodes need help.
    if ((event.key === 'Enter' || event.key === ' ') && target.getAttribute('role') === 'button' && target.hasAttribute('data-actor')) {
      event.preventDefault();
      callbacks.onSelectActor(target.getAttribute('data-actor'));
    }
  };
  const onFocusIn = (event: FocusEvent) => {
    const target = event.target as Element;
    if (target.getAttribute('role') === 'button' && target.hasAttribute('data-actor')) focus.set(target.getAttribute('data-actor'));
  };
  const onFocusOut = (event: FocusEvent) => {
    if (!root.contains(event.relatedTarget as Node | null) && focus.current() !== null) focus.set(null);
  };
  root.addEventListener('click', onClick);
  root.addEventListener('keydown', onKeyDown);
  root.addEventListener('focusin', onFocusIn);
  root.addEventListener('focusout', onFocusOut);
  return () => {
    root.removeEventListener('click', onClick);
    root.removeEventListener('keydown', onKeyDown);
    root.removeEventListener('focusin', onFocusIn);
    root.removeEventListener('focusout', onFocusOut);
  };
}
