import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { deriveGraph } from '../../domain/derive';
import type { ActorGraph } from '../../domain/graph';
import type { DatasetIndex } from '../../domain/indexes';
import { capNetwork, NETWORK_CAP, type CappedNetwork } from '../../domain/networkCap';
import { memoizeLast } from '../../domain/memo';
import { useStore } from '../../state/store';
import { selectGraphMeetings, selectIndex } from '../../state/selectors';
import { deriveShownGraph } from '../../state/analysis/shownGraph';
import { pageEngine, workerSourceFor } from '../../state/querySource';
import { createNextTask } from '../nextTask';
import { createStepAhead } from './playbackAhead';
import { focusActorsKey, focusList, needsWholeNetwork, searchGraphQuestion, workerQuestion, pictureKey, type NetworkPicture } from './networkPicture';

const EMPTY_GRAPH: ActorGraph = { nodes: [], edges: [] };
const NO_MEETINGS = new Int32Array(0);

const deriveCapped = memoizeLast((graph: ActorGraph, focusKey: string) => capNetwork(graph, NETWORK_CAP, focusList(focusKey)));
const pagePicture = memoizeLast(
  (index: DatasetIndex, filtered: ActorGraph, whole: ActorGraph, capped: CappedNetwork, meetingCount: number, key: string, focusKey: string): NetworkPicture => ({
    ...capped, meetingCount, filteredActors: filtered.nodes.length, index, key, focus: focusList(focusKey), whole,
  }),
);

/**
 * The picture the network view draws for the current filters, window, selection and ego network, and whether it is
 * still the previous one while the next is worked out.
 *
 * From QUERY_WORKER_MIN_MEETINGS the query worker builds and caps the graph (the page never builds the whole
 * filtered network per step): the view keeps the previous picture until the answer for exactly the current
 * inputs arrives, and an answer to an older question is never shown.
 * Smaller datasets, and the measures that need every link on the page (betweenness, PageRank, communities), build
 * the graph here, in a deferred render: the filter panel, count and timeline update first.
 */
