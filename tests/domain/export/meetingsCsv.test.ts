import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import { EXTRA_COLUMNS, meetingsToCsv, SHEET_COLUMNS } from '../../../src/domain/export/meetingsCsv';
import { escapeSpreadsheetCell, unescapeSpreadsheetCell } from '../../../src/domain/export/spreadsheetSafety';
import { EMPTY_FILTERS, filterMeetings } from '../../../src/domain/filters';
import { bundledIndex, hostileIndex } from './fixtures';

/** Parses like a spreadsheet would (BOM removed), then undoes the formula guard like Parley's importer. */
function readBack(csv: string) {
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return { fields: parsed.meta.fields!, rows: parsed.data.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, unescapeSpreadsheetCell(v)]))) };
}

describe('Meetings as CSV', () => {
  it('writes the meetings-sheet columns first, then the extras, one row per filtered meeting in view order', () => {
    const index = bundledIndex();
    const visible = filterMeetings(index, { ...EMPTY_FILTERS, countries: ['JPN'] });
    const { fields, rows } = readBack(meetingsToCsv(index, visible));
    expect(fields.slice(0, SHEET_COLUMNS.length)).toEqual([...SHEET_COLUMNS]);
    expect(fields.slice(SHEET_COLUMNS.length, SHEET_COLUMNS.length + EXTRA_COLUMNS.length)).toEqual([...EXTRA_COLUMNS]);
    expect(rows.map((r) => r.id)).toEqual(Array.from(visible, (p) => index.meetings[p]!.id));
    const first = index.meetings[visible[0]!]!;
    const row = rows[0]!;
    expect(row.date).toBe(first.date);
    expect(row.participants!.split('; ')).toEqual(first.participants.map((p) => index.actors[index.actorPos.get(p.actorId)!]!.name));
    expect(row['participant countries']!.split('; ')).toEqual(first.participants.map((p) => index.actors[index.actorPos.get(p.actorId)!]!.affiliation));
    expect(row.topics!.split('; ')).toEqual(first.topics.map((t) => index.topicById.get(t)!.label));
    expect(row.quote).toBe(first.evidence[0]!.quote);
    const source = index.sourceById.get(first.evidence[0]!.sourceId)!;
    expect(row.source).toBe(source.url ?? source.title);
    expect(row.earliest).toBe(first.earliest);
    expect(row.cameo).toBe(first.cameo);
  });

  it('keeps every evidence quote: further ones in numbered source/quote columns', () => {
    const index = bundledIndex();
    const { fields, rows } = readBack(meetingsToCsv(index, index.order));
    expect(fields).toContain('quote 2');
    rows.forEach((row, k) => {
      const m = index.meetings[index.order[k]!]!;
      expect(row['quote 2'] ?? '').toBe(m.evidence[1]?.quote ?? '');
    });
  });

  it('quotes commas, quotes and line breaks, and makes formula-like cells inert yet reversible', () => {
    const index = hostileIndex();
    const csv = meetingsToCsv(index, index.order);
    // No cell (at a line start or after a delimiter) begins with a formula trigger.
    expect(csv).not.toMatch(/(^|[\r\n,]|,")[=+\-@]/);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example""`);
    expect(csv.split('\r\n')[0]).toBe(`\uFEFF${[...SHEET_COLUMNS, ...EXTRA_COLUMNS, 'source 2', 'quote 2'].join(',')}`);
    const { rows } = readBack(csv);
    const m1 = index.meetings[0]!;
    expect(rows[0]).toMatchObject({
      participants: 'علی اصغر خاجی; @SUM(A1:A2) <script>alert(1)</script>; Geir O\'Pedersen',
      'participant countries': 'IRN; UN; UN',
      'participant roles': 'host; ; ',
      location: "'=already escaped",
      topics: '+1 "topic", really',
      summary: m1.summary,
      source: '-Minus title, with comma',
      quote: m1.evidence[0]!.quote,
      'quote 2': m1.evidence[1]!.quote,
      'date note': 'note, "quoted"',
    });
  });

  it('the formula guard is a bijection: unescape(escape(x)) = x and escaped text never starts a formula', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', 'a', ' ', '"') }), (s) => {
        const escaped = escapeSpreadsheetCell(s);
        expect(unescapeSpreadsheetCell(escaped)).toBe(s);
        expect(/^[=+\-@\t\r]/.test(escaped)).toBe(false);
      }),
    );
  });
});
