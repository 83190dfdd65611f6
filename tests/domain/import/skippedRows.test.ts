import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../src/domain/import/decode';
import { parseDelimited, SKIPPED_ROW } from '../../../src/domain/import/delimited';
import { nonContactRows, readDyadic } from '../../../src/domain/import/dyadic';
import { DYADIC_LAYOUTS, matchLayout } from '../../../src/domain/import/layouts';

const icews = () => {
  const decoded = decodeBytes(readFileSync('tests/fixtures/import/icews-sample.tab'));
  if (!decoded.ok) throw new Error(decoded.message);
  return decoded.text;
};

describe("an event file's non-contact rows left out while parsing", () => {
  // A blank line, a non-contact row with surrounding spaces and NA cells, and a two-digit contact code.
  const text = `${icews().trimEnd()}\n\n${icews().split('\n')[1]!.replace(/\t0?4\d\t/, '\t 190 \t')}\n`;
  const layout = DYADIC_LAYOUTS[0]!;

  it('keep row numbers and the header, and read to the same dataset, problems and counts', () => {
    const whole = parseDelimited(text, 'e.tab');
    const lean = parseDelimited(text, 'e.tab', undefined, nonContactRows(DYADIC_LAYOUTS, matchLayout));
    const mapping = matchLayout(whole.header, layout)!;
    expect(lean.header).toEqual(whole.header);
    expect(lean.rows).toHaveLength(whole.rows.length);
    const skipped = lean.rows.filter((r) => r === SKIPPED_ROW).length;
    expect(skipped).toBeGreaterThan(0);
    // Only non-contact rows are left out; the blank line stays (the reader skips it without counting it).
    lean.rows.forEach((row, i) => (row === SKIPPED_ROW ? expect(layout.keepCode(whole.rows[i]![mapping.code!]!.trim().padStart(3, '0'))).toBe(false) : expect(row).toEqual(whole.rows[i])));
    const before = readDyadic(whole, mapping, layout, 'e.tab');
    const after = readDyadic(lean, mapping, layout, 'e.tab');
    expect(after).toEqual(before);
    expect(after.notContacts).toBeGreaterThanOrEqual(skipped);
  });

  it('leave every row of a sheet that is not an event file', () => {
    const sheet = 'date,participants,cameo\n2020-01-01,A; B,190\n';
    expect(parseDelimited(sheet, 'm.csv', undefined, nonContactRows(DYADIC_LAYOUTS, matchLayout))).toEqual(parseDelimited(sheet, 'm.csv'));
  });
});
