import type { Actor, Country, Meeting } from '../schema';
import { DatasetBuilder, actorKey, nameIsAffiliation } from './builder';
import { resolveAffiliation, UNSTATED } from './countries';
import { isBlankRow, type Table } from './delimited';
import { eventCode } from './eventRows';
import type { DyadicLayout, DyadicRole, Mapping } from './layouts';
import type { ImportResult } from './meetingsSheet';
import { TYPE_OF_CAMEO } from './meetingsSheet';
import type { ImportProblem } from './problems';
import { isSheetDateError, parseSheetDate } from './sheetDates';

export interface DyadicResult extends ImportResult {
  /** Rows whose event code is not a contact (kept out by default, counted so nothing disappears unexplained). */
  notContacts: number;
}

type Cameo = keyof typeof TYPE_OF_CAMEO;

/** Most specific first: a hosted visit says who went where; a bare consultation (040) says least. */
const SPECIFICITY: readonly Cameo[] = ['043', '042', '041', '044', '046', '045', '040'];

/** Sector words and name patterns of collective actors in event data ("Citizen (Iran)", "Foreign Ministry"). */
const COLLECTIVE = /\(|\b(ministry|government|council|party|army|police|military|citizens?|committee|organi[sz]ation|union|nations|agency|bank|court|parliament|assembly|office|department|media|business|forces|league|front|movement|group|commission|embassy|cabinet|opposition|rebels?|insurgents?|protesters?)\b/i;

interface Side {
  name: string;
  /** The name as actors are told apart (actorKey). */
  key: string;
  /** A number per key (sides of one key share it): a contact's sides are told apart by it, not by comparing strings. */
  keyNo: number;
  affiliation: Country;
  kind: Actor['kind'];
  /**
   * The builder's actor for this side, once asked: asking again with the same name, affiliation and kind gives the
   * same id and changes nothing (a stated affiliation only replaces an unstated one, and this side's is already there).
   */
  actorId?: string;
}

/** What a name says by itself: its actor key, and whether it is a country or organisation, or reads as a collective. */
interface NameFacts {
  key: string;
  keyNo: number;
  own: Country | null;
  collective: boolean;
  /** The name's sides so far, by affiliation, as a person and as an organisation: rows share them (a side is never changed). */
  people: Map<Country, Side>;
  organizations: Map<Country, Side>;
}

interface Contact {
  row: number;
  date: { date: string; datePrecision: 'day' | 'month' | 'year'; earliest: string; latest: string };
  storyId: string;
  sentence: string;
  eventIds: string[];
  /** Per row: its code, source and target. */
  events: { code: Cameo; source: Side; target: Side; text: string }[];
  location: string;
  coordinates: Meeting['coordinates'];
  publisher: string;
}

/**
 * A dyadic event file (one row per source → target event) to meetings: contact codes only; rows of the same story
 * and sentence are one contact whose participants are every source and target in them (A→B and B→A are one
 * meeting); its code is the most specific among them, and a 043 row's source is the host.
 */
export function readDyadic(table: Table, mapping: Mapping<DyadicRole>, layout: DyadicLayout, fileName: string): DyadicResult {
  const reader = createDyadicReader(mapping, layout, fileName);
  for (let i = 0; i < table.rows.length; i++) reader.read(table.rows[i]!, i);
  return reader.finish(table.problems);
}

/**
 * `readDyadic` one row at a time, so the parser can hand each row over as it is read and no row's cells outlive it
 * (a year of event files is a million rows of ~20 cells: held until a reader ran, they were most of the import's
 * garbage-collection time). `read(cells, i)` takes data row `i` (spreadsheet row `i + 2`); `finish` gives the
 * result, the parser's own problems first.
 */
export function createDyadicReader(mapping: Mapping<DyadicRole>, layout: DyadicLayout, fileName: string): DyadicReader {
  const problems: ImportProblem[] = [];
  const missing = new Set(layout.missing);
  // Only a value this short can be a "missing" marker: longer ones (names, texts) skip hashing in the set.
  const longestMissing = Math.max(0, ...layout.missing.map((m) => m.length));
  const contacts = new Map<string, Contact>();
  const affiliationCache = new Map<string, Country | null>();
  let rowsRead = 0;
  let notContacts = 0;

  // Event files repeat the same few thousand names and countries: resolve each once.
  const names = new Map<string, NameFacts>();
  const keyNumbers = new Map<string, number>();
  const numberOf = (key: string) => {
    let n = keyNumbers.get(key);
    if (n === undefined) keyNumbers.set(key, (n = keyNumbers.size));
    return n;
  };
  const factsOf = (name: string) => {
    let facts = names.get(name);
    if (facts === undefined) {
      const key = actorKey(name);
      names.set(name, (facts = { key, keyNo: numberOf(key), own: nameIsAffiliation(name), collective: COLLECTIVE.test(name), people: new Map(), organizations: new Map() }));
    }
    return facts;
  };
  const affiliationOf = (raw: string) => {
    let found = affiliationCache.get(raw);
    if (found === undefined) affiliationCache.set(raw, (found = resolveAffiliation(raw)));
    return found;
  };

  // The row being read (a loop over a million rows: these helpers are made once, not per row).
  let cells: readonly string[] = [];
  let row = 0;
  const rowProblems: ImportProblem[] = [];
  const cell = (role: DyadicRole) => {
    const at = mapping[role];
    const value = at === undefined ? '' : (cells[at] ?? '').trim();
    return value.length <= longestMissing && missing.has(value) ? '' : value;
  };
  const problem = (role: DyadicRole, message: string, value = cell(role)) => rowProblems.push({ row, column: layout.columns[role] ?? role, value, message });
  const side = (name: DyadicRole, sectors: DyadicRole, country: DyadicRole): Side | null => {
    const actorName = cell(name);
    if (!actorName) {
      problem(name, 'no actor named');
      return null;
    }
    const facts = factsOf(actorName);
    let affiliation = facts.own ?? UNSTATED;
    const countryName = cell(country);
    if (countryName) {
      const found = affiliationOf(countryName);
      if (!found) problem(country, 'unknown country name');
      else affiliation = found;
    }
    const kind = facts.own || facts.collective || !cell(sectors) ? 'organization' : 'person';
    const known = kind === 'person' ? facts.people : facts.organizations;
    let found = known.get(affiliation);
    if (!found) known.set(affiliation, (found = { name: actorName, key: facts.key, keyNo: facts.keyNo, affiliation, kind }));
    return found;
  };
  // A year of events has a few hundred distinct dates (a parsed date is never changed either).
  const dates = new Map<string, ReturnType<typeof parseSheetDate>>();
  const dateOf = (raw: string) => {
    let found = dates.get(raw);
    if (!found) dates.set(raw, (found = parseSheetDate(raw)));
    return found;
  };

  const read = (rowCells: readonly string[], i: number): void => {
    cells = rowCells;
    if (isBlankRow(cells)) return;
    rowsRead++;
    row = i + 2;
    rowProblems.length = 0;

    const code = eventCode(cells, mapping, missing);
    if (!layout.keepCode(code)) {
      notContacts++;
      return;
    }
    readContact(code);
  };

  const readContact = (code: string): void => {
    const date = dateOf(cell('date'));
    if (isSheetDateError(date)) problem('date', date.error);
    const source = side('sourceName', 'sourceSectors', 'sourceCountry');
    const target = side('targetName', 'targetSectors', 'targetCountry');
    if (rowProblems.length || !source || !target || isSheetDateError(date)) {
      problems.push(...rowProblems);
      return;
    }
    const storyId = cell('storyId');
    const sentence = cell('sentence');
    const eventId = cell('eventId');
    const key = storyId ? `${storyId}|${sentence}` : `event|${eventId || row}`;
    let contact = contacts.get(key);
    if (!contact) {
      const latitude = cell('latitude');
      const longitude = cell('longitude');
      const lat = Number(latitude);
      const lon = Number(longitude);
      const hasCoordinates = latitude !== '' && longitude !== '' && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;
      const places = [cell('city'), cell('district'), cell('province'), cell('country')].filter((p, k, all) => p && all.indexOf(p) === k);
      contact = { row, date, storyId, sentence, eventIds: [], events: [], location: places.join(', '), coordinates: hasCoordinates ? { latitude: lat, longitude: lon } : undefined, publisher: cell('publisher') };
      contacts.set(key, contact);
    } else if (date.earliest < contact.date.earliest) {
      contact.date = date;
    }
    if (eventId) contact.eventIds.push(eventId);
    contact.events.push({ code: code as Cameo, source, target, text: cell('eventText') });
  };

  const tally = (rows: number): void => {
    rowsRead += rows;
    notContacts += rows;
  };

  const finish = (parserProblems: readonly ImportProblem[]): DyadicResult => {
    cells = [];
    const all = [...parserProblems, ...problems];
    const builder = new DatasetBuilder(fileName);
    const notes = notesFor(layout, fileName);
    for (const contact of contacts.values()) {
      const meeting = toMeeting(contact, builder, layout, notes);
      if (typeof meeting === 'string') all.push({ row: contact.row, column: layout.columns.targetName ?? 'target', value: contact.events[0]!.target.name, message: meeting });
      else builder.addMeeting(meeting);
    }
    contacts.clear();
    const meetings = builder.meetingCount;
    const left = notContacts ? ` ${notContacts} rows were not contacts (CAMEO 040–046) and were left out.` : '';
    return {
      dataset: builder.build(`Imported from ${fileName} (${layout.name} layout): ${rowsRead} rows became ${meetings} meetings.${left}`),
      problems: all,
      rows: rowsRead,
      meetings,
      notContacts,
    };
  };
  return { read, tally, finish };
}

export interface DyadicReader {
  read(cells: readonly string[], i: number): void;
  /** Counts `rows` that a helper found were not contacts (rowKinds) and did not send: read and left out, as `read` would. */
  tally(rows: number): void;
  finish(parserProblems: readonly ImportProblem[]): DyadicResult;
}


/** What every meeting and story of a file share: one string each, not one per record (202,572 in a year of ICEWS). */
const notesFor = (layout: DyadicLayout, fileName: string) => ({
  date: `Event date in ${layout.name} (${fileName}).`,
  story: `Cited by ${layout.name} (${fileName}); the story text is not part of the file.`,
  idPrefix: `${layout.name.toLowerCase()}-`,
});

const rankOf = new Map<string, number>(SPECIFICITY.map((c, k) => [c, k]));
/** Rank by the code's last digit ('040'…'046'): a map lookup per row hashed each row's code string. */
const RANK_BY_DIGIT = Array.from({ length: 7 }, (_, d) => SPECIFICITY.indexOf(`04${d}` as Cameo));
const rankOfCode = (code: string): number | undefined => {
  const d = code.charCodeAt(2) - 48;
  return code.length === 3 && code.charCodeAt(0) === 48 && code.charCodeAt(1) === 52 && d >= 0 && d < 7 ? RANK_BY_DIGIT[d] : rankOf.get(code);
};

/** Adds `side` unless a side with its key is there (most contacts are one or two rows: a look through a few sides beats a set). */
function addSide(sides: Side[], seen: Set<number> | null, side: Side): void {
  if (seen) {
    if (seen.has(side.keyNo)) return;
    seen.add(side.keyNo);
  } else {
    for (let k = 0; k < sides.length; k++) if (sides[k]!.keyNo === side.keyNo) return;
  }
  sides.push(side);
}

// A loop over a year's 200,000 contacts: written without per-contact closures, spreads, sets or added keys (each
// meeting is made whole by one literal of its shape); the meeting's keys keep the same order.
function toMeeting(contact: Contact, builder: DatasetBuilder, layout: DyadicLayout, notes: ReturnType<typeof notesFor>): Meeting | string {
  const { events } = contact;
  let rank = SPECIFICITY.length - 1;
  let hosting: Contact['events'][number] | undefined;
  let visiting: Contact['events'][number] | undefined;
  for (let k = 0; k < events.length; k++) {
    const e = events[k]!;
    const r = rankOfCode(e.code);
    if (r !== undefined && r < rank) rank = r;
    if (e.code === '043') hosting ??= e;
    else if (e.code === '042') visiting ??= e;
  }
  const code = SPECIFICITY[rank]!;
  // 043: the row's source hosts; 042 alone: the visited target hosts.
  const host = hosting ? hosting.source : visiting ? visiting.target : null;
  const sides: Side[] = [];
  const seen = events.length > 8 ? new Set<number>() : null;
  if (host) addSide(sides, seen, host);
  for (let k = 0; k < events.length; k++) {
    addSide(sides, seen, events[k]!.source);
    addSide(sides, seen, events[k]!.target);
  }
  if (sides.length < 2) return 'the source and target are the same actor: a contact needs two';
  const participants: Meeting['participants'] = new Array(sides.length);
  for (let k = 0; k < sides.length; k++) {
    const side = sides[k]!;
    const actorId = (side.actorId ??= builder.actor(side.name, side.affiliation, side.kind, side.key));
    participants[k] = host && side.keyNo === host.keyNo ? { actorId, role: 'host' } : { actorId };
  }
  const { storyId } = contact;
  const sourceId = storyId
    ? builder.source(`story:${storyId}`, (id) => ({ id, title: `${layout.name} story ${storyId}`, publisher: contact.publisher || null, published: null, titleNote: notes.story }), `story ${storyId}`)
    : builder.fileSource();
  const sentence = contact.sentence ? `sentence ${contact.sentence}` : '';
  const { eventIds } = contact;
  const eventList = eventIds.length === 1 ? `event ${eventIds[0]}` : eventIds.length ? `event ${eventIds.join(', ')}` : '';
  const locator = sentence && eventList ? `${sentence}; ${eventList}` : sentence || eventList;
  let summary = '';
  for (let k = 0; k < events.length; k++) {
    const e = events[k]!;
    summary += `${k ? '; ' : ''}${e.source.name} — ${e.text || `CAMEO ${e.code}`} — ${e.target.name}`;
  }
  const id = builder.meetingId(storyId ? `${notes.idPrefix}${storyId}-${contact.sentence || 0}` : `${notes.idPrefix}${contact.eventIds[0] ?? contact.row}`);
  const evidence = [locator ? { sourceId, locator } : { sourceId }];
  return meetingOf(id, contact, notes.date, code, participants, `${summary}.`, evidence);
}

/** One literal per shape (with or without a place and coordinates), keys in the schema's order. */
function meetingOf(id: string, contact: Contact, dateNote: string, cameo: Cameo, participants: Meeting['participants'], summary: string, evidence: Meeting['evidence']): Meeting {
  const { date: d, location, coordinates } = contact;
  const type = TYPE_OF_CAMEO[cameo];
  const topics: string[] = [];
  if (location && coordinates) return { id, date: d.date, datePrecision: d.datePrecision, earliest: d.earliest, latest: d.latest, dateNote, type, cameo, location, coordinates, participants, topics, summary, evidence } as Meeting;
  if (location) return { id, date: d.date, datePrecision: d.datePrecision, earliest: d.earliest, latest: d.latest, dateNote, type, cameo, location, participants, topics, summary, evidence } as Meeting;
  if (coordinates) return { id, date: d.date, datePrecision: d.datePrecision, earliest: d.earliest, latest: d.latest, dateNote, type, cameo, coordinates, participants, topics, summary, evidence } as Meeting;
  return { id, date: d.date, datePrecision: d.datePrecision, earliest: d.earliest, latest: d.latest, dateNote, type, cameo, participants, topics, summary, evidence } as Meeting;
}
