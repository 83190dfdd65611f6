import { DatasetSchema, DELEGATION_ROLE, type Dataset } from './schema';
import { spanOfPrecisionDate } from './dates';
import { datasetWarnings } from './datasetWarnings';
import { actorPassesUnchanged, meetingPassesUnchanged, sourcePassesUnchanged } from './fastCheck';

import type { DatasetIssue } from './issues';

export { formatIssue, issueCountText, type DatasetIssue } from './issues';

/** Positions in the dataset's lists, meeting by meeting, -1 where an id is unknown. */
export interface RecordPositions {
  /** Each participant's actor. */
  participantActors: Int32Array;
  /** Each of a meeting's topics. */
  meetingTopics: Int32Array;
}

/**
 * `issues` and `warnings` hold at most MAX_ISSUES entries, the first found; `total`/`warningTotal` count them all.
 * Warnings (unknown fields, absurdly long values) do not stop the dataset from loading.
 */
export type DatasetResult =
  /** `asParsed`: the meetings are JSON.parse's own objects, unchanged by the schema (their text in the file is theirs). */
  | {
      ok: true;
      dataset: Dataset;
      warnings: DatasetIssue[];
      warningTotal: number;
      asParsed: boolean;
      /** What checking looked up, reused by packIndex. */
      positions: RecordPositions;
    }
  | { ok: false; issues: DatasetIssue[]; total: number };

/** Lists at most this many issues so a badly broken file still gives a readable list (the total is still counted). */
export const MAX_ISSUES = 200;

export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}

/** Parses raw file text; JSON syntax errors become an issue instead of an exception. */
export function parseDatasetText(text: string): DatasetResult {
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text); // a BOM left by the decoder is not an error
  } catch (error) {
    return { ok: false, issues: [{ path: '', message: `not valid JSON: ${(error as Error).message}` }], total: 1 };
  }
  return validateDataset(json);
}

/**
 * Zod's result, computed cheaply when it can be: if every meeting and actor (and source) passes the quick check (it
 * would come out of zod unchanged), zod only parses the small rest of the file and the original records are put back.
 * Valid and invalid records alike give exactly zod's answer, because anything unusual takes the full zod path.
 */
function schemaParse(json: unknown): { parsed: ReturnType<typeof DatasetSchema.safeParse>; rest: unknown; asParsed: boolean } {
  if (typeof json === 'object' && json !== null && !Array.isArray(json)) {
    const { meetings, actors } = json as { meetings?: unknown; actors?: unknown };
    if (Array.isArray(meetings) && Array.isArray(actors) && meetings.every(meetingPassesUnchanged) && actors.every(actorPassesUnchanged)) {
      // Sources too when every one passes (an event file's ~200,000 citations: zod took 0.2–0.7 s over them); else zod reads them.
      const { sources } = json as { sources?: unknown };
      const quickSources = Array.isArray(sources) && sources.every(sourcePassesUnchanged);
      const rest = quickSources ? { ...json, meetings: [], actors: [], sources: [] } : { ...json, meetings: [], actors: [] };
      const parsed = DatasetSchema.safeParse(rest);
      const records = quickSources ? { meetings, actors, sources } : { meetings, actors };
      return { parsed: parsed.success ? { ...parsed, data: { ...parsed.data, ...records } as Dataset } : parsed, rest, asParsed: true };
    }
  }
  return { parsed: DatasetSchema.safeParse(json), rest: json, asParsed: false };
}

export function validateDataset(json: unknown): DatasetResult {
  // `rest`: what may still hold unknown keys or long values (records that passed the quick check cannot).
  const { parsed, rest, asParsed } = schemaParse(json);
  if (!parsed.success) {
    const all = parsed.error.issues;
    const issues = all.slice(0, MAX_ISSUES).map((i) => ({ path: formatPath(i.path), message: i.message }));
    return { ok: false, issues, total: all.length };
  }
  const { issues, positions } = checkRecords(parsed.data);
  if (issues.length) return { ok: false, issues: issues.slice(0, MAX_ISSUES), total: issues.length };
  const warnings: DatasetIssue[] = [];
  let warningTotal = 0;
  datasetWarnings(rest, (w) => {
    if (warningTotal++ < MAX_ISSUES) warnings.push(w);
  });
  return { ok: true, dataset: parsed.data, warnings, warningTotal, asParsed, positions };
}

