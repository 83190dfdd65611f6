import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { forEachWord, isWordCodePoint, WORD_CHAR_RUNS } from '../../src/domain/wordChars';
import { stemOf, stemWords } from '../../src/domain/searchText';

const WORD = /[\p{L}\p{N}]/u;

/** The table's string as this runtime's regex would have it (see wordChars.ts). */
function runsFromRegex(): string {
  const bounds: number[] = [];
  let inWord = false;
  for (let cp = 0; cp <= 0x110000; cp++) {
    const w = cp < 0x110000 && WORD.test(String.fromCodePoint(cp));
    if (w !== inWord) {
      bounds.push(cp);
      inWord = w;
    }
  }
  return deltas(bounds);
}
const deltas = (bounds: number[]) => {
  let prev = 0;
  return bounds
    .map((b) => {
      const d = (b - prev).toString(36);
      prev = b;
      return d;
    })
    .join(',');
};

const words = (text: string) => {
  const out: string[] = [];
  forEachWord(text, (w) => out.push(w));
  return out;
};
const byRegex = (text: string) => text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);

describe('word characters without a Unicode property regex', () => {
  it('classify every code point as \\p{L} ∪ \\p{N} does', () => {
    const expected = runsFromRegex();
    // On a mismatch (a newer Unicode in the runtime), paste the received string into WORD_CHAR_RUNS.
    expect(WORD_CHAR_RUNS).toBe(expected);
    for (const cp of [0x41, 0x7a, 0x30, 0x20, 0xe9, 0x5d0, 0x627, 0x4e2d, 0x1f600, 0x20000, 0x1d7ce, 0xd800]) {
      expect(isWordCodePoint(cp)).toBe(WORD.test(String.fromCodePoint(cp)));
    }
  });

  it('split text into the same words as the regex, in any script and with lone surrogates', () => {
    const samples = ['', '  ', 'talks on trade-and-tariffs (2010-01-12, ref 5).', 'محادثات في طهران', '北京 会谈', 'naïve café Zürich', 'x\ud800y', '𝟎𝟏 𠀀a', 'a\udc00'];
    for (const s of samples) expect(words(s)).toEqual(byRegex(s));
    fc.assert(
      fc.property(fc.string({ unit: fc.oneof(fc.constantFrom(' ', '-', '\ud800', '\udfff'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), maxLength: 40 }), (s) => {
        expect(words(s)).toEqual(byRegex(s));
      }),
      { numRuns: 500 },
    );
  });

  it("give each distinct word's stem once, after a space", () => {
    const text = 'meetings and meeting, talks; talked — talks';
    const stems = [...new Set(byRegex(text).map(stemOf))];
    expect(stemWords(text)).toBe(` ${stems.join(' ')}`);
    expect(stemWords('.,;')).toBe('');
  });
});
