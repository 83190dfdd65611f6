import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../../src/domain/indexes';
import type { Dataset } from '../../../src/domain/schema';
import { buildGraph, type ActorGraph } from '../../../src/domain/graph';
import { EMPTY_FILTERS, filterMeetings } from '../../../src/domain/filters';
import { compactGraph } from '../../../src/domain/analysis/compactGraph';
import { detectCommunities } from '../../../src/domain/analysis/communities';
import { egoGraph, egoMembers } from '../../../src/domain/analysis/ego';
import { periodOfMeetings, periodsOf } from '../../../src/domain/analysis/periods';
import { ranksPerPeriod } from '../../../src/domain/analysis/periodRanks';
import { smallIndex } from '../../fixtures/smallDataset';

const index = buildIndex(JSON.parse(readFileSync('public/data/meetings.json', 'utf8')) as Dataset);
const all = filterMeetings(index, EMPTY_FILTERS);
const ids = (positions: Int32Array) => Array.from(positions, (i) => index.meetings[i]!.id);

/** Two triangles joined by one weak link: the textbook two-community graph. */
const barbell: ActorGraph = {
  nodes: ['a1', 'a2', 'a3', 'b1', 'b2', 'b3'].map((id) => ({ id, count: 2 })),
  edges: [
    { source: 'a1', target: 'a2', weight: 3 },
    { source: 'a2', target: 'a3', weight: 3 },
    { source: 'a1', target: 'a3', weight: 3 },
    { source: 'b1', target: 'b2', weight: 3 },
    { source: 'b2', target: 'b3', weight: 3 },
    { source: 'b1', target: 'b3', weight: 3 },
    { source: 'a3', target: 'b1', weight: 1 },
  ],
};

describe('communities', () => {
  it('finds the two triangles of a barbell', () => {
    const c = detectCommunities(compactGraph(barbell));
    expect(c.count).toBe(2);
    expect(Array.from(c.of)).toEqual([0, 0, 0, 1, 1, 1]);
    expect(c.modularity).toBeGreaterThan(0.3);
  });

  it('is the same for the same seed on the bundled network, numbered largest first', () => {
    const g = compactGraph(buildGraph(index, all));
    const first = detectCommunities(g, 7);
    for (let run = 0; run < 5; run++) expect(detectCommunities(g, 7)).toEqual(first);
    const sizes = Array.from({ length: first.count }, (_, c) => first.of.filter((x) => x === c).length);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    expect(first.of.length).toBe(g.ids.length);
  });
});

describe('ego network', () => {
  const graph = buildGraph(index, all);

  it('keeps the actor and its direct counterparts at depth 1', () => {
    expect([...egoMembers(graph, 'pedersen', 1)].sort()).toEqual(['khaji', 'pedersen']);
    const g = egoGraph(graph, 'pedersen', 1);
    expect(g.edges).toEqual([{ source: 'khaji', target: 'pedersen', weight: 1 }]);
  });

  it('adds counterparts of counterparts at depth 2, with the links among them', () => {
    const members = egoMembers(graph, 'pedersen', 2);
    expect([...members].sort()).toEqual(['assad', 'endo', 'iranian-delegation-2020-08', 'khaji', 'mekdad', 'muallem', 'pedersen', 'sosan'].sort());
    const g = egoGraph(graph, 'pedersen', 2);
    expect(g.nodes.every((n) => members.has(n.id))).toBe(true);
    expect(g.edges.every((e) => members.has(e.source) && members.has(e.target))).toBe(true);
    // mekdad–najafi leaves with najafi, three steps out.
    expect(g.edges.some((e) => e.source === 'najafi' || e.target === 'najafi')).toBe(false);
  });

  it('is empty for an actor outside the graph', () => {
    expect(egoGraph(buildGraph(index, all.slice(0, 1)), 'pedersen', 2)).toEqual({ nodes: [], edges: [] });
  });
});

