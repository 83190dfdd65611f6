import { describe, expect, it } from 'vitest';
import { dateRangeText, meetingCountText } from '../../src/domain/countText';

describe('meetingCountText', () => {
  it('says "N of M meetings" when some are left out and "M meetings" when all are shown', () => {
    expect(meetingCountText(5, 13)).toBe('5 of 13 meetings');
    expect(meetingCountText(13, 13)).toBe('13 meetings');
    expect(meetingCountText(1, 1)).toBe('1 meeting');
    expect(meetingCountText(0, 1)).toBe('0 of 1 meeting');
    expect(meetingCountText(1200, 20000)).toBe('1,200 of 20,000 meetings');
  });
});

describe('dateRangeText', () => {
  const f = (iso: string) => `<${iso}>`;
  it('names both ends, one end, or none', () => {
    expect(dateRangeText('2020-01-01', '2020-12-31', f)).toBe('<2020-01-01> – <2020-12-31>');
    expect(dateRangeText('2020-01-01', null, f)).toBe('from <2020-01-01>');
    expect(dateRangeText(null, '2020-12-31', f)).toBe('until <2020-12-31>');
    expect(dateRangeText(null, null, f)).toBe('all dates');
  });
});
