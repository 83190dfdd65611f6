import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildIndex, type DatasetIndex } from '../../../src/domain/indexes';
import { IndexAssembler } from '../../../src/domain/engine/assemble';
import { columnBuffers, columnsOf } from '../../../src/domain/engine/queryColumns';
import { packIndex, packedBuffers } from '../../../src/domain/engine/packedIndex';
import { LAZY_RECORDS_MIN_MEETINGS, QUERY_WORKER_MIN_MEETINGS } from '../../../src/domain/engine/thresholds';
import { TEXT_CHUNK } from '../../../src/domain/engine/recordText';
import { rankNames } from '../../../src/domain/nameOrder';
import type { LoadReply, LoadRequest, LoadSummary } from '../../../src/domain/engine/protocol';
import { handOver, runLoad } from '../../../src/domain/engine/runLoad';
import { chunkCredit } from '../../../src/domain/engine/chunkCredit';
import { importText } from '../../../src/domain/import/pipeline';
import { decodeBytes } from '../../../src/domain/import/decode';
import type { Dataset } from '../../../src/domain/schema';
import { parseDatasetText } from '../../../src/domain/validate';
import { isolate } from '../../../src/domain/bidi';
import { generateSynthetic } from '../../../scripts/bench/synthetic/generate';
import { smallDataset } from '../../fixtures/smallDataset';

const bundledText = readFileSync('public/data/meetings.json', 'utf8');
const validated = (text: string): Dataset => {
  const result = parseDatasetText(text);
  if (!result.ok) throw new Error('fixture is not valid');
  return result.dataset;
};
const synthetic = (meetings: number, actors: number, seed: number) => JSON.parse(generateSynthetic({ meetings, actors, seed })) as Dataset;
const bytesOf = (text: string) => new TextEncoder().encode(text).buffer as ArrayBuffer;

/** Every reply of one load, in order. */
async function repliesOf(request: LoadRequest): Promise<LoadReply[]> {
  const replies: LoadReply[] = [];
  await runLoad(request, (r) => void replies.push(r));
  return replies;
}

/** The page's side: the index assembled from the replies (chunks fed in the given order). */
function assemble(replies: readonly LoadReply[], reorder: <T>(chunks: T[]) => T[] = (c) => c): DatasetIndex {
  const head = replies.find((r) => r.type === 'head');
  if (head?.type !== 'head') throw new Error(`no head: ${JSON.stringify(replies.find((r) => r.type === 'failed'))}`);
  const assembler = new IndexAssembler(head.packed, head.rest, head.counts, head.meetingBytes, head.meetingText, head.sourceText);
  const chunks = replies.filter((r): r is Extract<LoadReply, { type: 'chunk' | 'meetingText' | 'sourceText' }> => r.type === 'chunk' || r.type === 'meetingText' || r.type === 'sourceText');
  for (const c of reorder(chunks)) {
    if (c.type === 'chunk') assembler.add(c.field, c.offset, c.items);
    else if (c.type === 'meetingText') assembler.addMeetingText(c.offset, c);
    else assembler.addSourceText(c.offset, c);
  }
  return assembler.finish();
}

/** The same index as `buildIndex`: records, positions, every typed array and every map (entries in the same order). */
function expectSameIndex(actual: DatasetIndex, expected: DatasetIndex): void {
  expect(actual.dataset).toEqual(expected.dataset);
  expect(Object.keys(actual.dataset)).toEqual(Object.keys(expected.dataset));
  for (const key of ['start', 'end', 'order'] as const) expect(Array.from(actual[key]), key).toEqual(Array.from(expected[key]));
  for (const key of ['participants', 'byActor'] as const) expect(actual[key].map((a) => Array.from(a)), key).toEqual(expected[key].map((a) => Array.from(a)));
  for (const key of ['meetingPos', 'actorPos', 'topicById', 'countryByCode', 'sourceById'] as const) expect([...actual[key]], key).toEqual([...expected[key]]);
  for (const key of ['byAffiliation', 'byTopic'] as const) expect([...actual[key]].map(([k, v]) => [k, Array.from(v)]), key).toEqual([...expected[key]].map(([k, v]) => [k, Array.from(v)]));
  expect([actual.minTime, actual.maxTime]).toEqual([expected.minTime, expected.maxTime]);
  // The copies for the query worker: taken from the packed lists the rows are views of, the same as from the rows.
  expect(columnsOf(actual)).toEqual(columnsOf(expected));
  // Ranked in the worker, as the page would rank them.
  expect(Array.from(actual.nameRank!)).toEqual(Array.from(rankNames(expected.actors)));
}

