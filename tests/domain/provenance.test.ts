import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatIssue, validateDataset } from '../../src/domain/validate';
import { meetingPassesUnchanged, actorPassesUnchanged } from '../../src/domain/fastCheck';
import type { Dataset } from '../../src/domain/schema';

const bundledText = readFileSync('public/data/meetings.json', 'utf8');
const bundled = (): Dataset => JSON.parse(bundledText);

function issuesAfter(mutate: (ds: Dataset) => void): string[] {
  const ds = bundled();
  mutate(ds);
  const result = validateDataset(ds);
  return result.ok ? [] : result.issues.map(formatIssue);
}

const outside = { id: 'outside-report', title: 'Outside report', publisher: 'Some Agency', published: '2020-09-30', url: 'https://example.org/report', corroborating: true };

describe('provenance fields in the validator', () => {
  it('accepts the new optional fields on sources, meetings, evidence, roles and actors', () => {
    expect(
      issuesAfter((ds) => {
        ds.sources.push(outside);
        Object.assign(ds.sources[0]!, { url: null, urlNote: 'not known', retrieved: null, retrievedNote: 'not recorded', attribution: 'Relays SANA.', relation: 'Same text as X.' });
        ds.occasions = [...(ds.occasions ?? []), { id: 'trip', label: 'A trip' }];
        const m = ds.meetings[0]!;
        Object.assign(m, { occasion: 'trip', order: 2, partOfDay: 'afternoon', dateInferred: true, corroboration: [{ sourceId: 'outside-report', supports: 'the day' }] });
        m.evidence[0] = { ...m.evidence[0]!, context: 'press remarks', topics: m.topics.slice(0, 1) };
        ds.actors[0]!.roles[0] = { ...ds.actors[0]!.roles[0]!, inferred: true, attested: true, note: 'first and last attestation' };
        ds.meetings.forEach((x) => x.cameo === '043' && (x.cameo = '042'));
        ds.cameoPerspective = 'visitor';
        ds.conventions = { location: 'Inferred locations are marked.' };
      }),
    ).toEqual([]);
  });

  it('rejects an unknown evidence context, part of day, actor kind and a fractional order with their paths', () => {
    const issues = issuesAfter((ds) => {
      (ds.meetings[0]!.evidence[0] as { context?: string }).context = 'gossip';
      (ds.meetings[1] as { partOfDay?: string }).partOfDay = 'teatime';
      (ds.actors[0] as { kind: string }).kind = 'crowd';
      (ds.meetings[2] as { order?: number }).order = 1.5;
    });
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^meetings\[0\]\.evidence\[0\]\.context: /),
        expect.stringMatching(/^meetings\[1\]\.partOfDay: /),
        expect.stringMatching(/^actors\[0\]\.kind: /),
        expect.stringMatching(/^meetings\[2\]\.order: /),
      ]),
    );
  });

  it('keeps outside sources out of the evidence and requires corroboration to cite one', () => {
    const issues = issuesAfter((ds) => {
      ds.sources.push(outside);
      ds.meetings[0]!.evidence.push({ sourceId: 'outside-report', quote: 'anything' });
      ds.meetings[1]!.corroboration = [{ sourceId: ds.sources[0]!.id, supports: 'the day' }, { sourceId: 'nowhere', supports: 'x' }];
    });
    expect(issues).toEqual(
      expect.arrayContaining([
        `meetings[0].evidence[${bundled().meetings[0]!.evidence.length}].sourceId: source "outside-report" is corroborating, not the record's text: cite it under corroboration`,
        `meetings[1].corroboration[0].sourceId: source "${bundled().sources[0]!.id}" is not marked corroborating`,
        'meetings[1].corroboration[1].sourceId: unknown source "nowhere"',
      ]),
    );
  });

  it('resolves occasions and evidence topics, and needs an occasion for an order', () => {
    const loose = bundled().meetings.findIndex((m) => m.occasion === undefined);
    const issues = issuesAfter((ds) => {
      ds.occasions = [{ id: 'trip', label: 'A trip' }, { id: 'trip', label: 'Again' }];
      ds.meetings.forEach((m) => m.occasion !== undefined && (m.occasion = 'trip'));
      ds.meetings[0]!.occasion = 'cruise';
      ds.meetings[loose]!.order = 1;
      ds.meetings[2]!.evidence[0]!.topics = ['weather'];
    });
    expect(issues).toEqual(
      expect.arrayContaining([
        'occasions[1].id: duplicate id "trip"',
        'meetings[0].occasion: unknown occasion "cruise"',
        `meetings[${loose}].order: an order needs an occasion to be an order within`,
        `meetings[2].evidence[0].topics[0]: topic "weather" is not among the meeting's topics`,
      ]),
    );
  });

  it('requires a note for every inferred value and a location for an inferred location', () => {
    const issues = issuesAfter((ds) => {
      const m = ds.meetings[0]!;
      delete m.location;
      delete m.locationNote;
      m.locationInferred = true;
      ds.actors[0]!.roles[0] = { title: 'Envoy', from: '2020-01-01', inferred: true };
    });
    expect(issues).toEqual(
      expect.arrayContaining([
        'meetings[0].locationInferred: marks an inferred location, but there is no location',
        'meetings[0].locationNote: an inferred location needs a note saying what it rests on',
        'actors[0].roles[0].note: an inferred role date needs a note saying how it was inferred',
      ]),
    );
  });

  it('holds visits to the dataset CAMEO perspective', () => {
    const visit = bundled().meetings.findIndex((m) => m.cameo === '042');
    const allVisitorView = (ds: Dataset) => ds.meetings.forEach((m) => m.cameo === '043' && (m.cameo = '042'));
    expect(issuesAfter((ds) => (allVisitorView(ds), (ds.cameoPerspective = 'visitor'), (ds.meetings[visit]!.cameo = '043')))).toEqual([
      `meetings[${visit}].cameo: CAMEO 043 takes the host's view; this dataset codes visits from the visitor's (042)`,
    ]);
    expect(issuesAfter((ds) => ((ds.cameoPerspective = 'host'), ds.meetings.forEach((m) => m.cameo === '043' && (m.cameo = '040'))))).toContain(
      `meetings[${visit}].cameo: CAMEO 042 takes the visitor's view; this dataset codes visits from the host's (043)`,
    );
  });

  it('gives the delegation role only to a group actor', () => {
    expect(issuesAfter((ds) => (ds.meetings[0]!.participants[0]!.role = 'delegation'))).toEqual([
      expect.stringMatching(/^meetings\[0\]\.participants\[0\]\.role: "delegation" is for a group actor; ".*" is a person$/),
    ]);
  });
});

