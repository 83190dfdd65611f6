import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildIndex, type DatasetIndex } from '../../../src/domain/indexes';
import { filterMeetings } from '../../../src/domain/filters';
import { EMPTY_FILTERS } from '../../../src/domain/filters';
import { highlightFor, NO_HIGHLIGHT } from '../../../src/domain/derive';
import { createTimelineController, ITEM_THRESHOLD, type TimelineCallbacks, type TimelineController } from '../../../src/viz/timeline/createTimelineController';
import { dataset, manyMeetings, meeting, recordCanvas, XSS } from './timelineFixture';
import { DAY_MS } from '../../../src/domain/dates';
import { estimateLabelPx } from '../../../src/viz/timeline/labelLayout';
import { loadVisLibrary } from '../../../src/viz/timeline/visLibrary';

// The timeline's library is a chunk of its own in the app (main.tsx starts loading it); here it is loaded up front.
beforeAll(() => loadVisLibrary());

// jsdom does no layout; vis-timeline needs a width to place items.
const widthProps = ['clientWidth', 'offsetWidth'] as const;
beforeAll(() => {
  for (const p of widthProps) Object.defineProperty(HTMLElement.prototype, p, { configurable: true, get: () => 800 });
});
afterAll(() => {
  for (const p of widthProps) delete (HTMLElement.prototype as unknown as Record<string, unknown>)[p];
});

const settle = () => new Promise((r) => setTimeout(r, 60));
const all = (index: DatasetIndex) => filterMeetings(index, EMPTY_FILTERS);

let el: HTMLElement;
let controller: TimelineController | null = null;
function mount(callbacks: Partial<TimelineCallbacks> = {}) {
  el = document.createElement('div');
  document.body.append(el);
  controller = createTimelineController(el, { onSelect: vi.fn(), onHover: vi.fn(), onWindowChange: vi.fn(), onBrush: vi.fn(), ...callbacks });
  return controller;
}
afterEach(() => {
  vi.restoreAllMocks();
  controller?.destroy();
  controller = null;
  el.remove();
});

const small = buildIndex(
  dataset([
    meeting('a-call', { type: 'phone-call', cameo: '041' }),
    meeting('b-visit', { date: '2020-09', datePrecision: 'month', earliest: '2020-09-01', latest: '2020-09-30', type: 'visit', participants: [{ actorId: 'khaji' }, { actorId: 'muallem' }] }),
    meeting('c-evil', { date: '2020-10-02', earliest: '2020-10-02', latest: '2020-10-02', participants: [{ actorId: 'evil' }, { actorId: 'khaji' }], summary: XSS }),
  ]),
);

