import { describe, expect, it } from 'vitest';
import { actorSearchReady, findActors, prepareActorSearch } from '../../src/domain/actorSearch';
import { nameRankOf } from '../../src/domain/nameOrder';
import { buildIndex } from '../../src/domain/indexes';
import type { Dataset } from '../../src/domain/schema';
import { participantLabel, sortMeetings } from '../../src/domain/meetingSort';
import { countryFacetCounts } from '../../src/domain/facetCounts';
import { EMPTY_FILTERS } from '../../src/domain/filters';
import { generateSynthetic } from '../../scripts/bench/synthetic/generate';
import { smallIndex } from '../fixtures/smallDataset';

const index = smallIndex();
const names = (positions: number[]) => positions.map((p) => index.actors[p]!.name);

describe('findActors', () => {
  it('lists the most active actors first when nothing is typed', () => {
    expect(names(findActors(index, '', 2))).toEqual(['Ali Asghar Khaji', 'Bashar al-Assad']);
  });

  it('orders by meetings, ties in name order, on a generated dataset where most actors tie', () => {
    const big = buildIndex(JSON.parse(generateSynthetic({ meetings: 3000, actors: 700, seed: 9 })) as Dataset);
    const rank = nameRankOf(big);
    const expected = Array.from(big.actors.keys()).sort((a, b) => big.byActor[b]!.length - big.byActor[a]!.length || rank[a]! - rank[b]!);
    expect(findActors(big, '', big.actors.length)).toEqual(expected);
    // Many ties to break (so the name order is what is tested).
    expect(new Set(expected.map((p) => big.byActor[p]!.length)).size).toBeLessThan(big.actors.length / 4);
  });

  it('puts names starting with the query before other matches', () => {
    expect(names(findActors(index, 'al'))).toEqual(['Ali Asghar Khaji', 'Bashar al-Assad', 'Faisal Mekdad']);
  });

  it('built in slices gives the same answers as built at once, and a search before the end completes it', () => {
    const data = JSON.parse(generateSynthetic({ meetings: 3000, actors: 700, seed: 5 })) as Dataset;
    const whole = buildIndex(data);
    const sliced = buildIndex(data);
    let asked = 0;
    // Two slices, then stop: not complete, and not marked ready.
    expect(prepareActorSearch(sliced, () => ++asked < 2)).toBe(false);
    expect(actorSearchReady(sliced)).toBe(false);
    const term = whole.actors[321]!.name.split(' ')[0]!;
    expect(findActors(sliced, term, 700)).toEqual(findActors(whole, term, 700));
    expect(actorSearchReady(sliced)).toBe(true);
    expect(findActors(sliced, '', 700)).toEqual(findActors(whole, '', 700));
  });

  it('built in slices, orders the actors by activity in a slice after the last names, not in the same one', () => {
    const data = JSON.parse(generateSynthetic({ meetings: 2000, actors: 300, seed: 8 })) as Dataset;
    const sliced = buildIndex(data);
    // Every ask says go on: the names are all added in this call, and still the activity order waits for the next.
    expect(prepareActorSearch(sliced, () => true)).toBe(false);
    expect(actorSearchReady(sliced)).toBe(false);
    expect(prepareActorSearch(sliced, () => true)).toBe(true);
    expect(findActors(sliced, '', 300)).toEqual(findActors(buildIndex(data), '', 300));
  });

  it('matches aliases and every typed word, case-insensitively', () => {
    expect(names(findActors(index, 'MIKDAD'))).toEqual(['Faisal Mekdad']);
    expect(names(findActors(index, 'javad zar'))).toEqual(['Mohammad Javad Zarif']);
    expect(findActors(index, 'nobody at all')).toEqual([]);
  });
});

describe('sortMeetings', () => {
  const visible = index.order;
  it('keeps date order for date and reverses it for descending', () => {
    expect(Array.from(sortMeetings(index, visible, 'date', 'ascending'))).toEqual(Array.from(visible));
    expect(Array.from(sortMeetings(index, visible, 'date', 'descending'))).toEqual(Array.from(visible).reverse());
  });

  it('sorts by participant names', () => {
    const sorted = sortMeetings(index, visible, 'participants', 'ascending');
    expect(participantLabel(index, sorted[sorted.length - 1]!)).toBe('Mohammad Javad Zarif, Faisal Mekdad');
  });
});

describe('at scale (20,000 meetings, 5,000 actors)', () => {
  // Speed is measured by `npm run bench` in a real browser; here only the behaviour at size is asserted.
  const big = buildIndex(JSON.parse(generateSynthetic({ meetings: 20_000, actors: 5_000, seed: 7 })) as Dataset);

  it('finds actors by name or alias and caps the matches', () => {
    const found = findActors(big, 'a', 50);
    expect(found).toHaveLength(50);
    for (const pos of found) {
      const actor = big.actors[pos]!;
      expect([actor.name, ...actor.aliases].some((n) => n.toLowerCase().includes('a'))).toBe(true);
    }
  });

  it('counts facets and sorts every meeting', () => {
    const counts = countryFacetCounts(big, { ...EMPTY_FILTERS, q: 'a' });
    const sorted = sortMeetings(big, big.order, 'participants', 'ascending');
    expect(counts.size).toBeGreaterThan(0);
    expect(sorted).toHaveLength(20_000);
    const labels = Array.from(sorted.slice(0, 200), (i) => participantLabel(big, i));
    expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b)));
  });
});
