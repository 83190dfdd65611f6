import type { LoadStage } from './protocol';

/** Shares of the bar per stage, so the fraction only grows: download, read (parse, validate, merge), index, hand-over. */
const STAGE_SPAN: Record<LoadStage, [number, number]> = { download: [0, 0.3], read: [0.3, 0.7], index: [0.7, 0.75], transfer: [0.75, 1] };
export const overallFraction = (stage: LoadStage, within: number): number => {
  const [from, to] = STAGE_SPAN[stage];
  return from + (to - from) * Math.min(1, Math.max(0, within));
};

/** Calls `post` at most every `ms` (the last report of a stage is always sent by the caller). */
export function throttled(ms: number, send: (rows: number, within: number) => void): (rows: number, within: number) => void {
  let last = -Infinity;
  return (rows, within) => {
    const now = Date.now();
    if (now - last < ms) return;
    last = now;
    send(rows, within);
  };
}
