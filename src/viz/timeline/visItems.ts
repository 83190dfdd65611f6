import type { TimelineItem } from 'vis-timeline/peer';
import { DAY_MS, formatIsoDay } from '../../domain/dates';
import type { DensityBin } from './density';
import { tooltipHtml, type TimelineItemSpec } from './toTimelineItems';

/**
 * Builds vis-timeline items. Content is always a DOM element filled with textContent, so data is
 * never parsed as HTML; titles go through tooltipHtml (escaped) because vis renders them as HTML.
 */

export const BIN_PREFIX = 'bin:';

export function isBinId(id: unknown): boolean {
  return typeof id === 'string' && id.startsWith(BIN_PREFIX);
}

function meetingContent(spec: TimelineItemSpec): HTMLElement {
  const root = document.createElement('span');
  root.className = 'tl-label';
  const visible = document.createElement('span');
  visible.setAttribute('aria-hidden', 'true');
  visible.textContent = spec.label;
  const spoken = document.createElement('span');
  spoken.className = 'visually-hidden';
  spoken.textContent = spec.accessibleLabel;
  root.append(visible, spoken);
  if (spec.end !== null) {
    // Drawn only when a circa meeting is shown as a point: its width follows the zoom through
    // --tl-day-px on the host, so zooming needs no item update.
    const extent = document.createElement('span');
    extent.className = 'tl-extent';
    extent.setAttribute('aria-hidden', 'true');
    extent.style.setProperty('--days', String(Math.max(1, Math.round((spec.end - spec.start) / DAY_MS))));
    root.append(extent);
  }
  return root;
}

/** `kind` is how it is drawn at the current zoom (see displayKind); a point never carries an end. */
export function meetingItem(spec: TimelineItemSpec, className: string, kind: 'point' | 'range' = spec.kind): TimelineItem {
  const item: TimelineItem = {
    id: spec.id,
    start: spec.start,
    content: meetingContent(spec),
    title: tooltipHtml(spec.tooltip),
    className,
    type: kind,
  };
  if (kind === 'range' && spec.end !== null) item.end = spec.end;
  return item;
}

export function binId(bin: DensityBin): string {
  return `${BIN_PREFIX}${bin.start}`;
}

function binLabel(bin: DensityBin): string {
  const first = formatIsoDay(new Date(bin.start).toISOString().slice(0, 10));
  const last = formatIsoDay(new Date(bin.end - 1).toISOString().slice(0, 10));
  return first === last ? first : `${first} – ${last}`;
}

/** `level` in (0, 1]: the bar's height relative to the busiest bin in view. */
export function binItem(bin: DensityBin, level: number, highlighted: number): TimelineItem {
  const bar = document.createElement('span');
  bar.className = 'tl-bin';
  bar.style.setProperty('--level', level.toFixed(3));
  const count = document.createElement('span');
  count.className = 'tl-bin-count';
  count.textContent = highlighted > 0 ? `${bin.count} (${highlighted}★)` : String(bin.count);
  bar.append(count);
  const lines = [`${bin.count} meeting${bin.count === 1 ? '' : 's'} starting ${binLabel(bin)}`];
  if (highlighted > 0) lines.push(`${highlighted} of them linked to the selection or hover`);
  lines.push('Click to zoom in');
  return {
    id: binId(bin),
    start: bin.start,
    end: bin.end,
    type: 'background',
    content: bar,
    title: tooltipHtml(lines),
    className: highlighted > 0 ? 'tl-density has-highlighted' : 'tl-density',
  };
}
