import { describe, expect, it } from 'vitest';
import { createTextFeed } from '../../src/state/textFeed';

const block = (first: number) => [first, `text ${first}`, Int32Array.of(6)] as const;

describe('the page\'s feed of search texts from the load worker', () => {
  it('asks for them when someone listens, hands over what came before, then each later block, then done; the worker stops at the end', () => {
    const log: string[] = [];
    const feed = createTextFeed(() => log.push('request'), () => log.push('stop worker'));
    feed.push(...block(0));
    expect(log).toEqual([]);
    feed.listen((first) => log.push(`block ${first}`), () => log.push('done'));
    feed.push(...block(1));
    feed.end();
    expect(log).toEqual(['request', 'block 0', 'block 1', 'stop worker', 'done']);
  });

  it('stopped, it ends the worker once and passes nothing on', () => {
    const log: string[] = [];
    const feed = createTextFeed(() => log.push('request'), () => log.push('stop worker'));
    feed.listen((first) => log.push(`block ${first}`), () => log.push('done'));
    feed.stop();
    feed.push(...block(0));
    feed.end();
    feed.stop();
    expect(log).toEqual(['request', 'stop worker']);
  });
});