/** A meeting's place in an issue's path, spelled out only when there is an issue. */
const meetingAt = (i: number) => `meetings[${i}]`;

const PARTS_OF_PRECISION: Readonly<Record<string, number>> = { day: 3, month: 2, year: 1 };

/** How many dash-separated parts a date has (`split('-').length` without the array). */
function partsOf(date: string): number {
  let parts = 1;
  for (let k = date.indexOf('-'); k >= 0; k = date.indexOf('-', k + 1)) parts++;
  return parts;
}

/** Whitespace other than the plain space. */
const OTHER_SPACE = /[^\S ]/;
const SPACE = 32;
/**
 * Whether collapsing would change `s` (what /\s\s|[^\S ]|^ | $/ tests, a quarter faster: that regex tried four
 * branches at every character of every source text and quote).
 */
export const needsCollapse = (s: string) => s.charCodeAt(0) === SPACE || s.charCodeAt(s.length - 1) === SPACE || s.includes('  ') || OTHER_SPACE.test(s);
/** Most texts are already collapsed; testing first avoids copying megabytes of source text. */
const collapseSpace = (s: string) => (needsCollapse(s) ? s.replace(/\s+/g, ' ').trim() : s);

function uniqueIds(list: readonly { id: string }[], name: string, issues: DatasetIssue[]): Set<string> {
  const seen = new Set<string>();
  // One hash lookup per id, not two (has, then add): ~0.4 million ids in a year of event data.
  for (let i = 0; i < list.length; i++) {
    const id = list[i]!.id;
    const before = seen.size;
    if (seen.add(id).size === before) issues.push({ path: `${name}[${i}].id`, message: `duplicate id "${id}"` });
  }
  return seen;
}

/** Each id's first position in the list (a repeated id is an issue of its own). */
function firstPositions(list: readonly { id: string }[]): Map<string, number> {
  const at = new Map<string, number>();
  for (let i = list.length - 1; i >= 0; i--) at.set(list[i]!.id, i);
  return at;
}

/** Whether an earlier participant has the same actor; meetings are small, so a scan beats a Set per meeting. */
function listedBefore(participants: readonly { actorId: string }[], j: number): boolean {
  const id = participants[j]!.actorId;
  for (let k = 0; k < j; k++) if (participants[k]!.actorId === id) return true;
  return false;
}

/** The rules a schema cannot express: uniqueness, references, date consistency, verbatim evidence. */
export function crossRecordIssues(ds: Dataset): DatasetIssue[] {
  return checkRecords(ds).issues;
}

