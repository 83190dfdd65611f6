/** Order statistics for benchmark samples (nearest-rank, so every reported value is one that was measured). */
export function quantile(values: readonly number[], q: number): number | null {
  const finite = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (!finite.length) return null;
  const rank = Math.min(finite.length, Math.max(1, Math.ceil(q * finite.length)));
  return finite[rank - 1]!;
}

export const median = (values: readonly number[]) => quantile(values, 0.5);
export const p95 = (values: readonly number[]) => quantile(values, 0.95);

export function max(values: readonly number[]): number | null {
  const finite = values.filter((v) => Number.isFinite(v));
  return finite.length ? Math.max(...finite) : null;
}

/** Frame intervals from rAF timestamps. */
export function intervals(stamps: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < stamps.length; i++) out.push(stamps[i]! - stamps[i - 1]!);
  return out;
}

export const round = (v: number | null, digits = 1): number | null => (v === null ? null : Number(v.toFixed(digits)));

export interface LongTask { start: number; duration: number }

/** A long animation frame (Chrome's long-animation-frame entries): its span and the scripts that ran in it, named. */
export interface LongFrame { start: number; duration: number; scripts: string[] }

/**
 * Names the phase each long task fell in (before first render, a scripted step by its label, or between steps), longest
 * first: the longest-task target covers navigation and every step, and the figure alone does not say where to look.
 */
export function attributeLongTasks(
  tasks: readonly LongTask[],
  firstRenderAt: number,
  steps: readonly { label: string; startedAt: number; endedAt: number }[],
  threshold = 50,
  frames: readonly LongFrame[] = [],
): { duration: number; start: number; phase: string; scripts: string[] }[] {
  return tasks
    .filter((t) => t.duration > threshold)
    .map((t) => {
      const step = steps.find((s) => t.start >= s.startedAt && t.start <= s.endedAt);
      const phase = t.start < firstRenderAt ? 'loading' : step ? `step "${step.label}"` : 'between steps';
      // What ran: the scripts of the long frame the task began in (none known when the browser gives no frames).
      const frame = frames.find((f) => t.start >= f.start - 1 && t.start <= f.start + f.duration);
      return { duration: t.duration, start: t.start, phase, scripts: frame?.scripts ?? [] };
    })
    .sort((a, b) => b.duration - a.duration);
}
