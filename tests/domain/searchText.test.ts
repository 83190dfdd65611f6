import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/domain/indexes';
import fc from 'fast-check';
import { stemmer } from 'stemmer';
import { searchTextOf, stemOf, stemWords, termMatcher, warmSearchText } from '../../src/domain/searchText';
import { EMPTY_FILTERS, filterMeetings } from '../../src/domain/filters';
import type { Dataset } from '../../src/domain/schema';
import { isoToMs } from '../../src/domain/dates';

const dataset = JSON.parse(readFileSync('public/data/meetings.json', 'utf8')) as Dataset;

describe('searchTextOf', () => {
  it('holds the lower-cased summary, participant names, topic labels and quotes of a meeting', () => {
    const index = buildIndex(dataset);
    const i = index.meetings.findIndex((m) => m.topics.length > 0);
    const m = index.meetings[i]!;
    const text = searchTextOf(index, i);
    expect(text).toContain(m.summary.toLowerCase());
    expect(text).toContain(index.actors[index.actorPos.get(m.participants[0]!.actorId)!]!.name.toLowerCase());
    expect(text).toContain(index.topicById.get(m.topics[0]!)!.label.toLowerCase());
    expect(text).toContain(m.evidence[0]!.quote!.toLowerCase());
  });

  it('warming in slices builds the same texts as building on demand', () => {
    const warm = buildIndex(dataset);
    while (!warmSearchText(warm, () => false));
    const cold = buildIndex(dataset);
    warm.meetings.forEach((_, i) => expect(searchTextOf(warm, i)).toBe(searchTextOf(cold, i)));
  });

  it('joined into blocks (of any size), texts stay the same, also those built on demand before warming', () => {
    const cold = buildIndex(dataset);
    for (const blockChars of [1, 700, 5_000, 1 << 30]) {
      const warm = buildIndex(dataset);
      searchTextOf(warm, 3);
      let slices = 0;
      while (!warmSearchText(warm, () => slices++ % 3 !== 2, blockChars));
      warm.meetings.forEach((_, i) => expect(searchTextOf(warm, i)).toBe(searchTextOf(cold, i)));
      for (const q of ['meetings', 'japanese', 'talked']) {
        const found = Array.from(filterMeetings(warm, { ...EMPTY_FILTERS, q }));
        expect(found.length).toBeGreaterThan(0);
        expect(found).toEqual(Array.from(filterMeetings(cold, { ...EMPTY_FILTERS, q })));
      }
    }
  });
});

describe('search by source title and word stem', () => {
  const index = buildIndex(dataset);
  const ids = (q: string) => Array.from(filterMeetings(index, { ...EMPTY_FILTERS, q }), (i) => index.meetings[i]!.id);
  const titled = (word: string) =>
    index.meetings.filter((m) => m.evidence.some((e) => index.sourceById.get(e.sourceId)!.title.includes(word))).map((m) => m.id);

  it('finds the meetings whose source title holds a word no summary, name or quote does', () => {
    const expected = titled('Japanese');
    expect(expected.length).toBeGreaterThan(0);
    expect(ids('Japanese').sort()).toEqual(expected.sort());
  });

  it('matches a word by its Porter stem ("meetings" finds "meeting", "talked" finds "talks")', () => {
    expect(termMatcher('meetings')('they held a meeting\n meet')).toBe(true);
    expect(termMatcher('talked')('talks were held\n talk were held')).toBe(true);
    expect(ids('meetings').length).toBeGreaterThan(0);
    expect(ids('meetings')).toEqual(ids('meeting'));
  });

  it('matches a stem only at the start of a word, and still matches any substring as typed', () => {
    expect(termMatcher('united')('a community\n a commun')).toBe(false);
    expect(termMatcher('united')('the united nations\n the unit nation')).toBe(true);
    expect(termMatcher('stitut')('constitutional committee')).toBe(true);
    expect(ids('xylophones')).toEqual([]);
  });
});

