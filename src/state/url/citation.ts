import { isolate } from '../../domain/bidi';

export interface CitationParts {
  title: string;
  version: string;
  meetingCount: number;
  accessed: Date;
  url: string;
}

/** Local calendar day as YYYY-MM-DD: "accessed" is the reader's day, not UTC's. */
export function localIsoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Plain-text citation of the current view, stable enough to paste into a footnote. */
export function citationText({ title, version, meetingCount, accessed, url }: CitationParts): string {
  const meetings = `${meetingCount.toLocaleString('en')} ${meetingCount === 1 ? 'meeting' : 'meetings'}`;
  return `Parley, "${isolate(title)}" (dataset version ${version}), view of ${meetings}, accessed ${localIsoDay(accessed)}. ${url}`;
}
