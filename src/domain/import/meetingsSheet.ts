import { CAMEO_CODES, MEETING_TYPES, type Meeting, type MeetingType } from '../schema';
import { MEETING_TYPE_LABELS } from '../meetingTypes';
import { DatasetBuilder, actorKey, nameIsAffiliation } from './builder';
import { resolveAffiliation, UNSTATED, nameKey } from './countries';
import { isBlankRow, type Table } from './delimited';
import type { Mapping, SheetRole } from './layouts';
import type { ImportProblem } from './problems';
import { unescapeSpreadsheetCell } from '../export/spreadsheetSafety';
import { parseSheetDate, isSheetDateError } from './sheetDates';
import type { Country, Dataset } from '../schema';

export interface ImportResult {
  dataset: Dataset;
  problems: ImportProblem[];
  /** Data rows read (blank lines not counted) and the meetings they became. */
  rows: number;
  meetings: number;
}

type Cameo = (typeof CAMEO_CODES)[number];

/** The contact type a CAMEO 04x code stands for. */
export const TYPE_OF_CAMEO: Readonly<Record<Cameo, MeetingType>> = {
  '040': 'meeting', '041': 'phone-call', '042': 'visit', '043': 'visit', '044': 'meeting', '045': 'meeting', '046': 'meeting',
};
/** The CAMEO code a contact type implies when the sheet gives no code. */
const CAMEO_OF_TYPE: Readonly<Record<MeetingType, Cameo>> = {
  meeting: '040', 'phone-call': '041', visit: '042', reception: '043', 'video-call': '041', letter: '040',
};

const TYPE_WORDS = new Map<string, MeetingType>([
  ...MEETING_TYPES.map((t) => [nameKey(t), t] as const),
  ...MEETING_TYPES.map((t) => [nameKey(MEETING_TYPE_LABELS[t]), t] as const),
  ['phone', 'phone-call'], ['call', 'phone-call'], ['telephone call', 'phone-call'], ['talks', 'meeting'], ['consultation', 'meeting'],
  ['video conference', 'video-call'], ['videoconference', 'video-call'],
]);

/** "Phone call", "phone-call", "041" or "41" → type and CAMEO code; null for anything else. */
export function readContactType(raw: string): { type: MeetingType; cameo: Cameo } | null {
  const value = raw.trim();
  if (!value) return { type: 'meeting', cameo: '040' };
  if (/^\d{2,3}$/.test(value)) {
    const code = value.padStart(3, '0') as Cameo;
    return (CAMEO_CODES as readonly string[]).includes(code) ? { type: TYPE_OF_CAMEO[code], cameo: code } : null;
  }
  const type = TYPE_WORDS.get(nameKey(value));
  return type ? { type, cameo: CAMEO_OF_TYPE[type] } : null;
}

export const splitList = (value: string): string[] =>
  value
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);

const isUrl = (s: string) => /^https?:\/\/\S+$/i.test(s);

/**
 * A meetings sheet (one row per meeting) to a dataset. Each row is read whole or not at all: a row with an impossible
 * date, fewer than two participants, an unknown country or type adds problems naming its row, column and value,
 * and none of its actors, topics or sources.
 */
