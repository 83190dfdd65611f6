import Papa from 'papaparse';
import type { ImportProblem } from './problems';

export interface Table {
  header: string[];
  /** Data rows; `rows[i]` is spreadsheet row `i + 2` (the header is row 1). Empty lines stay as empty rows. */
  rows: string[][];
  delimiter: string;
  problems: ImportProblem[];
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
export function createDelimitedStream(fileName = '', onProgress?: (rows: number, chars: number) => void, sink?: RowSink): DelimitedStream {
  let held: string[] | null = [];
  let heldLength = 0;
  let feed: ((text: string) => void) | null = null;
  let close: (() => void) | null = null;
  let rows: ReturnType<typeof rowCollector> | null = null;
  const start = () => {
    const first = held!.join('');
    held = null;
    const delimiter = detectDelimiter(first, fileName);
    rows = rowCollector(delimiter, sink, onProgress);
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
    Papa.parse(input as unknown as File, { delimiter, skipEmptyLines: false, step: rows.step });
    feed!(first);
  };
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
      if (rows!.steps() === before && rows!.cursor() > 0) rows!.step({ data: [''], errors: [], meta: { cursor: rows!.cursor() } as Papa.ParseMeta });
      return rows!.table();
    },
  };
}

/** papaparse's line-ending guess reads this much of a text. */
const FIRST_PIECE = 1024 * 1024;

/** Papaparse's rows to a table or a sink, with their problems; `onProgress(rows, cursor)` every few thousand rows. */
function rowCollector(delimiter: string, sink: RowSink | undefined, onProgress?: (rows: number, cursor: number) => void) {
  let header: string[] | null = null;
  const rows: string[][] = [];
  const problems: ImportProblem[] = [];
  const every = 5000;
  let read = 0;
  let take: ((cells: readonly string[], i: number) => void) | null = null;
  let steps = 0;
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
      problems.push({ row: read + 1, column: '', value: '', message: e.code === 'MissingQuotes' ? 'a quoted cell is never closed (a " is missing)' : e.message });
    }
    if (onProgress && (read + 1) % every === 0) onProgress(read, result.meta.cursor);
  };
  return { step, steps: () => steps, cursor: () => cursor, table: (): Table => ({ header: header ?? [], rows, delimiter, problems }) };
}

/** A row with nothing in it (an empty line or only delimiters) is skipped without a problem. */
export const isBlankRow = (row: readonly string[]): boolean => row.every((cell) => cell.trim() === '');
