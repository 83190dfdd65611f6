import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../../src/domain/indexes';
import { searchTextOf } from '../../../src/domain/searchText';
import { datasetTextParts, forEachTextBlock } from '../../../src/domain/engine/searchTexts';
import { runLoad } from '../../../src/domain/engine/runLoad';
import type { LoadReply } from '../../../src/domain/engine/protocol';
import type { TextMessage, TextPost } from '../../../src/domain/engine/queryProtocol';
import type { Dataset } from '../../../src/domain/schema';
import { parseDatasetText } from '../../../src/domain/validate';
import { generateSynthetic } from '../../../scripts/bench/synthetic/generate';

const bundledText = readFileSync('public/data/meetings.json', 'utf8');
const bundled = (): Dataset => {
  const result = parseDatasetText(bundledText);
  if (!result.ok) throw new Error('the bundled dataset is not valid');
  return result.dataset;
};

/** The texts as the blocks carry them, by position (checking the blocks come in order and cover every meeting once). */
function textsFromBlocks(dataset: Dataset, blockChars: number): string[] {
  const texts: string[] = [];
  forEachTextBlock(datasetTextParts(dataset), (first, block, lengths) => {
    expect(first).toBe(texts.length);
    let at = 0;
    for (const length of lengths) texts.push(block.slice(at, (at += length)));
    expect(at).toBe(block.length);
  }, blockChars);
  return texts;
}

describe('search texts built from the dataset in the load worker', () => {
  for (const [name, dataset] of [['bundled', bundled()], ['generated', JSON.parse(generateSynthetic({ meetings: 800, actors: 150, seed: 9 })) as Dataset]] as const) {
    it(`equal the page's texts for the ${name} dataset, in blocks of any size`, () => {
      const index = buildIndex(dataset);
      for (const blockChars of [1, 2_000, 1 << 30]) {
        const texts = textsFromBlocks(dataset, blockChars);
        expect(texts).toHaveLength(index.meetings.length);
        texts.forEach((text, i) => expect(text).toBe(searchTextOf(index, i)));
      }
    });
  }

  it('a participant missing from the actors list contributes no name (as on the page)', () => {
    const dataset = bundled();
    const odd: Dataset = { ...dataset, meetings: dataset.meetings.map((m, i) => (i ? m : { ...m, participants: [...m.participants, { actorId: 'nobody-here' }] })) };
    expect(textsFromBlocks(odd, 1 << 30)[0]).toBe(searchTextOf(buildIndex(odd), 0));
  });
});

describe('after a load, the worker sends the texts when the page asks', () => {
  const request = { kind: 'bytes' as const, bytes: new TextEncoder().encode(bundledText).buffer as ArrayBuffer, fileName: 'meetings.json', label: 'meetings.json' };

  it('done says texts follow; none is sent until asked; then every meeting where asked, then textsDone to both', async () => {
    const replies: LoadReply[] = [];
    const sent: TextMessage[] = [];
    let ask!: (send: TextPost) => void;
    const loading = runLoad(request, (r) => void replies.push(r), { texts: { from: 5, wanted: new Promise<TextPost>((resolve) => (ask = resolve)) } });
    await new Promise((r) => setTimeout(r, 20));
    expect(replies.at(-1)).toMatchObject({ type: 'done', textsFollow: true });
    ask((message) => void sent.push(message));
    await loading;
    const texts = sent.filter((m): m is Extract<TextMessage, { type: 'texts' }> => m.type === 'texts');
    expect(texts.reduce((n, m) => n + m.lengths.length, 0)).toBe(bundled().meetings.length);
    expect(sent.at(-1)).toEqual({ type: 'textsDone' });
    expect(replies.at(-1)).toEqual({ type: 'textsDone' });
  });

  it('below the size, or outside a worker, no texts follow', async () => {
    for (const texts of [undefined, { from: 1000, wanted: Promise.resolve<TextPost>(() => undefined) }]) {
      const replies: LoadReply[] = [];
      await runLoad(request, (r) => void replies.push(r), { texts });
      expect(replies.at(-1)).toMatchObject({ type: 'done' });
      expect(replies.at(-1)).not.toHaveProperty('textsFollow');
    }
  });
});
