import type { LayoutRunner } from './layoutRunner';

type OnIdle = (run: () => void) => () => void;

/** The page's next idle moment (at most `timeoutMs` away); a plain task where there is no idle callback (jsdom). */
export const whenIdle =
  (timeoutMs: number): OnIdle =>
  (run) => {
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(run, { timeout: timeoutMs });
      return () => cancelIdleCallback(id);
    }
    const id = setTimeout(run, 0);
    return () => clearTimeout(id);
  };

/**
 * Who holds the network's layout (LayoutRunner.hold). The view, from the state change that asks for another picture
 * until it is drawn: the graph laid out is about to be replaced. And a new graph, until the page is next idle: its
 * first positions are drawn at once, and its ticks (a core for the layout worker, each frame's first 8 ms on the
 * main thread) wait for the rest of the step (the timeline's items, the frame that shows them) instead of delaying it.
 */
export function createLayoutHold(onIdle: OnIdle = whenIdle(100)) {
  let runner: LayoutRunner | null = null;
  let byView = false;
  let untilIdle = false;
  let cancelIdle: (() => void) | null = null;
  const apply = () => runner?.hold(byView || untilIdle);
  const stopWaiting = () => {
    cancelIdle?.();
    cancelIdle = null;
    untilIdle = false;
  };
  return {
    /** Whether the view holds it (the next picture is coming). */
    get byView(): boolean {
      return byView;
    },
    /** A new runner: nothing holds it. */
    attach(next: LayoutRunner): void {
      runner = next;
      byView = false;
      stopWaiting();
    },
    /** Returns whether this changed who holds it. */
    setByView(on: boolean): boolean {
      if (on === byView || !runner) return false;
      byView = on;
      apply();
      return true;
    },
    /** A new graph is laid out: whether it starts held (always, until idle; the view's hold ends with it). */
    startingGraph(): boolean {
      byView = false;
      stopWaiting();
      untilIdle = true;
      cancelIdle = onIdle(() => {
        cancelIdle = null;
        untilIdle = false;
        apply();
      });
      return true;
    },
    destroy(): void {
      stopWaiting();
      runner = null;
    },
  };
}
