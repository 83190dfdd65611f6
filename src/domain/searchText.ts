import type { DatasetIndex } from './indexes';

/**
 * Lower-cased searchable text per meeting: summary, location, type, names, aliases, roles, topics, quotes.
 * Built per meeting on first use (and ahead of time in idle moments, see warmSearchText) rather than in
 * buildIndex: at 100k meetings building it all takes longer than everything else the first render needs.
 */
const texts = new WeakMap<DatasetIndex, (string | undefined)[]>();
const warmedUpTo = new WeakMap<DatasetIndex, number>();

function textsFor(index: DatasetIndex): (string | undefined)[] {
  let list = texts.get(index);
  if (!list) texts.set(index, (list = new Array<string | undefined>(index.meetings.length)));
  return list;
}

function build(index: DatasetIndex, i: number): string {
  const m = index.meetings[i]!;
  const parts: string[] = [m.summary, m.location ?? '', m.type];
  for (const a of index.participants[i]!) parts.push(a >= 0 ? [index.actors[a]!.name, ...index.actors[a]!.aliases].join(' ') : '');
  for (const p of m.participants) parts.push(p.role ?? '');
  for (const t of m.topics) parts.push(index.topicById.get(t)?.label ?? t);
  for (const e of m.evidence) parts.push(e.quote);
  return parts.join('\n').toLowerCase();
}

export function searchTextOf(index: DatasetIndex, i: number): string {
  const list = textsFor(index);
  return (list[i] ??= build(index, i));
}

/** Builds texts until `timeLeft` says stop; true once every meeting has one. */
export function warmSearchText(index: DatasetIndex, timeLeft: () => boolean): boolean {
  const list = textsFor(index);
  let i = warmedUpTo.get(index) ?? 0;
  while (i < list.length) {
    for (const stop = Math.min(list.length, i + 256); i < stop; i++) list[i] ??= build(index, i);
    if (!timeLeft()) break;
  }
  warmedUpTo.set(index, i);
  return i >= list.length;
}
