/// <reference lib="webworker" />
import { chunkCredit, runLoad } from './runLoad';
import { isolate } from '../bidi';
import type { LoadAck, LoadReply, LoadRequest } from './protocol';

/** One load per worker: the page terminates it to cancel, and when the load has finished. */
const scope = self as unknown as DedicatedWorkerGlobalScope;

const credit = chunkCredit();

scope.onmessage = (event: MessageEvent<LoadRequest | LoadAck>) => {
  // The page acknowledges each chunk it has filed (flow control, see CHUNKS_IN_FLIGHT).
  if ('type' in event.data) return credit.ack();
  const request = event.data;
  const post = (reply: LoadReply, transfer: Transferable[] = []) => scope.postMessage(reply, transfer);
  runLoad(request, post, undefined, credit).catch((error: unknown) => {
    post({ type: 'failed', title: `Cannot read ${isolate(request.label)}`, issues: [{ path: '', message: (error as Error).message || 'the reader stopped unexpectedly' }], total: 1 });
  });
};
