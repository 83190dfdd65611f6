import { memoizeLast } from './memo';
import { filterMeetings, meetingsInWindow, type Filters } from './filters';
import { buildGraph, meetingsBetween } from './graph';
import type { DatasetIndex } from './indexes';
import { DAY_MS, isoToMs } from './dates';

/**
 * Memoized derivations from (index, view) to what the views draw. Each keeps its last result,
 * so components and controllers reading the same inputs share one computation.
 */
export const deriveVisible = memoizeLast((index: DatasetIndex, filters: Filters) => filterMeetings(index, filters));

/** Meetings feeding the network: all visible ones, or only those in the timeline window when following it. */
export const deriveGraphMeetings = memoizeLast(
  (index: DatasetIndex, visible: Int32Array, windowStart: string | null, windowEnd: string | null) =>
    windowStart && windowEnd ? meetingsInWindow(index, visible, isoToMs(windowStart), isoToMs(windowEnd) + DAY_MS) : visible,
);

export const deriveGraph = memoizeLast(buildGraph);

export interface Highlight {
  /** Actor ids to emphasise in the network. */
  actors: ReadonlySet<string>;
  /** Meeting ids to emphasise in the timeline and table. */
  meetings: ReadonlySet<string>;
}

export const NO_HIGHLIGHT: Highlight = { actors: new Set(), meetings: new Set() };

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
    return { actors: new Set(index.meetings[pos]!.participants.map((p) => p.actorId)), meetings: new Set([target.id]) };
  }
  if (target.kind === 'actor') {
    const pos = index.actorPos.get(target.id);
    if (pos === undefined) return NO_HIGHLIGHT;
    const mine = new Set(index.byActor[pos]);
    const meetings = new Set<string>();
    for (const i of visible) if (mine.has(i)) meetings.add(index.meetings[i]!.id);
    return { actors: new Set([target.id]), meetings };
  }
  const between = meetingsBetween(index, visible, target.a, target.b);
  return { actors: new Set([target.a, target.b]), meetings: new Set(Array.from(between, (i) => index.meetings[i]!.id)) };
}

export const deriveHighlight = memoizeLast(highlightFor);
