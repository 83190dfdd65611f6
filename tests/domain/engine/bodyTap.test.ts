import { describe, expect, it } from 'vitest';
import { BodyTap } from '../../../src/domain/engine/bodyTap';

const bytes = (...values: number[]) => new Uint8Array(values);

describe("a download's pieces for a reader that starts later", () => {
  it('holds pieces until a reader attaches, then gives them in order, the held ones first', () => {
    const tap = new BodyTap();
    tap.push(bytes(1, 2));
    tap.push(bytes(3));
    const seen: number[][] = [];
    tap.attach((p) => seen.push([...p]));
    tap.push(bytes(4, 5));
    expect(seen).toEqual([[1, 2], [3], [4, 5]]);
    expect(tap.attached).toBe(true);
    expect(tap.received).toBe(5);
    expect(() => tap.attach(() => undefined)).toThrow(/no longer held/);
  });

  it('gives the first bytes once that many have arrived, or what there is when the body ends', async () => {
    const tap = new BodyTap();
    const head = tap.head(4);
    let given: Uint8Array | null = null;
    void head.then((h) => (given = h));
    tap.push(bytes(1, 2, 3));
    await Promise.resolve();
    expect(given).toBeNull();
    tap.push(bytes(4, 5, 6));
    expect([...(await head)]).toEqual([1, 2, 3, 4]);
    const short = new BodyTap();
    const shortHead = short.head(10);
    short.push(bytes(7));
    short.end();
    expect([...(await shortHead)]).toEqual([7]);
  });

  it('released, holds nothing more and keeps no reader waiting', async () => {
    const tap = new BodyTap();
    const head = tap.head(10);
    tap.push(bytes(1));
    tap.release();
    expect([...(await head)]).toEqual([]);
    tap.push(bytes(2));
    expect(tap.received).toBe(2);
    expect(tap.attached).toBe(false);
    expect(() => tap.head()).toThrow(/no longer held/);
  });
});
