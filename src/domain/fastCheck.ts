import { regexes } from 'zod';
import { ACTOR_KINDS as KINDS, CAMEO_CODES, EVIDENCE_CONTEXTS, MEETING_TYPES, PARTS_OF_DAY, hasVisibleChar } from './schema';
import { isValidPrecisionDate } from './dates';
import { LONG_FIELD_CHARS } from './datasetWarnings';

/**
 * A quick, allocation-free check that a meeting, actor or source record is one the zod schema would accept *and return
 * unchanged* (no key stripped, no string trimmed). Zod copies every object it parses, which costs more than the
 * rest of loading at 100k meetings; records passing this check can skip it. Anything unusual answers false, and
 * the caller then runs zod, so error messages never come from here. Keep in step with schema.ts (the tests
 * compare both on mutated records). A record that passes also holds only known keys and no value longer than
 * LONG_FIELD_CHARS, so it has nothing to warn about either.
 */

type Rec = Record<string, unknown>;

const ID = /^[a-z0-9][a-z0-9-]*$/;
const ISO_DAY = regexes.date;
const AFFILIATION = /^([A-Z]{3}|[A-Z][A-Z0-9-]{1,15})$/;
const PRECISIONS: ReadonlySet<unknown> = new Set(['day', 'month', 'year']);
const TYPES: ReadonlySet<unknown> = new Set(MEETING_TYPES);
const CAMEOS: ReadonlySet<unknown> = new Set(CAMEO_CODES);
const ACTOR_KINDS: ReadonlySet<unknown> = new Set(KINDS);
const CONTEXTS: ReadonlySet<unknown> = new Set(EVIDENCE_CONTEXTS);
const PARTS: ReadonlySet<unknown> = new Set(PARTS_OF_DAY);

const isRecord = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
/** `text` in schema.ts trims; only already-trimmed values come out unchanged. */
const isText = (v: unknown): boolean => typeof v === 'string' && v.length > 0 && v.length <= LONG_FIELD_CHARS && v.trim() === v && hasVisibleChar(v);
const matches = (re: RegExp, v: unknown): boolean => typeof v === 'string' && re.test(v);
const optional = (v: unknown, ok: (v: unknown) => boolean): boolean => v === undefined || ok(v);
/** Values over LONG_FIELD_CHARS take the slow path too, so the warning walk can skip records that pass. */
const isString = (v: unknown): boolean => typeof v === 'string' && v.length <= LONG_FIELD_CHARS;
const isBoolean = (v: unknown): boolean => typeof v === 'boolean';
const isOrder = (v: unknown): boolean => Number.isSafeInteger(v) && (v as number) >= 1;

/** True when every own key is one of `allowed` (zod would strip the others). */
function onlyKeys(o: Rec, allowed: ReadonlySet<string>): boolean {
  for (const k in o) if (!allowed.has(k)) return false;
  return true;
}

const MEETING_KEYS = new Set([
  'id', 'date', 'datePrecision', 'earliest', 'latest', 'dateNote', 'dateInferred', 'type', 'cameo', 'location', 'locationNote', 'locationInferred', 'coordinates',
  'occasion', 'order', 'partOfDay', 'participants', 'topics', 'summary', 'evidence', 'corroboration',
]);
const PARTICIPANT_KEYS = new Set(['actorId', 'role']);
const EVIDENCE_KEYS = new Set(['sourceId', 'quote', 'locator', 'context', 'topics']);
const CORROBORATION_KEYS = new Set(['sourceId', 'supports']);
const ACTOR_KEYS = new Set(['id', 'name', 'aliases', 'kind', 'affiliation', 'roles', 'note']);
const ROLE_KEYS = new Set(['title', 'from', 'to', 'note', 'inferred', 'attested']);

function everyItem(v: unknown, min: number, ok: (item: unknown) => boolean): boolean {
  if (!Array.isArray(v) || v.length < min) return false;
  for (let i = 0; i < v.length; i++) if (!ok(v[i])) return false;
  return true;
}

