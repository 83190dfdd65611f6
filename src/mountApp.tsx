import { startTransition, StrictMode } from 'react';
import type { createRoot } from 'react-dom/client';
import { App, preloadViews } from './App';

/**
 * Renders the app into `host`; the views' chunks are fetched meanwhile (each evaluated in a task of its own). The first
 * render is a transition, so React renders it in slices of a few milliseconds: as an ordinary update it was one task
 * of 47–78 ms on this project's machine (long-animation-frame entries of 20k loads), over the 50 ms budget.
 */
export function mountApp(create: typeof createRoot, host: HTMLElement): void {
  const root = create(host);
  startTransition(() =>
    root.render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
  preloadViews();
}
