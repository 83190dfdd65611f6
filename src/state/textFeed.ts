import type { TextBlock } from '../domain/searchText';

/** The meetings' search texts as the load worker sends them after a large dataset's load (see engine/searchTexts.ts). */
export interface TextFeed {
  /** Hands over the blocks received so far, then each later one as it comes, then calls `onDone`. Once. */
  listen(onBlock: TextBlock, onDone: () => void): void;
  /** No more wanted (another dataset is on screen): the load worker is stopped. */
  stop(): void;
}

/**
 * A feed that asks the load worker for the texts when someone listens (`request`), and keeps blocks until then;
 * `end` (the last block arrived) or `stop` ends the load worker.
 */
export function createTextFeed(request: () => void, stopWorker: () => void): TextFeed & { push: TextBlock; end(): void } {
  const kept: Parameters<TextBlock>[] = [];
  let listener: { onBlock: TextBlock; onDone: () => void } | null = null;
  let ended = false;
  let stopped = false;
  const finish = () => {
    if (stopped) return;
    stopped = true;
    stopWorker();
  };
  return {
    listen(onBlock, onDone) {
      if (listener || stopped && !ended) return;
      listener = { onBlock, onDone };
      request();
      for (const block of kept.splice(0)) onBlock(...block);
      if (ended) onDone();
    },
    stop: () => {
      kept.length = 0;
      listener = null;
      finish();
    },
    push(first, block, lengths) {
      if (stopped) return;
      if (listener) listener.onBlock(first, block, lengths);
      else kept.push([first, block, lengths]);
    },
    end() {
      if (stopped) return;
      ended = true;
      finish();
      listener?.onDone();
    },
  };
}
