import { describe, expect, it } from 'vitest';
import { exportFileName, slugPart } from '../../../src/domain/export/fileName';
import { filterClauses, filtersInWords } from '../../../src/domain/export/filterWords';
import { wrapRuns } from '../../../src/domain/export/textLayout';
import { EMPTY_FILTERS } from '../../../src/domain/filters';
import { bundledIndex, hostileIndex } from './fixtures';

describe('export file names', () => {
  const index = bundledIndex();
  it('say what they hold, from the active filters', () => {
    expect(exportFileName('meetings', 'csv', index, EMPTY_FILTERS)).toBe('parley-meetings.csv');
    expect(exportFileName('meetings', 'csv', index, { ...EMPTY_FILTERS, countries: ['IRN'], from: '2020-01-01', to: '2020-12-31' })).toBe('parley-meetings-iran-2020.csv');
    expect(exportFileName('network', 'gexf', index, { ...EMPTY_FILTERS, countries: ['UN'], topics: ['astana'], from: '2019-01-01', to: '2021-12-31' })).toBe(
      'parley-network-united-nations-astana-2019-2021.gexf',
    );
    expect(exportFileName('timeline', 'png', index, { ...EMPTY_FILTERS, actors: ['khaji'], from: '2020-03-05' })).toBe('parley-timeline-ali-asghar-khaji-from-2020-03-05.png');
    expect(exportFileName('dataset', 'json', index, { ...EMPTY_FILTERS, q: 'Constitutional Committee!' })).toBe('parley-dataset-constitutional-committee.json');
  });

  it('are sanitised: ASCII slug only, ids for names in other scripts, bounded length', () => {
    const hostile = hostileIndex();
    expect(exportFileName('meetings', 'csv', hostile, { ...EMPTY_FILTERS, actors: ['khaji', 'evil'], q: '../../etc/passwd' })).toBe(
      'parley-meetings-khaji-sum-a1-a2-script-alert-1-script-etc-passwd.csv',
    );
    const long = exportFileName('meetings', 'csv', index, { ...EMPTY_FILTERS, q: 'word '.repeat(100) });
    expect(long.length).toBeLessThanOrEqual(84);
    expect(long).toMatch(/^parley-meetings(-word)+\.csv$/);
    expect(slugPart('Ḥezbollāh / Ça va')).toBe('hezbollah-ca-va');
  });
});

describe('filters in words', () => {
  const index = bundledIndex();
  it('names every active facet with its display values', () => {
    const f = { ...EMPTY_FILTERS, countries: ['JPN', 'UN'], topics: ['astana'], actors: ['khaji'], from: '2020-01-01', to: '2020-12-31', q: ' nuclear ' };
    expect(filterClauses(index, f).map((c) => c.label)).toEqual(['countries or organizations', 'topic', 'actor', 'dates', 'text']);
    expect(filtersInWords(index, f)).toBe(
      'Filters: countries or organizations: \u2068Japan\u2069 or \u2068United Nations\u2069; topic: \u2068Astana process\u2069; actor: \u2068Ali Asghar Khaji\u2069; dates: \u20681 January 2020\u2069 – \u206831 December 2020\u2069; text: \u2068“nuclear”\u2069',
    );
    expect(filtersInWords(index, EMPTY_FILTERS)).toBe('No filters: all meetings');
  });
});

describe('figure text wrapping', () => {
  it('breaks at spaces within the width, keeps data runs apart, and cuts words longer than a line', () => {
    const lines = wrapRuns([{ text: 'Filters: actor: ' }, { text: 'علی اصغر خاجی', data: true }, { text: ' or ' }, { text: 'Geir Pedersen', data: true }], 24);
    expect(lines.map((l) => l.map((r) => r.text).join(''))).toEqual(['Filters: actor: علی اصغر', 'خاجی or Geir Pedersen']);
    expect(lines[0]![1]).toEqual({ text: 'علی اصغر', data: true });
    expect(lines.flat().filter((r) => r.data).map((r) => r.text.trim())).toEqual(['علی اصغر', 'خاجی', 'Geir Pedersen']);
    expect(lines.every((l) => l.map((r) => r.text).join('').length <= 24)).toBe(true);
    const url = `https://example.org/${'x'.repeat(50)}`;
    expect(wrapRuns([{ text: `See ${url}` }], 20).map((l) => l[0]!.text.length).every((n) => n <= 20)).toBe(true);
    expect(wrapRuns([{ text: `See ${url}` }], 20).map((l) => l[0]!.text).join('')).toBe(`See ${url}`);
  });
});
