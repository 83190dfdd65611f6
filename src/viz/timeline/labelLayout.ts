import { DAY_MS } from '../../domain/dates';
import type { TimelineItemSpec } from './toTimelineItems';

/**
 * Geometry decisions that depend on label widths. Widths are estimated from the text length rather
 * than measured, so they cost nothing per item and behave the same in tests as in a browser.
 */

/** Average advance of the timeline's 0.82rem label font, rounded up so estimates err on the wide side. */
const CHAR_PX = 7;
/** Content padding, borders and the dot or bracket beside the text. */
const LABEL_CHROME_PX = 16;

export function estimateLabelPx(label: string): number {
  return Math.ceil([...label].length * CHAR_PX + LABEL_CHROME_PX);
}

/**
 * How a meeting is drawn at `msPerPx`: a circa meeting whose uncertain interval is wider on screen
 * than its label is a range box over that interval; a narrower one is a point at its earliest day,
 * labelled "c." and underlined by a bracket as wide as the interval, so vis-timeline stacks it by
 * its readable label instead of a box that is a pixel or two wide.
 */
export function displayKind(spec: TimelineItemSpec, msPerPx: number): 'point' | 'range' {
  if (spec.kind !== 'range' || spec.end === null) return 'point';
  return (spec.end - spec.start) / msPerPx >= estimateLabelPx(spec.label) ? 'range' : 'point';
}

export interface FitEntry {
  start: number;
  /** End of the last possible day (ranges) or the start again (points). */
  end: number;
  /** Estimated label width; 0 when labels are not drawn (density mode). */
  labelPx: number;
}

/** Share of the window left empty before the first and after the last meeting. */
export const FIT_PAD = 0.05;
const MIN_SPAN_MS = 30 * DAY_MS;
/** A label may take at most this share of the width when working out room for it. */
const MAX_LABEL_SHARE = 0.65;
/**
 * Room for labels may widen the window to at most this multiple of what the meetings alone need
 * (less on narrow screens): on a phone, fitting every label would otherwise show 2015–2030 for
 * meetings in 2019–2023. A label that does not fit runs to the window's edge (and is readable by
 * zooming in, in its tooltip and in the table).
 */
export const MAX_LABEL_GROWTH = 1.35;
const NARROW_LABEL_GROWTH = 1.15;
const NARROW_PX = 600;
/** From this span on the axis labels years only; the window then starts on 1 January so the first meeting has a year beside it. */
const YEAR_AXIS_SPAN_MS = 2 * 365 * DAY_MS;

/**
 * The window [start, end) that shows every entry with FIT_PAD of empty space at both sides and
 * room for each label, which starts at the meeting and runs right. With the window of length T
 * beginning at origin − lead·T, an entry fits when
 *   end − origin ≤ (1 − lead − pad)·T   and   start − origin + labelPx·T/W ≤ (1 − lead − pad)·T,
 * with T capped at MAX_LABEL_GROWTH times the span the meetings need without labels. A multi-year
 * window starts just before 1 January of the first meeting's year (see YEAR_AXIS_SPAN_MS).
 */
export function fitWindow(entries: readonly FitEntry[], widthPx: number): { start: number; end: number } | null {
  if (!entries.length) return null;
  let first = Infinity;
  for (const e of entries) if (e.start < first) first = e.start;
  const width = widthPx > 0 ? widthPx : 800;
  const growth = width >= NARROW_PX ? MAX_LABEL_GROWTH : NARROW_LABEL_GROWTH;
  const spanFrom = (origin: number, lead: number) => {
    const usable = 1 - lead - FIT_PAD;
    let bare = MIN_SPAN_MS;
    let labelled = 0;
    for (const e of entries) {
      bare = Math.max(bare, (e.end - origin) / usable);
      if (e.labelPx > 0) labelled = Math.max(labelled, (e.start - origin) / (usable - Math.min(e.labelPx / width, MAX_LABEL_SHARE)));
    }
    return Math.max(bare, Math.min(labelled, bare * growth));
  };
  let span = spanFrom(first, FIT_PAD);
  let start = first - FIT_PAD * span;
  if (span >= YEAR_AXIS_SPAN_MS) {
    // The year's gridline a little inside the left edge, so its label is not clipped.
    const yearStart = Date.UTC(new Date(first).getUTCFullYear(), 0, 1);
    const snapped = yearStart - 0.01 * span;
    if (snapped < start) {
      start = snapped;
      span = spanFrom(snapped, 0);
    }
  }
  return { start, end: start + span };
}
