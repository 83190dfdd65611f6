import { formatIsoDay, msToIso } from '../../domain/dates';
import type { BinUnit, DensityBin } from './density';

/** The words for what the density canvas draws, so it is never conveyed by the drawing alone. */

const SUMMARY_BINS = 5;

export function binLabel(bin: DensityBin): string {
  const first = formatIsoDay(msToIso(bin.start));
  const last = formatIsoDay(msToIso(bin.end - 1));
  return first === last ? first : `${first} – ${last}`;
}

function unitLabel(u: BinUnit): string {
  if (u.unit === 'day') return u.step === 1 ? 'day' : u.step === 7 ? 'week' : `${u.step} days`;
  if (u.step === 1) return 'month';
  if (u.step % 12 === 0) return u.step === 12 ? 'year' : `${u.step / 12} years`;
  return `${u.step} months`;
}

/**
 * One sentence for assistive technology: how many meetings start in [ws, we), the bin size, and the
 * busiest bins in view with their counts (and how many of those are linked to the selection).
 */
export function densitySummary(bins: readonly DensityBin[], linked: Uint32Array, unit: BinUnit, ws: number, we: number): string {
  let total = 0;
  const inView: number[] = [];
  bins.forEach((b, i) => {
    if (b.end <= ws || b.start >= we) return;
    total += b.count;
    inView.push(i);
  });
  const n = (x: number) => x.toLocaleString('en');
  const head = `Too many meetings to draw one by one: ${n(total)} meeting${total === 1 ? '' : 's'} in view, counted per ${unitLabel(unit)}.`;
  if (!inView.length) return head;
  const busiest = inView
    .sort((a, b) => bins[b]!.count - bins[a]!.count || a - b)
    .slice(0, SUMMARY_BINS)
    .map((i) => `${binLabel(bins[i]!)}: ${n(bins[i]!.count)}${linked[i]! > 0 ? ` (${n(linked[i]!)} linked)` : ''}`);
  return `${head} Busiest: ${busiest.join('; ')}. Zoom in to see individual meetings.`;
}