describe('isoToMs', () => {
  it('reads days, months and years as UTC midnight', () => {
    expect(isoToMs('2020-08-17')).toBe(Date.UTC(2020, 7, 17));
    expect(isoToMs('2020-08')).toBe(Date.UTC(2020, 7, 1));
    expect(isoToMs('2020')).toBe(Date.UTC(2020, 0, 1));
    expect(isoToMs('1999-12-31')).toBe(Date.UTC(1999, 11, 31));
  });
});

/** The construction before shared pieces were cached: the parts joined, then lower-cased and stemmed as one text. */
function joinedThenLowered(index: ReturnType<typeof buildIndex>, i: number): string {
  const m = index.meetings[i]!;
  const parts: string[] = [m.summary, m.location ?? '', m.type];
  for (const a of index.participants[i]!) parts.push(a >= 0 ? [index.actors[a]!.name, ...index.actors[a]!.aliases].join(' ') : '');
  for (const p of m.participants) parts.push(p.role ?? '');
  for (const t of m.topics) parts.push(index.topicById.get(t)?.label ?? t);
  for (const e of m.evidence) parts.push(e.quote ?? '', index.sourceById.get(e.sourceId)?.title ?? '');
  const raw = parts.join('\n').toLowerCase();
  return [raw, stemWords(raw)].join('\n');
}

describe('search texts with names, topics and titles lower-cased and stemmed once per dataset', () => {
  // Case rules that depend on neighbours (Greek final sigma), letters that change length (İ), aliases, shared titles.
  const words = fc.constantFrom('ΟΔΟΣ', 'Σ', 'ΣΑΣ', 'İstanbul', 'Talks', 'meetings', 'MET', 'ß', 'Ǆ', 'Ⅻ', '東京', '😀', 'ﬁnance', '', ' ', '-', 'and', 'Σ.');
  const text = fc.array(words, { minLength: 1, maxLength: 6 }).map((w) => w.join(' ').trim() || 'x');
  it('equal the whole text lower-cased and stemmed, for any names, aliases, topics, quotes and titles', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 4, maxLength: 4 }), fc.array(text, { minLength: 3, maxLength: 3 }), fc.array(text, { minLength: 3, maxLength: 3 }), (names, topics, titles) => {
        const base = structuredClone(dataset);
        base.actors.slice(0, 4).forEach((a, k) => Object.assign(a, { name: names[k]!, aliases: k % 2 ? [names[(k + 1) % 4]!, `${names[k]!} Σ`] : [] }));
        base.topics.slice(0, 3).forEach((t, k) => (t.label = topics[k]!));
        base.sources.slice(0, 3).forEach((s, k) => (s.title = titles[k]!));
        base.meetings.forEach((m, k) => {
          m.summary = `${names[k % 4]} ${topics[k % 3]}`;
          if (k % 3 === 0) m.location = titles[k % 3]!;
          m.evidence.forEach((e, j) => (e.quote = j % 2 ? undefined : names[(k + j) % 4]!));
        });
        const index = buildIndex(base);
        index.meetings.forEach((_, i) => expect(searchTextOf(index, i)).toBe(joinedThenLowered(index, i)));
      }),
      { numRuns: 40 },
    );
  });

  it('equal it for the bundled dataset', () => {
    const index = buildIndex(dataset);
    index.meetings.forEach((_, i) => expect(searchTextOf(index, i)).toBe(joinedThenLowered(index, i)));
  });
});

describe('stemOf', () => {
  it('gives what the stemmer gives, short words (answered without it) included', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'B', 'İ', 'ß', 'ǅ', 'Σ', 'es', 'ing', 'y', '1', '東'), { minLength: 1, maxLength: 4 }), (parts) => {
        const word = parts.join('');
        expect(stemOf(word)).toBe(stemmer(word));
      }),
      { numRuns: 300 },
    );
  });
});
