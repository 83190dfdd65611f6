import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actorPassesUnchanged, meetingPassesUnchanged, sourcePassesUnchanged } from '../../src/domain/fastCheck';
import { ActorSchema, MeetingSchema, SourceSchema, type Dataset } from '../../src/domain/schema';
import { formatIssue, validateDataset } from '../../src/domain/validate';

const bundled = (): Dataset => JSON.parse(readFileSync('public/data/meetings.json', 'utf8'));

/** Values that probe each rule: wrong types, untrimmed or empty text, bad dates and slugs, odd arrays. */
const oddValue = fc.constantFrom<unknown>(
  undefined, null, 0, 1, true, '', ' ', 'x', ' x', 'x ', 'Bad Id', 'ok-id', '-no', '2020', '2020-02', '2020-02-29', '2021-02-29', '2020-13-01',
  '2020-1-01', 'day', 'month', 'year', 'week', 'meeting', 'dinner', '040', '045', 'SYR', 'syr', 'UN', 'X', 'person', 'robot',
  [], ['x'], [' x'], [{ actorId: 'a' }], [{ actorId: 'a' }, { actorId: 'b', role: 'Envoy' }], [{ actorId: 'a' }, { actorId: 'b', role: ' ' }],
  [{ sourceId: 's', quote: 'q' }], [{ sourceId: 's', quote: 'q', extra: 1 }], [{ title: 'Envoy', from: '2020-01-01' }], [{ title: 'Envoy', from: '2020' }],
  {}, { actorId: 'a' },
  'afternoon', 'talks', 'press remarks', 'group', 1.5, -1, 2, [{ sourceId: 's', supports: 'the day' }], [{ sourceId: 's', supports: ' x' }],
  [{ sourceId: 's', quote: 'q', context: 'talks', topics: ['t'] }], [{ sourceId: 's', quote: 'q', context: 'gossip' }], [{ title: 'Envoy', inferred: true, attested: 1 }],
);

function agreesWithZod(record: unknown, fast: (r: unknown) => boolean, schema: typeof MeetingSchema | typeof ActorSchema | typeof SourceSchema) {
  if (!fast(record)) return;
  // Whatever the quick check passes, zod must accept and return unchanged.
  const parsed = schema.safeParse(record);
  expect(parsed.success).toBe(true);
  expect(parsed.data).toStrictEqual(record);
}