export function useNetworkPicture(): { picture: NetworkPicture | null; pending: boolean } {
  const index = useStore(selectIndex);
  const wholeNeeded = useStore(needsWholeNetwork);
  const source = index && !wholeNeeded ? workerSourceFor(index) : null;
  const onPage = source === null;
  const key = useStore((s) => pictureKey(s, index));
  const focusNow = useStore((s) => focusActorsKey(s.selection, index, s.analysis.ego?.actor ?? null));
  const ego = useStore((s) => s.analysis.ego);

  // On the page: index, meetings, focus and key deferred together, so positions are never read against another dataset.
  const graphIndex = useDeferredValue(onPage ? index : null);
  const graphMeetings = useDeferredValue(useStore((s) => (onPage ? selectGraphMeetings(s) : NO_MEETINGS)));
  // Deferred only on the page's path: with the worker answering, a deferred copy changing made React render the
  // whole network view a second time after each step (17 ms at 20k, traced), for a picture the page does not build.
  const deferredEgo = useDeferredValue(onPage ? ego : null);
  // Past the cap only the busiest actors are drawn, plus whatever the selection (or ego network) is about. Deferred:
  // a selection first shows (details, emphasis on the drawn actors) in its own frame, and the capped picture grows
  // by the selection's counterparts (a new scene and layout) in a render after it.
  const focusKey = useDeferredValue(onPage ? focusNow : '');
  const deferredKey = useDeferredValue(onPage ? key : '');
  let fromPage: NetworkPicture | null = null;
  if (graphIndex) {
    const filtered = deriveGraph(graphIndex, graphMeetings);
    const whole = deriveShownGraph(filtered, deferredEgo?.actor ?? null, deferredEgo?.depth ?? 1);
    fromPage = pagePicture(graphIndex, filtered, whole, deriveCapped(whole, focusKey), graphMeetings.length, deferredKey, focusKey);
  }

  // From the query worker. The question is sent from a store subscription, inside the state change that asks it and
  // before React renders that change (at 20k the render is 50-150 ms the worker can spend answering); the effect
  // below asks again with the same object and shares the answer (the client sends it once).
  const question = useStore((s) => (source && index ? workerQuestion(s, index) : null));
  const stepAhead = useMemo(() => (source && index ? createStepAhead(source, index) : null), [source, index]);
  useEffect(() => {
    if (!source || !index) return;
    // Only while this source answers: a change that opens another dataset, or asks for a measure the page computes,
    // re-renders the view (which unsubscribes) after it has reached here.
    const unsubscribe = useStore.subscribe((s, prev) => {
      if (selectIndex(s) !== index) return;
      const next = workerQuestion(s, index);
      if (next) void source.graph(next);
      const ahead = searchGraphQuestion(s, index);
      if (ahead) source.prefetchGraph(ahead);
      // The timeline's window moved (by hand, or a link's): the next playback step is asked ahead once idle.
      if (s.window !== prev.window) stepAhead?.after(next);
    });
    return () => {
      unsubscribe();
      stepAhead?.stop();
    };
  }, [source, index, stepAhead]);
  const [answered, setAnswered] = useState<NetworkPicture | null>(null);
  /** The dataset of the last picture the worker's answers drew. */
  const drewFor = useRef<DatasetIndex | null>(null);
  useEffect(() => {
    if (!source || !question || !index) {
      setAnswered(null);
      return;
    }
    let live = true;
    // Rendered and handed to the view as soon as it arrives (a synchronous update runs its effects in the same task): as
    // an ordinary update the view's effect that draws the picture waited for the next frame to be painted first
    // (30-70 ms at 20k, a step's longest path), and the picture for the frame after it. Only a dataset's first picture,
    // when its answer is already there as this effect asks (it is asked for before the view renders, firstPicture.ts),
    // is drawn in a task of its own: drawn inside the effect, it joined the task that mounts the whole workspace (60 ms
    // at 250k). Asked whether it has arrived rather than whether a task has passed since: a worker's answer arriving in
    // the next task could come before a "next task" queued by this effect, and waited behind the timeline's drawing and
    // a frame. A later answer already here (a playback step asked ahead, playbackAhead.ts) is drawn in the step's task,
    // so the network changes in the same frame as the timeline.
    const early = source.hasGraphAnswer(question) && drewFor.current !== index;
    const drawNow = (picture: NetworkPicture) => {
      const first = drewFor.current !== index;
      flushSync(() => setAnswered(picture));
      drewFor.current = index;
      // After a dataset's first picture (a link may have chosen a window), and while the network follows the window
      // (playing or stepping): the next step is likely. Otherwise only a moved window asks ahead (above), not every
      // filter step drawn under a zoomed timeline (a worker busy for nothing).
      if (first || useStore.getState().followWindow) stepAhead?.after(question);
    };
    const draw = createNextTask(() => pending && live && drawNow(pending));
    let pending: NetworkPicture | null = null;
    const show = (picture: NetworkPicture) => {
      if (!live) return;
      if (!early) return drawNow(picture);
      pending = picture;
      draw.schedule();
    };
    source.graph(question).then(
      (answer) => answer && show({ ...answer, index, key, focus: question.focus, whole: null }),
      // The worker failed (it reports why): the page answers, as it would for a small dataset.
      (error: unknown) => {
        console.error('Parley query worker:', error);
        show({ ...pageEngine(index).graph(question), index, key, focus: question.focus, whole: null });
      },
    );
    return () => {
      live = false;
      draw.destroy();
    };
  }, [source, question, index, key, stepAhead]);

  // Until the first answer after a switch (dataset, or from the page's path), the last picture stays drawn.
  const last = useRef<NetworkPicture | null>(null);
  const current = onPage ? fromPage : answered?.index === index ? answered : null;
  const picture = current ?? (last.current?.index === index ? last.current : null);
  last.current = picture;
  return { picture, pending: picture?.key !== key };
}

export { EMPTY_GRAPH };
