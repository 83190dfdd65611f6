import { Profiler } from 'react';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { NetworkView } from '../../../src/viz/network/NetworkView';
import { useStore } from '../../../src/state/store';
import { QUERY_WORKER_MIN_MEETINGS } from '../../../src/state/querySource';
import { filterMeetings, meetingsInWindow, searchTerms, type Filters } from '../../../src/domain/filters';
import { DAY_MS, isoToMs } from '../../../src/domain/dates';
import type { Dataset } from '../../../src/domain/schema';
import { generateSynthetic } from '../../../scripts/bench/synthetic/generate';
import { loadIntoStore } from '../../fixtures/smallDataset';
import { fakeQueryWorkers } from '../../fixtures/fakeQueryWorker';
import { expectedGraphAnswer } from '../../domain/engine/expectedGraph';
import { askForFirstPicture } from '../../../src/viz/network/firstPicture';

const { worker, FakeQueryWorker, release, turns } = fakeQueryWorkers();

const dataset = JSON.parse(generateSynthetic({ meetings: QUERY_WORKER_MIN_MEETINGS, actors: 700, seed: 4 })) as Dataset;

const renderNetwork = () =>
  render(
    <section aria-label="Network">
      <NetworkView />
    </section>,
  );

describe('the network of a large dataset is drawn from the query worker', () => {
  beforeAll(() => vi.stubGlobal('Worker', FakeQueryWorker));
  afterAll(() => vi.unstubAllGlobals());
  afterEach(cleanup);

  it('keeps the previous picture while an answer is pending, never draws an older answer, and follows window, search and measure', async () => {
    const index = loadIntoStore(dataset);
    const { container } = renderNetwork();
    const root = () => container.querySelector<HTMLElement>('.network-root')!;
    const drawnCounts: string[] = [];
    const observer = new MutationObserver(() => drawnCounts.push(root().dataset.renderedMeetings ?? ''));
    observer.observe(root(), { attributes: true, attributeFilter: ['data-rendered-meetings'] });
    const summary = () => container.querySelector('.network-summary')!.textContent!;
    const state = () => useStore.getState();
    const expectedFor = (f: Filters, meetings = filterMeetings(index, f)) =>
      expectedGraphAnswer(index, meetings, { focus: [], measure: 'meetings', top: 10 });

    // Nothing is built on the page: the first picture arrives from the worker.
    expect(root().dataset.renderedMeetings).toBeUndefined();
    await turns();
    expect(worker.started).toBe(1);
    const all = expectedFor(state().filters);
    expect(all.capped).toBe(true);
    expect(root().dataset.renderedMeetings).toBe(String(index.meetings.length));
    expect(root().dataset.renderedNodes).toBe(String(all.graph.nodes.length));
    expect(summary()).toContain(`showing ${all.graph.nodes.length} of ${all.totalActors} actors`);
    const list = screen.getByRole('list', { name: 'Most central actors by meetings' });
    expect(within(list).getAllByRole('button').map((b) => b.textContent)).toEqual(
      all.measure!.top.map((e) => `${e.rank}. ${index.actors[index.actorPos.get(e.id)!]!.name} ${e.value}`),
    );

    // Two filter changes while the replies are held: the first answer is computed but never drawn, and the
    // previous picture (its count, its summary) stays on screen until the answer for the current filters arrives.
    worker.held = [];
    const [c1, c2] = [...index.byAffiliation.keys()];
    act(() => state().setFilters({ countries: [c1!] }));
    await turns();
    expect(root().dataset.renderedMeetings).toBe(String(index.meetings.length));
    expect(container.querySelector('.network-summary')!.getAttribute('aria-busy')).toBe('true');
    // The layout of the picture about to be replaced does not tick meanwhile (its ticks took a core from the answer).
    expect(root().dataset.layout).toBe('held');
    act(() => state().setFilters({ countries: [c1!, c2!] }));
    await turns();
    expect(worker.held.length).toBe(2);
    const drawnBefore = drawnCounts.length;
    release();
    await turns();
    const both = filterMeetings(index, state().filters);
    expect(drawnCounts.slice(drawnBefore)).toEqual([String(both.length)]);
    expect(root().dataset.renderedNodes).toBe(String(expectedFor(state().filters).graph.nodes.length));
    expect(container.querySelector('.network-summary')!.hasAttribute('aria-busy')).toBe(false);
    expect(root().dataset.layout).toBe('running');

    // The timeline's window (followed): the network counts only its meetings.
    act(() => {
      state().setFilters({ countries: [] });
      useStore.setState({ followWindow: true });
      state().setWindow({ start: '2016-01-01', end: '2016-12-31' });
    });
    await turns();
    const inWindow = meetingsInWindow(index, filterMeetings(index, state().filters), isoToMs('2016-01-01'), isoToMs('2016-12-31') + DAY_MS);
    expect(root().dataset.renderedMeetings).toBe(String(inWindow.length));
    expect(summary()).toContain(`from ${inWindow.length.toLocaleString('en')} of`);

    // A search: the page's own search positions, the worker's graph.
    const word = searchTerms(index.meetings[0]!.summary).find((w) => w.length > 4)!;
    act(() => {
      useStore.setState({ followWindow: false });
      state().setFilters({ q: word });
    });
    await turns();
    const found = filterMeetings(index, state().filters);
    expect(found.length).toBeGreaterThan(0);
    expect(root().dataset.renderedMeetings).toBe(String(found.length));
    expect(root().dataset.renderedNodes).toBe(String(expectedFor(state().filters, found).graph.nodes.length));

    // Size by degree: the worker counts it over the whole network, and the list names the measure once it arrives.
    act(() => state().setFilters({ q: '' }));
    await turns();
    act(() => state().setAnalysis({ size: 'degree' }));
    await turns();
    const degree = expectedGraphAnswer(index, filterMeetings(index, state().filters), { focus: [], measure: 'degree', top: 10 });
    expect(root().querySelector('[data-sized-by]')?.getAttribute('data-sized-by') ?? root().dataset.sizedBy).toBe('counterparts (degree)');
    const byDegree = screen.getByRole('list', { name: 'Most central actors by counterparts (degree)' });
    expect(within(byDegree).getAllByRole('button')[0]).toHaveTextContent(`1. ${index.actors[index.actorPos.get(degree.measure!.top[0]!.id)!]!.name} ${degree.measure!.top[0]!.value}`);
    observer.disconnect();
  });

  it('is asked for its first picture before the view has rendered, and the view shares that answer', async () => {
    // A measure only the page computes: nothing to ask the worker.
    loadIntoStore(dataset);
    useStore.getState().setAnalysis({ size: 'pagerank' });
    let before = worker.graphQuestions;
    askForFirstPicture();
    expect(worker.graphQuestions - before).toBe(0);
    useStore.getState().setAnalysis({ size: 'meetings' });

    const index = loadIntoStore(dataset);
    before = worker.graphQuestions;
    askForFirstPicture();
    expect(worker.graphQuestions - before).toBe(1);
    const { container } = renderNetwork();
    await turns();
    expect(worker.graphQuestions - before).toBe(1);
    expect(container.querySelector<HTMLElement>('.network-root')!.dataset.renderedMeetings).toBe(String(index.meetings.length));
  });

  it("draws a dataset's first picture in the task after the render that brings it, later pictures in that render's task", async () => {
    const index = loadIntoStore(dataset);
    worker.held = [];
    const { container } = renderNetwork();
    const root = () => container.querySelector<HTMLElement>('.network-root')!;
    await turns();
    expect(worker.held.length).toBeGreaterThan(0);
    // Delivered and rendered (microtasks only): the controller has not drawn it yet (its drawing is the next task).
    const drawnBy = await act(async () => {
      release();
      for (let i = 0; i < 5; i++) await Promise.resolve();
      return root().dataset.renderedMeetings;
    });
    expect(drawnBy).toBeUndefined();
    await turns();
    expect(root().dataset.renderedMeetings).toBe(String(index.meetings.length));
    // A step's picture: drawn as soon as its answer is rendered.
    worker.held = [];
    const [country] = [...index.byAffiliation.keys()];
    act(() => useStore.getState().setFilters({ countries: [country!] }));
    await turns();
    const stepDrawnBy = await act(async () => {
      release();
      for (let i = 0; i < 5; i++) await Promise.resolve();
      return root().dataset.renderedMeetings;
    });
    expect(stepDrawnBy).toBe(String(filterMeetings(index, useStore.getState().filters).length));
  });

  it("draws a step's answer in the task it arrives in, however many tasks are queued before it", async () => {
    const index = loadIntoStore(dataset);
    const { container } = renderNetwork();
    const root = () => container.querySelector<HTMLElement>('.network-root')!;
    await turns();
    expect(root().dataset.renderedMeetings).toBe(String(index.meetings.length));
    // The page's "next task"s (a MessageChannel message: the timeline's drawing, say) held back, as on a busy page
    // where the worker's answer arrives first.
    const original = globalThis.MessageChannel;
    const held: (() => void)[] = [];
    class HeldChannel {
      port1 = { onmessage: null as ((event: unknown) => void) | null, close: () => undefined };
      port2 = { postMessage: () => void held.push(() => this.port1.onmessage?.({})), close: () => undefined };
    }
    globalThis.MessageChannel = HeldChannel as unknown as typeof MessageChannel;
    try {
      const [country] = [...index.byAffiliation.keys()];
      act(() => useStore.getState().setFilters({ countries: [country!] }));
      await turns();
      expect(root().dataset.renderedMeetings).toBe(String(filterMeetings(index, useStore.getState().filters).length));
    } finally {
      globalThis.MessageChannel = original;
      for (const run of held) run();
    }
  });

  it('renders a step twice with the worker answering: for the change, and for its answer (no deferred third)', async () => {
    const index = loadIntoStore(dataset);
    let commits = 0;
    const { container } = render(
      <Profiler id="network" onRender={() => void commits++}>
        <section aria-label="Network">
          <NetworkView />
        </section>
      </Profiler>,
    );
    await turns();
    const root = () => container.querySelector<HTMLElement>('.network-root')!;
    expect(root().dataset.renderedMeetings).toBe(String(index.meetings.length));
    commits = 0;
    const [country] = [...index.byAffiliation.keys()];
    act(() => useStore.getState().setFilters({ countries: [country!] }));
    await turns();
    expect(root().dataset.renderedMeetings).toBe(String(filterMeetings(index, useStore.getState().filters).length));
    expect(commits).toBe(2);
  });

  it('sends the question inside the state change, before React renders it, and once', async () => {
    const index = loadIntoStore(dataset);
    const { container } = renderNetwork();
    await turns();
    const root = () => container.querySelector<HTMLElement>('.network-root')!;
    const before = worker.graphQuestions;
    const [country] = [...index.byAffiliation.keys()];
    let sentBeforeRender = -1;
    act(() => {
      useStore.getState().setFilters({ countries: [country!] });
      // act renders when this callback returns: a question sent by now was sent before React rendered the change.
      sentBeforeRender = worker.graphQuestions - before;
    });
    expect(sentBeforeRender).toBe(1);
    await turns();
    expect(worker.graphQuestions - before).toBe(1);
    expect(root().dataset.renderedMeetings).toBe(String(filterMeetings(index, useStore.getState().filters).length));
    // A state change that leaves the question as it was sends nothing.
    act(() => useStore.setState({}));
    await turns();
    expect(worker.graphQuestions - before).toBe(1);
    // A measure the page computes (PageRank needs every link on the page) asks the worker nothing, and coming back to
    // the same question shares the answer already drawn.
    let sentForPageMeasure = -1;
    act(() => {
      useStore.getState().setAnalysis({ size: 'pagerank' });
      sentForPageMeasure = worker.graphQuestions - before - 1;
      useStore.getState().setAnalysis({ size: 'meetings' });
    });
    expect(sentForPageMeasure).toBe(0);
    await turns();
    expect(worker.graphQuestions - before).toBe(1);
  });
  /**
   * Idle callbacks held until `runIdle` (jsdom has none; the code falls back to a timer, whose timing against act() and
   * the fake worker's turns is not fixed): the questions asked ahead are asked exactly when the test lets idle time come.
   */
  function heldIdleCallbacks() {
    const queued = new Map<number, IdleRequestCallback>();
    let next = 0;
    const scope = globalThis as unknown as Record<string, unknown>;
    scope.requestIdleCallback = (callback: IdleRequestCallback) => (queued.set(++next, callback), next);
    scope.cancelIdleCallback = (id: number) => void queued.delete(id);
    const runIdle = () =>
      act(async () => {
        for (let round = 0; round < 5 && queued.size; round++) {
          const due = [...queued.values()];
          queued.clear();
          for (const callback of due) callback({ didTimeout: false, timeRemaining: () => 50 });
          await new Promise((resolve) => setTimeout(resolve, 0));
        }
      });
    const restore = () => {
      delete scope.requestIdleCallback;
      delete scope.cancelIdleCallback;
    };
    return { runIdle, restore };
  }

  it("asks ahead for the next playback step's graph once idle, and draws it in the step's own task", async () => {
    const { runIdle, restore } = heldIdleCallbacks();
    try {
      const index = loadIntoStore(dataset);
      const { container } = renderNetwork();
      const root = () => container.querySelector<HTMLElement>('.network-root')!;
      await turns();
      const state = () => useStore.getState();
      const drawnFor = (start: string, end: string) =>
        String(meetingsInWindow(index, filterMeetings(index, state().filters), isoToMs(start), isoToMs(end) + DAY_MS).length);
      act(() => {
        state().setFilters({ countries: [] });
        useStore.setState({ followWindow: false, window: null });
      });
      await turns();
      await runIdle();
      // A three-month window chosen on the timeline, not yet followed (the network shows every meeting): once idle, the
      // worker is asked for the first step's picture, and not before.
      let before = worker.graphQuestions;
      act(() => {
        state().setPlayback({ playSpan: '3m' });
        state().setWindow({ start: '2016-03-01', end: '2016-05-31' });
      });
      await turns();
      expect(worker.graphQuestions - before).toBe(0);
      await runIdle();
      await turns();
      expect(worker.graphQuestions - before).toBe(1);
      // A filter step drawn under that window (not followed) asks the worker its own question only: nothing ahead.
      const [country] = [...index.byAffiliation.keys()];
      before = worker.graphQuestions;
      act(() => state().setFilters({ countries: [country!] }));
      await turns();
      await runIdle();
      await turns();
      expect(worker.graphQuestions - before).toBe(1);
      act(() => state().setFilters({ countries: [] }));
      await turns();
      // Moving the window asks ahead again, once however often it moved.
      before = worker.graphQuestions;
      act(() => state().setWindow({ start: '2016-03-01', end: '2016-05-30' }));
      act(() => state().setWindow({ start: '2016-03-01', end: '2016-05-31' }));
      await runIdle();
      await turns();
      expect(worker.graphQuestions - before).toBe(1);
      // The step (Step forward makes the network follow the window): drawn without waiting for the worker, not asked again.
      before = worker.graphQuestions;
      await act(async () => {
        state().followWindowTo({ start: '2016-04-01', end: '2016-06-30' });
      });
      expect(root().dataset.renderedMeetings).toBe(drawnFor('2016-04-01', '2016-06-30'));
      await turns();
      expect(worker.graphQuestions - before).toBe(0);
      // And the next one is asked in the idle time after it.
      await runIdle();
      await turns();
      expect(worker.graphQuestions - before).toBe(1);
      await act(async () => {
        state().followWindowTo({ start: '2016-05-01', end: '2016-07-31' });
      });
      expect(root().dataset.renderedMeetings).toBe(drawnFor('2016-05-01', '2016-07-31'));
      await turns();
      // A step back was not asked ahead: it waits for the worker as any change does.
      before = worker.graphQuestions;
      await act(async () => {
        state().followWindowTo({ start: '2016-04-01', end: '2016-06-30' });
      });
      expect(worker.graphQuestions - before).toBe(1);
      expect(root().dataset.renderedMeetings).toBe(drawnFor('2016-05-01', '2016-07-31'));
      await turns();
      expect(root().dataset.renderedMeetings).toBe(drawnFor('2016-04-01', '2016-06-30'));
    } finally {
      // Unmounted first: what the views asked for idle time is cancelled through the stand-in.
      cleanup();
      restore();
    }
  });

  it('asks ahead after the first picture when a link chose a window, so the first step is drawn in its own task too', async () => {
    const { runIdle, restore } = heldIdleCallbacks();
    try {
      const index = loadIntoStore(dataset);
      useStore.setState({ window: { start: '2016-03-01', end: '2016-05-31' }, followWindow: false, playSpan: '3m' });
      const before = worker.graphQuestions;
      const { container } = renderNetwork();
      const root = () => container.querySelector<HTMLElement>('.network-root')!;
      await turns();
      expect(root().dataset.renderedMeetings).toBe(String(index.meetings.length));
      expect(worker.graphQuestions - before).toBe(1);
      await runIdle();
      await turns();
      expect(worker.graphQuestions - before).toBe(2);
      await act(async () => {
        useStore.getState().followWindowTo({ start: '2016-04-01', end: '2016-06-30' });
      });
      const inWindow = meetingsInWindow(index, filterMeetings(index, useStore.getState().filters), isoToMs('2016-04-01'), isoToMs('2016-06-30') + DAY_MS);
      expect(root().dataset.renderedMeetings).toBe(String(inWindow.length));
      await turns();
      expect(worker.graphQuestions - before).toBe(2);
    } finally {
      // Unmounted first: what the views asked for idle time is cancelled through the stand-in.
      cleanup();
      restore();
    }
  });
});
