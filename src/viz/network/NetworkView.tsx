import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { highlightFor, type Highlight } from '../../domain/derive';
import { MAX_PAIRWISE_PARTICIPANTS } from '../../domain/graph';
import { useStore, type AppState } from '../../state/store';
import { meetingCountText } from '../../domain/countText';
import { METRIC_LABEL } from '../../domain/analysis/metricNames';
import { selectIndex, selectSelectionHighlight, selectVisible, selectTotalCount } from '../../state/selectors';
import { createNetworkController, type NetworkController } from './createNetworkController';
import { SMALL_GRAPH_NODES } from './smallGraphLayout';
import { nameRank } from './scene';
import { QUERY_WORKER_MIN_MEETINGS } from '../../domain/engine/thresholds';
import { NetworkLegend } from './NetworkLegend';
import { NetworkAnalysisControls } from '../../components/analysis/NetworkAnalysisControls';
import { MostCentralList } from '../../components/analysis/MostCentralList';
import { CommunityLegend } from '../../components/analysis/CommunityLegend';
import { CentralWhen } from '../../components/analysis/CentralWhen';
import { useNodeAppearance } from '../../components/analysis/useNodeAppearance';
import '../../components/analysis/analysis.css';
import { provideNetworkSnapshot } from '../exportSources';
import { publishDrawnPicture, waitingForPicture } from './networkPicture';
import { EMPTY_GRAPH, useNetworkPicture } from './useNetworkPicture';
import { createNextTask } from '../nextTask';
import './network.css';