describe('createTimelineController', () => {
  it('draws each filtered meeting as an item with text content, never as markup', async () => {
    const c = mount();
    c.setData(small, all(small));
    await settle();
    expect(el.dataset.mode).toBe('items');
    expect(el.dataset.renderedCount).toBe('3');
    expect(el.querySelectorAll('.vis-item.tl-meeting[data-meeting]')).toHaveLength(3);
    expect(el.querySelector('[data-meeting="a-call"]')?.textContent).toContain('☎ \u2068Khaji\u2069 · \u2068Pedersen\u2069');
    expect(el.querySelector('[data-meeting="b-visit"]')?.className).toContain('is-circa');
    // What a screen reader says is the item's label (an attribute, never markup): kind, date and every name.
    const spoken = (id: string) => el.querySelector(`[data-meeting="${id}"] [role="img"]`)?.getAttribute('aria-label');
    expect(spoken('a-call')).toMatch(/^Phone call, 17 August 2020: /);
    expect(spoken('c-evil')).toContain(XSS);
    expect(el.querySelector('img')).toBeNull();
  });

  it('updates by diff on a filter change: surviving items keep their DOM nodes', async () => {
    const c = mount();
    c.setData(small, all(small));
    await settle();
    const kept = el.querySelector('[data-meeting="a-call"]');
    c.setData(small, filterMeetings(small, { ...EMPTY_FILTERS, actors: ['pedersen'] }));
    await settle();
    expect(el.dataset.renderedCount).toBe('1');
    expect(el.querySelectorAll('.vis-item.tl-meeting[data-meeting]')).toHaveLength(1);
    expect(el.querySelector('[data-meeting="a-call"]')).toBe(kept);
  });

  it('marks highlighted meetings and dims the rest only when asked', async () => {
    const c = mount();
    c.setData(small, all(small));
    const byActor = highlightFor(small, all(small), { kind: 'actor', id: 'muallem' });
    c.setHighlight(byActor, NO_HIGHLIGHT, true);
    await settle();
    expect([...el.querySelectorAll('.is-highlighted[data-meeting]')].map((n) => n.getAttribute('data-meeting'))).toEqual(['b-visit']);
    expect(el.classList.contains('has-highlight')).toBe(true);
    c.setHighlight(NO_HIGHLIGHT, NO_HIGHLIGHT, false);
    await settle();
    expect(el.querySelectorAll('.is-highlighted[data-meeting]')).toHaveLength(0);
    expect(el.classList.contains('has-highlight')).toBe(false);
  });

  it("shows the app's selected meeting with vis-timeline's selection", async () => {
    const c = mount();
    c.setData(small, all(small));
    c.setSelection('c-evil');
    await settle();
    expect([...el.querySelectorAll('.vis-selected[data-meeting]')].map((n) => n.getAttribute('data-meeting'))).toEqual(['c-evil']);
    c.setSelection(null);
    await settle();
    expect(el.querySelectorAll('.vis-selected[data-meeting]')).toHaveLength(0);
  });

  it("draws a filter change once: not again for the fit it makes, nor when vis-timeline reports that move 200 ms later", async () => {
    const c = mount();
    c.setData(small, all(small));
    await settle();
    const draws: MutationRecord[] = [];
    const watch = new MutationObserver((records) => draws.push(...records));
    watch.observe(el, { attributes: true, attributeFilter: ['data-rendered-count'] });
    // A filter change fits the window and changes the items, in one drawing.
    c.setData(small, filterMeetings(small, { ...EMPTY_FILTERS, actors: ['pedersen'] }));
    await new Promise((r) => setTimeout(r, 350));
    watch.takeRecords();
    expect(draws).toHaveLength(1);
    // A move to another window is drawn.
    c.setWindow({ start: '2020-01-01', end: '2020-12-31' });
    await settle();
    watch.disconnect();
    expect(draws).toHaveLength(2);
  });

  it('moves to a window set from outside without reporting it back, and reports user moves once, debounced', async () => {
    const onWindowChange = vi.fn();
    const c = mount({ onWindowChange });
    c.setData(small, all(small));
    c.setWindow({ start: '2020-08-01', end: '2020-10-31' });
    expect(c.getWindow()).toEqual({ start: '2020-08-01', end: '2020-10-31' });
    await new Promise((r) => setTimeout(r, 300));
    expect(onWindowChange).not.toHaveBeenCalled();
    c.pan(0.5);
    c.pan(-0.5);
    await new Promise((r) => setTimeout(r, 300));
    expect(onWindowChange).toHaveBeenCalledTimes(1);
    expect(onWindowChange).toHaveBeenCalledWith({ start: '2020-08-01', end: '2020-10-31' }, true);
  });

  it('draws density on its own canvas instead of vis items when the window holds many meetings, and shows items when zoomed in', async () => {
    const drawn = recordCanvas();
    const big = buildIndex(dataset(manyMeetings(20_000, 0.5)));
    const c = mount();
    c.setData(big, all(big));
    // Painted in the next frame (canvas text mid-commit forced a layout), and only then reported.
    expect(el.dataset.renderedCount).toBeUndefined();
    await settle();
    expect(el.dataset.mode).toBe('density');
    expect(el.dataset.renderedCount).toBe('20000');
    expect(el.dataset.itemCount).toBe('0');
    expect(el.querySelectorAll('.vis-item')).toHaveLength(0);
    expect(el.querySelector<HTMLCanvasElement>('canvas.tl-density-band')?.hidden).toBe(false);
    const labels = drawn.texts.map(Number);
    expect(labels.length).toBeGreaterThan(10);
    expect(labels.reduce((a, b) => a + b, 0)).toBe(20_000);
    expect(el.querySelector('.tl-density-summary')?.textContent).toContain('20,000 meetings in view');

    c.setWindow({ start: '2005-01-01', end: '2005-01-31' });
    await settle();
    expect(el.dataset.mode).toBe('items');
    expect(Number(el.dataset.itemCount)).toBeLessThanOrEqual(ITEM_THRESHOLD * 3);
    expect(el.querySelector<HTMLCanvasElement>('canvas.tl-density-band')?.hidden).toBe(true);
    expect(el.querySelector('.tl-density-summary')?.textContent).toBe('');
  });

  const spread = buildIndex(
    dataset([
      meeting('early-circa', { date: '2019-07', datePrecision: 'month', earliest: '2019-07-02', latest: '2019-07-03', type: 'visit' }),
      meeting('middle', { date: '2020-08-17', earliest: '2020-08-17', latest: '2020-08-17' }),
      meeting('late-circa', { date: '2023-02', datePrecision: 'month', earliest: '2023-02-01', latest: '2023-02-15' }),
    ]),
  );

  it('draws a circa meeting narrower than its label as a labelled point with an extent bracket, and as a dashed range when zoomed in', async () => {
    const c = mount();
    c.setData(spread, all(spread));
    await settle();
    const narrow = el.querySelector('.vis-item.tl-meeting[data-meeting="early-circa"]')!;
    expect(narrow.classList).toContain('vis-point');
    expect(narrow.classList).toContain('is-narrow');
    expect(narrow.classList).toContain('is-circa');
    expect(narrow.textContent).toContain('c. → \u2068Khaji\u2069 · \u2068Pedersen\u2069');
    expect((narrow.querySelector('.tl-extent') as HTMLElement).style.getPropertyValue('--days')).toBe('2');
    expect(el.style.getPropertyValue('--tl-day-px')).toMatch(/^0\.\d+px$/);

    c.setWindow({ start: '2019-07-01', end: '2019-07-05' });
    await settle();
    const wide = el.querySelector('.vis-item.tl-meeting[data-meeting="early-circa"]')!;
    expect(wide.classList).toContain('vis-range');
    expect(wide.classList).not.toContain('is-narrow');
    expect(el.querySelectorAll('[data-meeting="early-circa"]')).toHaveLength(1);
    expect(Number.parseFloat(el.style.getPropertyValue('--tl-day-px'))).toBeGreaterThan(40);

    c.setSelection('early-circa');
    c.setWindow(null);
    await settle();
    const again = el.querySelector('.vis-item.tl-meeting[data-meeting="early-circa"]')!;
    expect(again.classList).toContain('is-narrow');
    expect(again.classList).toContain('vis-selected');
  });

  it('fits all with empty space before the first meeting and room for the last label', () => {
    const c = mount();
    c.setData(spread, all(spread));
    const w = c.getWindow();
    const start = Date.parse(w.start);
    const end = Date.parse(w.end) + DAY_MS;
    const first = Date.UTC(2019, 6, 2);
    const lastStart = Date.UTC(2023, 1, 1);
    const msPerPx = (end - start) / 800;
    expect(first - start).toBeGreaterThan(0.04 * (end - start));
    expect(lastStart + estimateLabelPx('c. Khaji · Pedersen') * msPerPx).toBeLessThan(end - 0.04 * (end - start));
  });

  it('leaves the host element as it found it on destroy', async () => {
    const c = mount();
    c.setData(small, all(small));
    await settle();
    c.destroy();
    controller = null;
    expect(el.children).toHaveLength(0);
    expect(el.dataset.mode).toBeUndefined();
    expect(el.className).toBe('');
    expect(el.getAttribute('style')).toBeNull();
  });
});

describe('meeting ids that are Object.prototype names', () => {
  // vis-timeline keys its items by id in plain objects: `constructor` found a function, drew nothing and threw.
  const protoIds = Object.getOwnPropertyNames(Object.prototype).filter((name) => /^[a-z0-9][a-z0-9-]*$/.test(name));
  const index = buildIndex(dataset(protoIds.map((id, k) => meeting(id, { date: `2020-0${k + 1}-01`, earliest: `2020-0${k + 1}-01`, latest: `2020-0${k + 1}-01` }))));

  it('draws and selects each of them', async () => {
    expect(protoIds).toContain('constructor');
    const c = mount();
    c.setData(index, all(index));
    await settle();
    expect([...el.querySelectorAll('.vis-item[data-meeting]')].map((n) => n.getAttribute('data-meeting')).sort()).toEqual([...protoIds].sort());
    c.setSelection(protoIds[0]!);
    await settle();
    expect(el.querySelector('.vis-selected')?.getAttribute('data-meeting')).toBe(protoIds[0]);
  });
});
