/**
 * A touch selection (vis-timeline selects on the tap gesture, before the browser's click) changes the
 * layout; the click that follows the same touch must not activate whatever now sits under the finger.
 * Clicks within a short time of a layout change are dropped unless they land where the pointer went down.
 */
const GUARD_MS = 500;
let shiftedAt = Number.NEGATIVE_INFINITY;

/** Call when the layout changes in response to a pointer (e.g. the detail panel opened). */
export function noteLayoutShift(): void {
  shiftedAt = performance.now();
}

export function installTapGuard(target: Window = window): () => void {
  let downTarget: Node | null = null;
  const onDown = (e: Event) => {
    downTarget = e.target instanceof Node ? e.target : null;
  };
  const onClick = (e: MouseEvent) => {
    // detail 0: a click from the keyboard (Enter, Space), which never lands on something that moved.
    if (e.detail === 0 || performance.now() - shiftedAt > GUARD_MS) return;
    const hit = e.target instanceof Node ? e.target : null;
    if (!hit || !downTarget) return;
    if (downTarget.contains(hit) || hit.contains(downTarget)) return;
    e.preventDefault();
    e.stopPropagation();
  };
  target.addEventListener('pointerdown', onDown, true);
  target.addEventListener('click', onClick, true);
  return () => {
    target.removeEventListener('pointerdown', onDown, true);
    target.removeEventListener('click', onClick, true);
  };
}
