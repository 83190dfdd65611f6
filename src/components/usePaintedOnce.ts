import { useEffect, useState } from 'react';

/** Longest an `idle` wait lasts after the frame. */
const IDLE_TIMEOUT_MS = 300;

/**
 * Whether a frame that shows `key` has been painted: false in the render that brings `key`, true from a render right
 * after that frame (`'frame'`) or after the page's next idle moment (`'idle'`).
 * What a selection shows first (a heading and its facts) is then on screen in the frame after the click, and its
 * longer parts follow instead of making that frame wait: with the details' lists in it, that frame came ~6 ms later at
 * the bundled size and ~13 ms later at 20k (benchmark, 3-8 runs). Centrality waits for idle time: it loads and runs
 * the analysis code (tens of milliseconds at the bundled size); started by a timer right after the frame, its tasks
 * ran ahead of the timeline's redraw and of anything else the click had queued.
 */
export function usePaintedOnce(key: string, wait: 'frame' | 'idle'): boolean {
  const [painted, setPainted] = useState<string | null>(null);
  useEffect(() => {
    if (painted === key) return;
    let cancelLater: (() => void) | undefined;
    const show = () => setPainted(key);
    // Asked in the frame, so what follows runs once that frame is rendered: a message is the first task after it.
    const frame = requestAnimationFrame(() => {
      if (wait === 'idle' && typeof requestIdleCallback === 'function') {
        const idle = requestIdleCallback(show, { timeout: IDLE_TIMEOUT_MS });
        cancelLater = () => cancelIdleCallback(idle);
      } else if (wait === 'frame' && typeof MessageChannel === 'function') {
        const channel = new MessageChannel();
        channel.port1.onmessage = show;
        channel.port2.postMessage(null);
        cancelLater = () => (channel.port1.onmessage = null);
      } else {
        const timer = setTimeout(show, 0);
        cancelLater = () => clearTimeout(timer);
      }
    });
    return () => {
      cancelAnimationFrame(frame);
      cancelLater?.();
    };
  }, [key, painted, wait]);
  return painted === key;
}
