import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatIssue, needsCollapse, parseDatasetText, QuotedText, validateDataset } from '../../src/domain/validate';
import type { Dataset } from '../../src/domain/schema';
import { datasetJsonSchema } from '../../src/domain/jsonSchema';

const bundledText = readFileSync('public/data/meetings.json', 'utf8');
const bundled = (): Dataset => JSON.parse(bundledText);

/** Validates a copy of the bundled dataset after `mutate`, returning the formatted issues. */
function issuesAfter(mutate: (ds: Dataset) => void): string[] {
  const ds = bundled();
  mutate(ds);
  const result = validateDataset(ds);
  return result.ok ? [] : result.issues.map(formatIssue);
}

describe('the bundled dataset', () => {
  it('passes the validator', () => {
    const result = parseDatasetText(bundledText);
    expect(result.ok ? [] : result.issues.map(formatIssue)).toEqual([]);
  });

  it('records every contact the five articles report, each with evidence from its source', () => {
    const ds = bundled();
    const texts = ds.sources.filter((s) => !s.corroborating);
    expect(texts).toHaveLength(5);
    expect(ds.meetings).toHaveLength(13);
    const groups = new Set(ds.actors.filter((a) => a.kind === 'group' && a.id !== 'syrian-officials').map((a) => a.id));
    const pairs = ds.meetings.map((m) => m.participants.map((p) => p.actorId).filter((id) => !groups.has(id)).sort().join('+'));
    expect(pairs).toEqual(
      expect.arrayContaining([
        'assad+khaji', 'khaji+mekdad', 'khaji+muallem', 'endo+khaji', 'khaji+pedersen', 'arnous+sobhani',
        'qalibaf+syrian-officials', 'mekdad+najafi', 'amir-abdollahian+sosan', 'khaji+sosan', 'sobhani+sosan',
      ]),
    );
    for (const source of texts) expect(ds.meetings.some((m) => m.evidence.some((e) => e.sourceId === source.id))).toBe(true);
    // Outside reports only corroborate: each is cited under corroboration, none as evidence.
    for (const source of ds.sources.filter((s) => s.corroborating)) {
      expect(ds.meetings.some((m) => m.corroboration?.some((c) => c.sourceId === source.id))).toBe(true);
    }
  });

  it('publishes a JSON Schema generated from the validator schema', () => {
    const published = JSON.parse(readFileSync('public/data/meetings.schema.json', 'utf8'));
    expect(published).toEqual(JSON.parse(JSON.stringify(datasetJsonSchema())));
  });
});

