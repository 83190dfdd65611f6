/// <reference lib="webworker" />
import { createQueryHandler } from './queryHandler';
import type { QueryReply, QueryRequest } from './queryProtocol';

/** The query worker: one dataset's columns, answering the views' questions off the page's main thread. */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const handle = createQueryHandler((reply: QueryReply, transfer: Transferable[] = []) => scope.postMessage(reply, transfer));
scope.onmessage = (event: MessageEvent<QueryRequest>) => handle(event.data);
