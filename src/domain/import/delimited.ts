import Papa from 'papaparse';
import type { ImportProblem } from './problems';

export interface Table {
  header: string[];
  /** Data rows; `rows[i]` is spreadsheet row `i + 2` (the header is row 1). Empty lines stay as empty rows. */
  rows: string[][];
  delimiter: string;
  problems: ImportProblem[];
  /** Papaparse reached the end inside a quoted cell (it can only say so at the end). */
  unclosedQuote?: boolean;
}

const CANDIDATES = ['\t', ',', ';', '|'] as const;
const NAMES: Record<string, string> = { '\t': 'tab', ',': 'comma', ';': 'semicolon', '|': 'vertical bar' };
export const delimiterName = (d: string): string => NAMES[d] ?? JSON.stringify(d);

/**
 * The delimiter is read from the header line alone: data cells often hold `;`-separated lists, which would fool
 * a guess over the whole file, while header names rarely contain a delimiter. `.tsv`/`.tab` files are tab-separated.
 */
export function detectDelimiter(text: string, fileName = ''): string {
  if (/\.(tsv|tab)$/i.test(fileName)) return '\t';
  const firstLine = text.slice(0, Math.min(text.length, 64 * 1024)).split(/\r\n|\n|\r/, 1)[0] ?? '';
  const outsideQuotes = firstLine.replace(/"[^"]*"/g, '');
  let best: string = ',';
  let bestCount = 0;
  for (const d of CANDIDATES) {
    const count = outsideQuotes.split(d).length - 1;
    if (count > bestCount) [best, bestCount] = [d, count];
  }
  return best;
}

export interface ParseProgress {
  rows: number;
  /** 0–1 of the text read. */
  fraction: number;
}

/** Given the header, where each data row goes as it is read (its cells and its index among the data rows), or null to keep them. */
export type RowSink = (header: readonly string[]) => ((cells: readonly string[], i: number) => void) | null;

/**
 * CSV/TSV text to a table with papaparse (quoting, doubled quotes, CRLF, line breaks inside quoted cells).
 * Structural errors (an unclosed quote) become problems with the row they start in. `sink`, given the header, may take
 * the data rows as they are read instead of the table (an event file's reader: then `rows` stays empty and no row's
 * cells are held once read; see createDyadicReader).
 */
export function parseDelimited(text: string, fileName = '', onProgress?: (p: ParseProgress) => void, sink?: RowSink): Table {
  const delimiter = detectDelimiter(text, fileName);
  const rows = rowCollector(delimiter, sink, onProgress && ((read, cursor) => onProgress({ rows: read, fraction: Math.min(1, cursor / Math.max(1, text.length)) })));
  Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false, step: rows.step });
  return rows.table();
}

/** Text given in pieces (a download as it arrives): `push` each piece, then `end` for the table. */
export interface DelimitedStream {
  push(text: string): void;
  end(): Table;
}

/**
 * `parseDelimited` over text that arrives in pieces, with the same table for any cut of the same text: the first
 * megabyte is held before parsing starts, because papaparse guesses the line ending from a text's first megabyte and
 * the delimiter is read from its first line. `onProgress(rows, chars)`: rows read and characters parsed so far.
 */