describe('the quick record check knows the new fields', () => {
  const m = bundled().meetings[0]!;
  it('passes well-formed provenance fields and refuses malformed ones', () => {
    const rich = { ...m, dateInferred: true, occasion: 'trip', order: 1, partOfDay: 'afternoon', corroboration: [{ sourceId: 's', supports: 'day' }], evidence: [{ ...m.evidence[0]!, context: 'talks', topics: [] }] };
    expect(meetingPassesUnchanged(rich)).toBe(true);
    expect(meetingPassesUnchanged({ ...rich, order: 0 })).toBe(false);
    expect(meetingPassesUnchanged({ ...rich, partOfDay: 'noon' })).toBe(false);
    expect(meetingPassesUnchanged({ ...rich, evidence: [{ ...m.evidence[0]!, context: 'rumour' }] })).toBe(false);
    expect(meetingPassesUnchanged({ ...rich, corroboration: [{ sourceId: 's', supports: ' day' }] })).toBe(false);
    const a = bundled().actors[0]!;
    expect(actorPassesUnchanged({ ...a, kind: 'group', roles: [{ title: 'x', inferred: true, attested: false }] })).toBe(true);
    expect(actorPassesUnchanged({ ...a, roles: [{ title: 'x', inferred: 'yes' }] })).toBe(false);
  });
});