const COORDINATE_KEYS = new Set(['latitude', 'longitude']);
const inRange = (v: unknown, limit: number) => typeof v === 'number' && v >= -limit && v <= limit;
const isCoordinates = (c: unknown) => isRecord(c) && onlyKeys(c, COORDINATE_KEYS) && inRange(c.latitude, 90) && inRange(c.longitude, 180);
const isParticipant = (p: unknown) => isRecord(p) && onlyKeys(p, PARTICIPANT_KEYS) && isString(p.actorId) && optional(p.role, isText);
const isEvidence = (e: unknown) =>
  isRecord(e) && onlyKeys(e, EVIDENCE_KEYS) && isString(e.sourceId) && optional(e.quote, isText) && optional(e.locator, isText) && optional(e.context, (c) => CONTEXTS.has(c)) && optional(e.topics, (t) => everyItem(t, 0, isString));
const isCorroboration = (c: unknown) => isRecord(c) && onlyKeys(c, CORROBORATION_KEYS) && isString(c.sourceId) && isText(c.supports);

export function meetingPassesUnchanged(m: unknown): boolean {
  return (
    isRecord(m) &&
    onlyKeys(m, MEETING_KEYS) &&
    matches(ID, m.id) &&
    typeof m.date === 'string' && isValidPrecisionDate(m.date) &&
    PRECISIONS.has(m.datePrecision) &&
    matches(ISO_DAY, m.earliest) &&
    matches(ISO_DAY, m.latest) &&
    isText(m.dateNote) &&
    TYPES.has(m.type) &&
    CAMEOS.has(m.cameo) &&
    optional(m.location, isText) &&
    optional(m.locationNote, isString) &&
    optional(m.dateInferred, isBoolean) &&
    optional(m.locationInferred, isBoolean) &&
    optional(m.occasion, isString) &&
    optional(m.order, isOrder) &&
    optional(m.partOfDay, (p) => PARTS.has(p)) &&
    optional(m.corroboration, (c) => everyItem(c, 0, isCorroboration)) &&
    optional(m.coordinates, isCoordinates) &&
    everyItem(m.participants, 2, isParticipant) &&
    everyItem(m.topics, 0, isString) &&
    isText(m.summary) &&
    everyItem(m.evidence, 1, isEvidence)
  );
}

const isRole = (r: unknown) =>
  isRecord(r) && onlyKeys(r, ROLE_KEYS) && isText(r.title) && optional(r.from, (v) => matches(ISO_DAY, v)) && optional(r.to, (v) => matches(ISO_DAY, v)) && optional(r.note, isString) &&
  optional(r.inferred, isBoolean) && optional(r.attested, isBoolean);

export function actorPassesUnchanged(a: unknown): boolean {
  return (
    isRecord(a) &&
    onlyKeys(a, ACTOR_KEYS) &&
    matches(ID, a.id) &&
    isText(a.name) &&
    everyItem(a.aliases, 0, isText) &&
    ACTOR_KINDS.has(a.kind) &&
    matches(AFFILIATION, a.affiliation) &&
    everyItem(a.roles, 0, isRole) &&
    optional(a.note, isString)
  );
}

const SOURCE_KEYS = new Set([
  'id', 'title', 'titleNote', 'publisher', 'publisherNote', 'published', 'publishedNote', 'url', 'urlNote', 'retrieved', 'retrievedNote',
  'attribution', 'relation', 'corroborating', 'text',
]);
const isDayOrNull = (v: unknown) => v === null || matches(ISO_DAY, v);

/**
 * A source zod would return unchanged. One with a URL takes zod's path (its URL rule is not repeated here), and so does
 * one whose text is longer than LONG_FIELD_CHARS (an article): an event file cites ~200,000 sources with neither.
 */
export function sourcePassesUnchanged(s: unknown): boolean {
  return (
    isRecord(s) &&
    onlyKeys(s, SOURCE_KEYS) &&
    matches(ID, s.id) &&
    isText(s.title) &&
    optional(s.titleNote, isString) &&
    (s.publisher === null || isText(s.publisher)) &&
    optional(s.publisherNote, isString) &&
    isDayOrNull(s.published) &&
    optional(s.publishedNote, isString) &&
    (s.url === undefined || s.url === null) &&
    optional(s.urlNote, isString) &&
    optional(s.retrieved, isDayOrNull) &&
    optional(s.retrievedNote, isString) &&
    optional(s.attribution, isText) &&
    optional(s.relation, isText) &&
    optional(s.corroborating, isBoolean) &&
    optional(s.text, isText)
  );
}
