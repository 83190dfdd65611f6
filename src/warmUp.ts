import { loadPrefs } from './components/layout/layoutPrefs';
import { warmIntl } from './intlWarmUp';
import { AGAIN, fontWarmUp } from './fontWarmUp';

/**
 * Things whose first use in a page is slow, done one per task while the dataset loads, so that cost stays out of the
 * start-up task and out of the first render: the first Intl object loads locale data (intlWarmUp.ts), the first
 * read of localStorage (the layout preferences) loads the whole storage area (~20 ms), and the first layout of text in
 * each of the app's font faces and sizes looks the face up (fontWarmUp.ts, a few samples per task). Dates are not
 * formatted with Intl while loading (a date format would cost another 5–30 ms), so none is made here.
 *
 * The locale data is loaded in a worker first: on the page it was a start-up task of 22–59 ms in traces of the
 * bundled dataset (over the 50 ms budget for any task at the top of that range). The page's own warm-up waits for the worker's word, so it
 * never waits on a load the worker is in the middle of; without a worker (or if it fails) it is done on the page.
 */
const warmUps = (): (() => unknown)[] => [warmIntl, loadPrefs, fontWarmUp()];

/**
 * Runs `run` once the worker has loaded the locale data, failed, or could not start — also where there are no workers
 * (at once if it already has).
 */
export type WhenWarm = (run: () => void) => void;

/**
 * Starts the worker. Called after the loading screen's first frame, like the rest of the warm-up: started with the page,
 * beside the evaluation of the start-up chunks and the load worker on two cores, it lengthened those chunks' tasks
 * (traced: 51–58 ms where they took 25–35).
 */
export function startIntlWorker(): WhenWarm {
  let finished = false;
  const waiting: (() => void)[] = [];
  const finish = () => {
    if (finished) return;
    finished = true;
    worker?.terminate();
    for (const run of waiting.splice(0)) run();
  };
  let worker: Worker | null = null;
  try {
    worker = new Worker(new URL('./intlWarmUp.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = finish;
    worker.onerror = finish;
  } catch {
    finish();
  }
  return (run) => (finished ? run() : void waiting.push(run));
}

/** `whenWarm`: the locale data's worker (startIntlWorker), or null to warm everything up on the page. */
export function warmUpInTasks(schedule: (run: () => void) => void = (run) => void setTimeout(run, 0), whenWarm: WhenWarm | null = null): void {
  const steps = warmUps();
  let next = 0;
  const step = () => {
    // A step that has more to do runs again in the next task.
    if (steps[next]!() !== AGAIN) next++;
    if (next < steps.length) schedule(step);
  };
  if (whenWarm) whenWarm(() => schedule(step));
  else schedule(step);
}
