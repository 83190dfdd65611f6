import { describe, expect, it } from 'vitest';
import type { Timeline } from 'vis-timeline/esnext';
import { batchItemChanges, englishLocaleOnly, redrawAxisOnlyWhenChanged } from '../../../src/viz/timeline/visInternals';
import { loadVisLibrary } from '../../../src/viz/timeline/visLibrary';

/** vis-timeline's private shape as batchItemChanges reaches it: each DataSet event redraws the item set and queues a whole redraw. */
function fakeTimeline() {
  const calls: string[] = [];
  const timeline = {
    itemSet: { redraw: () => (calls.push('items'), false) },
    _redraw: () => calls.push('queued'),
    _origRedraw: () => calls.push('whole'),
  };
  const dataSetEvent = () => {
    timeline.itemSet.redraw();
    timeline._redraw();
  };
  return { timeline, calls, dataSetEvent };
}

describe('batchItemChanges', () => {
  it('draws the whole timeline once, at once, for a batch of DataSet changes, and queues nothing for the next frame', () => {
    const { timeline, calls, dataSetEvent } = fakeTimeline();
    const batch = batchItemChanges(timeline as unknown as Timeline);
    const queued = timeline._redraw;
    batch(() => {
      dataSetEvent();
      dataSetEvent();
      dataSetEvent();
    });
    expect(calls).toEqual(['whole']);
    // Outside a batch, vis-timeline's own behaviour is back.
    expect(timeline._redraw).toBe(queued);
    dataSetEvent();
    expect(calls).toEqual(['whole', 'items', 'queued']);
  });

  it('restores vis-timeline when a change throws', () => {
    const { timeline } = fakeTimeline();
    const redraw = timeline.itemSet.redraw;
    const queued = timeline._redraw;
    const batch = batchItemChanges(timeline as unknown as Timeline);
    expect(() => batch(() => {
      throw new Error('bad item');
    })).toThrow('bad item');
    expect(timeline.itemSet.redraw).toBe(redraw);
    expect(timeline._redraw).toBe(queued);
  });
});

describe('englishLocaleOnly', () => {
  it('leaves items vis-timeline creates with the English table alone, and the timeline still redraws', async () => {
    const { Timeline, DataSet } = await loadVisLibrary();
    const host = document.createElement('div');
    document.body.append(host);
    const items = new DataSet<{ id: string; start: number; content: string }>();
    const timeline = new Timeline(host, items as never, { start: 0, end: 86_400_000 * 30 });
    const localesOfNewItem = () => {
      items.add({ id: `m${items.length}`, start: 86_400_000 * items.length, content: 'x' });
      const created = (timeline as unknown as { itemSet: { items: Record<string, { options: { locales: object } }> } }).itemSet.items[`m${items.length - 1}`]!;
      return Object.keys(created.options.locales);
    };
    expect(localesOfNewItem().length).toBeGreaterThan(10);
    expect(englishLocaleOnly(timeline)).toBe(true);
    expect(localesOfNewItem()).toEqual(['en']);
    expect(() => timeline.redraw()).not.toThrow();
    timeline.destroy();
    host.remove();
  });

  it('changes nothing when the private shape is not there', () => {
    expect(englishLocaleOnly({} as unknown as Timeline)).toBe(false);
  });
});

describe('redrawAxisOnlyWhenChanged', () => {
  it('redraws the time axis when the range, a panel size or a font changed, and not for a redraw that changed none of them', async () => {
    const { Timeline, DataSet } = await loadVisLibrary();
    const host = document.createElement('div');
    document.body.append(host);
    const timeline = new Timeline(host, new DataSet() as never, { start: 0, end: 86_400_000 * 30 });
    type Axis = { redraw(): boolean; _repaintLabels(): void; body: { range: { start: number; end: number }; domProps: { center: { width: number } } } };
    const axis = (timeline as unknown as { timeAxis: Axis }).timeAxis;
    let painted = 0;
    const repaint = axis._repaintLabels;
    axis._repaintLabels = function (this: Axis) {
      painted++;
      repaint.call(this);
    };
    // jsdom has no font loading: a stand-in that sends its event.
    const fonts = new EventTarget();
    Object.defineProperty(document, 'fonts', { value: fonts, configurable: true });
    const stop = redrawAxisOnlyWhenChanged(timeline);
    expect(stop).toBeTypeOf('function');
    axis.redraw();
    expect(painted).toBe(1);
    // An item-only redraw (a filter step): nothing the axis is drawn from changed.
    expect(axis.redraw()).toBe(false);
    expect(painted).toBe(1);
    axis.body.range.start += 86_400_000;
    axis.redraw();
    expect(painted).toBe(2);
    axis.body.domProps.center.width += 200;
    axis.redraw();
    expect(painted).toBe(3);
    axis.redraw();
    expect(painted).toBe(3);
    fonts.dispatchEvent(new Event('loadingdone'));
    axis.redraw();
    expect(painted).toBe(4);
    // Once the timeline is gone it no longer listens (the listener would keep the timeline reachable).
    stop!();
    fonts.dispatchEvent(new Event('loadingdone'));
    axis.redraw();
    expect(painted).toBe(4);
    delete (document as { fonts?: unknown }).fonts;
    timeline.destroy();
    host.remove();
  });

  it('changes nothing when the private shape is not there', () => {
    expect(redrawAxisOnlyWhenChanged({} as unknown as Timeline)).toBeNull();
  });
});
