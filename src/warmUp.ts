import { loadPrefs } from './components/layout/layoutPrefs';
import { COUNT_FONT, LINKED_MARK } from './viz/timeline/countFont';

/**
 * Things whose first use in a page is slow, done one per task while the dataset loads, so that cost stays out of the
 * start-up task and out of the first render: the first Intl number format loads locale data (20–30 ms on this
 * project's machine, up to 80 ms when it is busy; a collator after it ~1 ms), and the first read of localStorage (the
 * layout preferences) loads the whole storage area (~20 ms), and the first star drawn on a canvas (the timeline's
 * density bars mark a selection's meetings with it) looks for a font that has it (15 ms, in the first selection's
 * frame). Dates are not formatted with Intl while loading (a date format would cost another 5–30 ms), so none is made here.
 */
const WARM_UPS: readonly (() => unknown)[] = [
  () => new Intl.NumberFormat('en').format(1234),
  () => new Intl.Collator().compare('a', 'b'),
  loadPrefs,
  drawLinkedMark,
];

function drawLinkedMark(): void {
  const context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (!context) return;
  context.font = COUNT_FONT;
  context.fillText(`1${LINKED_MARK}`, 0, 12);
}

export function warmUpInTasks(schedule: (run: () => void) => void = (run) => void setTimeout(run, 0)): void {
  let next = 0;
  const step = () => {
    WARM_UPS[next++]!();
    if (next < WARM_UPS.length) schedule(step);
  };
  schedule(step);
}
