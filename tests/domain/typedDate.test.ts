import { describe, expect, it } from 'vitest';
import { isCompleteDay, parseTypedDate } from '../../src/domain/typedDate';

describe('parseTypedDate', () => {
  it('keeps an ISO day as typed', () => {
    expect(parseTypedDate('2020-01-01', 'from')).toEqual({ ok: true, day: '2020-01-01' });
    expect(parseTypedDate(' 2021-12-31 ', 'to')).toEqual({ ok: true, day: '2021-12-31' });
  });
  it('reads a year or a month as its first day for From and its last day for To', () => {
    expect(parseTypedDate('2020', 'from')).toEqual({ ok: true, day: '2020-01-01' });
    expect(parseTypedDate('2020', 'to')).toEqual({ ok: true, day: '2020-12-31' });
    expect(parseTypedDate('2020-2', 'to')).toEqual({ ok: true, day: '2020-02-29' });
    expect(parseTypedDate('2020/03/05', 'from')).toEqual({ ok: true, day: '2020-03-05' });
  });
  it('names what is wrong with impossible or malformed dates', () => {
    expect(parseTypedDate('2021-02-29', 'from')).toEqual({ ok: false, error: '“2021-02-29”: 2021-02 has no day 29.' });
    expect(parseTypedDate('2020-13-01', 'from')).toEqual({ ok: false, error: '“2020-13-01”: there is no month 13.' });
    const bad = parseTypedDate('01/02/2020', 'from');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toContain('YYYY-MM-DD');
  });
  it('tells a complete day from a partial one', () => {
    expect(isCompleteDay('2020-01-01')).toBe(true);
    expect(isCompleteDay('2020-01')).toBe(false);
  });
});
