import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../src/App';
import { BUNDLED_DATA_URL, loadDatasetUrl } from '../../src/state/loadDataset';
import { openDatasetFile } from '../../src/state/importDataset';
import { forgetDataset, listRecent, markShown } from '../../src/state/recentDatasets';
import { reopenStored, restoreShownDataset } from '../../src/state/restoreDataset';
import { useStore } from '../../src/state/store';
import { loadVisLibrary } from '../../src/viz/timeline/visLibrary';

// The timeline's library is a chunk of its own in the app (main.tsx starts loading it); here it is loaded up front.
beforeAll(() => loadVisLibrary());

const bundledText = readFileSync('public/data/meetings.json', 'utf8');
const fetchMock = vi.fn<typeof fetch>();
const ok = (body: BodyInit) => Promise.resolve(new Response(body, { status: 200 }));
const shown = () => {
  const data = useStore.getState().data;
  return data.state === 'ready' ? data.index.meetings.length : data.state;
};
const utf16le = (text: string) => {
  const out = new Uint8Array(2 + text.length * 2);
  out.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    out[2 + 2 * i] = text.charCodeAt(i) & 0xff;
    out[3 + 2 * i] = text.charCodeAt(i) >> 8;
  }
  return out;
};

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
  useStore.setState({ data: { state: 'loading', url: '' }, notices: [], importReview: null, importProgress: null });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('first load through a link', () => {
  it('a link that never answers times out with Retry and "Open the bundled dataset"', async () => {
    fetchMock.mockImplementation((_url, init) => new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))));
    await loadDatasetUrl('data/slow.json', { timeoutMs: 20 });
    expect(useStore.getState().data).toMatchObject({ state: 'error', title: 'The dataset \u2068data/slow.json\u2069 did not arrive' });
    render(<App />);
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Open the bundled dataset' })).toBeInTheDocument();
    expect(screen.getByText(/no answer within/)).toBeInTheDocument();
  });

  it('decodes UTF-16 (by its byte-order mark) and a UTF-8 BOM like a file from disk', async () => {
    fetchMock.mockImplementation(() => ok(utf16le(bundledText)));
    await loadDatasetUrl('data/utf16.json');
    expect(shown()).toBe(13);
    fetchMock.mockImplementation(() => ok(`\uFEFF${bundledText}`));
    await loadDatasetUrl('data/bom.json');
    expect(shown()).toBe(13);
  });

  it('a sheet through ?data= loads what it can with a notice naming the skipped row', async () => {
    fetchMock.mockImplementation(() => ok(readFileSync('tests/fixtures/import/meetings-quirks.csv')));
    await loadDatasetUrl('data/meetings-quirks.csv');
    expect(shown()).toBe(4);
    const notice = useStore.getState().notices.find((n) => n.tone === 'warning')!;
    expect(notice.text).toContain('5 rows became 4 meetings');
    expect(notice.text).toContain('Row 5, \u2068Date\u2069 "\u20682021-02-30\u2069"');
  });
});

describe('a bad file never triggers a fetch', () => {
  it('offers no Retry, only the bundled dataset', async () => {
    const user = userEvent.setup();
    await openDatasetFile(new File(['date,participants\n2020-13,A;B\n'], '\\\\evil.example\\x.json.csv'));
    expect(useStore.getState().data).toMatchObject({ state: 'error', origin: 'file' });
    render(<App />);
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
    expect(fetchMock).not.toHaveBeenCalled();
    fetchMock.mockImplementation(() => ok(bundledText));
    await user.click(screen.getByRole('button', { name: 'Open the bundled dataset' }));
    expect(fetchMock.mock.calls.map((c) => c[0])).toEqual([BUNDLED_DATA_URL]);
  });
});

describe('recent datasets', () => {
  it('a file opened is kept in the browser, restored on reload, and forgotten on request', async () => {
    await openDatasetFile(new File([readFileSync('tests/fixtures/import/icews-sample.tab')], 'icews-sample.tab'));
    // The ICEWS sample has two unreadable rows: a file's problems are reviewed first.
    const review = useStore.getState().importReview;
    expect(review?.kind).toBe('problems');
    const { acceptImport } = await import('../../src/state/importDataset');
    if (review?.kind === 'problems') await acceptImport(review.result, review.name, review.url, review.origin, review.size);
    expect(shown()).toBe(3);
    const recent = await listRecent();
    // The engine kept the file's bytes (no copy of the dataset on the page); a reload reads them in the engine again.
    expect(recent[0]).toMatchObject({ name: 'icews-sample.tab', meetings: 3, size: readFileSync('tests/fixtures/import/icews-sample.tab').length, stored: 'file' });

    useStore.setState({ data: { state: 'loading', url: '' } });
    expect(await restoreShownDataset()).toBe(true);
    expect(shown()).toBe(3);

    await forgetDataset(recent[0]!.id);
    expect(await listRecent()).toEqual([]);
    expect(await reopenStored(recent[0]!)).toBe(false);
    markShown(recent[0]!.id);
    expect(await restoreShownDataset()).toBe(false);
  });
});
