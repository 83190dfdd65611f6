import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../src/domain/import/decode';
import { importText, importSummary, type Imported } from '../../../src/domain/import/pipeline';
import { formatProblem } from '../../../src/domain/import/problems';
import { detectDelimiter, parseDelimited } from '../../../src/domain/import/delimited';

const fixture = (name: string) => {
  const decoded = decodeBytes(readFileSync(`tests/fixtures/import/${name}`));
  if (!decoded.ok) throw new Error(decoded.message);
  return decoded.text;
};
const imported = (text: string, name: string): Imported => {
  const outcome = importText(text, name);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome));
  return outcome;
};

describe('delimited text', () => {
  it('detects the delimiter from the header, not from ;-lists in cells', () => {
    expect(detectDelimiter('date,participants\n2020,A; B; C; D\n')).toBe(',');
    expect(detectDelimiter('date;participants;type\n2020;"A, B";x\n')).toBe(';');
    expect(detectDelimiter('a\tb\n1\t2')).toBe('\t');
    expect(detectDelimiter('a,b', 'x.tsv')).toBe('\t');
  });

  it('keeps quoted delimiters, doubled quotes and line breaks inside a cell', () => {
    const table = parseDelimited('a,b\r\n"x, ""y""","line 1\r\nline 2"\r\n');
    expect(table.header).toEqual(['a', 'b']);
    expect(table.rows[0]).toEqual(['x, "y"', 'line 1\r\nline 2']);
  });

  it('reports an unclosed quote with its row', () => {
    const table = parseDelimited('a,b\n1,"never closed\n2,3\n');
    expect(table.problems[0]).toMatchObject({ row: 2, message: expect.stringMatching(/never closed/) });
  });
});

describe('a meetings sheet with quirks (BOM, CRLF, multi-line cell, Persian name, month/year dates, a bad date)', () => {
  const result = imported(fixture('meetings-quirks.csv'), 'meetings-quirks.csv');
  const ds = result.dataset;

  it('reads every good row, lists the bad one by row, column and value, and the ignored column', () => {
    expect(result.rows).toBe(5);
    expect(result.meetings).toBe(4);
    expect(result.problems.map(formatProblem)).toEqual(['Row 5, \u2068Date\u2069 "\u20682021-02-30\u2069": day 30 does not exist in 2021-02']);
    expect(result.unmatched).toEqual(['Notes']);
    expect(importSummary(result)).toBe('5 rows became 4 meetings; 1 row was skipped; columns ignored: \u2068Notes\u2069');
  });

  it('keeps dates at their precision with bounds', () => {
    expect(ds.meetings.map((m) => [m.date, m.datePrecision, m.earliest, m.latest])).toEqual([
      ['2019-07-02', 'day', '2019-07-02', '2019-07-02'],
      ['2020-09', 'month', '2020-09-01', '2020-09-30'],
      ['2021', 'year', '2021-01-01', '2021-12-31'],
      ['2022-03-15', 'day', '2022-03-15', '2022-03-15'],
    ]);
  });

  it('matches actors ignoring case and surrounding space; gives non-Latin names a stable hashed id', () => {
    const khaji = ds.actors.filter((a) => a.name.toLowerCase() === 'ali asghar khaji');
    expect(khaji).toHaveLength(1);
    expect(khaji[0]!.id).toBe('ali-asghar-khaji');
    const persian = ds.actors.find((a) => a.name === 'علی اصغر خاجی')!;
    expect(persian.id).toMatch(/^a-[0-9a-z]{7}$/);
    expect(imported(fixture('meetings-quirks.csv'), 'again.csv').dataset.actors.find((a) => a.name === 'علی اصغر خاجی')!.id).toBe(persian.id);
    expect(ds.actors).toHaveLength(7);
  });

  it('resolves countries by code, alpha-2 and English name, and keeps organisations', () => {
    const affiliation = (name: string) => ds.actors.find((a) => a.name === name)!.affiliation;
    expect(affiliation('Bashar al-Assad')).toBe('SYR');
    expect(affiliation('Geir Pedersen')).toBe('UN');
    expect(affiliation('Faisal Mekdad')).toBe('SYR');
    expect(affiliation('Ayman Sosan')).toBe('SYR');
    expect(ds.countries.find((c) => c.code === 'UN')).toMatchObject({ kind: 'organization' });
  });

  it('reads type, CAMEO code, topics, multi-line summary, source URL and quote', () => {
    const [first, second, third, fourth] = ds.meetings;
    expect(first).toMatchObject({ type: 'meeting', cameo: '040', location: 'Damascus', summary: 'Talks in Damascus\r\non the Astana process, "frank and friendly".' });
    expect(first!.topics).toHaveLength(2);
    expect(fourth!.topics).toEqual([first!.topics[0]]);
    expect(second).toMatchObject({ type: 'phone-call', cameo: '041' });
    expect(third).toMatchObject({ type: 'visit', cameo: '042' });
    expect(fourth).toMatchObject({ type: 'meeting', cameo: '044' });
    const source = ds.sources.find((s) => s.id === first!.evidence[0]!.sourceId)!;
    expect(source).toMatchObject({ url: 'https://en.mehrnews.com/news/148435' });
    expect(source.text).toBeUndefined();
    expect(first!.evidence[0]!.quote).toBe('Khaji held separate talks with Syrian President Bashar al-Assad');
    // A row with no source cites the file and its row.
    expect(third!.evidence[0]).toMatchObject({ locator: 'row 4' });
  });
});

