/// <reference lib="webworker" />
import { decodeBytes } from './decode';
import type { Mapping, SheetRole } from './layouts';
import type { Table } from './delimited';
import { importText, type ImportOutcome } from './pipeline';
import { isolate } from '../bidi';

/** Parses and reads a delimited file off the main thread, reporting rows read as it goes. */
export type ImportRequest = { bytes: ArrayBuffer; fileName: string } | { table: Table; fileName: string; mapping: Mapping<SheetRole> };
export type ImportReply = { type: 'progress'; rows: number; fraction: number } | { type: 'done'; outcome: ImportOutcome };

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<ImportRequest>) => {
  const request = event.data;
  const post = (reply: ImportReply) => scope.postMessage(reply);
  if ('table' in request) {
    post({ type: 'done', outcome: importText('', request.fileName, { table: request.table, mapping: request.mapping }) });
    return;
  }
  const decoded = decodeBytes(request.bytes);
  if (!decoded.ok) {
    post({ type: 'done', outcome: { ok: false, needsMapping: false, title: `Cannot open ${isolate(request.fileName)}`, issues: [{ path: '', message: decoded.message }] } });
    return;
  }
  const outcome = importText(decoded.text, request.fileName, { onProgress: (p) => post({ type: 'progress', rows: p.rows, fraction: p.fraction }) });
  post({ type: 'done', outcome });
};
