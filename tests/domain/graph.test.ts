import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildIndex } from '../../src/domain/indexes';
import { EMPTY_FILTERS, filterMeetings } from '../../src/domain/filters';
import { buildGraph, meetingsBetween } from '../../src/domain/graph';
import { counterparts, rolesAt } from '../../src/domain/actors';
import { highlightFor, isHighlightedMeeting } from '../../src/domain/derive';
import type { Dataset } from '../../src/domain/schema';
import { validateDataset } from '../../src/domain/validate';
import { smallDataset } from '../fixtures/smallDataset';

const index = buildIndex(JSON.parse(readFileSync('public/data/meetings.json', 'utf8')) as Dataset);
const all = filterMeetings(index, EMPTY_FILTERS);

/** A three-way meeting plus a repeated pair, to check weights and co-participation. */
function tinyIndex() {
  const text = 'A met B and C. A met B again.';
  const ds: Dataset = {
    version: '1', title: 't', countries: [{ code: 'AAA', name: 'A-land', kind: 'country' }], topics: [],
    sources: [{ id: 's', title: 's', publisher: null, published: null, text }],
    actors: ['a', 'b', 'c'].map((id) => ({ id, name: id.toUpperCase(), aliases: [], kind: 'person' as const, affiliation: 'AAA', roles: [] })),
    meetings: [
      { id: 'm1', date: '2020', datePrecision: 'year', earliest: '2020-01-01', latest: '2020-12-31', dateNote: 'n', type: 'meeting', cameo: '040',
        participants: [{ actorId: 'a' }, { actorId: 'b' }, { actorId: 'c' }], topics: [], summary: 's', evidence: [{ sourceId: 's', quote: 'A met B and C.' }] },
      { id: 'm2', date: '2021', datePrecision: 'year', earliest: '2021-01-01', latest: '2021-12-31', dateNote: 'n', type: 'meeting', cameo: '040',
        participants: [{ actorId: 'b' }, { actorId: 'a' }], topics: [], summary: 's', evidence: [{ sourceId: 's', quote: 'A met B again.' }] },
    ],
  };
  expect(validateDataset(ds).ok).toBe(true);
  return buildIndex(ds);
}

describe('buildGraph', () => {
  it('makes one node per present actor sized by meetings and one weighted edge per pair that met', () => {
    const tiny = tinyIndex();
    const g = buildGraph(tiny, filterMeetings(tiny, EMPTY_FILTERS));
    expect(g.nodes).toEqual([{ id: 'a', count: 2 }, { id: 'b', count: 2 }, { id: 'c', count: 1 }]);
    expect(g.edges).toEqual(
      expect.arrayContaining([{ source: 'a', target: 'b', weight: 2 }, { source: 'a', target: 'c', weight: 1 }, { source: 'b', target: 'c', weight: 1 }]),
    );
    expect(g.edges).toHaveLength(3);
  });

  it('only counts the meetings it is given', () => {
    const tiny = tinyIndex();
    const g = buildGraph(tiny, Int32Array.of(1));
    expect(g.nodes.map((n) => n.id)).toEqual(['a', 'b']);
    expect(g.edges).toEqual([{ source: 'a', target: 'b', weight: 1 }]);
  });

  it('counts every pair exactly like a plain per-pair tally, in first-seen order, over many random meetings', () => {
    const actors = Array.from({ length: 60 }, (_, i) => ({ id: `x${i}` }));
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: -1, max: 59 }), { maxLength: 7 }), { maxLength: 400 }), (meetings) => {
        const fake = { actors, participants: meetings.map((m) => Int32Array.from(m)) } as unknown as Parameters<typeof buildGraph>[0];
        const tally = new Map<string, number>();
        for (const ps of meetings)
          for (let a = 0; a < ps.length; a++)
            for (let b = a + 1; b < ps.length; b++) {
              const [pa, pb] = [ps[a]!, ps[b]!];
              if (pa < 0 || pb < 0 || pa === pb) continue;
              const key = `x${Math.min(pa, pb)}|x${Math.max(pa, pb)}`;
              tally.set(key, (tally.get(key) ?? 0) + 1);
            }
        const g = buildGraph(fake, meetings.map((_, i) => i));
        expect(g.edges.map((e) => [`${e.source}|${e.target}`, e.weight])).toEqual([...tally]);
      }),
      { numRuns: 200 },
    );
  });

  it('puts Khaji at the centre of the bundled data', () => {
    const g = buildGraph(index, all);
    const top = [...g.nodes].sort((x, y) => y.count - x.count)[0]!;
    expect(top).toEqual({ id: 'khaji', count: 8 });
    expect(g.nodes).toHaveLength(index.actors.length);
  });
});