describe('rows that cannot be read are listed, never dropped silently', () => {
  const sheet = (body: string) => importText(`date,participants,countries,type\n${body}`, 'x.csv');
  it.each([
    ['2020-13,A;B,,', 'date', /month 13/],
    ['2020-02-30,A;B,,', 'date', /day 30/],
    ['20200101,A;B,,', 'date', /not a date/],
    ['2020,A,,', 'participants', /only one participant/],
    ['2020,,,', 'participants', /no participants/],
    ['2020,A;B,Narnia;IRN,', 'countries', /unknown country/],
    ['2020,A;B,IRN,', 'countries', /1 countries for 2 participants/],
    ['2020,A;B,,dinner', 'type', /unknown contact type/],
  ])('%s → %s', (row, column, message) => {
    const outcome = sheet(`2021,C;D,,\n${row}\n`);
    if (!outcome.ok) throw new Error('expected the good row to load');
    expect(outcome.meetings).toBe(1);
    expect(outcome.problems[0]).toMatchObject({ row: 3, column, message: expect.stringMatching(message) });
  });

  it('a file with no readable row is a failure naming each row', () => {
    const outcome = importText('date,participants\n2020-13,A;B\n', 'bad.csv');
    expect(outcome).toMatchObject({ ok: false, needsMapping: false, title: expect.stringMatching(/no row could be read/) });
  });

  it('unknown headers ask for a mapping with a guess', () => {
    const outcome = importText('when it happened,who,blah\n2020,A;B,x\n', 'odd.csv');
    expect(outcome).toMatchObject({ ok: false, needsMapping: true });
    if (!outcome.ok && outcome.needsMapping) {
      expect(outcome.guess.mapping).toEqual({ participants: 1 }); // "who" is a synonym; no column says the date
      const mapped = importText('', 'odd.csv', { table: outcome.table, mapping: { date: 0, participants: 1 } });
      expect(mapped).toMatchObject({ ok: true, meetings: 1, unmatched: ['blah'] });
    }
  });
});

