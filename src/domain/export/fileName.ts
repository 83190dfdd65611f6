import type { Filters } from '../filters';
import type { DatasetIndex } from '../indexes';
import { affiliationName } from '../actors';

export type ExportSubject = 'meetings' | 'dataset' | 'network' | 'timeline';

const MAX_STEM = 80;

/**
 * A file-name-safe slug: accents folded, anything but ASCII letters and digits becomes one hyphen.
 * Names in other scripts fold to nothing, so callers fall back to the record's id (already a slug).
 */
export function slugPart(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** "2020" for a whole year, "2020-2021" for whole years, else the days as given. */
function dateWords(from: string | null, to: string | null): string[] {
  if (!from && !to) return [];
  const wholeFrom = from?.endsWith('-01-01');
  const wholeTo = to?.endsWith('-12-31');
  if (from && to && wholeFrom && wholeTo) {
    const a = from.slice(0, 4);
    const b = to.slice(0, 4);
    return [a === b ? a : `${a}-${b}`];
  }
  return [...(from ? [`from-${wholeFrom ? from.slice(0, 4) : from}`] : []), ...(to ? [`to-${wholeTo ? to.slice(0, 4) : to}`] : [])];
}

/**
 * What a file holds, from the active filters: `parley-meetings-iran-2020.csv`. Lowercase ASCII
 * letters, digits and hyphens only, so it is safe on every file system and in a shell.
 */
export function exportFileName(subject: ExportSubject, extension: string, index: DatasetIndex, f: Filters): string {
  const actorSlug = (id: string) => {
    const pos = index.actorPos.get(id);
    return (pos === undefined ? '' : slugPart(index.actors[pos]!.name)) || slugPart(id);
  };
  const parts = [
    ...f.countries.map((c) => slugPart(affiliationName(index, c)) || slugPart(c)),
    ...f.topics.map((t) => slugPart(t)),
    ...f.actors.map(actorSlug),
    ...dateWords(f.from, f.to),
    ...(f.q.trim() ? [slugPart(f.q)] : []),
  ].filter(Boolean);
  let stem = ['parley', subject, ...parts].join('-');
  if (stem.length > MAX_STEM) stem = stem.slice(0, MAX_STEM).replace(/-[^-]*$/, '');
  return `${stem}.${slugPart(extension) || 'txt'}`;
}