describe('periods and ranks per period', () => {
  it('uses years for a span of several years and quarters for a short one', () => {
    expect(periodsOf(index, all).map((p) => p.label)).toEqual(['2019', '2020', '2021', '2022', '2023']);
    const late = filterMeetings(index, { ...EMPTY_FILTERS, from: '2021-01-01' });
    expect(periodsOf(index, late).map((p) => p.label)).toEqual([
      '2021 Q3', '2021 Q4', '2022 Q1', '2022 Q2', '2022 Q3', '2022 Q4', '2023 Q1',
    ]);
    expect(periodsOf(index, late)[0]).toEqual({ label: '2021 Q3', start: '2021-07-01', end: '2021-09-30' });
  });

  it('puts each meeting in the period of its midpoint', () => {
    const periods = periodsOf(index, all);
    const of = periodOfMeetings(index, all, periods);
    // Khaji–Pedersen is known only as mid-July to mid-October 2021: one period, 2021.
    const k = ids(all).indexOf('2021-khaji-pedersen-call');
    expect(periods[of[k]!]!.label).toBe('2021');
    expect(Array.from(of).every((p) => p >= 0)).toBe(true);
  });

  it('ranks the top actors in each period by the metric', () => {
    const table = ranksPerPeriod(index, all, (g) => g.counts, 3);
    expect(table.periods.map((p) => p.label)).toEqual(['2019', '2020', '2021', '2022', '2023']);
    expect(table.actors.map((a) => a.id)).toEqual(['khaji', 'sosan', 'assad']);
    // Khaji: 3 meetings in 2019 (rank 1), 3 in 2020 (rank 1), 1 in 2021 (shared rank 1), none in 2022, 1 in 2023 (rank 2 behind Sosan's 3).
    expect(table.actors[0]!.ranks).toEqual([1, 1, 1, null, 2]);
    expect(table.actors[0]!.values).toEqual([3, 3, 1, null, 1]);
    expect(table.actors[1]!.ranks).toEqual([null, null, null, null, 1]);
  });
});

describe('between query', () => {
  it('is "A with B", not "A or B"', () => {
    const either = filterMeetings(index, { ...EMPTY_FILTERS, countries: ['IRN', 'JPN'] });
    expect(either.length).toBe(13);
    expect(ids(filterMeetings(index, { ...EMPTY_FILTERS, between: ['IRN', 'JPN'] }))).toEqual(['2020-09-30-khaji-endo-call']);
    expect(filterMeetings(index, { ...EMPTY_FILTERS, between: ['IRN', 'SYR'] }).length).toBe(11);
    expect(filterMeetings(index, { ...EMPTY_FILTERS, between: ['SYR', 'JPN'] }).length).toBe(0);
  });

  it('works for two actors and for an actor with a country, in either order', () => {
    expect(ids(filterMeetings(index, { ...EMPTY_FILTERS, between: ['khaji', 'pedersen'] }))).toEqual(['2021-khaji-pedersen-call']);
    expect(ids(filterMeetings(index, { ...EMPTY_FILTERS, between: ['pedersen', 'khaji'] }))).toEqual(['2021-khaji-pedersen-call']);
    expect(filterMeetings(index, { ...EMPTY_FILTERS, between: ['sosan', 'IRN'] }).length).toBe(3);
  });

  it('combines with the other filters (AND) and needs two different participants', () => {
    expect(filterMeetings(index, { ...EMPTY_FILTERS, between: ['IRN', 'SYR'], from: '2023-01-01' }).length).toBe(3);
    // Nobody meets themselves: Khaji with Iran needs another Iranian in the same meeting (only his accompanying delegation, August 2020).
    expect(Array.from(filterMeetings(index, { ...EMPTY_FILTERS, between: ['khaji', 'IRN'] }), (m) => index.meetings[m]!.id)).toEqual([
      '2020-08-17-assad-khaji', '2020-08-17-muallem-khaji',
    ]);
    const small = smallIndex();
    expect(filterMeetings(small, { ...EMPTY_FILTERS, between: ['nobody', 'IRN'] }).length).toBe(0);
  });
});