describe('ICEWS layout', () => {
  const result = imported(fixture('icews-sample.tab'), 'icews-sample.tab');
  const ds = result.dataset;

  it('is recognised from its header and keeps only contacts', () => {
    expect(result.format).toBe('ICEWS events (tab-separated)');
    expect(result.rows).toBe(9);
    expect(result.notContacts).toBe(2);
    expect(result.meetings).toBe(3);
    expect(result.problems.map((p) => [p.row, p.column, p.value])).toEqual([
      [9, 'Event Date', '2021-02-30'],
      [10, 'Source Country', 'Atlantis'],
    ]);
  });

  it('merges rows of one story sentence into one contact; 042 with 043 is a visit hosted by the 043 source', () => {
    const visit = ds.meetings.find((m) => m.id === 'icews-100-2')!;
    expect(visit).toMatchObject({ type: 'visit', cameo: '043', date: '2020-01-05', location: 'Damascus, Dimashq, Syria', coordinates: { latitude: 33.5102, longitude: 36.29128 } });
    expect(visit.participants).toEqual([{ actorId: 'bashar-al-assad', role: 'host' }, { actorId: 'mohammad-javad-zarif' }]);
    const consult = ds.meetings.find((m) => m.id === 'icews-101-1')!;
    expect(consult.participants.map((p) => p.actorId).sort()).toEqual(['geir-pedersen', 'iran']);
    expect(consult.cameo).toBe('040');
  });

  it('takes affiliation from the country, kind from sectors, and cites the story without a quote', () => {
    const actor = (id: string) => ds.actors.find((a) => a.id === id)!;
    expect(actor('iran')).toMatchObject({ kind: 'organization', affiliation: 'IRN' });
    expect(actor('sergey-lavrov')).toMatchObject({ kind: 'person', affiliation: 'RUS' });
    expect(actor('geir-pedersen').affiliation).toBe('UNSTATED');
    const visit = ds.meetings.find((m) => m.id === 'icews-100-2')!;
    expect(visit.evidence).toEqual([{ sourceId: 'story-100', locator: 'sentence 2; event 1, 2' }]);
    expect(ds.sources.find((s) => s.id === 'story-100')).toMatchObject({ publisher: 'Xinhua', title: 'ICEWS story 100' });
    expect(ds.meetings.find((m) => m.id === 'icews-104-1')).toMatchObject({ cameo: '046', type: 'meeting', location: 'Moscow, Moskva, Russia' });
  });
});

describe('ICEWS contacts told apart by actor key', () => {
  const header = 'Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\tEvent Text\tCAMEO Code\tIntensity\tTarget Name\tTarget Sectors\tTarget Country\tStory ID\tSentence Number\tPublisher\tCity\tDistrict\tProvince\tCountry\tLatitude\tLongitude';
  const row = (cells: string[]) => cells.join('\t');
  const text = [
    header,
    // One sentence: the same person spelled two ways (one with a country, one without), hosted by the 043 source.
    row(['1', '2021-03-01', 'Ali Asghar Khaji', 'Government', 'Iran', 'Host a visit', '043', '1', 'Geir Pedersen', 'Government', '', '7', '1', 'AFP', '', '', '', '', '', '']),
    row(['2', '2021-03-01', 'Geir Pedersen', 'Government', '', 'Make a visit', '042', '1', ' ali  asghar KHAJI ', '', '', '7', '1', 'AFP', '', '', '', '', '', '']),
    // A sentence with no place and no coordinates.
    row(['3', '2021-03-02', 'Iran', '', '', 'Consult', '040', '1', 'Syria', '', '', '8', '1', 'AFP', '', '', '', '', '', '']),
  ].join('\n');
  const ds = imported(text, 'keys.tab').dataset;

  it('keeps one participant per actor key, the host first and marked', () => {
    const visit = ds.meetings.find((m) => m.id === 'icews-7-1')!;
    expect(visit.participants).toEqual([{ actorId: 'ali-asghar-khaji', role: 'host' }, { actorId: 'geir-pedersen' }]);
    expect(visit.cameo).toBe('043');
    expect(visit.evidence).toEqual([{ sourceId: 'story-7', locator: 'sentence 1; event 1, 2' }]);
  });

  it("writes a meeting's keys in the schema's order, with or without a place", () => {
    expect(Object.keys(ds.meetings.find((m) => m.id === 'icews-8-1')!)).toEqual(['id', 'date', 'datePrecision', 'earliest', 'latest', 'dateNote', 'type', 'cameo', 'participants', 'topics', 'summary', 'evidence']);
    expect(Object.keys(imported(fixture('icews-sample.tab'), 'icews-sample.tab').dataset.meetings.find((m) => m.id === 'icews-100-2')!)).toEqual(['id', 'date', 'datePrecision', 'earliest', 'latest', 'dateNote', 'type', 'cameo', 'location', 'coordinates', 'participants', 'topics', 'summary', 'evidence']);
  });
});

describe('JSON through the same pipeline', () => {
  it('reads the bundled dataset, with or without a BOM', () => {
    const text = readFileSync('public/data/meetings.json', 'utf8');
    expect(importText(text, 'meetings.json')).toMatchObject({ ok: true, meetings: 13, format: 'Parley JSON' });
    expect(importText(`\uFEFF${text}`, 'meetings.json')).toMatchObject({ ok: true, meetings: 13 });
  });
});
