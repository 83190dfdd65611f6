import type { Meeting } from '../schema';

/**
 * An imported event file's meetings in a chunk as their strings back to back plus a few integer arrays, instead of
 * JSON text: they all have one shape (id, dates, notes, type, an optional place, participants, a summary and one
 * citation), and writing their JSON was ~0.8 s of the load worker's hand-over for a year of ICEWS, in the path to the
 * first render. A meeting read back is what reading its JSON would give (the same keys in the same order); a chunk
 * with any record of another shape is sent as JSON (recordText.ts).
 */
export interface CodedMeetings {
  text: string;
  /** Where each string ends in `text` (a string's length is under 2³¹ in every engine). */
  stringEnds: Int32Array;
  /** Per meeting: its first string, its first participant, its flags (LOCATION, COORDINATES, LOCATOR) and counts. */
  firstString: Int32Array;
  firstParticipant: Int32Array;
  flags: Uint8Array;
  participantCounts: Int32Array;
  topicCounts: Int32Array;
  /** Per participant: whether it has a role (its role is the string after its actor id). */
  roles: Uint8Array;
  /** Per meeting: latitude, longitude (0 when it has none). */
  coordinates: Float64Array;
}

const LOCATION = 1;
const COORDINATES = 2;
const LOCATOR = 4;

const MEETING_KEYS = ['id', 'date', 'datePrecision', 'earliest', 'latest', 'dateNote', 'type', 'cameo', 'location', 'coordinates', 'participants', 'topics', 'summary', 'evidence'];
const OPTIONAL = new Set(['location', 'coordinates']);

const isString = (v: unknown): v is string => typeof v === 'string';
/** A number JSON writes and reads back as itself (not NaN, ±Infinity or −0). */
const isPlainNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && !Object.is(v, -0);

/** Whether `o`'s own keys are exactly `keys` in that order, with `optional` ones allowed to be missing. */
export function keysAre(o: object, keys: readonly string[], optional: ReadonlySet<string> = new Set()): boolean {
  let k = 0;
  for (const key in o) {
    if (!Object.hasOwn(o, key)) return false;
    while (k < keys.length && keys[k] !== key && optional.has(keys[k]!)) k++;
    if (keys[k] !== key) return false;
    k++;
  }
  while (k < keys.length && optional.has(keys[k]!)) k++;
  return k === keys.length;
}

export const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

function fitsShape(m: unknown): m is Meeting {
  if (!isPlainObject(m) || !keysAre(m, MEETING_KEYS, OPTIONAL)) return false;
  if (![m.id, m.date, m.datePrecision, m.earliest, m.latest, m.dateNote, m.type, m.cameo, m.summary].every(isString)) return false;
  if (m.location !== undefined && !isString(m.location)) return false;
  if (m.coordinates !== undefined) {
    const c = m.coordinates;
    if (!isPlainObject(c) || !keysAre(c, ['latitude', 'longitude']) || !isPlainNumber(c.latitude) || !isPlainNumber(c.longitude)) return false;
  }
  const { participants, topics, evidence } = m;
  if (!Array.isArray(participants) || !Array.isArray(topics) || !Array.isArray(evidence) || evidence.length !== 1) return false;
  for (const p of participants as unknown[]) {
    if (!isPlainObject(p) || !isString(p.actorId)) return false;
    if (!(p.role === undefined ? keysAre(p, ['actorId']) : isString(p.role) && keysAre(p, ['actorId', 'role']))) return false;
  }
  if (!(topics as unknown[]).every(isString)) return false;
  const e = evidence[0] as unknown;
  if (!isPlainObject(e) || !isString(e.sourceId)) return false;
  return e.locator === undefined ? keysAre(e, ['sourceId']) : isString(e.locator) && keysAre(e, ['sourceId', 'locator']);
}