describe('actor metrics and highlights', () => {
  it('lists counterparts by shared meetings', () => {
    expect(counterparts(index, 'sosan')).toEqual([
      // ties broken by display name: Ali Asghar Khaji, Hossein Amir Abdollahian, Mahdi Sobhani
      { actorId: 'khaji', count: 1 }, { actorId: 'amir-abdollahian', count: 1 }, { actorId: 'sobhani', count: 1 },
    ]);
    // The accompanying delegation shares both August 2020 contacts with Khaji (ties by name: Bashar, Iranian, Walid).
    expect(counterparts(index, 'khaji').slice(0, 3)).toEqual([
      { actorId: 'assad', count: 2 }, { actorId: 'iranian-delegation-2020-08', count: 2 }, { actorId: 'muallem', count: 2 },
    ]);
  });

  it('breaks count ties in the network list\'s name order (case and accents ignored), also with the load worker\'s ranking', () => {
    const names = ['Zed', 'émile', 'adam', 'Bea'];
    const ds: Dataset = {
      version: '1', title: 't', countries: [{ code: 'AAA', name: 'A-land', kind: 'country' }], topics: [],
      sources: [{ id: 's', title: 's', publisher: null, published: null, text: 'They met.' }],
      actors: ['host', ...names].map((name, i) => ({ id: `p${i}`, name, aliases: [], kind: 'person' as const, affiliation: 'AAA', roles: [] })),
      meetings: names.map((_, i) => ({
        id: `m${i}`, date: '2020', datePrecision: 'year' as const, earliest: '2020-01-01', latest: '2020-12-31', dateNote: 'n', type: 'meeting' as const,
        cameo: '040', participants: [{ actorId: 'p0' }, { actorId: `p${i + 1}` }, ...(i === 0 ? [{ actorId: 'p4' }] : [])], topics: [], summary: 's',
        evidence: [{ sourceId: 's', quote: 'They met.' }],
      })),
    };
    expect(validateDataset(ds).ok).toBe(true);
    const tiny = buildIndex(ds);
    const order = ['p4', 'p3', 'p2', 'p1']; // Bea (2 meetings), then adam, émile, Zed (1 each)
    expect(counterparts(tiny, 'p0').map((c) => c.actorId)).toEqual(order);
    expect(counterparts(tiny, 'p0')[0]).toEqual({ actorId: 'p4', count: 2 });
    // A ranking handed over with the index (as the load worker's) is the one used.
    expect(counterparts({ ...tiny, nameRank: Int32Array.from(tiny.actors, (_, pos) => pos) }, 'p0').map((c) => c.actorId)).toEqual(['p4', 'p1', 'p2', 'p3']);
  });

  it('picks the role an actor held at the meeting date', () => {
    const mekdad = index.actors[index.actorPos.get('mekdad')!]!;
    expect(rolesAt(mekdad, { earliest: '2019-07-02', latest: '2019-07-03' }).map((r) => r.title)).toEqual(['Deputy Foreign and Expatriates Minister']);
    expect(rolesAt(mekdad, { earliest: '2021-07-11', latest: '2021-07-20' }).map((r) => r.title)).toEqual(['Foreign and Expatriates Minister']);
  });

  it('meetingsBetween finds the meetings two actors share', () => {
    expect(Array.from(meetingsBetween(index, all, 'muallem', 'khaji'), (i) => index.meetings[i]!.id)).toEqual([
      '2019-07-khaji-muallem', '2020-08-17-muallem-khaji',
    ]);
  });

  it('a selected meeting lights up its participants; an actor lights up their visible meetings', () => {
    expect([...highlightFor(index, all, { kind: 'meeting', id: '2021-khaji-pedersen-call' }).actors].sort()).toEqual(['khaji', 'pedersen']);
    expect(Array.from(highlightFor(index, all, { kind: 'actor', id: 'sosan' }).meetings, (i) => index.meetings[i]!.id).sort()).toEqual([
      '2023-01-amir-abdollahian-sosan', '2023-01-khaji-sosan', '2023-02-sobhani-sosan',
    ]);
    expect(highlightFor(index, all, { kind: 'meeting', id: 'gone' }).actors.size).toBe(0);
  });

  it('lists lit meetings in display order, only visible ones, with a mask that answers by position', () => {
    const sosan = index.byActor[index.actorPos.get('sosan')!]!;
    const visible = all.filter((i) => i !== sosan[0]);
    const h = highlightFor(index, visible, { kind: 'actor', id: 'sosan' });
    expect(Array.from(h.meetings)).toEqual(Array.from(visible).filter((i) => sosan.includes(i)));
    for (let i = 0; i < index.meetings.length; i++) expect(isHighlightedMeeting(h, i)).toBe(h.meetings.includes(i));
    const edge = highlightFor(index, all, { kind: 'edge', a: 'muallem', b: 'khaji' });
    expect(Array.from(edge.meetings, (i) => index.meetings[i]!.id)).toEqual(['2019-07-khaji-muallem', '2020-08-17-muallem-khaji']);
    expect(isHighlightedMeeting(highlightFor(index, all, null), 0)).toBe(false);
  });
});

describe('meetings with thousands of participants', () => {
  it('are drawn as a hub from the first participant, not every pair', () => {
    const ds = structuredClone(smallDataset);
    const crowd = Array.from({ length: 3000 }, (_, i) => ({ id: `p${i}`, name: `Person ${i}`, aliases: [], kind: 'person' as const, affiliation: 'IRN', roles: [] }));
    ds.actors.push(...crowd);
    ds.meetings.push({ ...ds.meetings[0]!, id: 'summit', participants: crowd.map((a) => ({ actorId: a.id })) });
    const index = buildIndex(ds);
    const all = Int32Array.from(index.meetings.keys());
    const graph = buildGraph(index, all);
    const small = buildGraph(buildIndex(smallDataset), Int32Array.from(smallDataset.meetings.keys()));
    expect(graph.hubMeetings).toBe(1);
    expect(graph.edges).toHaveLength(small.edges.length + 2999);
    expect(graph.edges.filter((e) => e.source === 'p0' || e.target === 'p0')).toHaveLength(2999);
    expect(graph.nodes.find((n) => n.id === 'p2999')?.count).toBe(1);
    expect(small.hubMeetings).toBeUndefined();
  });
});
