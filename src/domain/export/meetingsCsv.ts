import Papa from 'papaparse';
import type { DatasetIndex } from '../indexes';
import type { Meeting } from '../schema';
import { FORMULA_TRIGGER } from './spreadsheetSafety';

/**
 * The meetings-sheet columns the importer reads, in its order, then columns that keep what the
 * sheet layout has no place for (exact date bounds, CAMEO code, roles, further evidence). An
 * importer that does not know the extra columns ignores and lists them; nothing is lost here.
 */
export const SHEET_COLUMNS = ['id', 'date', 'participants', 'participant countries', 'type', 'location', 'topics', 'summary', 'source', 'quote'] as const;
export const EXTRA_COLUMNS = ['earliest', 'latest', 'date note', 'cameo', 'participant roles'] as const;

/** `;` separates list items in a cell (the sheet convention); names themselves must not contain one. */
export const LIST_SEPARATOR = '; ';

type Row = Record<string, string>;

function evidenceCells(index: DatasetIndex, m: Meeting, row: Row) {
  m.evidence.forEach((e, k) => {
    const source = index.sourceById.get(e.sourceId);
    const suffix = k === 0 ? '' : ` ${k + 1}`;
    row[`source${suffix}`] = source?.url ?? source?.title ?? e.sourceId;
    row[`quote${suffix}`] = e.quote ?? '';
  });
}

function rowOf(index: DatasetIndex, m: Meeting): Row {
  const actorOf = (id: string) => {
    const pos = index.actorPos.get(id);
    return pos === undefined ? undefined : index.actors[pos];
  };
  const row: Row = {
    id: m.id,
    date: m.date,
    participants: m.participants.map((p) => actorOf(p.actorId)?.name ?? p.actorId).join(LIST_SEPARATOR),
    'participant countries': m.participants.map((p) => actorOf(p.actorId)?.affiliation ?? '').join(LIST_SEPARATOR),
    type: m.type,
    location: m.location ?? '',
    topics: m.topics.map((t) => index.topicById.get(t)?.label ?? t).join(LIST_SEPARATOR),
    summary: m.summary,
    earliest: m.earliest,
    latest: m.latest,
    'date note': m.dateNote,
    cameo: m.cameo,
    'participant roles': m.participants.some((p) => p.role) ? m.participants.map((p) => p.role ?? '').join(LIST_SEPARATOR) : '',
  };
  evidenceCells(index, m, row);
  return row;
}

/**
 * The meetings at `positions` (in that order) as a meetings sheet: one row per meeting, a header
 * row, CRLF line ends (RFC 4180), cells quoted when they hold a comma, quote or line break, and
 * formula-like cells made inert (see spreadsheetSafety.ts). It starts with a UTF-8 byte order mark,
 * which spreadsheet programs need to read non-Latin names (Persian, Arabic) correctly.
 */
export function meetingsToCsv(index: DatasetIndex, positions: ArrayLike<number>): string {
  const rows: Row[] = [];
  let evidenceColumns = 1;
  for (let k = 0; k < positions.length; k++) {
    const m = index.meetings[positions[k]!]!;
    rows.push(rowOf(index, m));
    evidenceColumns = Math.max(evidenceColumns, m.evidence.length);
  }
  const further: string[] = [];
  for (let k = 2; k <= evidenceColumns; k++) further.push(`source ${k}`, `quote ${k}`);
  const fields = [...SHEET_COLUMNS, ...EXTRA_COLUMNS, ...further];
  return '\uFEFF' + Papa.unparse({ fields, data: rows.map((r) => fields.map((f) => r[f] ?? '')) }, { newline: '\r\n', escapeFormulae: FORMULA_TRIGGER });
}
