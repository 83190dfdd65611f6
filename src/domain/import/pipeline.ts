import type { Dataset } from '../schema';
import { formatIssue, parseDatasetText, validateDataset, type DatasetIssue, type RecordPositions } from '../validate';
import { createDelimitedStream, parseDelimited, delimiterName, type ParseProgress, type RowSink, type Table } from './delimited';
import { MEETINGS_SHEET, findDyadicLayout, guessMapping, hasRequired, type DyadicLayout, type DyadicRole, type Mapping, type MappingGuess, type SheetRole } from './layouts';
import { createDyadicReader, readDyadic, type DyadicReader, type DyadicResult } from './dyadic';
import { readMeetingsSheet } from './meetingsSheet';
import { formatProblem, skippedRows, type ImportProblem } from './problems';
import { isolate } from '../bidi';

/** A dataset read from a file, with everything the reader could not use. */
export interface Imported {
  ok: true;
  dataset: Dataset;
  /** "Parley JSON", "meetings sheet (comma-separated)", "ICEWS events (tab-separated)". */
  format: string;
  problems: ImportProblem[];
  rows: number;
  meetings: number;
  /** Header names no role used (ignored, listed for the user). */
  unmatched: string[];
  /** Event rows that were not contacts (dyadic layouts only). */
  notContacts: number;
  /** The actors' and topics' positions validation looked up (packIndex uses them instead of looking them up again). */
  positions?: RecordPositions;
}

/** The columns are not a known layout: the user maps them (the table is kept so mapping needs no second parse). */
export interface NeedsMapping {
  ok: false;
  needsMapping: true;
  table: Table;
  guess: MappingGuess<SheetRole>;
  fileName: string;
}

/** Nothing could be loaded; `issues` say where (line, column, record) and why. */
export interface ImportFailure {
  ok: false;
  needsMapping: false;
  title: string;
  issues: DatasetIssue[];
}

export type ImportOutcome = Imported | NeedsMapping | ImportFailure;

export const DELIMITED_EXTENSIONS = ['.csv', '.tsv', '.tab', '.txt'] as const;

