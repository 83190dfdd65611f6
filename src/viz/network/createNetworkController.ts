import { select, zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3';
import type { ActorGraph, GraphNode } from '../../domain/graph';
import type { DatasetIndex } from '../../domain/indexes';
import type { Highlight } from '../../domain/derive';
import type { Selection } from '../../state/types';
import { affiliationColors } from '../palette';
import { fitTransform, STATE_STRIDE, type NodeState } from './layoutModel';
import { buildScene, computeEmphasis, EMPTY_SCENE, rememberPositions, sameGraph, type Emphasis, type Scene } from './scene';
import { canUseWorker, createMainThreadLayout, createWorkerLayout, type LayoutRunner } from './layoutRunner';
import { createSvgRenderer, type NetworkRenderer } from './svgRenderer';
import { canUseCanvas, createCanvasRenderer } from './canvasRenderer';
import { createHitTester } from './hitTest';
import { createDrawScheduler } from './drawScheduler';
import { attachRootInput, createSurfaceInput, type InputContext } from './pointerInput';
import { createRefit } from './refit';
import { estimateLabelWidth, LABEL_GAP_PX, SMALL_GRAPH_NODES } from './smallGraphLayout';
import { createLayoutHold } from './layoutHold';
import { applyAppearance, DEFAULT_APPEARANCE, type NodeAppearance } from './appearance';
import { snapshotScene, type NetworkSnapshot } from './snapshot';

export interface NetworkCallbacks {
  onSelectActor(id: string | null): void;
  onSelectEdge(a: string, b: string): void;
  onHoverActor(id: string | null): void;
}

export interface NetworkController {
  /**
   * Shows `graph`, built from `meetingCount` meetings; actors already drawn keep their place. `offstage`: actors of
   * a capped network that are not drawn, offered in the keyboard list (which a capped network always has).
   */
  setGraph(graph: ActorGraph, index: DatasetIndex, meetingCount: number, offstage?: readonly GraphNode[]): void;
  /**
   * A large network is coming (a dataset past the query worker's size): the canvas and the layout worker are set up
   * now, in an idle moment, rather than in the task that draws the first picture (15-20 ms of it at 250k).
   */
  prepareForLarge(): void;
  /** While the next picture is worked out the layout does not tick (LayoutRunner.hold); a new graph ends it. */
  holdLayout(on: boolean): void;
  /** Actors to emphasise (selection and hover combined); everything else is dimmed. */
  setHighlight(highlight: Highlight): void;
  setSelection(selection: Selection | null): void;
  setHoveredActor(id: string | null): void;
  /** Node size and colour from analysis (centrality, communities); actors keep their place. */
  setAppearance(appearance: NodeAppearance): void;
  zoomBy(factor: number): void;
  /** Fits the whole graph and follows the layout again until the user zooms, pans or drags. */
  resetView(): void;
  resize(): void;
  /** Positions, sizes and colours as drawn right now, for exports drawn from data. */
  snapshot(): NetworkSnapshot;
  destroy(): void;
}

export interface NetworkOptions {
  /** Above this many nodes: canvas drawing and a worker layout (when the platform has them). */
  largeGraphThreshold?: number;
  /** ...or above this many edges. */
  largeGraphEdgeThreshold?: number;
}

/**
 * SVG draws each node and line as an element: while a layout settles, every frame rewrites their attributes and
 * repaints them all on the main thread. At 20k a filter step's 338-node, 942-line graph made each such frame a
 * 90-140 ms task (SVG paint 40-65 ms, attribute writes 25-45 ms); the canvas is painted in its worker.
 */
export const LARGE_GRAPH_THRESHOLD = 150;
/** Layout heat after node sizes change: enough to resolve overlaps, too little to rearrange the picture. */
const APPEARANCE_ALPHA = 0.08;
export const LARGE_GRAPH_EDGE_THRESHOLD = 300;
let instances = 0;

export function createNetworkController(el: HTMLElement, callbacks: NetworkCallbacks, options: NetworkOptions = {}): NetworkController {
  const threshold = options.largeGraphThreshold ?? LARGE_GRAPH_THRESHOLD;
  const edgeThreshold = options.largeGraphEdgeThreshold ?? LARGE_GRAPH_EDGE_THRESHOLD;
  const idPrefix = `network-${++instances}`;
  const root = document.createElement('div');
  root.className = 'network-root';
  root.dataset.sizedBy = DEFAULT_APPEARANCE.sizeLabel;
  el.append(root);

  const memory = new Map<string, NodeState>();
  let index: DatasetIndex | null = null;
  let colors = new Map<string, string>();
  let scene: Scene = EMPTY_SCENE;
  let appearance: NodeAppearance = DEFAULT_APPEARANCE;
  let radiusRange: readonly [number, number] = [5, 22];
  let shownGraph: ActorGraph | null = null;
  let renderer: NetworkRenderer | null = null;
  let runner: LayoutRunner | null = null;
  let transform: ZoomTransform = zoomIdentity;
  let width = 0;
  let height = 0;
  /** Follow the layout with the view (fit to all nodes) until it cools or the user takes over. */
  let autoFit = true;
  let layoutRunning = false;
  let highlighted: ReadonlySet<string> = new Set();
  let selection: Selection | null = null;
  let hoveredId: string | null = null;
  let focusedId: string | null = null;
  let emphasis: Emphasis = computeEmphasis(scene, highlighted, null, null, -1);
  const hits = createHitTester(() => scene);
  /** Screen-pixel label widths when the small-graph rules apply (spacing and fit leave room for names). */
  let labelWidths: Float32Array | null = null;
  /** Node count the small-graph spacing was made for; updates keep it so actors stay put. */
  let spacingNodes = 0;

  const zoomBehavior: ZoomBehavior<Element, unknown> = zoom<Element, unknown>()
    .scaleExtent([0.02, 8])
    .extent(() => [[0, 0], [width, height]])
    .on('zoom', (event: { transform: ZoomTransform; sourceEvent: unknown }) => {
      transform = event.transform;
      if (event.sourceEvent) autoFit = false;
      scheduleDraw();
    });

  const fitAll = () =>
    labelWidths
      ? fitTransform(scene.state, scene.radii, width, height, 20, 2.5, labelWidths, LABEL_GAP_PX)
      : fitTransform(scene.state, scene.radii, width, height);

  function draw() {
    if (!renderer) return;
    if (autoFit && scene.nodes.length) {
      const t = fitAll();
      transform = zoomIdentity.translate(t.x, t.y).scale(t.k);
      (renderer.surface as Element & { __zoom?: ZoomTransform }).__zoom = transform;
      // Once settled, later filter changes keep the view still: actors stay where the eye left them.
      if (!layoutRunning) autoFit = false;
    }
    renderer.draw(scene, transform, emphasis);
  }
  const refit = createRefit(
    {
      scene: () => scene,
      emphasis: () => emphasis,
      transform: () => transform,
      size: () => ({ width, height }),
      surface: () => renderer?.surface ?? null,
      labelWidths: () => labelWidths,
      following: () => autoFit,
      fitAll,
    },
    zoomBehavior,
  );
  const drawScheduler = createDrawScheduler(draw, () => renderer?.frameGapMs ?? 0);
  const scheduleDraw = drawScheduler.schedule;

  function refreshEmphasis() {
    const focused = focusedId === null ? -1 : (scene.byId.get(focusedId) ?? -1);
    emphasis = computeEmphasis(scene, highlighted, selection, hoveredId, focused);
    renderer?.setEmphasis(scene, emphasis);
    scheduleDraw();
  }

  /** The graph changed since the layout last settled: once it settles, every node is brought into the box. */
  let graphChanged = false;
  function onPositions(state: Float32Array, running: boolean) {
    if (state.length !== scene.state.length) return;
    scene.state = state;
    layoutRunning = running;
    root.dataset.layout = !running ? 'settled' : hold.byView ? 'held' : 'running';
    hits.invalidate();
    scheduleDraw();
    if (!running && graphChanged) {
      graphChanged = false;
      // New actors are placed by the layout, wherever it puts them; a view that stopped following it could leave them outside.
      refit.revealAll();
    }
  }

  function onFocusNode(id: string | null) {
    focusedId = id;
    const i = id === null ? -1 : (scene.byId.get(id) ?? -1);
    if (i >= 0 && renderer) {
      const [sx, sy] = transform.apply([scene.state[i * STATE_STRIDE]!, scene.state[i * STATE_STRIDE + 1]!]);
      if (sx < 0 || sy < 0 || sx > width || sy > height) {
        autoFit = false;
        zoomBehavior.translateTo(select(renderer.surface), scene.state[i * STATE_STRIDE]!, scene.state[i * STATE_STRIDE + 1]!);
      }
    }
    refreshEmphasis();
  }

  const input: InputContext = {
    scene: () => scene,
    transform: () => transform,
    surface: () => renderer?.surface ?? null,
    runner: () => runner,
    hits,
    takeOver: () => {
      autoFit = false;
    },
    moved: scheduleDraw,
  };
  const surfaceInput = createSurfaceInput(input, zoomBehavior, callbacks);
  const detachRootInput = attachRootInput(root, input, surfaceInput.toWorld, { current: () => focusedId, set: onFocusNode }, callbacks);

  function useRenderer(mode: 'svg' | 'canvas') {
    if (renderer?.mode === mode) return;
    if (renderer) {
      surfaceInput.detach(renderer.surface);
      renderer.destroy();
    }
    renderer = mode === 'canvas' ? createCanvasRenderer(root, idPrefix, onFocusNode) : createSvgRenderer(root, idPrefix);
    renderer.resize(width, height);
    surfaceInput.attach(renderer.surface, transform);
    root.dataset.mode = mode;
  }

  const hold = createLayoutHold();
  function useRunner(kind: 'main' | 'worker') {
    if (runner?.kind === kind) return;
    runner?.destroy();
    runner = kind === 'worker' ? createWorkerLayout(onPositions) : createMainThreadLayout(onPositions);
    hold.attach(runner);
  }

  /** Set once the view's resize observer reports sizes (it calls resize() on every change): reading them again forces a layout. */
  let sizeObserved = false;
  function measure() {
    width = el.clientWidth || 600;
    height = el.clientHeight || 400;
  }
  measure();

  return {
    prepareForLarge() {
      if (canUseCanvas()) useRenderer('canvas');
      if (canUseWorker()) useRunner('worker');
    },
    holdLayout(on) {
      if (hold.setByView(on) && layoutRunning) root.dataset.layout = on ? 'held' : 'running';
    },
    setGraph(graph, nextIndex, meetingCount, offstage = []) {
      if (nextIndex === index && shownGraph && sameGraph(shownGraph, graph) && offstage.length === scene.offstageCount) {
        scene.meetings = meetingCount;
        root.dataset.renderedMeetings = String(meetingCount);
        return;
      }
      shownGraph = graph;
      if (nextIndex !== index) {
        index = nextIndex;
        colors = affiliationColors(nextIndex.dataset.countries.map((c) => c.code));
        memory.clear();
        autoFit = true;
      } else {
        rememberPositions(scene, memory);
        graphChanged = true;
      }
      // Thousands of SVG lines cost more per frame than the canvas does; the bundled-size graphs stay SVG.
      const large = graph.nodes.length > threshold || graph.edges.length > edgeThreshold || offstage.length > 0;
      // An update arriving mid-layout must not cool it early (a half-finished layout would freeze).
      const warmth = runner?.currentAlpha() ?? 0;
      const refocus = focusedId;
      radiusRange = large ? [2.5, 14] : [5, 22];
      scene = buildScene(graph, nextIndex, colors, memory, meetingCount, radiusRange, large ? 1500 : 2500, offstage);
      if (appearance !== DEFAULT_APPEARANCE) applyAppearance(scene, appearance, radiusRange);
      hits.invalidate();
      useRenderer(large && canUseCanvas() ? 'canvas' : 'svg');
      // Off the main thread wherever there are workers (see createWorkerLayout); on it in tests and old embeds.
      useRunner(canUseWorker() ? 'worker' : 'main');
      renderer!.setScene(scene);
      refreshEmphasis();
      layoutRunning = true;
      root.dataset.layout = 'running';
      const small = !large && scene.nodes.length <= SMALL_GRAPH_NODES;
      // Spacing is derived from the panel, so read its size now rather than trust the size at creation; once resize()
      // keeps it current, reading it here forced a layout of the page mid-commit (10-20 ms in bundled filter steps).
      if (small && !sizeObserved) measure();
      labelWidths = small ? Float32Array.from(scene.nodes, (node) => estimateLabelWidth(node.short)) : null;
      if (scene.alpha >= 1 || spacingNodes === 0) spacingNodes = Math.max(1, scene.nodes.length);
      runner!.start({
        state: scene.state, radii: scene.radii, links: scene.links, weights: scene.weights, alpha: Math.max(scene.alpha, warmth),
        ...(labelWidths ? { area: { width, height, nodes: spacingNodes }, labelWidths } : {}),
      }, hold.startingGraph());
      // Keep keyboard focus on the same actor when its element was rebuilt.
      if (refocus && root.contains(document.activeElement) === false) {
        const again = renderer!.nodeElement(refocus);
        if (again) (again as HTMLElement).focus({ preventScroll: true });
      }
      root.dataset.renderedNodes = String(scene.nodes.length);
      root.dataset.renderedEdges = String(scene.drawn.length);
      root.dataset.totalEdges = String(scene.weights.length);
      root.dataset.renderedMeetings = String(meetingCount);
      scheduleDraw();
      // A selection's actors may have just come in (a capped network brings them): keep them in view.
      if (selection) refit.revealSelection();
    },
    setHighlight(highlight) {
      highlighted = highlight.actors;
      refreshEmphasis();
    },
    setSelection(next) {
      selection = next;
      refreshEmphasis();
      if (next) refit.revealSelection();
    },
    setHoveredActor(id) {
      hoveredId = id;
      refreshEmphasis();
    },
    setAppearance(next) {
      if (next === appearance) return;
      appearance = next;
      // What node size shows right now, for tests and the benchmark (set once the sizes are drawn).
      root.dataset.sizedBy = next.sizeLabel;
      if (!renderer || !scene.nodes.length) return;
      applyAppearance(scene, appearance, radiusRange);
      hits.invalidate();
      renderer.setScene(scene);
      refreshEmphasis();
      // A gentle nudge so grown nodes push their neighbours aside; nobody jumps.
      if (runner) {
        layoutRunning = true;
        root.dataset.layout = 'running';
        runner.start({
          state: scene.state, radii: scene.radii, links: scene.links, weights: scene.weights, alpha: Math.max(APPEARANCE_ALPHA, runner.currentAlpha()),
          ...(labelWidths ? { area: { width, height, nodes: spacingNodes }, labelWidths } : {}),
        }, hold.startingGraph());
      }
    },
    zoomBy(factor) {
      if (!renderer) return;
      autoFit = false;
      zoomBehavior.scaleBy(select(renderer.surface), factor);
    },
    resetView() {
      autoFit = true;
      scheduleDraw();
    },
    snapshot: () => snapshotScene(scene, transform, width, height),
    resize() {
      sizeObserved = true;
      const before = { width, height };
      measure();
      if (before.width === width && before.height === height) return;
      renderer?.resize(width, height);
      scheduleDraw();
      refit.refitAll();
    },
    destroy() {
      refit.destroy();
      drawScheduler.cancel();
      hold.destroy();
      runner?.destroy();
      runner = null;
      if (renderer) {
        surfaceInput.detach(renderer.surface);
        renderer.destroy();
        renderer = null;
      }
      detachRootInput();
      root.remove();
      memory.clear();
      shownGraph = null;
    },
  };
}
