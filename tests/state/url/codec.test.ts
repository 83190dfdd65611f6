import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatView, parseView, sanitizeView } from '../../../src/state/url/codec';
import { INITIAL_VIEW } from '../../../src/state/slices/viewSlice';
import { CANONICAL_ORDER, MAX_QUERY_LENGTH } from '../../../src/state/url/params';
import type { View } from '../../../src/state/types';
import { PLAY_SPANS, PLAY_SPEEDS } from '../../../src/domain/playback';
import { smallIndex } from '../../fixtures/smallDataset';
import { SIZE_METRICS } from '../../../src/domain/analysis/metricNames';

const slug = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,11}$/);
const countryCode = fc.stringMatching(/^([A-Z]{3}|[A-Z][A-Z0-9-]{1,15})$/);
const isoDay = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const orderedDays = fc.tuple(isoDay, isoDay).map(([a, b]): [string, string] => (a <= b ? [a, b] : [b, a]));

const arbitraryView: fc.Arbitrary<View> = fc.record({
  filters: fc.record({
    actors: fc.uniqueArray(slug, { maxLength: 5 }),
    countries: fc.uniqueArray(countryCode, { maxLength: 4 }),
    topics: fc.uniqueArray(slug, { maxLength: 5 }),
    range: fc.tuple(orderedDays, fc.boolean(), fc.boolean()),
    q: fc.string({ unit: 'grapheme', maxLength: 60 }),
    between: fc.option(
      fc.oneof(fc.tuple(slug, slug), fc.tuple(countryCode, countryCode)).filter(([a, b]) => a !== b),
      { nil: null },
    ),
  }).map(({ range: [[from, to], hasFrom, hasTo], ...rest }) => ({ ...rest, from: hasFrom ? from : null, to: hasTo ? to : null })),
  selection: fc.oneof(
    fc.constant(null),
    fc.record({ kind: fc.constant('meeting' as const), id: slug }),
    fc.record({ kind: fc.constant('actor' as const), id: slug }),
    fc.tuple(slug, slug).filter(([a, b]) => a !== b).map(([a, b]) => ({ kind: 'edge' as const, a, b })),
  ),
  window: fc.option(orderedDays.map(([start, end]) => ({ start, end })), { nil: null }),
  followWindow: fc.boolean(),
  mode: fc.constantFrom('charts' as const, 'table' as const),
  analysis: fc.record({
    size: fc.constantFrom(...SIZE_METRICS),
    color: fc.constantFrom('affiliation' as const, 'community' as const),
    ego: fc.option(fc.record({ actor: slug, depth: fc.constantFrom(1 as const, 2 as const) }), { nil: null }),
  }),
  lanes: fc.constantFrom(null, 'country' as const, 'actor' as const),
  playSpan: fc.constantFrom(...PLAY_SPANS),
  playSpeed: fc.constantFrom(...PLAY_SPEEDS),
});

const paramName = fc.constantFrom(...CANONICAL_ORDER, 'utm_source', '', '?');
const messyQuery = fc
  .array(fc.tuple(paramName, fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom('=', '', '==')), { maxLength: 8 })
  .map((pairs) => pairs.map(([k, v, eq]) => `${k}${eq}${v}`).join('&'));

describe('parseView / formatView properties', () => {
  it('round-trips every valid view without problems', () => {
    fc.assert(
      fc.property(arbitraryView, (view) => {
        const { view: parsed, problems } = parseView(formatView(view));
        expect(problems).toEqual([]);
        expect(parsed).toEqual(view);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on arbitrary text and always yields a view that round-trips cleanly', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), messyQuery), (search) => {
        const { view, problems } = parseView(search);
        expect(problems.every((p) => typeof p === 'string' && p.length > 0)).toBe(true);
        const again = parseView(formatView(view));
        expect(again.problems).toEqual([]);
        expect(again.view).toEqual(view);
      }),
      { numRuns: 500 },
    );
  });
});

