import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createDelimitedStream, parseDelimited } from '../../../src/domain/import/delimited';
import { importStream, importText } from '../../../src/domain/import/pipeline';

/** `text` cut at the given places (sorted, within it). */
const cut = (text: string, at: number[]) => {
  const points = [...new Set(at.map((p) => p % (text.length + 1)))].sort((a, b) => a - b);
  return [0, ...points].map((from, k) => text.slice(from, points[k] ?? text.length));
};

const streamTable = (pieces: string[], fileName: string, sink?: Parameters<typeof parseDelimited>[3]) => {
  const stream = createDelimitedStream(fileName, undefined, sink);
  for (const p of pieces) stream.push(p);
  return stream.end();
};

// Cells, quotes (closed, doubled, never closed), every kind of line break and blank lines: papaparse's hard cases.
const delimitedText = fc.array(fc.constantFrom('a', 'bb', ',', '\t', ';', '"', '""', '\n', '\r\n', '\r', ' ', 'é', '日'), { maxLength: 60 }).map((parts) => parts.join(''));

describe('delimited text read in pieces (a download as it arrives)', () => {
  it('gives the table of the whole text, for any text cut anywhere', () => {
    fc.assert(
      fc.property(delimitedText, fc.array(fc.nat(), { maxLength: 8 }), fc.constantFrom('x.csv', 'x.tsv'), (text, at, name) => {
        expect(streamTable(cut(text, at), name)).toEqual(parseDelimited(text, name));
      }),
      { numRuns: 400 },
    );
  });

  it('gives the same table past the first megabyte, where the line ending and delimiter are no longer guessed', () => {
    const row = 'x;"a\r\nb";c\r\n';
    const text = `h1;h2;h3\r\n${row.repeat(Math.ceil((1.5 * 2 ** 20) / row.length))}"open;\r\n`;
    const whole = parseDelimited(text, 'big.csv');
    expect(whole.rows.length).toBeGreaterThan(100_000);
    expect(whole.problems).toHaveLength(1);
    expect(streamTable(cut(text, [1000, 700_000, 2 ** 20 + 5, 2 ** 20 + 6, text.length - 3]), 'big.csv')).toEqual(whole);
  });

  it("hands a sink the same rows with the same indexes", () => {
    fc.assert(
      fc.property(delimitedText, fc.array(fc.nat(), { maxLength: 8 }), (text, at) => {
        const whole: [readonly string[], number][] = [];
        const pieces: [readonly string[], number][] = [];
        parseDelimited(text, 'x.tsv', undefined, () => (cells, i) => whole.push([cells, i]));
        streamTable(cut(text, at), 'x.tsv', () => (cells, i) => pieces.push([cells, i]));
        expect(pieces).toEqual(whole);
      }),
      { numRuns: 200 },
    );
  });

  it('imports an event file and a sheet as importText does, and reports rows and characters parsed', () => {
    const icews = readFileSync('tests/fixtures/import/icews-sample.tab', 'utf8');
    const lines = icews.trimEnd().split('\n');
    const many = [lines[0]!, ...Array.from({ length: 12_000 }, (_, k) => lines[1 + (k % (lines.length - 1))]!.replace(/^\d+\t/, `${k + 1}\t`))].join('\n');
    const sheet = readFileSync('tests/fixtures/import/meetings-quirks.csv', 'utf8');
    for (const [text, name] of [[icews, 'e.tab'], [many, 'many.tab'], [sheet, 'quirks.csv']] as const) {
      const progress: [number, number][] = [];
      const stream = importStream(name, (rows, chars) => progress.push([rows, chars]));
      for (const piece of cut(text, [7, 300, 4096, 65_537, 400_000])) stream.push(piece);
      expect(stream.end()).toEqual(importText(text, name));
      if (name === 'many.tab') {
        expect(progress.map(([rows]) => rows)).toEqual([4999, 9999]);
        progress.forEach(([, chars], k) => expect(chars).toBeGreaterThan(progress[k - 1]?.[1] ?? 0));
        expect(progress.at(-1)![1]).toBeLessThan(many.length);
      }
    }
  });
});
