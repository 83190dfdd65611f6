import { regexes } from 'zod';
import { COUNTRY_CODE, SLUG } from '../../domain/idRules';
import type { Filters } from '../../domain/filters';
import type { DatasetIndex } from '../../domain/indexes';
import { INITIAL_ANALYSIS, INITIAL_VIEW } from '../slices/viewSlice';
import type { AnalysisView, Selection, TimeWindow, View } from '../types';
import { isKnownSide, type BetweenSides } from '../../domain/between';
import { SIZE_METRICS, type SizeMetric } from '../../domain/analysis/metricNames';
import { PLAY_SPANS, PLAY_SPEEDS, type PlaySpan, type PlaySpeed } from '../../domain/playback';
import { LANE_MODES, type LaneMode } from '../../domain/lanes';
import { clampWindow, maxWindowMs, yearsIn } from '../../domain/timelineSpan';
import { isolate } from '../../domain/bidi';
import {
  CANONICAL_ORDER,
  EDGE_SEPARATOR,
  KNOWN_PARAMS,
  LIST_SEPARATOR,
  MAX_QUERY_LENGTH,
  MAX_VALUE_LENGTH,
  PARAM,
  RANGE_SEPARATOR,
  type ParamName,
} from './params';

/**
 * Deep link <-> View. Pure: no DOM, no store. Anything malformed is dropped and explained in
 * plain-text `problems` (shown to the user as text), never thrown, so a bad link still opens.
 */
export interface ViewResult {
  view: View;
  problems: string[];
}

// The schema's own patterns (idRules.ts, zod's ISO date) without building the zod schemas at start-up.
const isSlug = (s: string) => SLUG.test(s);
const isCountryCode = (s: string) => COUNTRY_CODE.test(s);
const isIsoDate = (s: string) => regexes.date.test(s);

const SHOWN_CHARS = 40;
const SHOWN_ITEMS = 10;

/**
 * A user-supplied value shortened to quote in a one-line plain-text message, isolated so a right-to-left
 * override in it cannot reorder the rest of the message.
 */
export function show(value: string): string {
  const flat = value.replace(/\s+/g, ' ');
  return isolate(flat.length > SHOWN_CHARS ? `${flat.slice(0, SHOWN_CHARS)}…` : flat);
}

function showList(items: readonly string[]): string {
  const shown = items.slice(0, SHOWN_ITEMS).map(show).join(', ');
  return items.length > SHOWN_ITEMS ? `${shown} and ${items.length - SHOWN_ITEMS} more` : shown;
}

/**
 * The part of a query the app reads: a link over MAX_QUERY_LENGTH loses whole parameters from its end.
 * Everything (the view and `data`) reads this one cut, so what the notice says was ignored really was.
 */
export function usableQuery(search: string, problems: string[] = []): string {
  const query = search.startsWith('?') ? search.slice(1) : search;
  if (query.length <= MAX_QUERY_LENGTH) return query;
  const cut = query.lastIndexOf('&', MAX_QUERY_LENGTH);
  const keep = cut < 0 ? '' : query.slice(0, cut);
  const dropped = [...new Set(new URLSearchParams(query.slice(keep.length)).keys())].filter(Boolean);
  problems.push(`The link is longer than ${MAX_QUERY_LENGTH.toLocaleString('en')} characters; ignored ${dropped.length ? showList(dropped) : 'its end'}`);
  return keep;
}

/** First value of each known parameter; `null` marks one that was present but unusable. */
function readParams(search: string, problems: string[]): Map<ParamName, string> {
  const query = usableQuery(search, problems);
  const values = new Map<ParamName, string>();
  const seen = new Set<string>();
  const reported = new Set<string>();
  for (const [name, value] of new URLSearchParams(query)) {
    if (!KNOWN_PARAMS.has(name)) {
      if (!reported.has(name)) problems.push(`Ignored unknown parameter ${show(name)}`);
      reported.add(name);
      continue;
    }
    if (seen.has(name)) {
      if (!reported.has(name)) problems.push(`Ignored repeated ${name}=${show(value)}: only the first ${name} is used`);
      reported.add(name);
      continue;
    }
    seen.add(name);
    if (value.length > MAX_VALUE_LENGTH) {
      problems.push(`Ignored ${name}: its value is longer than ${MAX_VALUE_LENGTH} characters`);
      continue;
    }
    values.set(name as ParamName, value);
  }
  return values;
}