describe('formatView', () => {
  it('gives the empty string for the default view', () => {
    expect(formatView(INITIAL_VIEW)).toBe('');
  });

  it('writes parameters in canonical order with readable separators', () => {
    const view: View = {
      filters: { actors: ['khaji', 'assad'], countries: ['IRN'], topics: ['astana'], from: '2019-01-01', to: '2020-12-31', q: 'nuclear deal+', between: ['IRN', 'JPN'] },
      selection: { kind: 'edge', a: 'khaji', b: 'assad' },
      window: { start: '2019-06-01', end: '2019-08-31' },
      followWindow: true,
      mode: 'table',
      analysis: { size: 'betweenness', color: 'community', ego: { actor: 'khaji', depth: 2 } },
      lanes: 'country',
      playSpan: '1y',
      playSpeed: 2,
    };
    expect(formatView(view, { data: 'data/other.json' })).toBe(
      'data=data/other.json&actor=khaji,assad&country=IRN&topic=astana&from=2019-01-01&to=2020-12-31&q=nuclear+deal%2B' +
        '&between=IRN~JPN&select=edge:khaji~assad&window=2019-06-01..2019-08-31&follow=1&lanes=country&play=1y&speed=2&view=table&size=betweenness&color=community&ego=khaji&depth=2',
    );
  });

  it('does not throw on a search text with a lone surrogate', () => {
    const view = { ...INITIAL_VIEW, filters: { ...INITIAL_VIEW.filters, q: 'a\uD800b' } };
    expect(parseView(formatView(view)).view.filters.q).toBe('a\uFFFDb');
  });
});