/** `crossRecordIssues`, and the actor and topic positions it looked up on the way. */
function checkRecords(ds: Dataset): { issues: DatasetIssue[]; positions: RecordPositions } {
  const issues: DatasetIssue[] = [];
  const sourceIds = uniqueIds(ds.sources, 'sources', issues);
  uniqueIds(ds.actors, 'actors', issues);
  uniqueIds(ds.topics, 'topics', issues);
  uniqueIds(ds.meetings, 'meetings', issues);
  const codes = new Set<string>();
  ds.countries.forEach((c, i) => {
    if (codes.has(c.code)) issues.push({ path: `countries[${i}].code`, message: `duplicate code "${c.code}"` });
    codes.add(c.code);
  });

  ds.actors.forEach((a, i) => {
    if (!codes.has(a.affiliation)) issues.push({ path: `actors[${i}].affiliation`, message: `unknown country or organization "${a.affiliation}"` });
    a.roles.forEach((r, j) => {
      if (r.from && r.to && r.from > r.to) issues.push({ path: `actors[${i}].roles[${j}]`, message: `from ${r.from} is after to ${r.to}` });
      if (r.inferred && !r.note?.trim()) issues.push({ path: `actors[${i}].roles[${j}].note`, message: 'an inferred role date needs a note saying how it was inferred' });
    });
  });
  issues.push(...provenanceIssues(ds));

  // A source without text (an imported citation) cannot check its quotes; the UI says so next to each one. Only
  // sources with text are filed: an event file cites ~200,000 without.
  const sourceText = new Map<string, QuotedText>();
  // A repeated id (itself an issue) answers as its last source, as a map of every source would.
  for (const s of ds.sources) {
    if (s.text !== undefined) sourceText.set(s.id, new QuotedText(s.text));
    else sourceText.delete(s.id);
  }
  // One lookup per participant answers both "is it an actor" and "which one takes part" (a Set of ids for each
  // question cost a second lookup per participant, ~170 ms at 250,000 meetings). A repeated id is filed once.
  const actorAt = firstPositions(ds.actors);
  const takesPart = new Uint8Array(ds.actors.length);
  const topicAt = firstPositions(ds.topics);
  let participantCount = 0;
  let topicCount = 0;
  for (let i = 0; i < ds.meetings.length; i++) {
    participantCount += ds.meetings[i]!.participants.length;
    topicCount += ds.meetings[i]!.topics.length;
  }
  const participantActors = new Int32Array(participantCount);
  const meetingTopics = new Int32Array(topicCount);
  let slot = 0;
  let topicSlot = 0;
  // Dates repeat (a year of events has a few hundred distinct days).
  const spans = new Map<string, { first: string; last: string }>();
  for (let i = 0; i < ds.meetings.length; i++) {
    const m = ds.meetings[i]!;
    if (m.earliest > m.latest) issues.push({ path: `${meetingAt(i)}.earliest`, message: `earliest ${m.earliest} is after latest ${m.latest}` });
    if (partsOf(m.date) !== PARTS_OF_PRECISION[m.datePrecision]) {
      issues.push({ path: `${meetingAt(i)}.date`, message: `"${m.date}" does not match datePrecision "${m.datePrecision}"` });
    } else {
      let span = spans.get(m.date);
      if (!span) spans.set(m.date, (span = spanOfPrecisionDate(m.date)));
      if (m.earliest < span.first || m.earliest > span.last) issues.push({ path: `${meetingAt(i)}.earliest`, message: `${m.earliest} lies outside date ${m.date}` });
      if (m.latest < span.first || m.latest > span.last) issues.push({ path: `${meetingAt(i)}.latest`, message: `${m.latest} lies outside date ${m.date}` });
    }
    const { participants, topics, evidence } = m;
    for (let j = 0; j < participants.length; j++) {
      const p = participants[j]!;
      const at = actorAt.get(p.actorId);
      participantActors[slot++] = at ?? -1;
      if (at === undefined) issues.push({ path: `${meetingAt(i)}.participants[${j}].actorId`, message: `unknown actor "${p.actorId}"` });
      else {
        if (listedBefore(participants, j)) issues.push({ path: `${meetingAt(i)}.participants[${j}].actorId`, message: `actor "${p.actorId}" is listed twice` });
        takesPart[at] = 1;
      }
    }
    for (let j = 0; j < topics.length; j++) {
      const at = topicAt.get(topics[j]!);
      meetingTopics[topicSlot++] = at ?? -1;
      if (at === undefined) issues.push({ path: `${meetingAt(i)}.topics[${j}]`, message: `unknown topic "${topics[j]}"` });
    }
    for (let j = 0; j < evidence.length; j++) {
      const e = evidence[j]!;
      if (!sourceIds.has(e.sourceId)) {
        issues.push({ path: `${meetingAt(i)}.evidence[${j}].sourceId`, message: `unknown source "${e.sourceId}"` });
      } else if (e.quote !== undefined && sourceText.get(e.sourceId)?.holds(e.quote) === false) {
        issues.push({ path: `${meetingAt(i)}.evidence[${j}].quote`, message: `quote does not occur verbatim in source "${e.sourceId}"` });
      }
    }
  }
  ds.actors.forEach((a, i) => {
    if (!takesPart[actorAt.get(a.id)!]) issues.push({ path: `actors[${i}]`, message: `actor "${a.id}" takes part in no meeting` });
  });
  return { issues, positions: { participantActors, meetingTopics } };
}

/**
 * A source's text, against which quotes are checked with white space collapsed in both. A quote that occurs in the
 * text as written occurs collapsed too (collapsing maps each run of white space inside it to one space, as in the
 * text, and trims the runs its ends cut), so most quotes are matched as written: the collapsed text (~90 ms for 5,000
 * articles) is made only when one is not, and whether the quote needs collapsing (~160 ms at 250,000 meetings) is
 * asked only then.
 */
