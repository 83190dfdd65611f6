import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildIndex } from '../../../src/domain/indexes';
import { DAY_MS } from '../../../src/domain/dates';
import { compactParticipants, escapeHtml, shortActorName, toTimelineItem, tooltipHtml } from '../../../src/viz/timeline/toTimelineItems';
import { actors, dataset, meeting, XSS } from './timelineFixture';

const actor = (id: string) => actors.find((a) => a.id === id)!;

describe('shortActorName', () => {
  it('prefers a one-word alias contained in the full name over a misspelt one', () => {
    expect(shortActorName(actor('pedersen'))).toBe('Pedersen');
    expect(shortActorName(actor('khaji'))).toBe('Khaji');
  });
  it('uses a multi-word alias that ends the full name when there is no one-word alias', () => {
    expect(shortActorName(actor('abdollahian'))).toBe('Amir Abdollahian');
  });
  it("falls back to a person's last name and an organization's shortest form", () => {
    expect(shortActorName(actor('muallem'))).toBe('al-Muallem');
    expect(shortActorName(actor('officials'))).toBe('senior Syrian officials');
  });
  it('picks the same name as the earlier implementation, which matched each alias with a regular expression', () => {
    const escape = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const clip = (x: string) => (x.length > 24 ? `${x.slice(0, 23).trimEnd()}…` : x);
    const earlier = (a: { name: string; aliases: string[]; kind: 'person' | 'organization' }) => {
      const name = a.name.trim();
      const lower = name.toLowerCase();
      const byLength = a.aliases.map((x) => x.trim()).filter(Boolean).sort((x, y) => x.length - y.length);
      const oneWord = byLength.find((x) => !/\s/.test(x) && new RegExp(`(^|[\\s.-])${escape(x.toLowerCase())}$`).test(lower));
      if (oneWord) return clip(oneWord);
      const suffix = byLength.find((x) => x.length < name.length && lower.endsWith(` ${x.toLowerCase()}`));
      if (suffix) return clip(suffix);
      if (a.kind === 'person') return clip(name.split(/\s+/).pop() ?? name);
      return clip([name, ...byLength].sort((x, y) => x.length - y.length)[0]!);
    };
    const piece = fc.stringMatching(/^[A-Za-zÉé.\- ()*+?$^\\[\]{}|\u00a0\t]{0,6}$/);
    const actorArb = fc.record({
      name: fc.array(piece, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(' ')),
      aliases: fc.array(piece, { maxLength: 4 }),
      kind: fc.constantFrom('person' as const, 'organization' as const),
    });
    fc.assert(
      fc.property(actorArb, fc.boolean(), (a, upper) => {
        // Often an alias that ends the name (after a space, a full stop, a hyphen or nothing), in another case.
        const last = a.name.trim().split(/\s/).pop() ?? '';
        const ending = last.slice(Math.max(0, last.search(/[.-][^.-]*$/) + 1));
        for (const actor of [a, { ...a, aliases: [...a.aliases, upper ? ending.toUpperCase() : ending] }]) {
          expect(shortActorName(actor)).toBe(earlier(actor));
        }
      }),
      { numRuns: 1000 },
    );
  });
  it('clips very long names', () => {
    expect(shortActorName({ name: 'The Extraordinarily Long Organization Name Without Aliases', aliases: [], kind: 'organization' }).length).toBeLessThanOrEqual(24);
  });
});

describe('compactParticipants', () => {
  it('joins two names and counts the rest', () => {
    expect(compactParticipants(['Khaji', 'Pedersen'])).toBe('Khaji · Pedersen');
    expect(compactParticipants(['Khaji', 'Assad', 'Mekdad', 'Sosan'])).toBe('Khaji · Assad +2');
  });
});

describe('toTimelineItem', () => {
  const index = buildIndex(
    dataset([
      meeting('day-call', { type: 'phone-call', cameo: '041' }),
      meeting('month-visit', { date: '2019-07', datePrecision: 'month', earliest: '2019-07-02', latest: '2019-07-03', type: 'visit', location: 'Damascus' }),
      meeting('year-meeting', { date: '2021', datePrecision: 'year', earliest: '2021-07-15', latest: '2021-10-17' }),
      meeting('crowd', { participants: ['khaji', 'pedersen', 'muallem', 'abdollahian'].map((actorId) => ({ actorId })) }),
      meeting('evil', { participants: [{ actorId: 'evil' }, { actorId: 'khaji' }], summary: XSS }),
    ]),
  );
  const item = (id: string) => toTimelineItem(index, index.meetingPos.get(id)!);

  it('draws a day-precision meeting as a point on its day, with no circa mark', () => {
    const it = item('day-call');
    expect(it.kind).toBe('point');
    expect(it.start).toBe(Date.UTC(2020, 7, 17));
    expect(it.end).toBeNull();
    expect(it.circa).toBe(false);
    // Names are bidi-isolated (FSI … PDI): a right-to-left name cannot reorder its neighbours.
    expect(it.label).toBe('☎ \u2068Khaji\u2069 · \u2068Pedersen\u2069');
    expect(it.className).not.toContain('is-circa');
  });

  it('draws month and year precision as a range over the whole uncertain interval, marked circa', () => {
    const month = item('month-visit');
    expect(month.kind).toBe('range');
    expect(month.start).toBe(Date.UTC(2019, 6, 2));
    expect(month.end).toBe(Date.UTC(2019, 6, 3) + DAY_MS);
    expect(month.label.startsWith('c. ')).toBe(true);
    expect(month.className).toContain('is-circa');
    const year = item('year-meeting');
    expect(year.end).toBe(Date.UTC(2021, 9, 18));
    expect(year.tooltip[0]).toBe('Meeting · c. 2021 (year precision: between 15 July 2021 and 17 October 2021)');
  });

  it('names the type in words for tooltip and assistive technology, not only by symbol or colour', () => {
    expect(item('day-call').tooltip[0]).toBe('Phone call · 17 August 2020');
    expect(item('day-call').accessibleLabel).toBe('Phone call, 17 August 2020: Ali Asghar Khaji and Geir O. Pedersen');
    expect(item('month-visit').accessibleLabel).toMatch(/^Visit, circa July 2019/);
    expect(item('month-visit').className).toContain('type-visit');
    expect(item('month-visit').tooltip).toContain('\u2068Damascus\u2069');
  });

  it('shows two participants and a count of the others', () => {
    expect(item('crowd').label).toBe('\u2068Khaji\u2069 · \u2068Pedersen\u2069 +2');
    expect(item('crowd').tooltip[1]).toBe(['Ali Asghar Khaji', 'Geir O. Pedersen', 'Walid al-Muallem'].map((n) => `\u2068${n}\u2069`).join(', ') + ' and \u2068Hossein Amir Abdollahian\u2069');
  });

  it('keeps markup in data as inert text in the tooltip HTML', () => {
    const html = tooltipHtml(item('evil').tooltip);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    const probe = document.createElement('div');
    probe.innerHTML = html;
    expect(probe.querySelector('img')).toBeNull();
    expect(probe.textContent).toContain(XSS);
  });
});

describe('escapeHtml', () => {
  it('escapes every HTML-significant character', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});