function parseList(name: string, value: string | undefined, isValid: (s: string) => boolean, what: string, problems: string[]): string[] {
  const out: string[] = [];
  if (!value) return out;
  for (const item of value.split(LIST_SEPARATOR)) {
    if (item === '') continue; // a stray comma changes nothing
    if (!isValid(item)) problems.push(`Ignored ${name}=${show(item)}: not a valid ${what}`);
    else if (out.includes(item)) problems.push(`Ignored ${name}=${show(item)}: listed twice`);
    else out.push(item);
  }
  return out;
}

function parseDate(name: string, value: string | undefined, problems: string[]): string | null {
  if (!value) return null;
  if (isIsoDate(value)) return value;
  problems.push(`Ignored ${name}=${show(value)}: not a valid date (expected YYYY-MM-DD)`);
  return null;
}

const SELECT_FORMAT = 'expected meeting:<id>, actor:<id> or edge:<id>~<id>';

function parseSelection(value: string | undefined, problems: string[]): Selection | null {
  if (!value) return null;
  const colon = value.indexOf(':');
  const kind = value.slice(0, colon);
  const rest = value.slice(colon + 1);
  if ((kind === 'meeting' || kind === 'actor') && isSlug(rest)) return { kind, id: rest };
  if (kind === 'edge') {
    const [a, b, ...extra] = rest.split(EDGE_SEPARATOR);
    if (a !== undefined && b !== undefined && !extra.length && isSlug(a) && isSlug(b)) {
      if (a !== b) return { kind: 'edge', a, b };
      problems.push(`Ignored select=${show(value)}: a pair needs two different actors`);
      return null;
    }
  }
  problems.push(`Ignored select=${show(value)}: ${SELECT_FORMAT}`);
  return null;
}

function parseWindow(value: string | undefined, problems: string[]): TimeWindow | null {
  if (!value) return null;
  const parts = value.split(RANGE_SEPARATOR);
  const [start, end] = parts;
  if (parts.length !== 2 || start === undefined || end === undefined || !isIsoDate(start) || !isIsoDate(end)) {
    problems.push(`Ignored window=${show(value)}: expected YYYY-MM-DD..YYYY-MM-DD`);
    return null;
  }
  if (start > end) {
    problems.push(`Ignored window=${show(value)}: it starts after it ends`);
    return null;
  }
  return { start, end };
}

function parseChoice<T>(name: string, value: string | undefined, choices: Record<string, T>, fallback: T, problems: string[]): T {
  if (!value) return fallback;
  if (Object.hasOwn(choices, value)) return choices[value]!;
  problems.push(`Ignored ${name}=${show(value)}: expected ${Object.keys(choices).join(' or ')}`);
  return fallback;
}

const BETWEEN_FORMAT = 'expected two country/organization codes or two actor ids joined by ~, e.g. IRN~JPN';

function parseBetween(value: string | undefined, problems: string[]): BetweenSides | null {
  if (!value) return null;
  const parts = value.split(EDGE_SEPARATOR);
  const isSide = (s: string | undefined): s is string => s !== undefined && (isSlug(s) || isCountryCode(s));
  const [a, b] = parts;
  if (parts.length !== 2 || !isSide(a) || !isSide(b)) {
    problems.push(`Ignored between=${show(value)}: ${BETWEEN_FORMAT}`);
    return null;
  }
  if (a === b) {
    problems.push(`Ignored between=${show(value)}: the two sides must differ`);
    return null;
  }
  return [a, b];
}

const SIZE_CHOICES = Object.fromEntries(SIZE_METRICS.map((m) => [m, m])) as Record<SizeMetric, SizeMetric>;

function parseAnalysis(p: Map<ParamName, string>, problems: string[]): AnalysisView {
  const size = parseChoice(PARAM.size, p.get(PARAM.size), SIZE_CHOICES, INITIAL_ANALYSIS.size, problems);
  const color = parseChoice(PARAM.color, p.get(PARAM.color), { affiliation: 'affiliation', community: 'community' } as const, INITIAL_ANALYSIS.color, problems);
  const egoValue = p.get(PARAM.ego);
  const depthValue = p.get(PARAM.depth);
  let ego: AnalysisView['ego'] = null;
  if (egoValue) {
    if (isSlug(egoValue)) ego = { actor: egoValue, depth: parseChoice(PARAM.depth, depthValue, { '1': 1, '2': 2 } as const, 1, problems) };
    else problems.push(`Ignored ego=${show(egoValue)}: not a valid actor id`);
  } else if (depthValue) problems.push(`Ignored depth=${show(depthValue)}: it only applies with ego=<actor id>`);
  if (size === INITIAL_ANALYSIS.size && color === INITIAL_ANALYSIS.color && ego === null) return INITIAL_ANALYSIS;
  return { size, color, ego };
}

