import { describe, expect, it } from 'vitest';
import { firstSourceWindow, locateQuote, quoteSegments, segmentsWithin, SOURCE_CONTEXT_CHARS, SOURCE_FIRST_CHARS } from '../../src/domain/quoteMatch';
import { formatDayBounds, formatRoleSpan } from '../../src/domain/dateText';

describe('quoteSegments', () => {
  it('marks the quote even when the source has other whitespace', () => {
    const segments = quoteSegments('Before. The two sides discussed \n  the Astana process. After.', 'The two sides discussed the Astana process');
    expect(segments).toEqual([
      { text: 'Before. ', marked: false },
      { text: 'The two sides discussed \n  the Astana process', marked: true },
      { text: '. After.', marked: false },
    ]);
  });

  it('treats regex characters in the quote literally', () => {
    expect(locateQuote('a (JCPOA) b', '(JCPOA)')).toEqual({ start: 2, end: 9 });
    expect(locateQuote('a JCPOA b', '(JCPOA)')).toBeNull();
  });

  it('falls back to a case-insensitive match, and to the whole text unmarked', () => {
    expect(locateQuote('Said: hello World', 'HELLO world')).toEqual({ start: 6, end: 17 });
    expect(quoteSegments('nothing here', 'absent')).toEqual([{ text: 'nothing here', marked: false }]);
  });
});

describe('date wording', () => {
  it('words day bounds compactly', () => {
    expect(formatDayBounds('2020-08-17', '2020-08-17')).toBe('on 17 August 2020');
    expect(formatDayBounds('2019-07-02', '2019-07-03')).toBe('between 2 and 3 July 2019');
    expect(formatDayBounds('2019-06-30', '2019-07-02')).toBe('between 30 June and 2 July 2019');
    expect(formatDayBounds('2021-01-01', '2021-12-31')).toBe('between 1 January 2021 and 31 December 2021');
  });

  it('words role spans, open on either side', () => {
    expect(formatRoleSpan({ from: '2013-08-15', to: '2021-08-25' })).toBe('15 August 2013 – 25 August 2021');
    expect(formatRoleSpan({ from: '2000-07-17' })).toBe('since 17 July 2000');
    expect(formatRoleSpan({ to: '2020-11-21' })).toBe('until 21 November 2020');
    expect(formatRoleSpan({})).toBe('dates unknown');
  });
});

describe('locateQuote on hostile quotes', () => {
  it('finds a quote of 20,000 words (a regex built from it overflowed and threw)', () => {
    const words = Array.from({ length: 20_000 }, (_, i) => `word${i}(x)`);
    const text = `Intro. ${words.join(' \n ')} Outro.`;
    const at = locateQuote(text, words.join(' '));
    expect(at).toEqual({ start: 7, end: text.length - ' Outro.'.length });
  });

  it('treats every regex metacharacter literally and keeps offsets across whitespace runs', () => {
    const quote = 'a.*+?^$' + '{}()|[]\\b \\d';
    expect(locateQuote(`xx ${quote.replace(' ', '\t\t ')} yy`, quote)).toEqual({ start: 3, end: 3 + quote.length + 2 });
    expect(locateQuote('xx a b yy', '.*')).toBeNull();
  });

  it('matches case-insensitively without shifting offsets after characters whose lower case is longer', () => {
    expect(locateQuote('İstanbul said HELLO', 'hello')).toEqual({ start: 14, end: 19 });
  });
});

describe('source text windows', () => {
  const text = `${'a'.repeat(50_000)}QUOTE${'z'.repeat(50_000)}`;
  const at = { start: 50_000, end: 50_005 };

  it('opens around the quote with context on both sides', () => {
    expect(firstSourceWindow(text, at)).toEqual({ start: 50_000 - SOURCE_CONTEXT_CHARS, end: 50_005 + SOURCE_CONTEXT_CHARS });
    expect(firstSourceWindow(text, null)).toEqual({ start: 0, end: SOURCE_FIRST_CHARS });
    expect(firstSourceWindow('short', null)).toEqual({ start: 0, end: 5 });
    // An article-sized text is shown whole, wherever its quote is.
    const article = 'w'.repeat(SOURCE_FIRST_CHARS);
    expect(firstSourceWindow(article, { start: 10_000, end: 10_010 })).toEqual({ start: 0, end: SOURCE_FIRST_CHARS });
  });

  it('never opens more than SOURCE_FIRST_CHARS, however long the quote', () => {
    const w = firstSourceWindow(text, { start: 10, end: 90_000 });
    expect(w).toEqual({ start: 0, end: SOURCE_FIRST_CHARS });
  });

  it('does not split a surrogate pair at either edge', () => {
    const emoji = '😀'.repeat(30_000);
    const w = firstSourceWindow(emoji, { start: 30_001, end: 30_003 });
    expect(w.start % 2).toBe(0);
    expect(w.end % 2).toBe(0);
  });

  it('marks the part of the quote inside the window', () => {
    expect(segmentsWithin('xxQUOTEyy', { start: 2, end: 7 }, { start: 1, end: 5 })).toEqual([
      { text: 'x', marked: false },
      { text: 'QUO', marked: true },
    ]);
    expect(segmentsWithin('xxQUOTEyy', null, { start: 7, end: 9 })).toEqual([{ text: 'yy', marked: false }]);
  });
});
