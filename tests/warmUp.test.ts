import { afterEach, describe, expect, it, vi } from 'vitest';
import { startIntlWorker, warmUpInTasks, type WhenWarm } from '../src/warmUp';

const runNow = (run: () => void) => run();

// What the page warms up is seen through its last step, the first read of the layout preferences (Intl's getters
// cannot be spied on).

describe('warmUpInTasks', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('warms up on the page only once the worker has loaded the locale data', () => {
    const waiting: (() => void)[] = [];
    const whenWarm: WhenWarm = (run) => void waiting.push(run);
    const made = vi.spyOn(Storage.prototype, 'getItem');
    warmUpInTasks(runNow, whenWarm);
    expect(made).not.toHaveBeenCalled();
    waiting.shift()!();
    expect(made).toHaveBeenCalledTimes(1);
    made.mockRestore();
  });

  it('warms up on the page at once without a worker', () => {
    const made = vi.spyOn(Storage.prototype, 'getItem');
    warmUpInTasks(runNow, null);
    expect(made).toHaveBeenCalledTimes(1);
    made.mockRestore();
  });
});

describe('startIntlWorker', () => {
  afterEach(() => vi.unstubAllGlobals());

  class FakeWorker {
    static last: FakeWorker | null = null;
    onmessage: (() => void) | null = null;
    onerror: (() => void) | null = null;
    terminated = false;
    constructor() {
      FakeWorker.last = this;
    }
    terminate() {
      this.terminated = true;
    }
  }

  it('runs what waits once the worker says it is warm, and what comes later at once', () => {
    vi.stubGlobal('Worker', FakeWorker);
    const whenWarm = startIntlWorker();
    const ran: string[] = [];
    whenWarm(() => ran.push('early'));
    expect(ran).toEqual([]);
    FakeWorker.last!.onmessage!();
    expect(ran).toEqual(['early']);
    expect(FakeWorker.last!.terminated).toBe(true);
    whenWarm(() => ran.push('late'));
    expect(ran).toEqual(['early', 'late']);
  });

  it('does not leave the page waiting when the worker fails or cannot start', () => {
    vi.stubGlobal('Worker', FakeWorker);
    const failing = startIntlWorker();
    const ran: string[] = [];
    failing(() => ran.push('after error'));
    FakeWorker.last!.onerror!();
    expect(ran).toEqual(['after error']);
    vi.stubGlobal('Worker', class {
      constructor() {
        throw new Error('workers are blocked');
      }
    });
    startIntlWorker()(() => ran.push('no worker'));
    expect(ran).toEqual(['after error', 'no worker']);
  });
});
