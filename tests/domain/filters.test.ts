import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildIndex } from '../../src/domain/indexes';
import { EMPTY_FILTERS, filterMeetings, hasActiveFilters, meetingsInWindow, narrows, type Filters } from '../../src/domain/filters';
import type { Dataset } from '../../src/domain/schema';
import { DAY_MS, isoToMs } from '../../src/domain/dates';
import { generateSynthetic } from '../../scripts/bench/synthetic/generate';

const index = buildIndex(JSON.parse(readFileSync('public/data/meetings.json', 'utf8')) as Dataset);
const ids = (f: Partial<Filters>) => Array.from(filterMeetings(index, { ...EMPTY_FILTERS, ...f }), (i) => index.meetings[i]!.id);

describe('filterMeetings', () => {
  it('returns every meeting in date order when nothing is filtered', () => {
    const all = ids({});
    expect(all).toHaveLength(index.meetings.length);
    const starts = all.map((id) => index.meetings.find((m) => m.id === id)!.earliest);
    expect([...starts].sort()).toEqual(starts);
  });

  it('country matches meetings with any participant of that affiliation', () => {
    expect(ids({ countries: ['JPN'] })).toEqual(['2020-09-30-khaji-endo-call']);
    expect(ids({ countries: ['JPN', 'UN'] })).toEqual(['2020-09-30-khaji-endo-call', '2021-khaji-pedersen-call']);
  });

  it('values within a facet are OR-ed, facets are AND-ed', () => {
    expect(ids({ actors: ['endo', 'pedersen'] })).toHaveLength(2);
    expect(ids({ actors: ['khaji'], topics: ['nuclear-deal'] })).toEqual(['2019-07-khaji-assad']);
    expect(ids({ actors: ['sobhani'], countries: ['JPN'] })).toEqual([]);
  });

  it('date range keeps meetings whose possible dates overlap it', () => {
    // The Najafi–Mekdad meeting is bounded 11–20 July 2021: a range ending on the 11th still includes it.
    expect(ids({ from: '2021-07-01', to: '2021-07-11' })).toContain('2021-07-najafi-mekdad');
    expect(ids({ from: '2021-07-21', to: '2021-07-31' })).not.toContain('2021-07-najafi-mekdad');
    expect(ids({ from: '2020-08-17', to: '2020-08-17' })).toEqual(['2020-08-17-assad-khaji', '2020-08-17-muallem-khaji']);
    expect(ids({ from: '2023-01-01' })).toHaveLength(3);
  });

  it('free text searches summaries, names, aliases and quotes case-insensitively, all terms required', () => {
    // "Mikdad" is a spelling only the 2019 article uses: it finds Mekdad's 2021 meeting through his aliases, the Assad talks through
    // the quote, and the Muallem talks through that article's title ("Khaji holds talks with Assad, Muallem and Mikdad in Damascus").
    expect(ids({ q: 'MIKDAD' })).toEqual(['2019-07-khaji-assad', '2019-07-khaji-mikdad', '2019-07-khaji-muallem', '2021-07-najafi-mekdad']);
    expect(ids({ q: 'chess' })).toEqual([]);
    expect(ids({ q: 'Geneva pedersen' })).toEqual([]);
    expect(ids({ q: 'constitutional pederson' })).toEqual(['2021-khaji-pedersen-call']);
    expect(ids({ q: '  ' })).toHaveLength(index.meetings.length);
  });

  it('ignores ids the dataset does not know', () => {
    expect(ids({ actors: ['nobody'] })).toEqual([]);
    expect(ids({ countries: ['XXX'], topics: ['weather'] })).toEqual([]);
  });

  it('hasActiveFilters tells whether any facet narrows the set', () => {
    expect(hasActiveFilters(EMPTY_FILTERS)).toBe(false);
    expect(hasActiveFilters({ ...EMPTY_FILTERS, q: ' ' })).toBe(false);
    expect(hasActiveFilters({ ...EMPTY_FILTERS, to: '2020-01-01' })).toBe(true);
  });

  it('meetingsInWindow keeps visible meetings overlapping a time window', () => {
    const visible = filterMeetings(index, EMPTY_FILTERS);
    const inWindow = meetingsInWindow(index, visible, isoToMs('2023-01-15'), isoToMs('2023-02-02'));
    expect(Array.from(inWindow, (i) => index.meetings[i]!.id).sort()).toEqual(['2023-01-amir-abdollahian-sosan', '2023-01-khaji-sosan', '2023-02-sobhani-sosan']);
  });

  it('meetingsInWindow equals checking every visible meeting, for any filters and window (long meetings included)', () => {
    const synthetic = buildIndex(JSON.parse(generateSynthetic({ meetings: 1500, actors: 120, seed: 7 })) as Dataset);
    for (const idx of [index, synthetic]) {
      const span = idx.maxTime - idx.minTime;
      const codes = [...idx.byAffiliation.keys()];
      fc.assert(
        fc.property(fc.subarray(codes, { maxLength: 2 }), fc.double({ min: -0.1, max: 1.1, noNaN: true }), fc.double({ min: 0, max: 0.5, noNaN: true }), (countries, at, width) => {
          const visible = filterMeetings(idx, { ...EMPTY_FILTERS, countries });
          const fromMs = Math.round(idx.minTime + at * span);
          const toMs = fromMs + Math.round(width * span) + DAY_MS;
          const byHand = Array.from(visible).filter((i) => idx.end[i]! > fromMs && idx.start[i]! < toMs);
          expect(Array.from(meetingsInWindow(idx, visible, fromMs, toMs))).toEqual(byHand);
        }),
        { numRuns: 200 },
      );
    }
  });

  it('equals checking every meeting by hand, for any mix of facets, dates, a between pair and a search, whichever facet drives the pass', () => {
    const synthetic = buildIndex(JSON.parse(generateSynthetic({ meetings: 1200, actors: 150, seed: 11 })) as Dataset);
    const actorIds = synthetic.actors.map((a) => a.id);
    const codes = [...synthetic.byAffiliation.keys()];
    const topics = [...synthetic.byTopic.keys()];
    const days = ['2011-03-01', '2014-06-15', '2018-01-01', '2021-09-30', null];
    const holds = (lists: ReadonlyMap<string, Int32Array> | ((k: string) => Int32Array | undefined), keys: readonly string[], i: number) =>
      !keys.length || keys.some((k) => (typeof lists === 'function' ? lists(k) : lists.get(k))?.includes(i));
    const byActor = (id: string) => synthetic.byActor[synthetic.actorPos.get(id) ?? -1];
    fc.assert(
      fc.property(
        fc.record({
          actors: fc.subarray([...actorIds.slice(0, 12), 'no-such-actor'], { maxLength: 3 }),
          countries: fc.subarray(codes, { maxLength: 3 }),
          topics: fc.subarray(topics, { maxLength: 2 }),
          from: fc.constantFrom(...days),
          to: fc.constantFrom(...days),
          q: fc.constantFrom('', 'talks', 'a'),
          between: fc.option(fc.tuple(fc.constantFrom(...actorIds.slice(0, 6)), fc.constantFrom(...codes.slice(0, 4))), { nil: null }),
        }),
        (r) => {
          const f: Filters = { ...EMPTY_FILTERS, ...r };
          const mask = f.between ? filterMeetings(synthetic, { ...EMPTY_FILTERS, between: f.between }) : null;
          const inBetween = mask ? new Set(mask) : null;
          const texts = filterMeetings(synthetic, { ...EMPTY_FILTERS, q: f.q });
          const matched = new Set(texts);
          const from = f.from ? isoToMs(f.from) : -Infinity;
          const to = f.to ? isoToMs(f.to) + DAY_MS : Infinity;
          const byHand = Array.from(synthetic.order).filter(
            (i) =>
              holds(byActor, f.actors, i) && holds(synthetic.byAffiliation, f.countries, i) && holds(synthetic.byTopic, f.topics, i) &&
              synthetic.end[i]! > from && synthetic.start[i]! < to && (!inBetween || inBetween.has(i)) && matched.has(i),
          );
          expect(Array.from(filterMeetings(synthetic, f))).toEqual(byHand);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('narrows', () => {
  const index = buildIndex(JSON.parse(generateSynthetic({ meetings: 900, actors: 120, seed: 7 })) as Dataset);
  const actors = [...index.actorPos.keys()].slice(0, 6);
  const countries = [...index.byAffiliation.keys()].slice(0, 5);
  const topics = [...index.byTopic.keys()].slice(0, 4);
  const days = [null, '2012-01-01', '2015-06-30', '2018-01-01', '2021-12-31'];
  const filtersArb = fc.record({
    actors: fc.subarray(actors, { maxLength: 2 }),
    countries: fc.subarray(countries, { maxLength: 3 }),
    topics: fc.subarray(topics, { maxLength: 2 }),
    from: fc.constantFrom(...days),
    to: fc.constantFrom(...days),
    between: fc.constantFrom(null, [countries[0]!, countries[1]!] as [string, string]),
  }).map((r): Filters => ({ ...EMPTY_FILTERS, ...r }));
  const positions = (f: Filters) => new Set(filterMeetings(index, f));

  // A second set of filters drawn from the first: each part kept, cut down, or drawn afresh (often wider).
  const pick = <T,>(kept: T, cut: fc.Arbitrary<T>, fresh: fc.Arbitrary<T>) => fc.oneof(fc.constant(kept), cut, fresh);
  const pairArb = filtersArb.chain((outer) =>
    fc.record({
      actors: pick(outer.actors, fc.subarray([...outer.actors]), fc.subarray(actors, { maxLength: 2 })),
      countries: pick(outer.countries, fc.subarray([...outer.countries]), fc.subarray(countries, { maxLength: 3 })),
      topics: pick(outer.topics, fc.subarray([...outer.topics]), fc.subarray(topics, { maxLength: 2 })),
      from: pick(outer.from, fc.constantFrom(...days.filter((d) => d !== null && (outer.from === null || d >= outer.from))), fc.constantFrom(...days)),
      to: pick(outer.to, fc.constantFrom(...days.filter((d) => d !== null && (outer.to === null || d <= outer.to))), fc.constantFrom(...days)),
      between: pick(outer.between, fc.constant(outer.between), fc.constantFrom(null, [countries[0]!, countries[2]!] as [string, string])),
    }).map((r) => [outer, { ...EMPTY_FILTERS, ...r }] as const),
  );

  it('when it holds, every meeting the narrower filters pass is passed by the wider ones (any pair of filters)', () => {
    let held = 0;
    fc.assert(
      fc.property(pairArb, ([outer, inner]) => {
        if (!narrows(outer, inner)) return;
        held++;
        const wide = positions(outer);
        for (const i of positions(inner)) expect(wide.has(i)).toBe(true);
      }),
      { numRuns: 400 },
    );
    expect(held).toBeGreaterThan(40);
  });

  it('holds for a box ticked in an unused facet, a value dropped from a facet, a shorter range and the same pair', () => {
    const outer: Filters = { ...EMPTY_FILTERS, actors: [actors[0]!, actors[1]!], from: '2012-01-01', to: '2021-12-31' };
    expect(narrows(outer, outer)).toBe(true);
    expect(narrows(outer, { ...outer, countries: [countries[0]!] })).toBe(true);
    expect(narrows(outer, { ...outer, actors: [actors[1]!] })).toBe(true);
    expect(narrows(outer, { ...outer, from: '2015-06-30' })).toBe(true);
    expect(narrows(outer, { ...outer, between: [countries[0]!, countries[1]!] })).toBe(true);
    // Wider: another actor, a facet emptied, a range opened, a pair changed.
    expect(narrows(outer, { ...outer, actors: [actors[0]!, actors[2]!] })).toBe(false);
    expect(narrows(outer, { ...outer, actors: [] })).toBe(false);
    expect(narrows(outer, { ...outer, to: null })).toBe(false);
    expect(narrows({ ...outer, between: [countries[0]!, countries[1]!] }, { ...outer, between: [countries[0]!, countries[2]!] })).toBe(false);
  });
});