describe('parseView reports and drops malformed values', () => {
  const parse = (s: string) => parseView(s);

  it('accepts a leading question mark and the data parameter without complaint', () => {
    const { view, problems } = parse('?data=data/x.json&actor=khaji');
    expect(problems).toEqual([]);
    expect(view.filters.actors).toEqual(['khaji']);
  });

  it('rejects impossible dates', () => {
    const { view, problems } = parse('from=2020-13-45&to=2021-02-30');
    expect(view.filters.from).toBeNull();
    expect(view.filters.to).toBeNull();
    expect(problems).toEqual([
      'Ignored from=\u20682020-13-45\u2069: not a valid date (expected YYYY-MM-DD)',
      'Ignored to=\u20682021-02-30\u2069: not a valid date (expected YYYY-MM-DD)',
    ]);
  });

  it('drops a from that is after to', () => {
    const { view, problems } = parse('from=2021-01-01&to=2020-01-01&actor=khaji');
    expect(view.filters).toMatchObject({ from: null, to: null, actors: ['khaji'] });
    expect(problems).toEqual(['Ignored from=2021-01-01 and to=2020-01-01: the start is after the end']);
  });

  it('keeps the first of repeated parameters', () => {
    const { view, problems } = parse('q=first&q=second&q=third');
    expect(view.filters.q).toBe('first');
    expect(problems).toEqual(['Ignored repeated q=\u2068second\u2069: only the first q is used']);
  });

  it('ignores overlong values', () => {
    const { view, problems } = parse(`q=${'a'.repeat(501)}&topic=astana`);
    expect(view.filters.q).toBe('');
    expect(view.filters.topics).toEqual(['astana']);
    expect(problems).toEqual(['Ignored q: its value is longer than 500 characters']);
  });

  it('cuts an overlong link at a parameter boundary and names what was cut', () => {
    const search = `topic=astana&x=${'c'.repeat(MAX_QUERY_LENGTH)}&view=table`;
    const { view, problems } = parse(search);
    expect(view.filters.topics).toEqual(['astana']);
    expect(view.mode).toBe('charts');
    expect(problems).toContain('The link is longer than 4,000 characters; ignored \u2068x\u2069, \u2068view\u2069');
  });

  it('rejects ids that are not slugs and codes that are not codes, keeping the rest', () => {
    const { view, problems } = parse('actor=khaji,Bad%20Id,khaji&country=IRN,irn&topic=astana,-x');
    expect(view.filters.actors).toEqual(['khaji']);
    expect(view.filters.countries).toEqual(['IRN']);
    expect(view.filters.topics).toEqual(['astana']);
    expect(problems).toEqual([
      'Ignored actor=\u2068Bad Id\u2069: not a valid actor id',
      'Ignored actor=\u2068khaji\u2069: listed twice',
      'Ignored country=\u2068irn\u2069: not a valid country or organization code',
      'Ignored topic=\u2068-x\u2069: not a valid topic id',
    ]);
  });

  it('reports unknown parameters once each', () => {
    const { problems } = parse('utm_source=mail&utm_source=x&foo=1');
    expect(problems).toEqual(['Ignored unknown parameter \u2068utm_source\u2069', 'Ignored unknown parameter \u2068foo\u2069']);
  });

  it('parses every selection kind and rejects malformed ones', () => {
    expect(parse('select=meeting:m-1').view.selection).toEqual({ kind: 'meeting', id: 'm-1' });
    expect(parse('select=actor:khaji').view.selection).toEqual({ kind: 'actor', id: 'khaji' });
    expect(parse('select=edge:khaji~assad').view.selection).toEqual({ kind: 'edge', a: 'khaji', b: 'assad' });
    for (const bad of ['place:x', 'meeting:', 'edge:a~b~c', 'edge:a', 'khaji']) {
      const { view, problems } = parse(`select=${bad}`);
      expect(view.selection).toBeNull();
      expect(problems).toEqual([`Ignored select=\u2068${bad}\u2069: expected meeting:<id>, actor:<id> or edge:<id>~<id>`]);
    }
    expect(parse('select=edge:a~a').problems).toEqual(['Ignored select=\u2068edge:a~a\u2069: a pair needs two different actors']);
  });

  it('validates the window range', () => {
    expect(parse('window=2020-01-01..2020-02-01').view.window).toEqual({ start: '2020-01-01', end: '2020-02-01' });
    expect(parse('window=2020-02-01..2020-01-01').problems).toEqual(['Ignored window=\u20682020-02-01..2020-01-01\u2069: it starts after it ends']);
    expect(parse('window=2020-01-01').problems).toEqual(['Ignored window=\u20682020-01-01\u2069: expected YYYY-MM-DD..YYYY-MM-DD']);
  });

  it('accepts only the documented follow and view values', () => {
    expect(parse('follow=1&view=table').view).toMatchObject({ followWindow: true, mode: 'table' });
    const { view, problems } = parse('follow=yes&view=constructor');
    expect(view).toMatchObject({ followWindow: false, mode: 'charts' });
    expect(problems).toEqual(['Ignored follow=\u2068yes\u2069: expected 0 or 1', 'Ignored view=\u2068constructor\u2069: expected table or charts']);
  });

  it('shortens long values quoted in problems and keeps markup as plain text', () => {
    const { problems } = parse(`from=<img src=x onerror=alert(1)>${'9'.repeat(100)}`);
    expect(problems[0]).toBe(`Ignored from=\u2068<img src=x onerror=alert(1)>${'9'.repeat(12)}…\u2069: not a valid date (expected YYYY-MM-DD)`);
  });
});

describe('sanitizeView', () => {
  const index = smallIndex();
  const base: View = INITIAL_VIEW;

  it('returns the same view when every id is known', () => {
    const view: View = { ...base, filters: { ...base.filters, actors: ['khaji'], countries: ['UN'], topics: ['astana'] }, selection: { kind: 'edge', a: 'khaji', b: 'assad' } };
    const result = sanitizeView(view, index);
    expect(result.view).toBe(view);
    expect(result.problems).toEqual([]);
  });

  it('drops unknown actors, countries, topics and names them', () => {
    const view: View = { ...base, filters: { ...base.filters, actors: ['khaji', 'nobody'], countries: ['FRA'], topics: ['astana', 'brexit'] } };
    const { view: clean, problems } = sanitizeView(view, index);
    expect(clean.filters).toMatchObject({ actors: ['khaji'], countries: [], topics: ['astana'] });
    expect(problems).toEqual([
      'Ignored actor=\u2068nobody\u2069: not in this dataset',
      'Ignored country=\u2068FRA\u2069: not in this dataset',
      'Ignored topic=\u2068brexit\u2069: not in this dataset',
    ]);
  });

  it('drops a selection that does not resolve', () => {
    const cases: [View['selection'], string][] = [
      [{ kind: 'meeting', id: 'nope' }, 'Ignored select=\u2068meeting:nope\u2069: no such meeting in this dataset'],
      [{ kind: 'actor', id: 'nope' }, 'Ignored select=\u2068actor:nope\u2069: no such actor in this dataset'],
      [{ kind: 'edge', a: 'khaji', b: 'nope' }, 'Ignored select=\u2068edge:khaji~nope\u2069: no such actor in this dataset'],
      [{ kind: 'edge', a: 'assad', b: 'endo' }, 'Ignored select=\u2068edge:assad~endo\u2069: these actors never met in this dataset'],
    ];
    for (const [selection, problem] of cases) {
      const result = sanitizeView({ ...base, selection }, index);
      expect(result.view.selection).toBeNull();
      expect(result.problems).toEqual([problem]);
    }
  });
});

