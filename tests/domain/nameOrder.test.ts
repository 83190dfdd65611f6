import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderByRank } from '../../src/domain/nameOrder';

/** The order a comparator sort gives: by rank, unranked last, ties by position. */
function sorted(ranks: (number | undefined)[]): number[] {
  const key = (i: number) => ranks[i] ?? Number.MAX_SAFE_INTEGER;
  return ranks.map((_, i) => i).sort((a, b) => key(a) - key(b) || a - b);
}

describe('orderByRank', () => {
  it('orders positions as a sort by rank would, with unranked positions last in their own order', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }).chain((total) =>
          fc.tuple(fc.constant(total), fc.shuffledSubarray(Array.from({ length: total }, (_, r) => r)), fc.array(fc.boolean(), { maxLength: 40 })),
        ),
        ([total, ranked, gaps]) => {
          // Distinct ranks, with unranked positions (undefined) mixed in.
          const ranks: (number | undefined)[] = [];
          let k = 0;
          for (const gap of gaps) ranks.push(gap || k >= ranked.length ? undefined : ranked[k++]);
          while (k < ranked.length) ranks.push(ranked[k++]);
          expect(Array.from(orderByRank(ranks.length, (i) => ranks[i], total))).toEqual(sorted(ranks));
        },
      ),
    );
  });

  it('treats a rank outside the range as unranked', () => {
    expect(Array.from(orderByRank(4, (i) => [2, -1, 7, 0][i], 3))).toEqual([3, 0, 1, 2]);
  });
});
