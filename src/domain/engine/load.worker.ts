/// <reference lib="webworker" />
import { runLoad } from './runLoad';
import { isolate } from '../bidi';
import type { LoadReply, LoadRequest } from './protocol';

/** One load per worker: the page terminates it to cancel, and when the load has finished. */
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<LoadRequest>) => {
  const post = (reply: LoadReply, transfer: Transferable[] = []) => scope.postMessage(reply, transfer);
  runLoad(event.data, post).catch((error: unknown) => {
    post({ type: 'failed', title: `Cannot read ${isolate(event.data.label)}`, issues: [{ path: '', message: (error as Error).message || 'the reader stopped unexpectedly' }], total: 1 });
  });
};
