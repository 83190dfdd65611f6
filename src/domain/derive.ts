import { memoizeLast } from './memo';
import { filterMeetings, meetingsInWindow, type Filters } from './filters';
import { buildGraph, meetingsBetween } from './graph';
import type { DatasetIndex } from './indexes';
import { actorMeetingsIn } from './actors';
import { DAY_MS, isoToMs } from './dates';

/**
 * Memoized derivations from (index, view) to what the views draw. Each keeps its last result,
 * so components and controllers reading the same inputs share one computation.
 */
export const deriveVisible = memoizeLast((index: DatasetIndex, filters: Filters, searchHits: Uint8Array | null = null) =>
  filterMeetings(index, filters, undefined, searchHits),
);

/** Meetings feeding the network: all visible ones, or only those in the timeline window when following it. */
export const deriveGraphMeetings = memoizeLast(
  (index: DatasetIndex, visible: Int32Array, windowStart: string | null, windowEnd: string | null) =>
    windowStart && windowEnd ? meetingsInWindow(index, visible, isoToMs(windowStart), isoToMs(windowEnd) + DAY_MS) : visible,
);

export const deriveGraph = memoizeLast(buildGraph);

export interface Highlight {
  /** Actor ids to emphasise in the network. */
  actors: ReadonlySet<string>;
  /** Positions of the meetings to emphasise in the timeline and table, in display order. */
  meetings: Int32Array;
  /**
   * 1 at the position of each emphasised meeting, for constant-time lookups: an actor at 100k
   * meetings lights up thousands, and sets of their id strings cost tens of milliseconds per selection.
   * May be shorter than the dataset (empty when nothing is lit), so read it as `mask[pos] === 1`.
   */
  meetingMask: Uint8Array;
}

export const NO_HIGHLIGHT: Highlight = { actors: new Set(), meetings: new Int32Array(0), meetingMask: new Uint8Array(0) };

/** A highlight of the meetings at `positions` (in display order) and the given actors. */
export function highlightOf(index: DatasetIndex, actors: ReadonlySet<string>, positions: Int32Array): Highlight {
  const meetingMask = new Uint8Array(positions.length ? index.meetings.length : 0);
  for (let k = 0; k < positions.length; k++) meetingMask[positions[k]!] = 1;
  return { actors, meetings: positions, meetingMask };
}

export function isHighlightedMeeting(highlight: Highlight, pos: number): boolean {
  return highlight.meetingMask[pos] === 1;
}

/** What a selection or hover lights up across both views. */
export function highlightFor(
  index: DatasetIndex,
  visible: Int32Array,
  target: { kind: 'meeting'; id: string } | { kind: 'actor'; id: string } | { kind: 'edge'; a: string; b: string } | null,
): Highlight {
  if (!target) return NO_HIGHLIGHT;
  if (target.kind === 'meeting') {
    const pos = index.meetingPos.get(target.id);
    if (pos === undefined) return NO_HIGHLIGHT;
    return highlightOf(index, new Set(index.meetings[pos]!.participants.map((p) => p.actorId)), Int32Array.of(pos));
  }
  if (target.kind === 'actor') {
    const pos = index.actorPos.get(target.id);
    if (pos === undefined) return NO_HIGHLIGHT;
    return highlightOf(index, new Set([target.id]), actorMeetingsIn(index, pos, visible));
  }
  return highlightOf(index, new Set([target.a, target.b]), meetingsBetween(index, visible, target.a, target.b));
}

export const deriveHighlight = memoizeLast(highlightFor);