export function readMeetingsSheet(table: Table, mapping: Mapping<SheetRole>, fileName: string): ImportResult {
  const builder = new DatasetBuilder(fileName);
  const problems: ImportProblem[] = [...table.problems];
  const col = (role: SheetRole) => mapping[role];
  const headerOf = (role: SheetRole) => table.header[col(role)!] ?? role;
  let rowsRead = 0;

  table.rows.forEach((cells, i) => {
    if (isBlankRow(cells)) return;
    rowsRead++;
    const row = i + 2;
    // Cells that Parley's CSV export (or another careful tool) guarded against formula injection lose the guard's apostrophe.
    const cell = (role: SheetRole) => (col(role) === undefined ? '' : unescapeSpreadsheetCell((cells[col(role)!] ?? '').trim()));
    const rowProblems: ImportProblem[] = [];
    const problem = (role: SheetRole, message: string) => rowProblems.push({ row, column: headerOf(role), value: cell(role), message });

    const date = parseSheetDate(cell('date'));
    if (isSheetDateError(date)) problem('date', date.error);

    const names: string[] = [];
    const seen = new Set<string>();
    for (const name of splitList(cell('participants'))) {
      if (!seen.has(actorKey(name))) names.push(name);
      seen.add(actorKey(name));
    }
    if (names.length < 2) problem('participants', names.length ? 'only one participant: a contact needs at least two' : 'no participants');

    const countryCells = col('countries') === undefined ? [] : cell('countries').split(';').map((s) => s.trim());
    const affiliations: Country[] = [];
    if (cell('countries') !== '') {
      if (countryCells.length !== splitList(cell('participants')).length) {
        problem('countries', `${countryCells.length} countries for ${splitList(cell('participants')).length} participants: give one per participant, in the same order (leave one empty if unknown)`);
      }
      for (const c of countryCells) {
        const found = c === '' ? UNSTATED : resolveAffiliation(c);
        if (!found) rowProblems.push({ row, column: headerOf('countries'), value: c, message: 'unknown country or organisation (use an ISO code, an English country name or an organisation code such as UN)' });
        affiliations.push(found ?? UNSTATED);
      }
    }

    const contact = readContactType(cell('type'));
    if (!contact) problem('type', `unknown contact type: use ${MEETING_TYPES.join(', ')} or a CAMEO code 040–046`);

    let givenId = cell('id');
    if (givenId && !/^[a-z0-9][a-z0-9-]*$/.test(givenId)) givenId = '';
    if (givenId && builder.hasMeetingId(givenId)) problem('id', 'this id is already used by an earlier row');

    if (rowProblems.length || isSheetDateError(date) || !contact) {
      problems.push(...rowProblems);
      return;
    }

    // Duplicated names were dropped above; the countries belong to the names as written, so map by position.
    const allNames = splitList(cell('participants'));
    const participants = names.map((name) => {
      const affiliation = affiliations[allNames.findIndex((n) => actorKey(n) === actorKey(name))] ?? nameIsAffiliation(name) ?? UNSTATED;
      const kind = nameIsAffiliation(name) ? 'organization' : 'person';
      return { actorId: builder.actor(name, affiliation, kind) };
    });
    const topics = [...new Set(splitList(cell('topics')).map((t) => builder.topic(t)))];
    const sourceText = cell('source');
    const sourceId = sourceText
      ? builder.source(sourceText, (id) => (isUrl(sourceText) ? { id, title: sourceText, url: sourceText, publisher: null, published: null } : { id, title: sourceText, publisher: null, published: null }))
      : builder.fileSource();
    const quote = cell('quote');
    const evidence: Meeting['evidence'][number] = { sourceId, ...(quote ? { quote } : {}), ...(sourceText ? {} : { locator: `row ${row}` }) };
    const location = cell('location');
    const summary = cell('summary') || `${MEETING_TYPE_LABELS[contact.type]} of ${names.join(', ')} (the sheet gives no summary).`;
    builder.addMeeting({
      id: givenId ? builder.meetingId(givenId) : builder.meetingId(`${date.date}-${participants.slice(0, 2).map((p) => p.actorId).join('-')}`),
      date: date.date,
      datePrecision: date.datePrecision,
      earliest: date.earliest,
      latest: date.latest,
      dateNote: `As written in ${fileName}, row ${row}.`,
      type: contact.type,
      cameo: contact.cameo,
      ...(location ? { location } : {}),
      participants,
      topics,
      summary,
      evidence: [evidence],
    });
  });

  const meetings = builder.meetingCount;
  return { dataset: builder.build(`Imported from ${fileName}: ${rowsRead} rows became ${meetings} meetings.`), problems, rows: rowsRead, meetings };
}