export function parseView(search: string): ViewResult {
  const problems: string[] = [];
  const p = readParams(search, problems);
  let from = parseDate(PARAM.from, p.get(PARAM.from), problems);
  let to = parseDate(PARAM.to, p.get(PARAM.to), problems);
  if (from !== null && to !== null && from > to) {
    problems.push(`Ignored from=${from} and to=${to}: the start is after the end`);
    from = to = null;
  }
  const filters: Filters = {
    actors: parseList(PARAM.actor, p.get(PARAM.actor), isSlug, 'actor id', problems),
    countries: parseList(PARAM.country, p.get(PARAM.country), isCountryCode, 'country or organization code', problems),
    topics: parseList(PARAM.topic, p.get(PARAM.topic), isSlug, 'topic id', problems),
    from,
    to,
    q: p.get(PARAM.q) ?? '',
    between: parseBetween(p.get(PARAM.between), problems),
  };
  const view: View = {
    filters,
    selection: parseSelection(p.get(PARAM.select), problems),
    window: parseWindow(p.get(PARAM.window), problems),
    followWindow: parseChoice(PARAM.follow, p.get(PARAM.follow), { '1': true, '0': false }, false, problems),
    mode: parseChoice(PARAM.view, p.get(PARAM.view), { table: 'table', charts: 'charts' } as const, INITIAL_VIEW.mode, problems),
    analysis: parseAnalysis(p, problems),
    lanes: parseChoice<LaneMode | null>(PARAM.lanes, p.get(PARAM.lanes), Object.fromEntries(LANE_MODES.map((m) => [m, m])), null, problems),
    playSpan: parseChoice<PlaySpan>(PARAM.play, p.get(PARAM.play), Object.fromEntries(PLAY_SPANS.map((s) => [s, s])), INITIAL_VIEW.playSpan, problems),
    playSpeed: parseChoice<PlaySpeed>(PARAM.speed, p.get(PARAM.speed), Object.fromEntries(PLAY_SPEEDS.map((s) => [String(s), s])), INITIAL_VIEW.playSpeed, problems),
  };
  return { view, problems };
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Percent-encodes, but leaves the separators Parley uses readable. */
export function encodeValue(value: string): string {
  return encodeURIComponent(value.replace(LONE_SURROGATE, '\uFFFD'))
    .replace(/%2C/g, ',')
    .replace(/%3A/g, ':')
    .replace(/%2F/g, '/')
    .replace(/%20/g, '+');
}

function formatSelection(s: Selection): string {
  return s.kind === 'edge' ? `edge:${s.a}${EDGE_SEPARATOR}${s.b}` : `${s.kind}:${s.id}`;
}

/** Query string without '?', parameters in canonical order, defaults omitted ('' for the default view). */
export function formatView(view: View, extra: Partial<Record<ParamName, string>> = {}): string {
  const { filters: f } = view;
  const values: Partial<Record<ParamName, string>> = {
    ...extra,
    [PARAM.actor]: f.actors.join(LIST_SEPARATOR),
    [PARAM.country]: f.countries.join(LIST_SEPARATOR),
    [PARAM.topic]: f.topics.join(LIST_SEPARATOR),
    [PARAM.from]: f.from ?? '',
    [PARAM.to]: f.to ?? '',
    [PARAM.q]: f.q,
    [PARAM.select]: view.selection ? formatSelection(view.selection) : '',
    [PARAM.window]: view.window ? `${view.window.start}${RANGE_SEPARATOR}${view.window.end}` : '',
    [PARAM.follow]: view.followWindow ? '1' : '',
    [PARAM.view]: view.mode === 'table' ? 'table' : '',
    [PARAM.between]: f.between ? f.between.join(EDGE_SEPARATOR) : '',
    [PARAM.size]: view.analysis.size === INITIAL_ANALYSIS.size ? '' : view.analysis.size,
    [PARAM.color]: view.analysis.color === INITIAL_ANALYSIS.color ? '' : view.analysis.color,
    [PARAM.ego]: view.analysis.ego?.actor ?? '',
    [PARAM.depth]: view.analysis.ego && view.analysis.ego.depth !== 1 ? String(view.analysis.ego.depth) : '',
    [PARAM.lanes]: view.lanes ?? '',
    [PARAM.play]: view.playSpan === INITIAL_VIEW.playSpan ? '' : view.playSpan,
    [PARAM.speed]: view.playSpeed === INITIAL_VIEW.playSpeed ? '' : String(view.playSpeed),
  };
  return CANONICAL_ORDER.filter((name) => values[name])
    .map((name) => `${name}=${encodeValue(values[name]!)}`)
    .join('&');
}

function keepKnown(name: string, ids: readonly string[], known: (id: string) => boolean, problems: string[]): readonly string[] {
  const dropped = ids.filter((id) => !known(id));
  if (!dropped.length) return ids;
  problems.push(`Ignored ${name}=${showList(dropped)}: not in this dataset`);
  return ids.filter(known);
}

/** True when the two actor positions share at least one meeting (both posting lists are ascending). */
function haveMet(index: DatasetIndex, a: number, b: number): boolean {
  const x = index.byActor[a]!;
  const y = index.byActor[b]!;
  for (let i = 0, j = 0; i < x.length && j < y.length; ) {
    if (x[i] === y[j]) return true;
    if (x[i]! < y[j]!) i++;
    else j++;
  }
  return false;
}

function knownSelection(s: Selection, index: DatasetIndex): string | null {
  if (s.kind === 'meeting') return index.meetingPos.has(s.id) ? null : 'no such meeting in this dataset';
  if (s.kind === 'actor') return index.actorPos.has(s.id) ? null : 'no such actor in this dataset';
  const a = index.actorPos.get(s.a);
  const b = index.actorPos.get(s.b);
  if (a === undefined || b === undefined) return 'no such actor in this dataset';
  return haveMet(index, a, b) ? null : 'these actors never met in this dataset';
}

/** Drops ids the dataset does not know. Returns the same view object when nothing had to go. */
export function sanitizeView(view: View, index: DatasetIndex): ViewResult {
  const problems: string[] = [];
  const f = view.filters;
  const actors = keepKnown(PARAM.actor, f.actors, (id) => index.actorPos.has(id), problems);
  const countries = keepKnown(PARAM.country, f.countries, (code) => index.countryByCode.has(code), problems);
  const topics = keepKnown(PARAM.topic, f.topics, (id) => index.topicById.has(id), problems);
  const selectionProblem = view.selection && knownSelection(view.selection, index);
  if (selectionProblem) problems.push(`Ignored select=${show(formatSelection(view.selection!))}: ${selectionProblem}`);
  const unknownSides = f.between ? f.between.filter((side) => !isKnownSide(index, side)) : [];
  if (unknownSides.length) problems.push(`Ignored between=${show(f.between!.join(EDGE_SEPARATOR))}: ${showList(unknownSides)} not in this dataset`);
  const ego = view.analysis.ego;
  const egoUnknown = ego !== null && !index.actorPos.has(ego.actor);
  if (egoUnknown) problems.push(`Ignored ego=${show(ego.actor)}: no such actor in this dataset`);
  const clamped = view.window && clampWindow(view.window, index.minTime, index.maxTime);
  if (clamped) {
    const years = yearsIn(maxWindowMs(index.minTime, index.maxTime)).toLocaleString('en');
    problems.push(`Clamped window=${view.window!.start}..${view.window!.end} to ${clamped.start}..${clamped.end}: the timeline shows at most ${years} years of this dataset at once`);
  }
  if (!problems.length) return { view, problems };
  const between = unknownSides.length ? null : f.between;
  const filters =
    actors === f.actors && countries === f.countries && topics === f.topics && between === f.between ? f : { ...f, actors, countries, topics, between };
  const analysis = egoUnknown ? { ...view.analysis, ego: null } : view.analysis;
  return { view: { ...view, filters, selection: selectionProblem ? null : view.selection, window: clamped ?? view.window, analysis }, problems };
}