describe('validateDataset reports each kind of error with its record and field', () => {
  it('invalid JSON', () => {
    const result = parseDatasetText('{"meetings": [');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]!.message).toMatch(/^not valid JSON/);
  });

  it('wrong type / missing field', () => {
    expect(issuesAfter((ds) => delete (ds.meetings[2] as Partial<Dataset['meetings'][number]>).summary)).toEqual([
      expect.stringMatching(/^meetings\[2\]\.summary: /),
    ]);
  });

  it('malformed calendar date', () => {
    expect(issuesAfter((ds) => (ds.meetings[0]!.earliest = '2019-02-30'))).toEqual([expect.stringMatching(/^meetings\[0\]\.earliest: /)]);
  });

  it('unknown enum value', () => {
    expect(issuesAfter((ds) => ((ds.meetings[1] as { type: string }).type = 'dinner'))).toEqual([expect.stringMatching(/^meetings\[1\]\.type: /)]);
  });

  it('duplicate ids', () => {
    expect(issuesAfter((ds) => (ds.meetings[1]!.id = ds.meetings[0]!.id))).toContain(`meetings[1].id: duplicate id "${bundled().meetings[0]!.id}"`);
  });

  it('unknown actor reference', () => {
    expect(issuesAfter((ds) => (ds.meetings[4]!.participants[1]!.actorId = 'mekdad2'))).toContain(
      'meetings[4].participants[1].actorId: unknown actor "mekdad2"',
    );
  });

  it('unknown topic, source and affiliation references', () => {
    const issues = issuesAfter((ds) => {
      ds.meetings[0]!.topics[0] = 'weather';
      ds.meetings[0]!.evidence[0]!.sourceId = 'nowhere';
      ds.actors[0]!.affiliation = 'XXX';
    });
    expect(issues).toEqual(
      expect.arrayContaining([
        'meetings[0].topics[0]: unknown topic "weather"',
        'meetings[0].evidence[0].sourceId: unknown source "nowhere"',
        'actors[0].affiliation: unknown country or organization "XXX"',
      ]),
    );
  });

  it('earliest after latest', () => {
    expect(issuesAfter((ds) => {
      const m = ds.meetings.find((x) => x.datePrecision === 'month')!;
      [m.earliest, m.latest] = [m.latest, m.earliest];
    })).toEqual(expect.arrayContaining([expect.stringMatching(/\.earliest: .* is after latest/)]));
  });

  it('bounds outside the stated date', () => {
    const idx = bundled().meetings.findIndex((m) => m.date === '2020-08-17');
    expect(issuesAfter((ds) => (ds.meetings[idx]!.latest = '2020-08-18'))).toEqual([`meetings[${idx}].latest: 2020-08-18 lies outside date 2020-08-17`]);
  });

  it('date that does not match its precision', () => {
    expect(issuesAfter((ds) => (ds.meetings[0]!.datePrecision = 'day'))).toEqual([expect.stringMatching(/^meetings\[0\]\.date: .* does not match datePrecision "day"/)]);
  });

  it('evidence quote not verbatim in its source', () => {
    expect(issuesAfter((ds) => (ds.meetings[3]!.evidence[0]!.quote = 'Assad and Khaji played chess.'))).toEqual([
      expect.stringMatching(/^meetings\[3\]\.evidence\[0\]\.quote: quote does not occur verbatim/),
    ]);
  });

  it('accepts quotes that differ from the source only in whitespace', () => {
    expect(issuesAfter((ds) => (ds.meetings[3]!.evidence[0]!.quote = ds.meetings[3]!.evidence[0]!.quote!.replace(/ /g, '\n  ')))).toEqual([]);
  });

  it('actor who takes part in no meeting', () => {
    expect(issuesAfter((ds) => ds.actors.push({ id: 'ghost', name: 'Ghost', aliases: [], kind: 'person', affiliation: 'IRN', roles: [] }))).toEqual([
      `actors[${bundled().actors.length}]: actor "ghost" takes part in no meeting`,
    ]);
  });

  it('the same actor listed twice in a meeting', () => {
    expect(issuesAfter((ds) => ds.meetings[0]!.participants.push({ ...ds.meetings[0]!.participants[0]! }))).toEqual([
      expect.stringMatching(/^meetings\[0\]\.participants\[2\]\.actorId: actor ".*" is listed twice/),
    ]);
  });

  it('a role whose from is after its to', () => {
    expect(issuesAfter((ds) => (ds.actors[0]!.roles[0] = { title: 'x', from: '2020-01-01', to: '2019-01-01' }))).toEqual([
      'actors[0].roles[0]: from 2020-01-01 is after to 2019-01-01',
    ]);
  });
});

