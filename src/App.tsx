import { lazy, Suspense, useRef, useState, type ComponentType, type ReactNode } from 'react';
import { useStore } from './state/store';
import { EmptyResults } from './components/EmptyResults';
import { hasActiveFilters } from './domain/filters';
import { ErrorScreen } from './components/ErrorScreen';
import { FilterPanel } from './components/FilterPanel';
import { DetailPanel } from './components/DetailPanel';
import { NothingSelected } from './components/NothingSelected';
import { MeetingTable } from './components/MeetingTable';
import { Notices } from './components/Notices';
import { AppHeader } from './components/AppHeader';
import { BUNDLED_DATA_URL, loadDatasetUrl } from './state/loadDataset';
import { removeDataParam } from './state/url/dataLink';
import { ImportProgressBar } from './components/ImportProgressBar';
import { ViewSplit } from './components/layout/ViewSplit';
import { useDetailFocus } from './components/layout/useDetailFocus';
import { useStagedReveal } from './components/layout/useStagedReveal';
import './components/layout/layout.css';
import { PartBoundary } from './components/PartBoundary';

// Only people importing a sheet the app cannot map by itself need the dialog (and the readers behind it).
const ImportDialog = lazy(() => import('./components/ImportDialog'));

// The views' code (the timeline's with moment, the network's with d3) comes in chunks of its own, evaluated in tasks of
// their own while the dataset loads (preloadViews), not in the start-up task; each view mounts in its own task anyway.
const timelineView = preloadable(() => import('./viz/timeline/TimelineView').then((m) => m.TimelineView));
const networkView = preloadable(() => import('./viz/network/NetworkView').then((m) => m.NetworkView));
const TimelineView = timelineView.View;
const NetworkView = networkView.View;

/** Starts fetching the views' chunks (called once the shell is mounted). */
export function preloadViews(): void {
  timelineView.preload().catch(() => undefined);
  networkView.preload().catch(() => undefined);
}

/**
 * A component from a chunk: rendered at once when the chunk has arrived (the usual case, preloaded while the dataset
 * loads), else through React.lazy. Suspending there showed the placeholder, and React holds back the content that
 * replaces a shown placeholder (up to 300 ms), which made the first render ~100 ms later.
 */
function preloadable(load: () => Promise<ComponentType>) {
  let loaded: ComponentType | null = null;
  let loading: Promise<ComponentType> | null = null;
  const preload = () =>
    (loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        loading = null; // a later mount tries again
        throw error;
      },
    ));
  const Lazy = lazy(() => preload().then((component) => ({ default: component })));
  const View = () => {
    const Loaded = loaded;
    return Loaded ? <Loaded /> : <Lazy />;
  };
  return { View, preload };
}

function openBundled() {
  removeDataParam(); // the address must not keep naming the dataset that failed
  void loadDatasetUrl(BUNDLED_DATA_URL);
}

