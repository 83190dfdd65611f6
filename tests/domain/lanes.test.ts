import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/domain/indexes';
import { EMPTY_FILTERS, filterMeetings } from '../../src/domain/filters';
import { assignLanes, chooseDenseLanes, MORE_LANE, splitByLane } from '../../src/domain/lanes';
import { dataset, meeting } from '../viz/timeline/timelineFixture';

const index = buildIndex(
  dataset([
    meeting('a', { participants: [{ actorId: 'khaji' }, { actorId: 'pedersen' }] }),
    meeting('b', { date: '2020-09-01', earliest: '2020-09-01', latest: '2020-09-01', participants: [{ actorId: 'khaji' }, { actorId: 'muallem' }] }),
    meeting('c', { date: '2020-10-01', earliest: '2020-10-01', latest: '2020-10-01', participants: [{ actorId: 'khaji' }, { actorId: 'abdollahian' }, { actorId: 'officials' }] }),
  ]),
);
const all = filterMeetings(index, EMPTY_FILTERS);
const entries = (r: ReturnType<typeof assignLanes>) =>
  Array.from(r.entryPos, (pos, e) => `${index.meetings[pos]!.id}@${r.lanes[r.entryLane[e]!]!.key}`);

describe('assignLanes', () => {
  it('by country: one lane per affiliation, ordered by meeting count, a meeting once per participant country', () => {
    const r = assignLanes(index, all, 'country');
    expect(r.lanes.map((l) => [l.key, l.label, l.count])).toEqual([
      ['IRN', 'Iran', 3],
      ['SYR', 'Syria', 2],
      ['UN', 'United Nations', 1],
    ]);
    // c has two Iranian participants but is drawn once in Iran's lane; entries follow the meetings' date order.
    expect(entries(r)).toEqual(['a@IRN', 'a@UN', 'b@IRN', 'b@SYR', 'c@IRN', 'c@SYR']);
  });

  it('by actor: one lane per participant, ties broken by name', () => {
    const r = assignLanes(index, all, 'actor');
    expect(r.lanes[0]).toMatchObject({ key: 'khaji', count: 3 });
    expect(r.lanes.slice(1).map((l) => l.label)).toEqual(['Geir O. Pedersen', 'Hossein Amir Abdollahian', 'Senior Syrian officials (unnamed)', 'Walid al-Muallem']);
    expect(r.entryPos).toHaveLength(2 + 2 + 3);
  });

  it('folds the smallest lanes into one "N more" lane holding each of their meetings once', () => {
    const r = assignLanes(index, all, 'actor', 2);
    expect(r.lanes.map((l) => l.key)).toEqual(['khaji', 'pedersen', MORE_LANE]);
    const more = r.lanes[2]!;
    expect(more.label).toBe('3 more');
    expect(more.foldedLabels).toEqual(['Hossein Amir Abdollahian', 'Senior Syrian officials (unnamed)', 'Walid al-Muallem']);
    expect(more.count).toBe(2);
    expect(entries(r).filter((e) => e.endsWith(MORE_LANE))).toEqual([`b@${MORE_LANE}`, `c@${MORE_LANE}`]);
  });

  it('shows the last lane instead of a "1 more" lane', () => {
    const r = assignLanes(index, all, 'country', 2);
    expect(r.lanes.map((l) => l.key)).toEqual(['IRN', 'SYR', 'UN']);
  });

  it('follows the filter: only the given meetings count', () => {
    const r = assignLanes(index, filterMeetings(index, { ...EMPTY_FILTERS, actors: ['pedersen'] }), 'country');
    expect(r.lanes.map((l) => [l.key, l.count])).toEqual([
      ['IRN', 1],
      ['UN', 1],
    ]);
  });

  it('rejects a cap below one lane', () => {
    expect(() => assignLanes(index, all, 'country', 0)).toThrow(/maxLanes/);
  });
});

describe('splitByLane', () => {
  it("gives each lane its own entries in start order, with each entry's meeting", () => {
    const r = assignLanes(index, all, 'country');
    const entryStart = Float64Array.from(r.entryPos, (pos) => index.start[pos]!);
    const { starts, positions } = splitByLane(r.entryPos, r.entryLane, entryStart, r.lanes.length);
    const ids = positions.map((p) => Array.from(p, (pos) => index.meetings[pos]!.id));
    expect(ids).toEqual([['a', 'b', 'c'], ['b', 'c'], ['a']]);
    expect(Array.from(starts[1]!)).toEqual([index.start[index.meetingPos.get('b')!], index.start[index.meetingPos.get('c')!]]);
    starts.forEach((s, l) => expect(s).toHaveLength(r.lanes[l]!.count));
  });
});

describe('chooseDenseLanes', () => {
  it('draws every lane as items while all of them fit the budget together', () => {
    expect(chooseDenseLanes([40, 30, 20], 120)).toEqual([false, false, false]);
    expect(chooseDenseLanes([], 120)).toEqual([]);
  });

  it('turns the fullest lanes into density, one by one, until the rest fit', () => {
    // 5,000 + 90 + 20 + 5: only the crowded lane becomes bars.
    expect(chooseDenseLanes([5000, 90, 20, 5], 120)).toEqual([true, false, false, false]);
    // 100 + 90 + 20 = 210 > 120: the 100 goes, 110 left.
    expect(chooseDenseLanes([20, 100, 90], 120)).toEqual([false, true, false]);
    // Equal lanes: the earlier (busier by lane order) goes first.
    expect(chooseDenseLanes([60, 60, 60], 120)).toEqual([true, false, false]);
  });

  it('never marks an empty lane, even when every lane with meetings must go', () => {
    expect(chooseDenseLanes([500, 0, 400], 0)).toEqual([true, false, true]);
  });
});