describe('whether a text needs its whitespace collapsed', () => {
  it('answers as the regular expression it replaced, for any mix of letters and kinds of whitespace', () => {
    const replaced = /\s\s|[^\S ]|^ | $/;
    const chars = fc.constantFrom('a', 'é', ' ', ' ', '\t', '\n', '\r', '\u00a0', '\u2003', '\u3000', '\ufeff', '-');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 12 }).map((cs) => cs.join('')), (s) => {
        expect(needsCollapse(s)).toBe(replaced.test(s));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('whether a quote occurs in its source', () => {
  it('answers as matching the collapsed quote against the collapsed text, for any text and quote', () => {
    const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();
    const chars = fc.constantFrom('a', 'b', ' ', ' ', '\t', '\n', '\u00a0', '\u2003', '-');
    const text = fc.array(chars, { maxLength: 16 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(text, text, fc.nat(), fc.nat(), (raw, other, a, b) => {
        // Quotes cut from the text (white space as written, or collapsed) as well as unrelated ones, asked in turn.
        const cut = raw.slice(Math.min(a, b) % (raw.length + 1), Math.max(a, b) % (raw.length + 1));
        const source = new QuotedText(raw);
        for (const quote of [cut, other, ` ${cut} `, cut.replace(/ /g, '  '), collapse(cut), collapse(raw)]) {
          expect(source.holds(quote)).toBe(collapse(raw).includes(collapse(quote)));
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the dataset-wide rules, in the order and wording they always had', () => {
  it('report a repeated actor id once per copy, and no copy as taking part in no meeting when the id does', () => {
    expect(issuesAfter((ds) => ds.actors.push({ ...ds.actors[0]! }))).toEqual([`actors[${bundled().actors.length}].id: duplicate id "${bundled().actors[0]!.id}"`]);
    expect(
      issuesAfter((ds) => {
        ds.actors.push({ id: 'ghost', name: 'Ghost', aliases: [], kind: 'person', affiliation: 'IRN', roles: [] });
        ds.actors.push({ id: 'ghost', name: 'Ghost again', aliases: [], kind: 'person', affiliation: 'IRN', roles: [] });
      }),
    ).toEqual([
      `actors[${bundled().actors.length + 1}].id: duplicate id "ghost"`,
      `actors[${bundled().actors.length}]: actor "ghost" takes part in no meeting`,
      `actors[${bundled().actors.length + 1}]: actor "ghost" takes part in no meeting`,
    ]);
  });

  it("give each participant's actor and each meeting topic's position, meeting by meeting, as the dataset lists them", () => {
    const result = parseDatasetText(bundledText);
    if (!result.ok) throw new Error('bundled dataset invalid');
    const { actors, meetings, topics } = result.dataset;
    expect(Array.from(result.positions.participantActors)).toEqual(meetings.flatMap((m) => m.participants.map((p) => actors.findIndex((a) => a.id === p.actorId))));
    expect(Array.from(result.positions.meetingTopics)).toEqual(meetings.flatMap((m) => m.topics.map((t) => topics.findIndex((x) => x.id === t))));
  });

  it('name each broken meeting by position and field, however many meetings pass before it', () => {
    const ds = bundled();
    const [first] = ds.meetings;
    // Many passing copies, then the broken ones: the checks that stop early or share work across meetings must not skip any.
    const copies = Array.from({ length: 1200 }, (_, k) => ({ ...first!, id: `copy-${k}` }));
    const broken = [
      { ...first!, id: 'late-a', date: '2020-05', datePrecision: 'day' as const },
      { ...first!, id: 'late-b', earliest: '2030-01-01' },
      { ...first!, id: 'late-c', participants: [first!.participants[0]!, first!.participants[0]!] },
      { ...first!, id: 'late-d', participants: [first!.participants[0]!, { actorId: 'no-such-actor' }] },
    ];
    ds.meetings = [...ds.meetings, ...copies, ...broken];
    const at = (k: number) => `meetings[${ds.meetings.length - broken.length + k}]`;
    const result = validateDataset(ds);
    expect(result.ok).toBe(false);
    const issues = result.ok ? [] : result.issues.map(formatIssue);
    expect(issues).toEqual([
      `${at(0)}.date: "2020-05" does not match datePrecision "day"`,
      `${at(1)}.earliest: earliest 2030-01-01 is after latest ${first!.latest}`,
      `${at(1)}.earliest: 2030-01-01 lies outside date ${first!.date}`,
      `${at(2)}.participants[1].actorId: actor "${first!.participants[0]!.actorId}" is listed twice`,
      `${at(3)}.participants[1].actorId: unknown actor "no-such-actor"`,
    ]);
  });
});
