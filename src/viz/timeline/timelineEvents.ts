import type { Timeline } from 'vis-timeline/esnext';
import { fromVisId, toVisId } from './visItems';
import type { TimelineCallbacks } from './createTimelineController';
import { meetingOfItem, type DrawMode } from './itemSync';

/** What vis-timeline's input events read from the controller at event time. */
export interface TimelineEventContext {
  mode(): DrawMode | null;
  selectedId(): string | null;
  /** The items drawing the meeting now (several with lanes). */
  itemIdsOf(id: string): string[];
  /** The density bar under the time `ms` (in the lane of vis-timeline group `group`, with lanes), if any. */
  binAt(ms: number, group: unknown): { start: number; end: number } | null | undefined;
  /** Names the bar under the pointer; null when it leaves. */
  hover(ms: number | null, group?: unknown): void;
  moveTo(startMs: number, endMs: number): void;
  /** The user moved the window. */
  report(): void;
}

/**
 * Selection, hover and density-bar clicks. Returns the cleanup for what is not owned by the timeline
 * itself (its own listeners go with `timeline.destroy()`).
 */
export function wireTimelineEvents(timeline: Timeline, canvas: HTMLElement, ctx: TimelineEventContext, callbacks: TimelineCallbacks): () => void {
  timeline.on('select', (props: { items: (string | number)[] }) => {
    const item = fromVisId(props.items[0]);
    const selectedId = ctx.selectedId();
    if (item !== null) {
      const id = meetingOfItem(item);
      callbacks.onSelect(id === selectedId ? null : id);
      return;
    }
    // A click on empty space: vis cleared its selection, the app keeps it.
    timeline.setSelection(selectedId ? ctx.itemIdsOf(selectedId).map(toVisId) : []);
  });
  // A click on a density bar (anywhere in its column, or its lane's row) zooms into that bin.
  timeline.on('click', (props: { what: string | null; time: Date | null; group: unknown }) => {
    if (ctx.mode() === 'items' || props.what !== 'background' || !props.time) return;
    const bin = ctx.binAt(props.time.valueOf(), props.group);
    if (!bin) return;
    const pad = (bin.end - bin.start) * 0.1;
    ctx.moveTo(bin.start - pad, bin.end + pad);
    ctx.report();
  });
  timeline.on('mouseMove', (props: { what: string | null; time: Date | null; group: unknown }) => {
    if (ctx.mode() !== 'items') ctx.hover(props.what === 'background' && props.time ? props.time.valueOf() : null, props.group);
  });
  const onLeave = () => ctx.hover(null);
  canvas.addEventListener('mouseleave', onLeave);
  timeline.on('itemover', (props: { item: string | number }) => {
    const item = fromVisId(props.item);
    callbacks.onHover(item === null ? null : meetingOfItem(item));
  });
  timeline.on('itemout', () => callbacks.onHover(null));
  return () => canvas.removeEventListener('mouseleave', onLeave);
}
