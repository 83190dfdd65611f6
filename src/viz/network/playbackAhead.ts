import { DAY_MS, isoToMs, toTimeWindow } from '../../domain/dates';
import type { DatasetIndex } from '../../domain/indexes';
import type { GraphQuery } from '../../domain/engine/query';
import type { WorkerDataSource } from '../../domain/engine/queryClient';
import { memoizeLast } from '../../domain/memo';
import { playExtent, stepFromView } from '../../domain/playback';
import { selectIndex, selectVisible } from '../../state/selectors';
import { useStore, type AppState } from '../../state/store';
import { whenIdle } from './layoutHold';
import { windowGraphQuestion, workerQuestion } from './networkPicture';

const extentOf = memoizeLast(playExtent);

/**
 * The graph question for the window one playback step forward of the timeline's window (what Step forward and each
 * Play frame ask next: a step makes the network follow the window), or null: no window chosen (the whole span shown),
 * at the end of the data, or not asked ahead.
 */
export function nextStepQuestion(s: AppState, index: DatasetIndex): GraphQuery | null {
  if (!s.window) return null;
  const extent = extentOf(index, selectVisible(s));
  if (!extent) return null;
  const now = { start: isoToMs(s.window.start), end: isoToMs(s.window.end) + DAY_MS };
  const next = stepFromView(now, s.playSpan, 1, extent.start, extent.end);
  if (!next) return null;
  const w = toTimeWindow(next.start, next.end);
  return windowGraphQuestion(s, index, `${w.start}..${w.end}`);
}

/** Idle time may not come while the layout animates; asking ahead waits at most this long. */
const AHEAD_IDLE_TIMEOUT_MS = 400;

/**
 * Asks the query worker ahead for the next playback step's graph, once the page is idle after a picture was drawn or
 * the timeline's window moved: the step then finds its answer there and the network changes in the same frame as the
 * timeline (asked on the step, the answer came a task after the timeline's frame: a frame more per step). Only while
 * `shown` is still the state's question and its answer is in: asking ahead while another graph question is on its way
 * would drop that one's answer. A later call replaces an earlier one still waiting.
 */
export function createStepAhead(source: WorkerDataSource, index: DatasetIndex, onIdle = whenIdle(AHEAD_IDLE_TIMEOUT_MS)) {
  let cancel: (() => void) | null = null;
  const stop = () => {
    cancel?.();
    cancel = null;
  };
  return {
    after(shown: GraphQuery | null): void {
      stop();
      if (!shown) return;
      cancel = onIdle(() => {
        cancel = null;
        const s = useStore.getState();
        if (selectIndex(s) !== index || workerQuestion(s, index) !== shown || !source.hasGraphAnswer(shown)) return;
        const ahead = nextStepQuestion(s, index);
        if (ahead) source.prefetchGraph(ahead);
      });
    },
    stop,
  };
}