export function createDelimitedStream(fileName = '', onProgress?: (rows: number, chars: number) => void, sink?: RowSink, part?: TextPart): DelimitedStream {
  let held: string[] | null = part ? null : [];
  let heldLength = 0;
  let feed: ((text: string) => void) | null = null;
  let close: (() => void) | null = null;
  let rows: ReturnType<typeof rowCollector> | null = null;
  const start = () => {
    const first = held?.join('') ?? '';
    held = null;
    const delimiter = part?.delimiter ?? detectDelimiter(first, fileName);
    rows = rowCollector(delimiter, sink, onProgress, part?.header);
    // papaparse's own chunked reading (its Node stream reader), given the pieces through the little interface it uses.
    const input = {
      readable: true,
      read: () => undefined,
      pause: () => undefined,
      resume: () => undefined,
      removeListener: () => undefined,
      on(event: string, listener: (text?: string) => void) {
        if (event === 'data') feed = listener;
        else if (event === 'end') close = listener;
      },
    };
    Papa.parse(input as unknown as File, { delimiter, skipEmptyLines: false, step: rows.step, ...(part ? { newline: part.newline as Papa.ParseConfig['newline'] } : {}) });
    if (first) feed!(first);
  };
  if (part) start();
  return {
    push(text) {
      if (held) {
        held.push(text);
        heldLength += text.length;
        if (heldLength >= FIRST_PIECE) start();
      } else if (text) feed!(text);
    },
    end() {
      if (held) start();
      const before = rows!.steps();
      close!();
      // Papaparse's reading in pieces drops the empty last row that reading the whole text gives after a final line
      // break (the piece left over is empty, so it is not parsed): given here, the table is the same either way.
      if (!part?.cutAtLineBreak && rows!.steps() === before && rows!.cursor() > 0) rows!.step({ data: [''], errors: [], meta: { cursor: rows!.cursor() } as Papa.ParseMeta });
      return rows!.table();
    },
  };
}

/**
 * A stretch of a delimited text parsed on its own (see splitRead.ts), with what the whole text's parse settled first:
 * the delimiter and the line break papaparse guessed (given explicitly, each part parses like the whole); `header`
 * when the part begins after the header row; `cutAtLineBreak` when it ends at a line break the text goes on after (no
 * empty last row: that is the start of the next part, not the end of the text).
 */
export interface TextPart {
  delimiter: string;
  newline: string;
  header?: string[];
  cutAtLineBreak?: boolean;
}

/** The line break papaparse would guess for a text from its first megabyte (what `createDelimitedStream` parses with). */
export function guessLineBreak(text: string, delimiter: string): string {
  return Papa.parse<string[]>(text.slice(0, FIRST_PIECE), { delimiter, preview: 1 }).meta.linebreak;
}

/** The header row of a text's first characters (`whole`: all of it), trimmed like a parse's, or null if they do not hold all of it. */
export function headerOf(head: string, delimiter: string, newline: string, whole: boolean): string[] | null {
  const result = Papa.parse<string[]>(head, { delimiter, newline: newline as Papa.ParseConfig['newline'], preview: 2 });
  const row = result.data[0];
  // A second row begins after the header's line break: the header is all there.
  if (!row || result.errors.length || (result.data.length < 2 && !whole)) return null;
  return row.map((h) => h.trim());
}

/** papaparse's line-ending guess reads this much of a text. */
export const FIRST_PIECE = 1024 * 1024;

/** Papaparse's rows to a table or a sink, with their problems; `onProgress(rows, cursor)` every few thousand rows. */
function rowCollector(delimiter: string, sink: RowSink | undefined, onProgress?: (rows: number, cursor: number) => void, given?: string[]) {
  let header: string[] | null = given ?? null;
  const rows: string[][] = [];
  const problems: ImportProblem[] = [];
  const every = 5000;
  let read = 0;
  let take: ((cells: readonly string[], i: number) => void) | null = given ? (sink?.(given) ?? null) : null;
  let steps = 0;
  let unclosedQuote = false;
  let cursor = 0;
  const step = (result: Papa.ParseStepResult<string[]>) => {
    steps++;
    cursor = result.meta.cursor;
    if (header === null) {
      header = result.data.map((h) => h.trim());
      take = sink?.(header) ?? null;
    } else if (take) take(result.data, read++);
    else {
      rows.push(result.data);
      read++;
    }
    for (const e of result.errors) {
      if (e.code === 'MissingQuotes') unclosedQuote = true;
      problems.push({ row: read + 1, column: '', value: '', message: e.code === 'MissingQuotes' ? 'a quoted cell is never closed (a " is missing)' : e.message });
    }
    if (onProgress && (read + 1) % every === 0) onProgress(read, result.meta.cursor);
  };
  return { step, steps: () => steps, cursor: () => cursor, table: (): Table => ({ header: header ?? [], rows, delimiter, problems, ...(unclosedQuote ? { unclosedQuote } : {}) }) };
}

/** A row with nothing in it (an empty line or only delimiters) is skipped without a problem. */
export const isBlankRow = (row: readonly string[]): boolean => row.every((cell) => cell.trim() === '');
