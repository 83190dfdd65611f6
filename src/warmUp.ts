import { loadPrefs } from './components/layout/layoutPrefs';

/**
 * Things whose first use in a page is slow, done one per task while the dataset loads, so that cost stays out of the
 * start-up task and out of the first render: the first Intl number format loads locale data (20–30 ms on this
 * project's machine, up to 80 ms when it is busy; a collator after it ~1 ms), and the first read of localStorage (the
 * layout preferences) loads the whole storage area (~20 ms). Dates are not formatted with Intl while loading (a date
 * format would cost another 5–30 ms), so none is made here.
 */
const WARM_UPS: readonly (() => unknown)[] = [
  () => new Intl.NumberFormat('en').format(1234),
  () => new Intl.Collator().compare('a', 'b'),
  loadPrefs,
];

export function warmUpInTasks(schedule: (run: () => void) => void = (run) => void setTimeout(run, 0)): void {
  let next = 0;
  const step = () => {
    WARM_UPS[next++]!();
    if (next < WARM_UPS.length) schedule(step);
  };
  schedule(step);
}
