import { createQueryHandler } from '../../../src/domain/engine/queryHandler';
import type { QueryPort } from '../../../src/domain/engine/queryClient';
import type { QueryReply, QueryRequest } from '../../../src/domain/engine/queryProtocol';

/**
 * A worker stand-in: messages cross as structured clones (buffers in the transfer list are detached on the sending
 * side, as with a real worker), each way on its own turn. `hold` keeps the worker's replies until `release`.
 */
export function fakeWorker() {
  const toPage: QueryReply[] = [];
  let holding = false;
  let terminated = false;
  const asked: number[] = [];
  const port: QueryPort = {
    onmessage: null,
    postMessage(message: QueryRequest, transfer: Transferable[] = []) {
      const copy = structuredClone(message, { transfer });
      if (copy.type === 'ask') asked.push(copy.id);
      setTimeout(() => !terminated && handle(copy), 0);
    },
    terminate: () => void (terminated = true),
  };
  const deliver = (reply: QueryReply) => port.onmessage?.({ data: structuredClone(reply) });
  const handle = createQueryHandler((reply) => {
    if (reply.type === 'answer') computed.push(reply.id);
    if (holding) toPage.push(reply);
    else setTimeout(() => deliver(reply), 0);
  });
  const computed: number[] = [];
  return {
    port,
    asked,
    computed,
    hold: () => void (holding = true),
    release: () => {
      holding = false;
      for (const reply of toPage.splice(0)) deliver(reply);
    },
    isTerminated: () => terminated,
  };
}

