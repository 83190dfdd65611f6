/// <reference lib="webworker" />
import { chunkCredit } from './chunkCredit';
import { fetchDataset } from './fetchBody';
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
  // A link's body is on its way while the readers (parsing, validation, import, indexing: most of this worker's code)
  // load: fetched after them, the download waited ~100 ms for their code at every load.
  const fetching = request.kind === 'url' ? fetchDataset(request.url, post) : undefined;
  import('./runLoad')
    .then(({ runLoad }) => runLoad(request, post, { credit, texts, ...(fetching ? { fetching } : {}) }))
    .catch((error: unknown) => {
      post({ type: 'failed', title: `Cannot read ${isolate(request.label)}`, issues: [{ path: '', message: (error as Error).message || 'the reader stopped unexpectedly' }], total: 1 });
    });
};
