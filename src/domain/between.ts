import type { QueryIndex } from './indexes';

/**
 * "Meetings between" two sides. A side is a country/organization code (upper case, as in the
 * dataset's countries) or an actor id. A meeting matches when one participant belongs to the first
 * side and a different participant to the second: `IRN~JPN` is Iran *with* Japan, not Iran or Japan.
 */
export type BetweenSides = readonly [string, string];

export const isCountrySide = (side: string) => /^[A-Z]/.test(side);

/** 1 at every actor position on `side`. */
function sideMembers(index: QueryIndex, side: string): Uint8Array {
  const members = new Uint8Array(index.actors.length);
  if (isCountrySide(side)) index.actors.forEach((a, i) => (members[i] = a.affiliation === side ? 1 : 0));
  else {
    const pos = index.actorPos.get(side);
    if (pos !== undefined) members[pos] = 1;
  }
  return members;
}

/** Meetings of `side`'s members, ascending; undefined when the dataset does not know the side. */
function sidePostings(index: QueryIndex, side: string): Int32Array | undefined {
  if (isCountrySide(side)) return index.byAffiliation.get(side);
  const pos = index.actorPos.get(side);
  return pos === undefined ? undefined : index.byActor[pos];
}

/** Whether the dataset knows this side (a code in its countries, or an actor id). */
export function isKnownSide(index: QueryIndex, side: string): boolean {
  return isCountrySide(side) ? index.countryByCode.has(side) : index.actorPos.has(side);
}

/** 1 at every meeting position held between the two sides. */
export function betweenMask(index: QueryIndex, [a, b]: BetweenSides): Uint8Array {
  const mask = new Uint8Array(index.meetings.length);
  const inA = sideMembers(index, a);
  const inB = sideMembers(index, b);
  const candidates = sidePostings(index, a);
  if (!candidates) return mask;
  for (let k = 0; k < candidates.length; k++) {
    const i = candidates[k]!;
    const ps = index.participants[i]!;
    outer: for (let x = 0; x < ps.length; x++) {
      if (ps[x]! < 0 || !inA[ps[x]!]) continue;
      for (let y = 0; y < ps.length; y++) {
        if (y !== x && ps[y]! >= 0 && ps[y] !== ps[x] && inB[ps[y]!]) {
          mask[i] = 1;
          break outer;
        }
      }
    }
  }
  return mask;
}
