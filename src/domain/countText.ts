/** The one wording every status line uses for how many meetings it shows. */
export function meetingCountText(shown: number, total: number): string {
  const noun = total === 1 ? 'meeting' : 'meetings';
  return shown === total ? `${total.toLocaleString('en')} ${noun}` : `${shown.toLocaleString('en')} of ${total.toLocaleString('en')} ${noun}`;
}

/** A date filter in words: "all dates", "from 1 January 2020", "1 January 2020 – 31 December 2020". */
export function dateRangeText(from: string | null, to: string | null, format: (iso: string) => string): string {
  if (from && to) return `${format(from)} – ${format(to)}`;
  if (from) return `from ${format(from)}`;
  if (to) return `until ${format(to)}`;
  return 'all dates';
}