export class QuotedText {
  private collapsed: string | undefined;

  constructor(private readonly text: string) {}

  holds(quote: string): boolean {
    if (this.text.includes(quote)) return true;
    const collapsed = (this.collapsed ??= collapseSpace(this.text));
    return collapsed.includes(quote) || collapsed.includes(collapseSpace(quote));
  }
}

/** Provenance rules: outside sources stay outside the evidence, references to occasions and topics resolve, inferred values carry notes. */
function provenanceIssues(ds: Dataset): DatasetIssue[] {
  const issues: DatasetIssue[] = [];
  // Looked up per evidence only among the few corroborating sources; every source and actor only when a meeting asks.
  const corroborating = new Set<string>();
  for (const s of ds.sources) {
    if (s.corroborating) corroborating.add(s.id);
    else corroborating.delete(s.id);
  }
  let sourceById: Map<string, Dataset['sources'][number]> | null = null;
  const sources = () => (sourceById ??= new Map(ds.sources.map((s) => [s.id, s])));
  let kindById: Map<string, string> | null = null;
  const kinds = () => (kindById ??= new Map(ds.actors.map((a) => [a.id, a.kind])));
  const occasionIds = uniqueIds(ds.occasions ?? [], 'occasions', issues);
  const wrongCameo = ds.cameoPerspective === 'visitor' ? '043' : ds.cameoPerspective === 'host' ? '042' : null;
  for (let i = 0; i < ds.meetings.length; i++) {
    const m = ds.meetings[i]!;
    if (m.cameo === wrongCameo) {
      issues.push({ path: `${meetingAt(i)}.cameo`, message: `CAMEO ${m.cameo} takes the ${m.cameo === '043' ? 'host' : 'visitor'}'s view; this dataset codes visits from the ${ds.cameoPerspective}'s (${m.cameo === '043' ? '042' : '043'})` });
    }
    if (m.locationInferred && m.location === undefined) issues.push({ path: `${meetingAt(i)}.locationInferred`, message: 'marks an inferred location, but there is no location' });
    if (m.locationInferred && !m.locationNote?.trim()) issues.push({ path: `${meetingAt(i)}.locationNote`, message: 'an inferred location needs a note saying what it rests on' });
    if (m.occasion !== undefined && !occasionIds.has(m.occasion)) issues.push({ path: `${meetingAt(i)}.occasion`, message: `unknown occasion "${m.occasion}"` });
    if (m.order !== undefined && m.occasion === undefined) issues.push({ path: `${meetingAt(i)}.order`, message: 'an order needs an occasion to be an order within' });
    for (let j = 0; j < m.participants.length; j++) {
      const p = m.participants[j]!;
      if (p.role !== DELEGATION_ROLE) continue;
      const kind = kinds().get(p.actorId);
      if (kind !== undefined && kind !== 'group') {
        issues.push({ path: `${meetingAt(i)}.participants[${j}].role`, message: `"${DELEGATION_ROLE}" is for a group actor; "${p.actorId}" is a ${kind}` });
      }
    }
    for (let j = 0; j < m.evidence.length; j++) {
      const e = m.evidence[j]!;
      if (corroborating.size && corroborating.has(e.sourceId)) {
        issues.push({ path: `${meetingAt(i)}.evidence[${j}].sourceId`, message: `source "${e.sourceId}" is corroborating, not the record's text: cite it under corroboration` });
      }
      e.topics?.forEach((t, k) => {
        if (!m.topics.includes(t)) issues.push({ path: `${meetingAt(i)}.evidence[${j}].topics[${k}]`, message: `topic "${t}" is not among the meeting's topics` });
      });
    }
    m.corroboration?.forEach((c, j) => {
      const source = sources().get(c.sourceId);
      if (!source) issues.push({ path: `${meetingAt(i)}.corroboration[${j}].sourceId`, message: `unknown source "${c.sourceId}"` });
      else if (!source.corroborating) issues.push({ path: `${meetingAt(i)}.corroboration[${j}].sourceId`, message: `source "${c.sourceId}" is not marked corroborating` });
    });
  }
  return issues;
}
