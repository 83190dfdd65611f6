import { startTransition, useEffect, useState } from 'react';

/**
 * How many of `count` heavy parts to show: none on the first render, then (while `active`) one more per task, each
 * scheduled after the previous part's commit. So the shell, the filter panel (facet counts over every meeting), the timeline (vis-timeline's construction) and the network (its first graph
 * and scene) each render, commit and run their mount effects in a task of their own instead of one long first
 * render, and a click or key between them is handled at once. Once shown, parts stay shown: a new dataset updates
 * the mounted views.
 */
export function useStagedReveal(count: number, active = true): number {
  const [shown, setShown] = useState(0);
  useEffect(() => {
    if (!active || shown >= count) return;
    // A timer, not a microtask: the browser paints and handles input between parts. A transition lets React yield
    // inside the part's render too.
    const timer = setTimeout(() => startTransition(() => setShown((s) => Math.min(count, s + 1))), 0);
    return () => clearTimeout(timer);
  }, [shown, count, active]);
  return shown;
}
