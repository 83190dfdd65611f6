import { describe, expect, it } from 'vitest';
import { createLayoutHold } from '../../../src/viz/network/layoutHold';
import type { LayoutRunner } from '../../../src/viz/network/layoutRunner';

function recordingRunner() {
  const holds: boolean[] = [];
  let held = false;
  const runner = {
    kind: 'main',
    start: () => undefined,
    pin: () => undefined,
    setAlphaTarget: () => undefined,
    currentAlpha: () => 0,
    hold(on: boolean) {
      if (on === held) return;
      held = on;
      holds.push(on);
    },
    destroy: () => undefined,
  } satisfies LayoutRunner;
  return { runner, holds, held: () => held };
}

/** Idle moments come when the test says so. */
function idleByHand() {
  let waiting: (() => void)[] = [];
  return {
    onIdle: (run: () => void) => {
      waiting.push(run);
      return () => (waiting = waiting.filter((w) => w !== run));
    },
    idle: () => {
      const run = waiting;
      waiting = [];
      for (const w of run) w();
    },
    pending: () => waiting.length,
  };
}

describe('who holds the network layout', () => {
  it('a new graph starts held and runs once the page is idle', () => {
    const { runner, held } = recordingRunner();
    const idle = idleByHand();
    const hold = createLayoutHold(idle.onIdle);
    hold.attach(runner);
    expect(hold.startingGraph()).toBe(true);
    runner.hold(true);
    idle.idle();
    expect(held()).toBe(false);
  });

  it('the view holds it until the next picture; released before the page is idle, it stays held until then', () => {
    const { runner, held } = recordingRunner();
    const idle = idleByHand();
    const hold = createLayoutHold(idle.onIdle);
    hold.attach(runner);
    expect(hold.setByView(true)).toBe(true);
    expect(hold.byView).toBe(true);
    expect(held()).toBe(true);
    expect(hold.setByView(true)).toBe(false);
    // The picture arrives: a new graph (its start ends the view's hold), then the view says so too.
    runner.hold(hold.startingGraph());
    expect(hold.byView).toBe(false);
    hold.setByView(false);
    expect(held()).toBe(true);
    idle.idle();
    expect(held()).toBe(false);
  });

  it('still held by the view when the page goes idle: stays held; a graph replaced before idle waits once', () => {
    const { runner, held } = recordingRunner();
    const idle = idleByHand();
    const hold = createLayoutHold(idle.onIdle);
    hold.attach(runner);
    runner.hold(hold.startingGraph());
    hold.setByView(true);
    idle.idle();
    expect(held()).toBe(true);
    hold.setByView(false);
    expect(held()).toBe(false);
    runner.hold(hold.startingGraph());
    runner.hold(hold.startingGraph());
    expect(idle.pending()).toBe(1);
    hold.destroy();
    expect(idle.pending()).toBe(0);
  });
});
