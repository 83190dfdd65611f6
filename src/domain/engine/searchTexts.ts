import type { Dataset } from '../schema';
import { BLOCK_CHARS, buildSearchText, type TextBlock, type TextParts } from '../searchText';
import type { TextPost } from './queryProtocol';

/**
 * The meetings' search texts, built in the load worker once the index has been handed over, and sent in blocks straight
 * to the query worker on a port of their own (which then answers searches, see state/workerSearch.ts). Built here, they
 * cost the page's main thread nothing: built there, in idle slices, they took 25 s and more at 250,000 meetings.
 */

/** The dataset as texts are built from it: positions are the dataset's order, as in the index the page assembles. */
export function datasetTextParts(dataset: Dataset): TextParts {
  const actorPos = new Map(dataset.actors.map((a, i) => [a.id, i]));
  return {
    meetings: dataset.meetings,
    actors: dataset.actors,
    topicById: new Map(dataset.topics.map((t) => [t.id, t])),
    sourceById: new Map(dataset.sources.map((s) => [s.id, s])),
    participantsOf: (i) => dataset.meetings[i]!.participants.map((p) => actorPos.get(p.actorId) ?? -1),
  };
}

/** Every meeting's text, in order, joined into blocks of about `blockChars` characters (see searchText.ts). */
export function forEachTextBlock(parts: TextParts, onBlock: TextBlock, blockChars = BLOCK_CHARS): void {
  const n = parts.meetings.length;
  let first = 0;
  let texts: string[] = [];
  let chars = 0;
  for (let i = 0; i < n; i++) {
    const text = buildSearchText(parts, i);
    texts.push(text);
    chars += text.length;
    if (chars < blockChars && i < n - 1) continue;
    onBlock(first, texts.join(''), Int32Array.from(texts, (t) => t.length));
    first = i + 1;
    texts = [];
    chars = 0;
  }
}

/** Sends the texts (`texts` messages, then `textsDone`); stops early, silently, once `signal` is aborted. */
export function sendSearchTexts(dataset: Dataset, send: TextPost, signal?: AbortSignal): void {
  forEachTextBlock(datasetTextParts(dataset), (first, block, lengths) => {
    if (!signal?.aborted) send({ type: 'texts', first, block, lengths }, [lengths.buffer as ArrayBuffer]);
  });
  if (!signal?.aborted) send({ type: 'textsDone' });
}