describe('the loading worker gives the index buildIndex gives', () => {
  it('for the bundled dataset read from JSON bytes', async () => {
    const replies = await repliesOf({ kind: 'bytes', bytes: bytesOf(bundledText), fileName: 'meetings.json', label: 'meetings.json', chunkSize: 3 });
    // Validation trims texts: the page saw the validated dataset before too.
    expectSameIndex(assemble(replies), buildIndex(validated(bundledText)));
    expect(replies.at(-1)).toMatchObject({ type: 'done', summary: { kind: 'json', warningTotal: 0 } });
  });

  it('for an ICEWS file merged by the import readers', async () => {
    const file = readFileSync('tests/fixtures/import/icews-sample.tab');
    const decoded = decodeBytes(file);
    const direct = decoded.ok ? importText(decoded.text, 'icews-sample.tab') : null;
    if (!direct?.ok) throw new Error('fixture does not import');
    const replies = await repliesOf({ kind: 'bytes', bytes: new Uint8Array(file).buffer, fileName: 'icews-sample.tab', label: 'icews-sample.tab' });
    expectSameIndex(assemble(replies), buildIndex(direct.dataset));
    const done = replies.at(-1);
    expect(done?.type === 'done' && done.summary.kind === 'import' && done.summary.imported).toMatchObject({ meetings: direct.meetings, rows: direct.rows, format: direct.format });
  });

  it('for generated datasets, whatever the chunk size and the order the chunks arrive in', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 120 }), fc.integer({ min: 2, max: 40 }), fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 50 }), fc.constantFrom('in order', 'reversed', 'first chunk last'), (meetings, actors, seed, chunkSize, order) => {
        // The generator needs every actor in some meeting; more actors than meetings can leave it searching.
        fc.pre(actors <= Math.max(2, meetings));
        const dataset = synthetic(meetings, actors, seed);
        const replies: LoadReply[] = [];
        handOver(structuredClone(dataset), { kind: 'json', warnings: [], warningTotal: 0 }, (r) => void replies.push(r), chunkSize);
        const reorder = order === 'reversed' ? <T,>(c: T[]) => [...c].reverse() : order === 'first chunk last' ? <T,>(c: T[]) => [...c.slice(1), ...c.slice(0, 1)] : undefined;
        expectSameIndex(assemble(replies, reorder), buildIndex(dataset));
      }),
      { numRuns: 20 },
    );
  });

  it("gives a large dataset's meetings that are not the file's bytes as text, in chunks that may arrive in any order", () => {
    const dataset = synthetic(LAZY_RECORDS_MIN_MEETINGS + 1234, 300, 7);
    const replies: LoadReply[] = [];
    void handOver(structuredClone(dataset), { kind: 'json', warnings: [], warningTotal: 0 }, (r) => void replies.push(r), 200);
    const head = replies.find((r) => r.type === 'head');
    expect(head?.type === 'head' && head.meetingText?.chunk).toBe(TEXT_CHUNK);
    expect(replies.some((r) => r.type === 'chunk' && r.field === 'meetings')).toBe(false);
    const texts = replies.filter((r) => r.type === 'meetingText');
    expect(texts.map((t) => t.type === 'meetingText' && t.offset)).toEqual([0, 2000, 4000, 6000]);
    for (const reorder of [undefined, <T,>(c: T[]) => [...c].reverse()]) {
      const index = assemble(replies, reorder);
      expectSameIndex(index, buildIndex(dataset));
      expect(index.meetingPos.get(index.meetings[5555]!.id)).toBe(5555);
    }
    // Not finished before every chunk has come.
    expect(() => assemble(replies.filter((r) => !(r.type === 'meetingText' && r.offset === 2000)))).toThrow(/received 4234 of 6234 meetings/);
  });

  it("gives an import's many short sources (a story each) as text as well; sources holding long texts as records", () => {
    const base = synthetic(LAZY_RECORDS_MIN_MEETINGS + 1234, 300, 7);
    const stories: Dataset = {
      ...base,
      meetings: base.meetings.map((m, i) => ({ ...m, evidence: m.evidence.map((e) => ({ ...e, sourceId: `story-${i}` })) })),
      sources: base.meetings.map((_, i) => ({ id: `story-${i}`, title: `Wire story ${i}`, publisher: 'Wire', published: null })),
    };
    const replies: LoadReply[] = [];
    void handOver(structuredClone(stories), { kind: 'json', warnings: [], warningTotal: 0 }, (r) => void replies.push(r), 200);
    const head = replies.find((r) => r.type === 'head');
    expect(head?.type === 'head' && head.sourceText?.chunk).toBe(TEXT_CHUNK);
    expect(replies.some((r) => r.type === 'chunk' && r.field === 'sources')).toBe(false);
    expect(replies.filter((r) => r.type === 'sourceText').map((t) => t.type === 'sourceText' && t.offset)).toEqual([0, 2000, 4000, 6000]);
    for (const reorder of [undefined, <T,>(c: T[]) => [...c].reverse()]) {
      const index = assemble(replies, reorder);
      expectSameIndex(index, buildIndex(stories));
      expect(index.sourceById.get('story-5555')).toEqual(stories.sources[5555]);
    }
    expect(() => assemble(replies.filter((r) => !(r.type === 'sourceText' && r.offset === 4000)))).toThrow(/received 4234 of 6234 sources/);

    const long = structuredClone(stories);
    long.sources[10] = { ...long.sources[10]!, text: 'x'.repeat(2001) };
    const asRecords: LoadReply[] = [];
    void handOver(structuredClone(long), { kind: 'json', warnings: [], warningTotal: 0 }, (r) => void asRecords.push(r), 200);
    expect(asRecords.find((r) => r.type === 'head')).not.toHaveProperty('sourceText');
    expect(asRecords.some((r) => r.type === 'sourceText')).toBe(false);
    expectSameIndex(assemble(asRecords), buildIndex(long));
  });

  it("packs with the positions validation found as it packs by looking them up, and ignores lists that do not fit", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 80 }), fc.integer({ min: 2, max: 30 }), fc.integer({ min: 1, max: 1000 }), (meetings, actors, seed) => {
        fc.pre(actors <= meetings);
        const text = JSON.stringify(synthetic(meetings, actors, seed));
        const result = parseDatasetText(text);
        if (!result.ok) throw new Error('generated dataset invalid');
        const looked = packIndex(result.dataset);
        const { participantActors, meetingTopics } = result.positions;
        expect(packIndex(result.dataset, { participantActors: participantActors.slice(), meetingTopics: meetingTopics.slice() })).toEqual(looked);
        const misfit = { participantActors: new Int32Array(participantActors.length + 1), meetingTopics: new Int32Array(meetingTopics.length + 1) };
        expect(packIndex(result.dataset, misfit)).toEqual(looked);
      }),
      { numRuns: 25 },
    );
  });

  it("gives a large JSON dataset's meetings as the file's own bytes, read only when needed; otherwise as records", async () => {
    const text = generateSynthetic({ meetings: LAZY_RECORDS_MIN_MEETINGS, actors: 300, seed: 4 });
    const sent = bytesOf(text);
    const replies = await repliesOf({ kind: 'bytes', bytes: sent, fileName: 'x.json', label: 'x.json' });
    const head = replies.find((r) => r.type === 'head');
    if (head?.type !== 'head' || !head.meetingBytes) throw new Error('no meeting bytes');
    // The file's own bytes, not a copy written out again, and no meeting sent as a record.
    expect(head.meetingBytes.bytes).toBe(sent);
    expect(replies.some((r) => r.type === 'chunk' && r.field === 'meetings')).toBe(false);
    const index = assemble(replies);
    expectSameIndex(index, buildIndex(validated(text)));
    expect(index.meetingPos.get(index.meetings[1234]!.id)).toBe(1234);

    // Meetings the schema changes (a summary it trims) are not the file's text: they come as text written out again.
    const data = JSON.parse(text) as Dataset;
    data.meetings[3] = { ...data.meetings[3]!, summary: `  ${data.meetings[3]!.summary}  ` };
    const trimmed = JSON.stringify(data);
    const changed = await repliesOf({ kind: 'bytes', bytes: bytesOf(trimmed), fileName: 'x.json', label: 'x.json' });
    expect(changed.find((r) => r.type === 'head')).not.toHaveProperty('meetingBytes');
    expect(changed.find((r) => r.type === 'head')).toHaveProperty('meetingText');
    expectSameIndex(assemble(changed), buildIndex(validated(trimmed)));
    // A later top-level key that reads as "meetings" after an escaped quote, holding forged records of the same count:
    // the page must show the records JSON.parse and validation saw.
    const forged = JSON.stringify({ ...JSON.parse(text), 'x"meetings': data.meetings.map((m) => ({ ...m, summary: 'forged' })) });
    expect(validated(forged).meetings[0]!.summary).not.toBe('forged');
    const spoofed = await repliesOf({ kind: 'bytes', bytes: bytesOf(forged), fileName: 'x.json', label: 'x.json' });
    expectSameIndex(assemble(spoofed), buildIndex(validated(forged)));
    // Nor does a UTF-16 file (the spans are UTF-8 bytes), nor a dataset under the threshold.
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) new DataView(utf16.buffer).setUint16(2 + 2 * i, text.charCodeAt(i), true);
    const wide = await repliesOf({ kind: 'bytes', bytes: utf16.buffer, fileName: 'x.json', label: 'x.json' });
    expect(wide.find((r) => r.type === 'head')).not.toHaveProperty('meetingBytes');
    expectSameIndex(assemble(wide), buildIndex(validated(text)));
    const small = await repliesOf({ kind: 'bytes', bytes: bytesOf(bundledText), fileName: 'meetings.json', label: 'meetings.json' });
    expect(small.find((r) => r.type === 'head')).not.toHaveProperty('meetingBytes');
    expect(small.find((r) => r.type === 'head')).not.toHaveProperty('meetingText');
  });

  it("sends a large dataset's query-worker columns with the head, in buffers of their own, equal to the page's own", async () => {
    const text = generateSynthetic({ meetings: QUERY_WORKER_MIN_MEETINGS, actors: 300, seed: 9 });
    const replies = await repliesOf({ kind: 'bytes', bytes: bytesOf(text), fileName: 'x.json', label: 'x.json' });
    const headAt = replies.findIndex((r) => r.type === 'head');
    const head = replies[headAt];
    if (head?.type !== 'head' || !head.query) throw new Error('no query columns');
    // Ahead of every record: the page starts the query worker before the hand-over.
    expect(replies.slice(0, headAt).some((r) => r.type === 'chunk')).toBe(false);
    // Separate buffers: the query worker is given these (transferred), the page keeps its own.
    const pageBuffers = new Set(packedBuffers(head.packed));
    expect(columnBuffers(head.query).some((b) => pageBuffers.has(b))).toBe(false);
    // The same columns and names the page would copy from the assembled index, or from an index built on the page.
    expect(head.query).toEqual(columnsOf(assemble(replies)));
    expect(head.query).toEqual(columnsOf(buildIndex(validated(text))));
    // A small dataset gets no second copy.
    const small = await repliesOf({ kind: 'bytes', bytes: bytesOf(bundledText), fileName: 'meetings.json', label: 'meetings.json' });
    expect(small.find((r) => r.type === 'head')).not.toHaveProperty('query');
  });

  it('packs participants, byActor and groups as CSR lists equal to the per-meeting arrays', () => {
    const packed = packIndex(smallDataset);
    const index = buildIndex(smallDataset);
    expect(packed.participants.offsets.length).toBe(smallDataset.meetings.length + 1);
    expect(packed.participants.values.length).toBe(index.participants.reduce((n, p) => n + p.length, 0));
    expect(packed.byAffiliation.keys).toEqual([...index.byAffiliation.keys()]);
    expect(packed.byTopic.keys).toEqual([...index.byTopic.keys()]);
  });

  it('refuses to finish before every record has arrived', () => {
    const replies: LoadReply[] = [];
    handOver(structuredClone(smallDataset), { kind: 'json', warnings: [], warningTotal: 0 }, (r) => void replies.push(r), 2);
    expect(() => assemble(replies, (c) => c.slice(1))).toThrow(/received/);
  });
});