describe('analysis and between parameters', () => {
  const index = smallIndex();

  it('parses size, color, ego and depth, and omits the defaults when formatting', () => {
    const { view, problems } = parseView('size=pagerank&color=community&ego=khaji&depth=2&between=IRN~JPN');
    expect(problems).toEqual([]);
    expect(view.analysis).toEqual({ size: 'pagerank', color: 'community', ego: { actor: 'khaji', depth: 2 } });
    expect(view.filters.between).toEqual(['IRN', 'JPN']);
    expect(formatView({ ...view, analysis: { size: 'meetings', color: 'affiliation', ego: { actor: 'khaji', depth: 1 } } })).toBe('between=IRN~JPN&ego=khaji');
  });

  it('reports malformed analysis values and keeps the rest', () => {
    const { view, problems } = parseView('size=eigen&color=red&depth=3&between=IRN~IRN');
    expect(view.analysis).toEqual(INITIAL_VIEW.analysis);
    expect(view.filters.between).toBeNull();
    expect(problems).toEqual([
      'Ignored between=\u2068IRN~IRN\u2069: the two sides must differ',
      'Ignored size=\u2068eigen\u2069: expected meetings or degree or betweenness or pagerank',
      'Ignored color=\u2068red\u2069: expected affiliation or community',
      'Ignored depth=\u20683\u2069: it only applies with ego=<actor id>',
    ]);
    expect(parseView('ego=Bad%20Id').problems).toEqual(['Ignored ego=\u2068Bad Id\u2069: not a valid actor id']);
    expect(parseView('ego=khaji&depth=3').problems).toEqual(['Ignored depth=\u20683\u2069: expected 1 or 2']);
    expect(parseView('between=IRN~JPN~UN').problems).toEqual([
      'Ignored between=\u2068IRN~JPN~UN\u2069: expected two country/organization codes or two actor ids joined by ~, e.g. IRN~JPN',
    ]);
  });

  it('drops an ego actor and between sides the dataset does not know', () => {
    const { view, problems } = sanitizeView(parseView('ego=nobody&between=IRN~FRA&size=degree').view, index);
    expect(view.analysis).toEqual({ size: 'degree', color: 'affiliation', ego: null });
    expect(view.filters.between).toBeNull();
    expect(problems).toEqual(['Ignored between=\u2068IRN~FRA\u2069: \u2068FRA\u2069 not in this dataset', 'Ignored ego=\u2068nobody\u2069: no such actor in this dataset']);
    const known = parseView('ego=khaji&between=khaji~pedersen').view;
    expect(sanitizeView(known, index).view).toBe(known);
  });
});

describe('sanitizeView clamps a window the timeline cannot show', () => {
  it('cuts window=0000-01-01..9999-12-31 to the widest window around the meetings and says so', () => {
    const { view, problems } = sanitizeView(parseView('window=0000-01-01..9999-12-31').view, smallIndex());
    expect(view.window!.start > '1700-01-01' && view.window!.end < '2400-01-01').toBe(true);
    expect(problems).toEqual([`Clamped window=0000-01-01..9999-12-31 to ${view.window!.start}..${view.window!.end}: the timeline shows at most 300 years of this dataset at once`]);
  });
});
