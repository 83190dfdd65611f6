import type { Dataset } from '../schema';
import type { DatasetIssue } from '../validate';
import type { Table } from '../import/delimited';
import type { Mapping, SheetRole } from '../import/layouts';
import type { Imported, NeedsMapping } from '../import/pipeline';
import type { PackedIndex } from './packedIndex';
import type { QueryColumns } from './queryColumns';
import type { RecordBytes } from './recordBytes';
import type { TextChunk } from './recordText';

/**
 * The loading worker's messages. The page asks for a dataset (a same-origin URL, a file's bytes, or a sheet with the
 * user's column mapping); the worker fetches, decodes, parses, validates, imports and indexes it, then hands over the
 * index's typed arrays (transferred) and the records in small chunks, so no message costs the page a long task.
 */
export type LoadRequest = (
  | { kind: 'url'; url: string }
  | { kind: 'bytes'; bytes: ArrayBuffer }
  | { kind: 'table'; table: Table; mapping: Mapping<SheetRole> }
  /** A file opened earlier, whose bytes the worker reads from this browser's storage (see storedFiles.ts). */
  | { kind: 'stored'; key: string }
) & {
  /** The file's name (decides JSON or sheet, and the sheet's delimiter). */
  fileName: string;
  /** How messages name the dataset: the link as written, or the file's name. */
  label: string;
  /** Records per chunk message (tests vary it). */
  chunkSize?: number;
  /** A file's bytes are also kept in this browser under this key, by the worker (no copy on the page). */
  storeAs?: string;
};

/** Where the load is; `fraction` grows across all of them (download, read, index, hand-over). */
export type LoadStage = 'download' | 'read' | 'index' | 'transfer';

/** The records handed over in chunks; every other part of the dataset comes in the head message. */
export type ChunkField = 'meetings' | 'actors' | 'sources';

export type ImportedSummary = Omit<Imported, 'dataset'>;

/** What the page is told once every chunk has been sent. */
export type LoadSummary = { kind: 'json'; warnings: DatasetIssue[]; warningTotal: number } | { kind: 'import'; imported: ImportedSummary };

export type LoadReply =
  | { type: 'progress'; stage: LoadStage; rows: number; fraction: number }
  /** The whole body arrived: a link's timeout no longer applies. */
  | { type: 'fetched'; bytes: number }
  | { type: 'failed'; title: string; issues: DatasetIssue[]; total: number }
  | { type: 'needsMapping'; needs: NeedsMapping }
  /**
   * `query`: the query worker's copy of the columns (datasets that get one): the page starts that worker with them at
   * once, so it builds its engine while the records are handed over, and the page copies nothing.
   * `meetingBytes`: a large JSON dataset's meetings as the file's bytes (no meeting chunks follow; see recordBytes.ts).
   * `meetingText`: a large dataset's meetings follow as text (`meetingText` replies of `chunk` meetings; recordText.ts),
   * with every meeting's id, in order, joined by newlines.
   * `sourceText`: the same for the sources, when there are as many and none holds a long text (an import's stories).
   */
  | { type: 'head'; packed: PackedIndex; rest: Dataset; counts: Record<ChunkField, number>; query?: QueryColumns; meetingBytes?: RecordBytes; meetingText?: { ids: string; chunk: number }; sourceText?: { ids: string; chunk: number } }
  | { type: 'chunk'; field: ChunkField; offset: number; items: unknown[] }
  | ({ type: 'meetingText'; offset: number } & TextChunk)
  | ({ type: 'sourceText'; offset: number } & TextChunk)
  /**
   * `stored`: the file's bytes were kept under the request's `storeAs`. `textsFollow`: the worker can build the
   * meetings' search texts for the query worker, when the page asks (`sendTexts`); the load is complete without them.
   */
  | { type: 'done'; summary: LoadSummary; stored?: boolean; textsFollow?: boolean }
  /** The last search text went out on the port the page gave: the worker can be stopped. */
  | { type: 'textsDone' };

/**
 * From the page: `ack`, one chunk has been filed (the worker then may send another); `sendTexts`, the dataset is on
 * screen and its search texts are wanted now, on `port` (to the query worker), after `done` with `textsFollow`.
 */
export type LoadAck = { type: 'ack' } | { type: 'sendTexts'; port: MessagePort };

export type Post = (reply: LoadReply, transfer?: Transferable[]) => void;
