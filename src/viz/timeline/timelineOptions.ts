import type { TimelineOptions } from 'vis-timeline/esnext';
import moment from 'moment';
import { DAY_MS } from '../../domain/dates';
import { MIN_ZOOM_MAX_MS } from '../../domain/timelineSpan';

export function timelineOptions(): TimelineOptions {
  return {
    // Fills the pane the layout gives it (the splitter sets that); stacked rows beyond it scroll inside.
    height: '100%',
    minHeight: 120,
    // Size changes come from the controller's resize observers (observeWidth/observeHeight). vis-timeline's own
    // check reads its root's offset size every second, which forced a layout in the middle of whatever ran then
    // (~20 ms inside about one filter step in four at 20k).
    autoResize: false,
    // Days are UTC; render the axis in UTC too so a meeting never appears on the previous day.
    moment: (date: moment.MomentInput) => moment(date).utc(),
    stack: true,
    selectable: true,
    multiselect: false,
    editable: false,
    showCurrentTime: false,
    verticalScroll: true,
    zoomMin: 7 * DAY_MS,
    // Follows the dataset's span once data arrives (see maxWindowMs).
    zoomMax: MIN_ZOOM_MAX_MS,
    orientation: { axis: 'bottom', item: 'bottom' },
    margin: { item: { horizontal: 2, vertical: 2 } },
    tooltip: { followMouse: false, overflowMethod: 'cap', delay: 250 },
    dataAttributes: ['meeting'],
  };
}

// Here for the timeline's modules; defined with the dates, so the network (playback ahead) need not load this module's moment.
export { toTimeWindow } from '../../domain/dates';

export const raf = (cb: () => void): number =>
  typeof requestAnimationFrame === 'function' ? requestAnimationFrame(cb) : (setTimeout(cb, 16) as unknown as number);
export const cancelRaf = (id: number) => (typeof cancelAnimationFrame === 'function' ? cancelAnimationFrame(id) : clearTimeout(id));

/**
 * Calls `onWidth` (at most once a frame) when the element's width changes: room for labels depends on
 * it, so an automatic fit is redone, e.g. when the detail panel opens beside the chart.
 */
export function observeWidth(target: HTMLElement, onWidth: (width: number) => void): () => void {
  if (typeof ResizeObserver !== 'function') return () => {};
  let lastWidth = target.clientWidth;
  let frame: number | null = null;
  const observer = new ResizeObserver(() => {
    if (target.clientWidth === lastWidth || frame !== null) return;
    frame = raf(() => {
      frame = null;
      lastWidth = target.clientWidth;
      onWidth(lastWidth);
    });
  });
  observer.observe(target);
  return () => {
    if (frame !== null) cancelRaf(frame);
    observer.disconnect();
  };
}

/**
 * Calls `onHeight` (at most once a frame) when the element's height changes (a splitter drag, the window):
 * vis-timeline's own size polling is off (timelineOptions), so this is what redraws it at a new height.
 */
export function observeHeight(target: HTMLElement, onHeight: (height: number) => void): () => void {
  if (typeof ResizeObserver !== 'function') return () => {};
  let lastHeight = target.clientHeight;
  let frame: number | null = null;
  const observer = new ResizeObserver(() => {
    if (target.clientHeight === lastHeight || frame !== null) return;
    frame = raf(() => {
      frame = null;
      lastHeight = target.clientHeight;
      onHeight(lastHeight);
    });
  });
  observer.observe(target);
  return () => {
    if (frame !== null) cancelRaf(frame);
    observer.disconnect();
  };
}
