import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Dataset, Meeting } from '../../src/domain/schema';
import { rolesAt } from '../../src/domain/actors';
import { findActors } from '../../src/domain/actorSearch';
import { buildIndex } from '../../src/domain/indexes';

/** Pins the corrections of the strict review (issue 13): each value is one the texts, or a named outside source, support. */
const ds: Dataset = JSON.parse(readFileSync('public/data/meetings.json', 'utf8'));
const meeting = (id: string): Meeting => ds.meetings.find((m) => m.id === id)!;
const actor = (id: string) => ds.actors.find((a) => a.id === id)!;
const sourceText = (id: string) => ds.sources.find((s) => s.id === id)!.text!;
const topicsFrom = (m: Meeting, context: string) => new Set(m.evidence.filter((e) => e.context === context).flatMap((e) => e.topics ?? []));

describe('the bundled dataset after the strict review', () => {
  it('codes every visit from the visitor’s perspective, and says so', () => {
    expect(ds.cameoPerspective).toBe('visitor');
    expect(ds.conventions?.cameo).toMatch(/visitor's perspective/);
    expect(ds.meetings.filter((m) => m.cameo === '043')).toEqual([]);
    expect(meeting('2020-08-17-assad-khaji').cameo).toBe('042');
    expect(new Set(ds.meetings.filter((m) => m.occasion === 'khaji-damascus-2020-08').map((m) => m.cameo))).toEqual(new Set(['042']));
  });

  it('keeps the Muallem talks of 17 August 2020 apart from Khaji’s remarks to journalists', () => {
    const m = meeting('2020-08-17-muallem-khaji');
    expect([...m.topics].sort()).toEqual(['bilateral-relations', 'covid-19', 'regional-developments', 'sanctions']);
    expect(m.topics).not.toContain('idlib');
    expect(m.topics).not.toContain('foreign-presence');
    const idleb = m.evidence.find((e) => e.quote?.includes('Idleb'))!;
    expect(idleb.context).toBe('press remarks');
    expect(m.partOfDay).toBe('afternoon');
    // Every topic comes from what the text says was discussed, none from the press remarks alone.
    for (const t of m.topics) expect(topicsFrom(m, 'talks').has(t)).toBe(true);
  });

  it('attributes the siege framing of the Assad reception to SANA and records the political track', () => {
    const m = meeting('2020-08-17-assad-khaji');
    expect(m.summary).toMatch(/what SANA calls the siege imposed by the US and its allies/);
    expect(m.summary).not.toMatch(/US-led economic siege/);
    expect(m.topics).toContain('political-process');
    expect(m.participants).toContainEqual({ actorId: 'iranian-delegation-2020-08', role: 'delegation' });
  });

  it('drops sanctions from the Qalibaf visit and topics from the Mikdad talks', () => {
    expect(meeting('2021-07-qalibaf-damascus').topics).toEqual(['economic-cooperation']);
    expect(meeting('2019-07-khaji-mikdad').topics).toEqual([]);
  });

  it('adds the topics the texts name', () => {
    expect(meeting('2019-07-khaji-assad').topics).toContain('bilateral-relations');
    expect(meeting('2020-09-30-khaji-endo-call').topics).toEqual(expect.arrayContaining(['political-process', 'bilateral-relations']));
    const sosan = meeting('2023-01-khaji-sosan');
    expect(sosan.evidence.some((e) => e.quote?.startsWith('In January, Sosan traveled to Tehran'))).toBe(true);
    expect(sosan.occasion).toBe('sosan-tehran-2023-01');
  });

  it('keeps the Endo call’s day only with the outside report that gives it, never as if the text showed it', () => {
    const m = meeting('2020-09-30-khaji-endo-call');
    expect([m.date, m.earliest, m.latest, m.dateInferred]).toEqual(['2020-09-30', '2020-09-30', '2020-09-30', true]);
    expect(m.dateNote).toMatch(/any Wednesday from 2 September to 25 November 2020/);
    const [c] = m.corroboration!;
    const outside = ds.sources.find((s) => s.id === c!.sourceId)!;
    expect(outside).toMatchObject({ corroborating: true, published: '2020-09-30', url: expect.stringMatching(/^https:\/\//) });
    expect(outside.text).toBeUndefined();
    expect(m.evidence.every((e) => e.sourceId === '2020-khaji-endo-call')).toBe(true);
    expect(sourceText('2020-khaji-endo-call')).not.toMatch(/30 September|September 30/);
  });

  it('starts the Pedersen call after Iran’s new government took office', () => {
    const m = meeting('2021-khaji-pedersen-call');
    expect(m.earliest >= '2021-08-03').toBe(true);
    expect(m.latest).toBe('2021-08-24');
    expect(m.corroboration?.map((c) => c.sourceId)).toEqual(['mehr-2021-08-24-khaji-pedersen']);
    expect(sourceText('mehr-2021-khaji-pedersen')).toContain('congratulated Khaji on the formation of the new Iranian government');
  });

  it('states every borrowed bound and place as an assumption or names its outside source', () => {
    for (const id of ['2021-sobhani-arnous', '2023-02-sobhani-sosan', '2019-07-khaji-assad', '2019-07-khaji-mikdad', '2019-07-khaji-muallem']) {
      const m = meeting(id);
      expect(m.dateInferred, id).toBe(true);
      expect(m.locationInferred, id).toBe(true);
      expect(`${m.dateNote} ${m.locationNote}`, id).toMatch(/Assumption|corroborating/);
    }
    for (const id of ['2019-07-khaji-assad', '2019-07-khaji-mikdad', '2019-07-khaji-muallem']) expect(meeting(id).summary).not.toMatch(/Damascus/);
  });

  it('marks every location the text does not state as inferred, with a note', () => {
    const stated = ds.meetings.filter((m) => m.location && !m.locationInferred).map((m) => m.id).sort();
    expect(stated).toEqual(['2021-07-qalibaf-damascus', '2023-01-amir-abdollahian-sosan', '2023-01-khaji-sosan']);
    for (const m of ds.meetings.filter((x) => x.type !== 'phone-call')) expect(m.location, m.id).toBeDefined();
  });

  it('gives Khaji attested role dates and leaves the title switch unknown', () => {
    const [first, second] = actor('khaji').roles;
    expect(first).toMatchObject({ from: '2019-07-02', to: '2020-09-30', attested: true, inferred: true });
    expect(second).toMatchObject({ from: '2021-08-24', to: '2023-02-15', attested: true, inferred: true });
    expect(first!.note).toMatch(/first attested in July 2019/i);
    expect(second!.note).toContain('the senior advisor to Iran’s foreign minister for political affairs');
    expect(sourceText('mehr-2021-khaji-pedersen')).toContain('the senior advisor to Iran’s foreign minister for political affairs');
    expect(second!.note).toMatch(/unknown/);
    expect(rolesAt(actor('khaji'), meeting('2021-khaji-pedersen-call')).map((r) => r.title)).toEqual([second!.title]);
  });

  it('dates Arnous’s premiership from his first appointment and marks outside-knowledge dates inferred', () => {
    expect(actor('arnous').roles[0]).toMatchObject({ from: '2020-06-11', inferred: true });
    for (const a of ds.actors) for (const r of a.roles) if (r.from || r.to) expect(r.inferred, `${a.id} ${r.title}`).toBe(true);
  });

  it('makes the unnamed officials a group that alias search never matches', () => {
    expect(actor('syrian-officials').kind).toBe('group');
    const copy: Dataset = structuredClone(ds);
    const officials = copy.actors.find((a) => a.id === 'syrian-officials')!;
    officials.aliases = ['the Damascus hosts'];
    const ids = (d: Dataset, q: string) => {
      const index = buildIndex(d);
      return findActors(index, q).map((p) => index.actors[p]!.id);
    };
    expect(ids(copy, 'Damascus hosts')).toEqual([]);
    expect(ids(copy, 'senior Syrian officials')).toEqual(['syrian-officials']);
    officials.kind = 'organization';
    expect(ids(copy, 'Damascus hosts')).toEqual(['syrian-officials']);
  });

  it('records clutter, cut-offs and who published each text in the source notes, with the stored text untouched', () => {
    const endo = ds.sources.find((s) => s.id === '2020-khaji-endo-call')!;
    expect(endo.attribution).toMatch(/reCAPTCHA/);
    expect(endo.text).toContain('The reCAPTCHA verification period has expired.');
    const sana = ds.sources.find((s) => s.id === 'sana-2020-assad-khaji')!;
    expect(sana.attribution).toMatch(/Check Also/);
    expect(sana.attribution).toContain('regarding all developments and');
    expect(ds.sources.find((s) => s.id === 'mehr-2019-khaji-damascus')!.attribution).toMatch(/lacks the article's first paragraph/);
    expect(ds.sources.find((s) => s.id === 'irna-2023-sobhani-sosan')!.attribution).toMatch(/names the agency the text cites, not its publisher/);
    for (const s of ds.sources) {
      expect('url' in s, s.id).toBe(true);
      expect('retrieved' in s, s.id).toBe(true);
      expect(s.attribution, s.id).toBeTruthy();
    }
  });

  it('groups the contacts of each trip under one occasion, in the order the text gives', () => {
    const of = (o: string) => ds.meetings.filter((m) => m.occasion === o).map((m) => [m.id, m.order ?? null]);
    expect(of('khaji-syria-2019-07')).toEqual([['2019-07-khaji-assad', 1], ['2019-07-khaji-mikdad', 1], ['2019-07-khaji-muallem', 2]]);
    expect(of('khaji-damascus-2020-08').map(([id]) => id)).toEqual(['2020-08-17-assad-khaji', '2020-08-17-muallem-khaji']);
    expect(of('sosan-tehran-2023-01').map(([id]) => id)).toEqual(['2023-01-amir-abdollahian-sosan', '2023-01-khaji-sosan']);
  });

  it('cites every topic of every meeting from talks or report evidence', () => {
    for (const m of ds.meetings) {
      const cited = new Set([...topicsFrom(m, 'talks'), ...topicsFrom(m, 'report')]);
      for (const t of m.topics) expect(cited.has(t), `${m.id} ${t}`).toBe(true);
      for (const e of m.evidence) expect(e.context, m.id).toBeDefined();
    }
  });
});
