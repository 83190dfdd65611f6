import { StrictMode } from 'react';
import type { createRoot } from 'react-dom/client';
import { App, preloadViews } from './App';

/** Renders the app into `host`; the views' chunks are fetched meanwhile (each evaluated in a task of its own). */
export function mountApp(create: typeof createRoot, host: HTMLElement): void {
  create(host).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  preloadViews();
}
