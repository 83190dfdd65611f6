import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fetchDataset } from '../../../src/domain/engine/fetchBody';
import { runLoad } from '../../../src/domain/engine/runLoad';
import { IndexAssembler } from '../../../src/domain/engine/assemble';
import { buildIndex } from '../../../src/domain/indexes';
import { parseDatasetText } from '../../../src/domain/validate';
import { isolate } from '../../../src/domain/bidi';
import type { LoadReply } from '../../../src/domain/engine/protocol';

const bundled = readFileSync('public/data/meetings.json');
const fetchMock = vi.fn<typeof fetch>();
beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

/** A response whose body arrives in `parts` pieces, with its length announced. */
function streamed(bytes: Uint8Array, parts: number): Response {
  const size = Math.ceil(bytes.byteLength / parts);
  let at = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= bytes.byteLength) return controller.close();
      controller.enqueue(bytes.slice(at, at + size));
      at += size;
    },
  });
  return new Response(body, { headers: { 'content-length': String(bytes.byteLength) } });
}

describe("a link's body fetched before the readers have loaded (the load worker's start)", () => {
  it('reports the download as it arrives and hands runLoad the bytes, which it does not fetch again', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    let now = 0;
    vi.setSystemTime(0);
    fetchMock.mockImplementation(async () => streamed(bundled, 8));
    const replies: LoadReply[] = [];
    const post = (r: LoadReply) => {
      // Progress is reported at most every 100 ms: each piece arrives 150 ms after the last.
      vi.setSystemTime((now += 150));
      replies.push(r);
    };
    const fetching = fetchDataset('https://parley.test/data/meetings.json', post);
    await runLoad({ kind: 'url', url: 'https://parley.test/data/meetings.json', fileName: 'meetings.json', label: 'meetings.json' }, post, { fetching });
    vi.useRealTimers();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const downloads = replies.flatMap((r) => (r.type === 'progress' && r.stage === 'download' ? [r.fraction] : []));
    expect(downloads.length).toBeGreaterThan(2);
    downloads.forEach((f, i) => expect(f).toBeGreaterThan(downloads[i - 1] ?? 0));
    expect(replies.find((r) => r.type === 'fetched')).toEqual({ type: 'fetched', bytes: bundled.byteLength });
    const head = replies.find((r) => r.type === 'head');
    if (head?.type !== 'head') throw new Error('no head');
    const assembler = new IndexAssembler(head.packed, head.rest, head.counts);
    for (const r of replies) if (r.type === 'chunk') assembler.add(r.field, r.offset, r.items);
    const parsed = parseDatasetText(bundled.toString('utf8'));
    if (!parsed.ok) throw new Error('bundled dataset invalid');
    expect(assembler.finish().dataset).toEqual(buildIndex(parsed.dataset).dataset);
  });

  it("a server's refusal, fetched early, is the load's one specific failure", async () => {
    fetchMock.mockResolvedValue(new Response('gone', { status: 404, statusText: 'Not Found' }));
    const replies: LoadReply[] = [];
    const post = (r: LoadReply) => void replies.push(r);
    const fetching = fetchDataset('https://parley.test/data/gone.json', post);
    await runLoad({ kind: 'url', url: 'https://parley.test/data/gone.json', fileName: 'gone.json', label: 'data/gone.json' }, post, { fetching });
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(replies.filter((r) => r.type !== 'progress')).toEqual([
      { type: 'failed', title: `Could not load the dataset ${isolate('data/gone.json')}`, issues: [{ path: '', message: 'the server answered 404 Not Found' }], total: 1 },
    ]);
  });
});

describe("a link's delimited file, read as it downloads", () => {
  const icews = readFileSync('tests/fixtures/import/icews-sample.tab');
  const lines = icews.toString('utf8').trimEnd().split('\n');
  // Enough rows for progress reports (every 5,000 rows) and pieces that cut rows and a two-byte character.
  const many = Buffer.from([lines[0]!, ...Array.from({ length: 12_000 }, (_, k) => lines[1 + (k % (lines.length - 1))]!.replace(/^\d+\t/, `${k + 1}\t`).replace('Syria', 'Syrié'))].join('\n'));

  const load = async (body: Uint8Array, parts: number, kind: 'url' | 'bytes') => {
    fetchMock.mockImplementation(async () => streamed(body, parts));
    const replies: LoadReply[] = [];
    const post = (r: LoadReply) => void replies.push(r);
    const common = { fileName: 'events.tab', label: 'events.tab' };
    if (kind === 'url') await runLoad({ kind, url: 'https://parley.test/events.tab', ...common }, post, { fetching: fetchDataset('https://parley.test/events.tab', post) });
    else await runLoad({ kind, bytes: new Uint8Array(body).buffer, ...common }, post);
    return replies;
  };
  const withoutProgress = (replies: LoadReply[]) => replies.filter((r) => r.type !== 'progress' && r.type !== 'fetched');

  it('gives what reading the downloaded bytes gives, reporting rows read while the body still arrives', async () => {
    const fromUrl = await load(many, 37, 'url');
    expect(withoutProgress(fromUrl)).toEqual(withoutProgress(await load(many, 1, 'bytes')));
    const fetchedAt = fromUrl.findIndex((r) => r.type === 'fetched');
    const rowsBefore = fromUrl.slice(0, fetchedAt).flatMap((r) => (r.type === 'progress' && r.stage === 'read' ? [r.rows] : []));
    expect(rowsBefore).toContain(4999);
    expect(fromUrl.slice(0, fetchedAt).some((r) => r.type === 'progress' && r.stage === 'download' && fromUrl.indexOf(r) > fromUrl.findIndex((q) => q.type === 'progress' && q.stage === 'read'))).toBe(false);
  });

  it('refuses a body that is not UTF-8 with the message the whole file gets, wherever the bad byte arrives', async () => {
    const bad = new Uint8Array(many);
    bad[many.length - 40] = 0xff;
    const fromUrl = withoutProgress(await load(bad, 37, 'url'));
    expect(fromUrl).toEqual(withoutProgress(await load(bad, 1, 'bytes')));
    expect(fromUrl).toEqual([expect.objectContaining({ type: 'failed', issues: [{ path: '', message: expect.stringMatching(/not UTF-8 text .*invalid byte at offset \d+, line 12001/) }] })]);
  });
});
