import { describe, expect, it } from 'vitest';
import { findActors } from '../../src/domain/actorSearch';
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

  it('puts names starting with the query before other matches', () => {
    expect(names(findActors(index, 'al'))).toEqual(['Ali Asghar Khaji', 'Bashar al-Assad', 'Faisal Mekdad']);
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
  const big = buildIndex(JSON.parse(generateSynthetic({ meetings: 20_000, actors: 5_000, seed: 7 })) as Dataset);

  it('finds actors and caps the matches', () => {
    const t0 = performance.now();
    const found = findActors(big, 'a', 50);
    const ms = performance.now() - t0;
    expect(found).toHaveLength(50);
    expect(ms).toBeLessThan(200);
  });

  it('counts facets and sorts the table quickly', () => {
    const t0 = performance.now();
    const counts = countryFacetCounts(big, { ...EMPTY_FILTERS, q: 'a' });
    const sorted = sortMeetings(big, big.order, 'participants', 'ascending');
    const ms = performance.now() - t0;
    expect(counts.size).toBeGreaterThan(0);
    expect(sorted).toHaveLength(20_000);
    expect(ms).toBeLessThan(3000);
  });
});