/** Thin React shell around the network controller: one effect per input, toolbar and legend. */
export function NetworkView() {
  const hostRef = useRef<HTMLDivElement>(null);
  const controllerRef = useRef<NetworkController | null>(null);
  const index = useStore(selectIndex);
  // The network follows a filter change in a render (and task) of its own, or from the query worker: building the
  // graph at tens of thousands of meetings must not hold up the filter panel, the count and the timeline.
  const { picture, pending } = useNetworkPicture();
  const graphIndex = picture?.index ?? null;
  const drawn = picture?.graph ?? EMPTY_GRAPH;
  const analysis = useStore((s) => s.analysis);
  const appearance = useNodeAppearance(picture, analysis);
  const meetingCount = picture?.meetingCount ?? 0;
  const totalCount = useStore(selectTotalCount);
  // Says why the network may count fewer meetings than the header.
  const limitedToWindow = useStore((s) => s.followWindow && s.window !== null);
  const visible = useStore(selectVisible);
  const selection = useStore((s) => s.selection);
  const selectionHighlight = useStore(selectSelectionHighlight);
  const hoveredActor = useStore((s) => s.hoveredActor);
  const hoveredMeeting = useStore((s) => s.hoveredMeeting);

  // Hover adds to the selection's emphasis for as long as it lasts; computed here, never stored.
  const highlight = useMemo<Highlight>(() => {
    if (!index || (!hoveredActor && !hoveredMeeting)) return selectionHighlight;
    const actors = new Set(selectionHighlight.actors);
    if (hoveredMeeting) for (const id of highlightFor(index, visible, { kind: 'meeting', id: hoveredMeeting }).actors) actors.add(id);
    if (hoveredActor) actors.add(hoveredActor);
    return { ...selectionHighlight, actors };
  }, [index, visible, selectionHighlight, hoveredActor, hoveredMeeting]);

  // While the page waits for a new dataset's first picture, not in the task that draws it: actor names are ranked
  // (unless the load worker did) and a large network's canvas and layout worker are set up.
  useEffect(() => {
    if (!index || typeof requestIdleCallback !== 'function') return;
    const id = requestIdleCallback(
      () => {
        nameRank(index);
        if (index.meetings.length >= QUERY_WORKER_MIN_MEETINGS) controllerRef.current?.prepareForLarge();
      },
      { timeout: 500 },
    );
    return () => cancelIdleCallback(id);
  }, [index]);

  // A layout effect, so the controller exists when the first picture is drawn in one (below).
  useLayoutEffect(() => {
    const host = hostRef.current!;
    const controller = createNetworkController(host, {
      onSelectActor: (id) => useStore.getState().select(id ? { kind: 'actor', id } : null),
      onSelectEdge: (a, b) => useStore.getState().select({ kind: 'edge', a, b }),
      onHoverActor: (id) => {
        if (useStore.getState().hoveredActor !== id) useStore.getState().hoverActor(id);
      },
    });
    controllerRef.current = controller;
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(() => controller.resize()) : null;
    observer?.observe(host);
    const stopProviding = provideNetworkSnapshot(() => controller.snapshot());
    return () => {
      stopProviding();
      observer?.disconnect();
      controller.destroy();
      controllerRef.current = null;
    };
  }, []);

  // Only an answer for exactly the current inputs (or the page's own picture) arrives here: the controller's
  // rendered-meetings report, which the benchmark waits for, is written only when it is drawn.
  // A small picture is drawn in the commit that brings it (a few ms): its passive effect ran only after the next
  // frame, so the network showed each filter change a frame after the count and the timeline (bundled filter steps:
  // deferred commit → frame → setGraph → frame). A large one built on the page is drawn in the passive effect, after
  // the frame; one from the query worker arrives in a synchronous render of the answer's own task (useNetworkPicture),
  // whose effects run in that task.
  const drawInCommit = picture !== null && picture.graph.nodes.length <= SMALL_GRAPH_NODES;
  useLayoutEffect(() => {
    if (picture && drawInCommit) controllerRef.current?.setGraph(picture.graph, picture.index, picture.meetingCount, picture.offstage);
  }, [picture, drawInCommit]);
  // A large dataset's first picture is drawn in the task after the render that brings it: that render also builds
  // everything drawn once per dataset (legend, lists), and together they made one 50–70 ms task at 250k. Later
  // pictures are drawn in the render's own task, as a step's answer should be.
  const drawnIndex = useRef<unknown>(null);
  useEffect(() => {
    publishDrawnPicture(picture);
    if (!picture || drawInCommit) return;
    const draw = () => controllerRef.current?.setGraph(picture.graph, picture.index, picture.meetingCount, picture.offstage);
    if (drawnIndex.current === picture.index) return draw();
    drawnIndex.current = picture.index;
    const later = createNextTask(draw);
    later.schedule();
    return () => later.destroy();
  }, [picture, drawInCommit]);
  useEffect(() => () => publishDrawnPicture(null), []);
  // The layout is held from the state change that asks for another picture (a filter, the window, a selection) until
  // that picture is here: the graph it lays out is about to be replaced, and its ticks took a core (the layout worker)
  // or frames from the query worker, the timeline and the page bringing the next one. On a two-core machine the
  // worker's ticks ran through whole 20k steps (traced), beside the query worker's answer and the timeline's items.
  // A search the query worker is still answering counts too: the views show the last search until then, so the
  // picture's key has not changed yet, and the layout worker ticked on beside the search (traced at 250k).
  const drawnKey = useRef<string | null>(null);
  const waiting = (s: AppState) => waitingForPicture(s, drawnKey.current);
  useEffect(() => {
    drawnKey.current = picture?.key ?? null;
    controllerRef.current?.holdLayout(pending || waiting(useStore.getState()));
  }, [picture, pending]);
  useEffect(() => useStore.subscribe((s) => controllerRef.current?.holdLayout(waiting(s))), []);
  useEffect(() => controllerRef.current?.setAppearance(appearance), [appearance]);
  useEffect(() => controllerRef.current?.setHighlight(highlight), [highlight]);
  useEffect(() => controllerRef.current?.setSelection(selection), [selection]);
  useEffect(() => controllerRef.current?.setHoveredActor(hoveredActor), [hoveredActor]);

  const empty = picture !== null && picture.totalActors === 0;
  return (
    <div className="network">
      <div className="network-header">
        <h2 className="network-title">Network</h2>
        {/* Says what is drawn, so while the next picture is worked out it still describes the one on screen. */}
        <p className="network-summary" data-capped={picture?.capped ? 'true' : undefined} aria-busy={pending || undefined}>
          {picture?.capped ? (
            <>
              showing {drawn.nodes.length.toLocaleString('en')} of {picture.totalActors.toLocaleString('en')} actors and{' '}
              {drawn.edges.length.toLocaleString('en')} of {picture.totalLinks.toLocaleString('en')} links (the most meetings)
            </>
          ) : (
            <>
              {drawn.nodes.length.toLocaleString('en')} {drawn.nodes.length === 1 ? 'actor' : 'actors'}, {drawn.edges.length.toLocaleString('en')}{' '}
              {drawn.edges.length === 1 ? 'link' : 'links'}
            </>
          )}{' '}
          from {meetingCountText(meetingCount, totalCount)}
          {limitedToWindow && <> · only the timeline’s visible period</>}
          {drawn.hubMeetings ? (
            <span className="network-hub-note">
              {' '}
              ({drawn.hubMeetings.toLocaleString('en')} {drawn.hubMeetings === 1 ? 'meeting' : 'meetings'} with more than {MAX_PAIRWISE_PARTICIPANTS} participants drawn as links
              from the first participant listed to each other one, not every pair)
            </span>
          ) : null}
        </p>
        <div className="network-toolbar" role="group" aria-label="Network view">
          <button type="button" onClick={() => controllerRef.current?.zoomBy(1.4)}>Zoom in</button>
          <button type="button" onClick={() => controllerRef.current?.zoomBy(1 / 1.4)}>Zoom out</button>
          <button type="button" onClick={() => controllerRef.current?.resetView()}>Reset view</button>
        </div>
      </div>
      {graphIndex && <NetworkAnalysisControls index={graphIndex} />}
      <p className="network-help" id="network-help">
        Node size: {analysis.size === 'meetings' ? 'meetings' : METRIC_LABEL[analysis.size].toLowerCase()}; line width: shared meetings. Drag actors, scroll or pinch to zoom. Tab to an actor, Enter selects it, Escape clears the selection.
      </p>
      <div className="network-frame">
        <div className="network-host" ref={hostRef} />
        {empty && (
          <p className="network-empty">
            {analysis.ego && picture.filteredActors ? 'The ego network’s actor is not in the network as filtered.' : 'No actors match the current filters.'}
          </p>
        )}
      </div>
      {picture && graphIndex && (analysis.color === 'community' && picture.whole ? <CommunityLegend graph={picture.whole} index={graphIndex} /> : <NetworkLegend index={graphIndex} />)}
      {picture && graphIndex && (
        <div className="network-analysis">
          <MostCentralList picture={picture} metric={analysis.size} />
          <CentralWhen index={graphIndex} meetings={visible} metric={analysis.size} />
        </div>
      )}
    </div>
  );
}
