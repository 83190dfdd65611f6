/// <reference lib="webworker" />
import { chunkCredit, runLoad } from './runLoad';
import { QUERY_WORKER_MIN_MEETINGS } from './thresholds';
import type { TextPost } from './queryProtocol';
import { isolate } from '../bidi';
import type { LoadAck, LoadReply, LoadRequest } from './protocol';

/** One load per worker: the page terminates it to cancel, and when the load has finished. */
const scope = self as unknown as DedicatedWorkerGlobalScope;

const credit = chunkCredit();
let wantTexts!: (send: TextPost) => void;
const texts = { from: QUERY_WORKER_MIN_MEETINGS, wanted: new Promise<TextPost>((resolve) => (wantTexts = resolve)) };

scope.onmessage = (event: MessageEvent<LoadRequest | LoadAck>) => {
  // The page acknowledges each chunk it has filed (flow control, see CHUNKS_IN_FLIGHT).
  if ('type' in event.data) {
    if (event.data.type === 'ack') return credit.ack();
    const port = event.data.port;
    return wantTexts((message, transfer = []) => port.postMessage(message, transfer));
  }
  const request = event.data;
  const post = (reply: LoadReply, transfer: Transferable[] = []) => scope.postMessage(reply, transfer);
  runLoad(request, post, undefined, credit, texts).catch((error: unknown) => {
    post({ type: 'failed', title: `Cannot read ${isolate(request.label)}`, issues: [{ path: '', message: (error as Error).message || 'the reader stopped unexpectedly' }], total: 1 });
  });
};