/** Layout only: header, filters, the two linked views (or the table), details. */
export function App() {
  const data = useStore((s) => s.data);
  const mode = useStore((s) => s.mode);
  const filtersActive = useStore((s) => hasActiveFilters(s.filters));
  // On phones the filter panel is collapsed behind a toggle so the views are reachable without scrolling past it.
  const [filtersOpen, setFiltersOpen] = useState(false);
  // Filters, timeline, network: each mounts in a task of its own once a dataset is shown (see useStagedReveal).
  const shown = useStagedReveal(3, data.state === 'ready');

  if (data.state === 'loading') {
    return (
      <main className="loading" aria-busy="true">
        <p role="status">Loading dataset…</p>
        <ImportProgressBar />
        {/* A link's sheet whose columns are to be mapped asks before the first dataset is shown. */}
        <ImportReviewDialog />
      </main>
    );
  }
  if (data.state === 'error') {
    // Retry fetches again, so it exists only for a link's URL: a file's name is never fetched.
    const retry = data.origin === 'file' ? undefined : () => void loadDatasetUrl(data.url);
    return (
      <>
        <ErrorScreen title={data.title} issues={data.issues} total={data.total} onRetry={retry} onOpenBundled={openBundled} />
        <ImportReviewDialog />
      </>
    );
  }
  return (
    <div className="app">
      <PartBoundary name="header">
        <AppHeader />
      </PartBoundary>
      <ImportProgressBar />
      <Notices />
      <ImportReviewDialog />
      <LayoutWithDetails>
        <aside className={filtersOpen ? 'filters is-open' : 'filters'} aria-label="Filters">
          <button type="button" className="filters-toggle" aria-expanded={filtersOpen} aria-controls="filter-panel" onClick={() => setFiltersOpen((o) => !o)}>
            {filtersOpen ? 'Hide filters' : filtersActive ? 'Show filters (active)' : 'Show filters'}
          </button>
          <div id="filter-panel" className="filter-panel-wrap">
            {shown >= 1 && (
              <PartBoundary name="filters">
                <FilterPanel />
              </PartBoundary>
            )}
          </div>
        </aside>
        <main className="views" id="main">
          <EmptyResults />
          {mode === 'charts' ? (
            <ChartViews shown={shown - 1} />
          ) : (
            <section className="view table-view" aria-label="Meetings table">
              <PartBoundary name="table">
                <MeetingTable />
              </PartBoundary>
            </section>
          )}
        </main>
      </LayoutWithDetails>
    </div>
  );
}

/**
 * The timeline and the network, mounted one task apart after the rest of the page (`shown` of them, in that order):
 * over a large dataset each view's first render is long, and together with the filter panel they made one task of seconds.
 */
const TIMELINE_PENDING = <p className="view-pending">Drawing the timeline…</p>;
const NETWORK_PENDING = <p className="view-pending">Drawing the network…</p>;

function ChartViews({ shown }: { shown: number }) {
  return (
    <ViewSplit
      firstId="timeline-region"
      first={
        <section className="view timeline-view" id="timeline-region" aria-label="Timeline" aria-busy={shown < 1 || undefined}>
          {shown >= 1 ? (
            <PartBoundary name="timeline">
              <Suspense fallback={TIMELINE_PENDING}>
                <TimelineView />
              </Suspense>
            </PartBoundary>
          ) : (
            TIMELINE_PENDING
          )}
        </section>
      }
      second={
        <section className="view network-view" aria-label="Network" aria-busy={shown < 2 || undefined}>
          {shown >= 2 ? (
            <PartBoundary name="network">
              <Suspense fallback={NETWORK_PENDING}>
                <NetworkView />
              </Suspense>
            </PartBoundary>
          ) : (
            NETWORK_PENDING
          )}
        </section>
      }
    />
  );
}

function ImportReviewDialog() {
  const review = useStore((s) => s.importReview);
  if (!review) return null;
  return (
    <Suspense fallback={<p role="status">Opening the import dialog…</p>}>
      <ImportDialog review={review} />
    </Suspense>
  );
}

/**
 * The only part that follows whether something is selected. Its children come from App, so a
 * selection re-renders this frame and the details, not the filters and views inside it.
 * Wide windows keep the detail column (saying what to select while nothing is), so a selection never
 * resizes the views; narrower windows open it beside the views, phones as a sheet over them (layout.css).
 */
function LayoutWithDetails({ children }: { children: ReactNode }) {
  const selectionKey = useStore((s) => (s.selection ? JSON.stringify(s.selection) : null));
  const hasSelection = selectionKey !== null;
  const panelRef = useRef<HTMLElement>(null);
  useDetailFocus(panelRef, selectionKey);
  return (
    <div className={hasSelection ? 'layout with-details' : 'layout'}>
      {children}
      <aside className={hasSelection ? 'details' : 'details is-empty'} aria-label="Details" ref={panelRef}>
        <PartBoundary name="details">{hasSelection ? <DetailPanel /> : <NothingSelected />}</PartBoundary>
      </aside>
    </div>
  );
}