describe('quick record check agrees with the zod schema', () => {
  const ds = bundled();
  const fields = { meeting: [...Object.keys(ds.meetings[0]!), 'location', 'locationNote', 'locationInferred', 'dateInferred', 'occasion', 'order', 'partOfDay', 'corroboration', 'extra'], actor: [...Object.keys(ds.actors[0]!), 'note', 'extra'] };

  it('passes the bundled records', () => {
    expect(ds.meetings.every(meetingPassesUnchanged)).toBe(true);
    expect(ds.actors.every(actorPassesUnchanged)).toBe(true);
  });

  it('never passes a meeting zod would reject or change', () => {
    fc.assert(
      fc.property(fc.nat(ds.meetings.length - 1), fc.array(fc.tuple(fc.constantFrom(...fields.meeting), oddValue), { maxLength: 3 }), (i, edits) => {
        const m: Record<string, unknown> = structuredClone(ds.meetings[i]!);
        for (const [k, v] of edits) m[k] = v;
        for (const k of Object.keys(m)) if (m[k] === undefined) delete m[k];
        agreesWithZod(m, meetingPassesUnchanged, MeetingSchema);
      }),
      { numRuns: 2000 },
    );
  });

  it('never passes an actor zod would reject or change', () => {
    fc.assert(
      fc.property(fc.nat(ds.actors.length - 1), fc.array(fc.tuple(fc.constantFrom(...fields.actor), oddValue), { maxLength: 3 }), (i, edits) => {
        const a: Record<string, unknown> = structuredClone(ds.actors[i]!);
        for (const [k, v] of edits) a[k] = v;
        for (const k of Object.keys(a)) if (a[k] === undefined) delete a[k];
        agreesWithZod(a, actorPassesUnchanged, ActorSchema);
      }),
      { numRuns: 2000 },
    );
  });

  // Sources as an event file cites them (no text, no URL), and the bundled ones with their articles cut short.
  const sources = [
    { id: 'story-1039', title: 'ICEWS story 1039', titleNote: 'Cited by ICEWS (x.tsv); the story text is not part of the file.', publisher: 'Bench Wire', published: null },
    ...ds.sources.map(({ url: _url, ...s }) => ({ ...s, ...(s.text ? { text: s.text.slice(0, 500).trim() } : {}) })),
  ];
  const sourceFields = [...new Set(sources.flatMap((s) => Object.keys(s)))].concat(['publisherNote', 'publishedNote', 'url', 'urlNote', 'retrieved', 'retrievedNote', 'attribution', 'relation', 'corroborating', 'extra']);
  const sourceValue = fc.oneof(oddValue, fc.constantFrom<unknown>('https://example.org/a', 'not a url', 'ftp://x', '2021-02-29', 'x'.repeat(10_001)));

  it('passes sources without a URL or a long text', () => {
    expect(sources.every(sourcePassesUnchanged)).toBe(true);
    expect(sourcePassesUnchanged({ ...sources[0], url: 'https://example.org/a' })).toBe(false);
  });

  it('never passes a source zod would reject or change', () => {
    fc.assert(
      fc.property(fc.nat(sources.length - 1), fc.array(fc.tuple(fc.constantFrom(...sourceFields), sourceValue), { maxLength: 3 }), (i, edits) => {
        const s: Record<string, unknown> = structuredClone(sources[i]!);
        for (const [k, v] of edits) s[k] = v;
        for (const k of Object.keys(s)) if (s[k] === undefined) delete s[k];
        agreesWithZod(s, sourcePassesUnchanged, SourceSchema);
      }),
      { numRuns: 2000 },
    );
  });

  it('rejects untrimmed text and unknown keys, which zod would change rather than refuse', () => {
    const m = structuredClone(ds.meetings[0]!);
    expect(meetingPassesUnchanged({ ...m, summary: ` ${m.summary}` })).toBe(false);
    expect(meetingPassesUnchanged({ ...m, extra: 1 })).toBe(false);
    expect(actorPassesUnchanged({ ...ds.actors[0]!, name: `${ds.actors[0]!.name} ` })).toBe(false);
  });
});

describe('validateDataset with the quick path', () => {
  it('returns the same dataset as zod for valid data, trimming text as zod does', () => {
    const ds = bundled();
    ds.meetings[0]!.summary = `  ${ds.meetings[0]!.summary}  `;
    const result = validateDataset(ds);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.dataset.meetings[0]!.summary).toBe(ds.meetings[0]!.summary.trim());
  });

  it('returns sources that pass as they are, and a source that does not as zod gives it, with the others', () => {
    const ds = bundled();
    ds.sources = ds.sources.map(({ url: _url, text: _text, ...s }) => s);
    const quick = validateDataset(ds);
    expect(quick.ok && quick.dataset.sources[0]).toBe(ds.sources[0]);
    ds.sources[1]!.title = `${ds.sources[1]!.title} `;
    const slow = validateDataset(ds);
    expect(slow.ok && slow.dataset.sources[1]!.title).toBe(ds.sources[1]!.title.trim());
    expect(slow.ok && slow.dataset.sources[0]).toEqual(ds.sources[0]);
  });

  it('reports problems outside meetings and actors with their zod paths', () => {
    const ds = bundled();
    (ds.sources[1] as { title: unknown }).title = 42;
    const result = validateDataset(ds);
    expect(result.ok ? [] : result.issues.map(formatIssue)).toEqual([expect.stringMatching(/^sources\[1\]\.title: /)]);
  });
});
