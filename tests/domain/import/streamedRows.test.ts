import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../src/domain/import/decode';
import { parseDelimited } from '../../../src/domain/import/delimited';
import { readDyadic } from '../../../src/domain/import/dyadic';
import { DYADIC_LAYOUTS, matchLayout } from '../../../src/domain/import/layouts';
import { importText } from '../../../src/domain/import/pipeline';

const icews = () => {
  const decoded = decodeBytes(readFileSync('tests/fixtures/import/icews-sample.tab'));
  if (!decoded.ok) throw new Error(decoded.message);
  return decoded.text;
};

describe('an event file read as it is parsed', () => {
  const lines = icews().trimEnd().split('\n');
  // A blank line, a non-contact row with surrounding spaces, a two-digit contact code, a row with an unknown country,
  // one with no target, and a quoted cell never closed at the end (a parser problem with its row).
  const text = [
    ...lines,
    '',
    lines[1]!.replace(/\t0?4\d\t/, '\t 190 \t'),
    lines[1]!.replace(/\t042\t/, '\t42\t').replace(/^1\t/, '41\t').replace('\t100\t2\t', '\t900\t1\t'),
    lines[1]!.replace(/^1\t/, '42\t').replace('\tSyria\t100\t', '\tAtlantis\t901\t'),
    lines[1]!.replace(/^1\t/, '43\t').replace('\tBashar al-Assad\t', '\t\t').replace('\t100\t', '\t902\t'),
    lines[1]!.replace(/^1\t/, '44\t').replace('\tXinhua\t', '\t"Xinhua\t'),
  ].join('\n');
  const layout = DYADIC_LAYOUTS[0]!;

  it('gives the same dataset, problems, row and contact counts as reading the whole table', () => {
    const whole = parseDelimited(text, 'e.tab');
    const before = readDyadic(whole, matchLayout(whole.header, layout)!, layout, 'e.tab');
    const after = importText(text, 'e.tab');
    if (!after.ok) throw new Error('the file did not load');
    expect(after.dataset).toEqual(before.dataset);
    expect(after.problems).toEqual(before.problems);
    expect([after.rows, after.meetings, after.notContacts]).toEqual([before.rows, before.meetings, before.notContacts]);
    // The cases above are there: a parser problem, row problems and non-contacts.
    expect(after.problems.some((p) => p.message.includes('never closed'))).toBe(true);
    expect(after.problems.some((p) => p.message === 'unknown country name')).toBe(true);
    expect(after.problems.some((p) => p.message === 'no actor named')).toBe(true);
    expect(after.notContacts).toBeGreaterThanOrEqual(2);
  });

  it('hands every data row to the sink in order, with its index, and holds none', () => {
    const whole = parseDelimited(text, 'e.tab');
    const seen: [readonly string[], number][] = [];
    const streamed = parseDelimited(text, 'e.tab', undefined, () => (cells, i) => seen.push([cells, i]));
    expect(streamed.header).toEqual(whole.header);
    expect(streamed.rows).toEqual([]);
    expect(streamed.problems).toEqual(whole.problems);
    expect(seen.map(([, i]) => i)).toEqual(whole.rows.map((_, i) => i));
    expect(seen.map(([cells]) => cells)).toEqual(whole.rows);
  });

  it('reports progress by rows read whether rows are held or handed over', () => {
    const many = [lines[0]!, ...Array.from({ length: 12_000 }, (_, k) => lines[1]!.replace(/^1\t/, `${k + 1}\t`))].join('\n');
    const held: number[] = [];
    const handed: number[] = [];
    parseDelimited(many, 'e.tab', (p) => held.push(p.rows));
    parseDelimited(many, 'e.tab', (p) => handed.push(p.rows), () => () => undefined);
    expect(held).toEqual([4999, 9999]);
    expect(handed).toEqual(held);
  });

  it('keeps every row of a sheet that is not an event file', () => {
    const sheet = 'date,participants,cameo\n2020-01-01,A; B,190\n';
    const sink = (header: readonly string[]) => (DYADIC_LAYOUTS.some((l) => matchLayout(header, l)) ? () => undefined : null);
    expect(parseDelimited(sheet, 'm.csv', undefined, sink)).toEqual(parseDelimited(sheet, 'm.csv'));
  });
});