describe('progress', () => {
  it('only grows and reaches 100 %, for JSON and for a sheet', async () => {
    const json = await repliesOf({ kind: 'bytes', bytes: bytesOf(generateSynthetic({ meetings: 300, actors: 40, seed: 3 })), fileName: 'x.json', label: 'x.json', chunkSize: 25 });
    const sheet = await repliesOf({ kind: 'bytes', bytes: new Uint8Array(readFileSync('tests/fixtures/import/icews-sample.tab')).buffer, fileName: 'i.tab', label: 'i.tab', chunkSize: 1 });
    for (const replies of [json, sheet]) {
      const fractions = replies.flatMap((r) => (r.type === 'progress' ? [r.fraction] : []));
      expect(fractions.length).toBeGreaterThan(3);
      fractions.forEach((f, i) => expect(f).toBeGreaterThanOrEqual(fractions[i - 1] ?? 0));
      expect(fractions.at(-1)).toBe(1);
      // The last progress report comes before the result, never after.
      expect(replies.at(-1)?.type).toBe('done');
    }
  });

  it('a bad file ends with one specific failure and no index', async () => {
    const replies = await repliesOf({ kind: 'bytes', bytes: bytesOf('{ nope'), fileName: 'nope.json', label: 'nope.json' });
    expect(replies.filter((r) => r.type === 'head')).toEqual([]);
    expect(replies.at(-1)).toMatchObject({ type: 'failed', title: `The dataset ${isolate('nope.json')} is not valid`, issues: [{ message: expect.stringMatching(/^not valid JSON/) }] });
  });
});

