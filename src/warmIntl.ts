/**
 * The first Intl object of each kind in a page loads its locale data: 20–30 ms for a number format and 5–30 ms for a
 * date format on this project's machine (up to 80 ms when it is busy), paid by whatever formats first. Made here
 * one kind per task while the dataset loads, that cost stays out of the start-up task and out of the first render.
 */
const WARM_UPS: readonly (() => unknown)[] = [
  () => new Intl.NumberFormat('en').format(1234),
  () => new Date(0).toLocaleDateString('en', { dateStyle: 'medium' }),
  () => new Intl.Collator().compare('a', 'b'),
];

export function warmIntlInTasks(schedule: (run: () => void) => void = (run) => void setTimeout(run, 0)): void {
  let next = 0;
  const step = () => {
    WARM_UPS[next++]!();
    if (next < WARM_UPS.length) schedule(step);
  };
  schedule(step);
}
