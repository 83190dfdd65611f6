import { isolate } from '../../domain/bidi';
import { MEETING_TYPE_LABELS } from '../../domain/meetingTypes';
import type { DatasetIndex } from '../../domain/indexes';
import type { Actor, MeetingType } from '../../domain/schema';
import { formatIsoDay, formatPrecisionDate } from '../../domain/dates';

/**
 * Meeting → timeline item, as plain data. Nothing here is HTML: the controller turns `label`
 * into DOM text nodes and passes `tooltip` through `tooltipHtml`, which escapes every line.
 */
export interface TimelineItemSpec {
  id: string;
  /** ms (UTC) of the earliest possible day. */
  start: number;
  /** ms (UTC) of the end of the latest possible day; only for ranges. */
  end: number | null;
  /** Day-precision meetings are points; month/year precision spans the whole uncertain interval. */
  kind: 'point' | 'range';
  circa: boolean;
  /** A symbol so the contact type is readable without colour; '' for in-person meetings. */
  symbol: string;
  /** Visible text, e.g. "c. ☎ Khaji · Pedersen". */
  label: string;
  /** Full sentence for assistive technology. */
  accessibleLabel: string;
  /** Plain-text tooltip lines. */
  tooltip: string[];
  className: string;
}

export const TYPE_SYMBOLS: Record<MeetingType, string> = {
  meeting: '',
  'phone-call': '☎',
  visit: '→',
  reception: '⌂',
  'video-call': '▶',
  letter: '✉',
};

const MAX_SHORT_NAME = 24;
const SUMMARY_CHARS = 220;

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

/**
 * A compact name: a one-word alias that occurs in the full name ("Pedersen", not the misspelt
 * "Pederson"), else the shortest alias ending the full name ("Amir Abdollahian"), else the last
 * word of a person's name or the shortest form of an organization's.
 */
export function shortActorName(actor: Pick<Actor, 'name' | 'aliases' | 'kind'>): string {
  const name = actor.name.trim();
  const lower = name.toLowerCase();
  const byLength = [...actor.aliases].map((a) => a.trim()).filter(Boolean).sort((a, b) => a.length - b.length);
  const oneWord = byLength.find((a) => !/\s/.test(a) && endsWord(lower, a.toLowerCase()));
  if (oneWord) return clip(oneWord, MAX_SHORT_NAME);
  const suffix = byLength.find((a) => a.length < name.length && lower.endsWith(` ${a.toLowerCase()}`));
  if (suffix) return clip(suffix, MAX_SHORT_NAME);
  if (actor.kind === 'person') return clip(name.split(/\s+/).pop() ?? name, MAX_SHORT_NAME);
  return clip([name, ...byLength].sort((a, b) => a.length - b.length)[0]!, MAX_SHORT_NAME);
}

/**
 * Whether `word` ends `text` as a word of its own: at its start or after a space, a full stop or a hyphen. String
 * tests, not a regular expression built per alias: compiling one for every alias of the ~100 actors a filter step
 * brings onto the timeline took ~5 ms of that step.
 */
const WORD_BREAK = /[\s.-]/;
function endsWord(text: string, word: string): boolean {
  if (!text.endsWith(word)) return false;
  const before = text.length - word.length - 1;
  return before < 0 || WORD_BREAK.test(text[before]!);
}

/** "Khaji · Pedersen", or "Khaji · Assad +3" when there are more than `max` participants. */
export function compactParticipants(names: readonly string[], max = 2): string {
  const shown = names.slice(0, max).join(' · ');
  return names.length > max ? `${shown} +${names.length - max}` : shown;
}

const shortNameCache = new WeakMap<DatasetIndex, (string | undefined)[]>();

/**
 * The short name of the actor at position `a`, worked out on first use and kept per index. Only the actors of the
 * meetings drawn as items are ever asked for: all 30,000 at 250,000 meetings (a regular expression each) took ~70 ms
 * inside the first filter step that brought the timeline down to items.
 */
function shortNameAt(index: DatasetIndex, a: number): string {
  let names = shortNameCache.get(index);
  if (!names) shortNameCache.set(index, (names = new Array<string | undefined>(index.actors.length)));
  return (names[a] ??= shortActorName(index.actors[a]!));
}

function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** The item for the meeting at position `pos` of the index. */
export function toTimelineItem(index: DatasetIndex, pos: number): TimelineItemSpec {
  const m = index.meetings[pos]!;
  const participantPositions = index.participants[pos]!;
  const shortList: string[] = [];
  const fullList: string[] = [];
  m.participants.forEach((p, j) => {
    const a = participantPositions[j] ?? -1;
    shortList.push(isolate(a >= 0 ? shortNameAt(index, a) : p.actorId));
    fullList.push(a >= 0 ? index.actors[a]!.name : p.actorId);
  });
  const circa = m.datePrecision !== 'day';
  const symbol = TYPE_SYMBOLS[m.type];
  const typeLabel = MEETING_TYPE_LABELS[m.type];
  const label = `${circa ? 'c. ' : ''}${symbol ? `${symbol} ` : ''}${compactParticipants(shortList)}`;
  const when = formatPrecisionDate(m.date);
  const dateLine = circa
    ? `${typeLabel} · c. ${when} (${m.datePrecision} precision: between ${formatIsoDay(m.earliest)} and ${formatIsoDay(m.latest)})`
    : `${typeLabel} · ${when}`;
  const tooltip = [m.dateInferred ? `${dateLine} (date inferred)` : dateLine, joinNames(fullList.map(isolate))];
  if (m.location) tooltip.push(m.locationInferred ? `${isolate(m.location)} (location inferred)` : isolate(m.location));
  tooltip.push(clip(m.summary, SUMMARY_CHARS));
  return {
    id: m.id,
    start: index.start[pos]!,
    end: circa ? index.end[pos]! : null,
    kind: circa ? 'range' : 'point',
    circa,
    symbol,
    label,
    accessibleLabel: `${typeLabel}, ${circa ? 'circa ' : ''}${when}: ${joinNames(fullList)}`,
    tooltip,
    className: `tl-meeting type-${m.type}${circa ? ' is-circa' : ''}`,
  };
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** vis-timeline renders item titles as HTML (after its xss filter), so every line is escaped first. */
export function tooltipHtml(lines: readonly string[]): string {
  return lines.map(escapeHtml).join('<br>');
}