/** A JSON dataset by its name or first characters (everything else goes to the delimited readers). */
export const looksLikeJson = (text: string, fileName: string) => /\.json$/i.test(fileName) || /^\s*[[{]/.test(text.slice(0, 64));

const failure = (title: string, issues: DatasetIssue[]): ImportFailure => ({ ok: false, needsMapping: false, title, issues });

/**
 * Text (already decoded) to a dataset: JSON in Parley's schema, a dyadic event layout recognised from its header, a
 * meetings sheet whose headers name the roles, or — when they do not — a request for a mapping. Pass `mapping` to
 * read a sheet with the user's choice of columns.
 */
export function importText(text: string, fileName: string, options: { mapping?: Mapping<SheetRole>; table?: Table; onProgress?: (p: ParseProgress) => void } = {}): ImportOutcome {
  if (!options.table && looksLikeJson(text, fileName)) {
    const result = parseDatasetText(text);
    if (!result.ok) return failure(`${isolate(fileName)} is not a valid Parley dataset`, result.issues);
    const n = result.dataset.meetings.length;
    return { ok: true, dataset: result.dataset, format: 'Parley JSON', problems: [], rows: n, meetings: n, unmatched: [], notContacts: 0 };
  }
  const events = eventSink(fileName, options.mapping);
  const table = options.table ?? parseDelimited(text, fileName, options.onProgress, events.sink);
  return fromTable(table, events.reading(), fileName, options.mapping);
}

/** Delimited text given in pieces as it arrives (a link's body): `push` each piece of text, then `end` for the outcome. */
export interface ImportStream {
  push(text: string): void;
  end(): ImportOutcome;
}

/**
 * `importText` for a delimited file that arrives in pieces: the same outcome for any cut of the same text (event rows
 * are read as they are parsed, a sheet is kept whole), so a download's parsing runs while the rest is on its way.
 * `onProgress(rows, chars)`: rows read and characters parsed so far.
 */
export function importStream(fileName: string, onProgress?: (rows: number, chars: number) => void): ImportStream {
  const events = eventSink(fileName);
  const stream = createDelimitedStream(fileName, onProgress, events.sink);
  return { push: stream.push, end: () => fromTable(stream.end(), events.reading(), fileName) };
}

/** An event file is read as it is parsed (its rows are never held, see createDyadicReader); a sheet is kept whole. */
function eventSink(fileName: string, mapping?: Mapping<SheetRole>): { sink: RowSink | undefined; reading: () => EventReading | null } {
  if (mapping) return { sink: undefined, reading: () => null };
  let reading: EventReading | null = null;
  const sink: RowSink = (header) => {
    reading = eventReadingFor(header, fileName);
    return reading?.reader.read ?? null;
  };
  return { sink, reading: () => reading };
}

/** The reader for a header that names an event layout's columns (the first that matches), or null: not an event file. */
export function eventReadingFor(header: readonly string[], fileName: string): EventReading | null {
  const found = findDyadicLayout(header);
  return found && { reader: createDyadicReader(found.mapping, found.layout, fileName), ...found };
}

/** An event file read in parts (splitRead.ts): its header, delimiter and every part's parser problems, and the one reader all its rows went through. */
export const eventOutcome = (table: Table, reading: EventReading, fileName: string): ImportOutcome => fromTable(table, reading, fileName);

function fromTable(table: Table, streamed: EventReading | null, fileName: string, mapping?: Mapping<SheetRole>): ImportOutcome {
  if (!table.header.some((h) => h !== '')) return failure(`${isolate(fileName)} has no header row`, [{ path: 'line 1', message: 'the first line must name the columns (e.g. date, participants)' }]);
  const separated = `${delimiterName(table.delimiter)}-separated`;
  if (streamed) return fromEvents(streamed.reader.finish(table.problems), streamed.layout, streamed.mapping, table, separated, fileName);
  const events = mapping ? null : findDyadicLayout(table.header);
  if (events) return fromEvents(readDyadic(table, events.mapping, events.layout, fileName), events.layout, events.mapping, table, separated, fileName);
  const guess = mapping ? { mapping, unmatched: unmatchedBy(table.header, mapping) } : guessMapping(table.header, MEETINGS_SHEET);
  if (!hasRequired(guess.mapping, MEETINGS_SHEET)) {
    if (mapping) return failure(`Cannot read ${isolate(fileName)}`, [{ path: 'mapping', message: 'choose the columns for the date and the participants' }]);
    return { ok: false, needsMapping: true, table, guess, fileName };
  }
  const result = readMeetingsSheet(table, guess.mapping, fileName);
  return finish({ ...result, notContacts: 0, format: `meetings sheet (${separated})`, unmatched: guess.unmatched }, fileName);
}

export interface EventReading {
  reader: DyadicReader;
  layout: DyadicLayout;
  mapping: Mapping<DyadicRole>;
}

function fromEvents(result: DyadicResult, layout: DyadicLayout, mapping: Mapping<DyadicRole>, table: Table, separated: string, fileName: string): ImportOutcome {
  return finish({ ...result, format: `${layout.name} events (${separated})`, unmatched: unmatchedBy(table.header, mapping) }, fileName);
}

function unmatchedBy(header: readonly string[], mapping: Mapping<SheetRole | DyadicRole>): string[] {
  const used = new Set(Object.values(mapping));
  return header.filter((h, i) => !used.has(i) && h !== '');
}

/** The same validator as every other dataset: a reader bug can never load an inconsistent dataset. */
function finish(read: Omit<Imported, 'ok'>, fileName: string): ImportOutcome {
  if (read.meetings === 0) {
    const issues = read.problems.slice(0, 200).map((p) => ({ path: '', message: formatProblem(p) }));
    const why = read.rows === 0 ? 'it has no data rows' : read.notContacts === read.rows ? 'none of its rows is a contact (CAMEO 040–046)' : 'no row could be read';
    return failure(`Nothing to show from ${isolate(fileName)}: ${why}`, issues);
  }
  const checked = validateDataset(read.dataset);
  if (!checked.ok) return failure(`${isolate(fileName)} was read but the result is not valid`, checked.issues);
  return { ok: true, ...read, dataset: checked.dataset, positions: checked.positions };
}

/** "120 rows became 97 meetings; 3 rows skipped" — the same sentence in the dialog, the notice and the tests. */
export function importSummary(result: Imported): string {
  const skipped = skippedRows(result.problems);
  const parts = [`${result.rows.toLocaleString('en')} rows became ${result.meetings.toLocaleString('en')} meetings`];
  if (skipped) parts.push(`${skipped.toLocaleString('en')} ${skipped === 1 ? 'row was' : 'rows were'} skipped`);
  if (result.notContacts) parts.push(`${result.notContacts.toLocaleString('en')} non-contact events left out`);
  if (result.unmatched.length) parts.push(`columns ignored: ${result.unmatched.map(isolate).join(', ')}`);
  return parts.join('; ');
}

export { formatIssue, formatProblem };