/** Meetings `from`…`to - 1` coded, or null if one of them has another shape (or an array hole: JSON writes null). */
export function encodeMeetings(records: readonly unknown[], from: number, to: number): CodedMeetings | null {
  const n = to - from;
  for (let i = from; i < to; i++) if (!fitsShape(records[i])) return null;
  // Appended rather than joined at the end: joining three million small strings took longer than writing JSON.
  let text = '';
  const ends: number[] = [];
  const put = (s: string) => {
    text += s;
    ends.push(text.length);
  };
  const firstString = new Int32Array(n);
  const firstParticipant = new Int32Array(n);
  const flags = new Uint8Array(n);
  const participantCounts = new Int32Array(n);
  const topicCounts = new Int32Array(n);
  const coordinates = new Float64Array(2 * n);
  const roles: number[] = [];
  for (let k = 0; k < n; k++) {
    const m = records[from + k] as Meeting;
    firstString[k] = ends.length;
    firstParticipant[k] = roles.length;
    put(m.id);
    put(m.date);
    put(m.datePrecision);
    put(m.earliest);
    put(m.latest);
    put(m.dateNote!);
    put(m.type);
    put(m.cameo!);
    let f = 0;
    if (m.location !== undefined) {
      f |= LOCATION;
      put(m.location);
    }
    if (m.coordinates) {
      f |= COORDINATES;
      coordinates[2 * k] = m.coordinates.latitude;
      coordinates[2 * k + 1] = m.coordinates.longitude;
    }
    participantCounts[k] = m.participants.length;
    for (const p of m.participants) {
      put(p.actorId);
      roles.push(p.role === undefined ? 0 : 1);
      if (p.role !== undefined) put(p.role);
    }
    topicCounts[k] = m.topics.length;
    for (const t of m.topics) put(t);
    put(m.summary);
    const e = m.evidence[0]!;
    put(e.sourceId);
    if (e.locator !== undefined) {
      f |= LOCATOR;
      put(e.locator);
    }
    flags[k] = f;
  }
  return { text, stringEnds: Int32Array.from(ends), firstString, firstParticipant, flags, participantCounts, topicCounts, roles: Uint8Array.from(roles), coordinates };
}

export const codedBuffers = (c: CodedMeetings): ArrayBuffer[] =>
  [c.stringEnds, c.firstString, c.firstParticipant, c.flags, c.participantCounts, c.topicCounts, c.roles, c.coordinates].map((a) => a.buffer as ArrayBuffer);

export const codedCount = (c: CodedMeetings): number => c.firstString.length;

/** Its arrays agree with each other and its strings end where the text does (a chunk cut short, or from another writer, does not). */
export function codedIsWhole(c: CodedMeetings): boolean {
  const n = c.firstString.length;
  const strings = c.stringEnds.length;
  return (
    [c.firstParticipant, c.flags, c.participantCounts, c.topicCounts].every((a) => a.length === n) &&
    c.coordinates.length === 2 * n &&
    (strings === 0 ? c.text.length === 0 : c.stringEnds[strings - 1] === c.text.length) &&
    c.roles.length === (n ? c.firstParticipant[n - 1]! + c.participantCounts[n - 1]! : 0)
  );
}

/** Meeting `k` of a coded chunk, as parsing its JSON would give it. */
export function decodeMeeting(c: CodedMeetings, k: number): Meeting {
  const { text, stringEnds } = c;
  let s = c.firstString[k]!;
  const next = () => {
    const start = s ? stringEnds[s - 1]! : 0;
    return text.slice(start, stringEnds[s++]!);
  };
  const f = c.flags[k]!;
  const m = { id: next(), date: next(), datePrecision: next(), earliest: next(), latest: next(), dateNote: next(), type: next(), cameo: next() } as Meeting;
  if (f & LOCATION) m.location = next();
  if (f & COORDINATES) m.coordinates = { latitude: c.coordinates[2 * k]!, longitude: c.coordinates[2 * k + 1]! };
  const count = c.participantCounts[k]!;
  const participants: Meeting['participants'] = new Array(count);
  for (let j = 0, at = c.firstParticipant[k]!; j < count; j++, at++) {
    const actorId = next();
    participants[j] = c.roles[at] ? { actorId, role: next() } : { actorId };
  }
  m.participants = participants;
  const topics: string[] = new Array(c.topicCounts[k]!);
  for (let j = 0; j < topics.length; j++) topics[j] = next();
  m.topics = topics;
  m.summary = next();
  const sourceId = next();
  m.evidence = [f & LOCATOR ? { sourceId, locator: next() } : { sourceId }];
  return m;
}
