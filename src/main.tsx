import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { bindUrl, initialDataUrl } from './state/url/bindUrl';
import { loadDatasetUrl } from './state/loadDataset';
import './styles.css';

const root = createRoot(document.getElementById('root')!);
root.render(
  <StrictMode>
    <App />
  </StrictMode>,
);
// The URL names the dataset (?data=) and the view; the view is applied once the dataset is known.
void loadDatasetUrl(initialDataUrl()).then(() => bindUrl());