describe('flow control of the hand-over', () => {
  const summary: LoadSummary = { kind: 'json', warnings: [], warningTotal: 0 };

  it('keeps at most the credit of chunks unacknowledged, loses and reorders none, and builds the same index', async () => {
    const dataset = synthetic(90, 12, 5);
    const credit = chunkCredit(3);
    const replies: LoadReply[] = [];
    let unacked = 0;
    let most = 0;
    const post = (r: LoadReply) => {
      replies.push(r);
      if (r.type !== 'chunk') return;
      most = Math.max(most, ++unacked);
      // The page files each chunk in a later task, then acknowledges it.
      setTimeout(() => {
        unacked--;
        credit.ack();
      }, 0);
    };
    await handOver(structuredClone(dataset), summary, post, 7, undefined, undefined, credit);
    expect(most).toBe(3);
    expect(replies.at(-1)?.type).toBe('done');
    const chunks = replies.filter((r) => r.type === 'chunk');
    const sent = chunks.map((c) => `${c.field}@${c.offset}`);
    const unlimited: LoadReply[] = [];
    void handOver(structuredClone(dataset), summary, (r) => void unlimited.push(r), 7);
    expect(sent).toEqual(unlimited.filter((r) => r.type === 'chunk').map((c) => `${c.field}@${c.offset}`));
    expectSameIndex(assemble(replies), buildIndex(dataset));
  });

  it('stops sending when cancelled while waiting for the page', async () => {
    const controller = new AbortController();
    const credit = chunkCredit(2);
    const replies: LoadReply[] = [];
    const done = handOver(structuredClone(synthetic(60, 8, 2)), summary, (r) => void replies.push(r), 5, controller.signal, undefined, credit);
    await new Promise((resolve) => setTimeout(resolve, 0));
    // No acknowledgement came: two chunks out, the third waits; cancelling then lets no more go.
    expect(replies.filter((r) => r.type === 'chunk')).toHaveLength(2);
    controller.abort();
    credit.ack();
    await done;
    expect(replies.filter((r) => r.type === 'chunk')).toHaveLength(2);
    expect(replies.some((r) => r.type === 'done')).toBe(false);
  });
});
