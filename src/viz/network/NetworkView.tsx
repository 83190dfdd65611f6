import { useDeferredValue, useEffect, useMemo, useRef } from 'react';
import { deriveGraph, highlightFor, type Highlight } from '../../domain/derive';
import { MAX_PAIRWISE_PARTICIPANTS, type ActorGraph } from '../../domain/graph';
import { capNetwork, NETWORK_CAP } from '../../domain/networkCap';
import { memoizeLast } from '../../domain/memo';
import type { DatasetIndex } from '../../domain/indexes';
import type { Selection } from '../../state/types';
import { useStore } from '../../state/store';
import { meetingCountText } from '../../domain/countText';
import { METRIC_LABEL } from '../../domain/analysis/metricNames';
import { selectGraphMeetings, selectIndex, selectSelectionHighlight, selectVisible, selectTotalCount } from '../../state/selectors';
import { createNetworkController, type NetworkController } from './createNetworkController';
import { NetworkLegend } from './NetworkLegend';
import { deriveShownGraph } from '../../state/analysis/shownGraph';
import { NetworkAnalysisControls } from '../../components/analysis/NetworkAnalysisControls';
import { MostCentralList } from '../../components/analysis/MostCentralList';
import { CommunityLegend } from '../../components/analysis/CommunityLegend';
import { CentralWhen } from '../../components/analysis/CentralWhen';
import { useNodeAppearance } from '../../components/analysis/useNodeAppearance';
import '../../components/analysis/analysis.css';
import { provideNetworkSnapshot } from '../exportSources';
import './network.css';

const EMPTY_GRAPH: ActorGraph = { nodes: [], edges: [] };

/** The actors a selection is about, as one string so the store hook returns an equal value for equal selections. */
function focusActorsKey(selection: Selection | null, index: DatasetIndex | null, egoActor: string | null): string {
  const ids: string[] = egoActor ? [egoActor] : [];
  if (selection?.kind === 'actor') ids.push(selection.id);
  else if (selection?.kind === 'edge') ids.push(selection.a, selection.b);
  else if (selection?.kind === 'meeting' && index) {
    const pos = index.meetingPos.get(selection.id);
    if (pos !== undefined) for (const p of index.meetings[pos]!.participants) ids.push(p.actorId);
  }
  return ids.join('\n');
}

const deriveCapped = memoizeLast((graph: ActorGraph, focusKey: string) => capNetwork(graph, NETWORK_CAP, focusKey ? focusKey.split('\n') : []));

/** Thin React shell around the network controller: one effect per input, toolbar and legend. */
export function NetworkView() {
  const hostRef = useRef<HTMLDivElement>(null);
  const controllerRef = useRef<NetworkController | null>(null);
  const index = useStore(selectIndex);
  // The network follows a filter change in a render (and task) of its own: building the graph and its
  // scene at 20,000 meetings takes tens of milliseconds that must not hold up the filter panel,
  // the count and the timeline, nor make one long task of them all.
  // Index and meetings are deferred together, so positions are never read against another dataset.
  const graphIndex = useDeferredValue(index);
  const graphMeetings = useDeferredValue(useStore(selectGraphMeetings));
  const analysis = useStore((s) => s.analysis);
  const filteredGraph = graphIndex ? deriveGraph(graphIndex, graphMeetings) : EMPTY_GRAPH;
  const graph = deriveShownGraph(filteredGraph, analysis.ego?.actor ?? null, analysis.ego?.depth ?? 1);
  // Past the cap only the busiest actors are drawn, plus whatever the selection (or ego network) is about.
  // Deferred: a selection first shows (details, emphasis on the drawn actors) in its own frame, and the
  // capped picture grows by the selection's counterparts (a new scene and layout) in a render after it.
  const focusKey = useDeferredValue(useStore((s) => focusActorsKey(s.selection, graphIndex, analysis.ego?.actor ?? null)));
  const capped = deriveCapped(graph, focusKey);
  const appearance = useNodeAppearance(graph, graphIndex, analysis);
  const meetingCount = graphMeetings.length;
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

  useEffect(() => {
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

  useEffect(() => {
    if (graphIndex) controllerRef.current?.setGraph(capped.graph, graphIndex, meetingCount, capped.offstage);
  }, [capped, graphIndex, meetingCount]);
  useEffect(() => controllerRef.current?.setAppearance(appearance), [appearance]);
  useEffect(() => controllerRef.current?.setHighlight(highlight), [highlight]);
  useEffect(() => controllerRef.current?.setSelection(selection), [selection]);
  useEffect(() => controllerRef.current?.setHoveredActor(hoveredActor), [hoveredActor]);

  const empty = graph.nodes.length === 0;
  return (
    <div className="network">
      <div className="network-header">
        <h2 className="network-title">Network</h2>
        <p className="network-summary" data-capped={capped.capped ? 'true' : undefined}>
          {capped.capped ? (
            <>
              showing {capped.graph.nodes.length.toLocaleString('en')} of {capped.totalActors.toLocaleString('en')} actors and{' '}
              {capped.graph.edges.length.toLocaleString('en')} of {capped.totalLinks.toLocaleString('en')} links (the most meetings)
            </>
          ) : (
            <>
              {graph.nodes.length} {graph.nodes.length === 1 ? 'actor' : 'actors'}, {graph.edges.length}{' '}
              {graph.edges.length === 1 ? 'link' : 'links'}
            </>
          )}{' '}
          from {meetingCountText(meetingCount, totalCount)}
          {limitedToWindow && <> · only the timeline’s visible period</>}
          {graph.hubMeetings ? (
            <span className="network-hub-note">
              {' '}
              ({graph.hubMeetings} {graph.hubMeetings === 1 ? 'meeting' : 'meetings'} with more than {MAX_PAIRWISE_PARTICIPANTS} participants drawn as links
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
            {analysis.ego && filteredGraph.nodes.length ? 'The ego network’s actor is not in the network as filtered.' : 'No actors match the current filters.'}
          </p>
        )}
      </div>
      {graphIndex && (analysis.color === 'community' ? <CommunityLegend graph={graph} index={graphIndex} /> : <NetworkLegend index={graphIndex} />)}
      {graphIndex && (
        <div className="network-analysis">
          <MostCentralList graph={graph} index={graphIndex} metric={analysis.size} />
          <CentralWhen index={graphIndex} meetings={visible} metric={analysis.size} />
        </div>
      )}
    </div>
  );
}
