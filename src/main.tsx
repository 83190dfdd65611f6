import { bindUrl, initialDataUrl } from './state/url/bindUrl';
import { loadDatasetUrl } from './state/loadDataset';
import { restoreShownDataset } from './state/restoreDataset';
import { askForFirstPicture } from './viz/network/firstPicture';
import { loadVisLibrary } from './viz/timeline/visLibrary';
import { startIntlWorker, warmUpInTasks } from './warmUp';
import { showStartupFailure } from './startupFailure';
import './styles.css';

// The URL names the dataset (?data=) and the view; the view is applied once the dataset is known. A reload of a tab
// that showed a file from this computer shows it again (kept in IndexedDB); links and new tabs open what they name.
// The load (in a worker) starts before anything else, so the rest of start-up overlaps it.
void restoreShownDataset()
  .then((restored) => (restored ? undefined : loadDatasetUrl(initialDataUrl())))
  .then(() => bindUrl())
  .then(() => askForFirstPicture());

// Start-up in chunks, each evaluated in a task of its own as it arrives (together they were one task of ~120 ms):
// React DOM, the app's shell, vis-timeline, and the two views' code; the shell is mounted once React DOM and it are in,
// then what is slow the first time is warmed up, one thing per task, while the dataset is still loading.
const reactDom = import('react-dom/client');
const shell = import('./mountApp');
void Promise.all([reactDom, shell]).then(
  ([{ createRoot }, { mountApp }]) => {
    mountApp(createRoot, document.getElementById('root')!);
    // After the loading screen's first frame, which they would otherwise delay.
    requestAnimationFrame(() => warmUpInTasks(undefined, startIntlWorker()));
  },
  (error: unknown) => showStartupFailure(document.getElementById('root')!, error),
);
loadVisLibrary().catch(() => undefined);
