import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { bindUrl, initialDataUrl } from './state/url/bindUrl';
import { loadDatasetUrl } from './state/loadDataset';
import { restoreShownDataset } from './state/restoreDataset';
import { loadVisLibrary } from './viz/timeline/visLibrary';
import { warmIntlInTasks } from './warmIntl';
import './styles.css';

// Fetched and evaluated while the dataset loads, in a task of its own (the timeline waits for it).
loadVisLibrary().catch(() => undefined);
warmIntlInTasks();

const root = createRoot(document.getElementById('root')!);
root.render(
  <StrictMode>
    <App />
  </StrictMode>,
);
// The URL names the dataset (?data=) and the view; the view is applied once the dataset is known. A reload of a tab
// that showed a file from this computer shows it again (kept in IndexedDB); links and new tabs open what they name.
void restoreShownDataset()
  .then((restored) => (restored ? undefined : loadDatasetUrl(initialDataUrl())))
  .then(() => bindUrl());
