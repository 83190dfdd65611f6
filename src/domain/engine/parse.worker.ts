/// <reference lib="webworker" />
import { createPartParser } from './partParse';
import { batchBuffers } from './rowBatch';
import type { PartReply, PartRequest } from './splitRead';

/** A load worker's helper for one import: parses the first part of an event file on the second core (splitRead.ts). */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (reply: PartReply, transfer: Transferable[] = []) => scope.postMessage(reply, transfer);
let parser: ReturnType<typeof createPartParser> | null = null;
let failed = false;

scope.onmessage = (event: MessageEvent<PartRequest>) => {
  const message = event.data;
  if (failed) return;
  try {
    if (message.type === 'start') parser = createPartParser(message.start, (batch, rows, chars) => post({ type: 'rows', batch, rows, chars }, batchBuffers(batch)));
    else if (message.type === 'piece') parser!.push(message.bytes);
    else post({ type: 'done', done: parser!.end() });
  } catch (error) {
    // The load worker reads the file whole instead: a helper's failure costs time, never the import.
    failed = true;
    post({ type: 'done', done: { ok: false, why: (error as Error).message || 'the helper stopped' } });
  }
};
