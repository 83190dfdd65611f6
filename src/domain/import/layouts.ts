/**
 * The import mapping as data: which header names mean which role. A new layout (POLECAT, Phoenix) is a new table
 * here, not new reading code.
 */
import { nameKey } from './countries';

/** Roles of a meetings sheet column (one row per meeting). */
export type SheetRole = 'id' | 'date' | 'participants' | 'countries' | 'type' | 'location' | 'topics' | 'summary' | 'source' | 'quote';

export interface RoleSpec<R extends string> {
  role: R;
  label: string;
  /** Header names that mean this role, compared case-insensitively ignoring punctuation. */
  synonyms: readonly string[];
  required?: boolean;
}

export const MEETINGS_SHEET: readonly RoleSpec<SheetRole>[] = [
  { role: 'date', label: 'Date', required: true, synonyms: ['date', 'meeting date', 'event date', 'date of meeting', 'day', 'when'] },
  { role: 'participants', label: 'Participants (;-separated)', required: true, synonyms: ['participants', 'participant', 'participant names', 'actors', 'attendees', 'parties', 'people', 'who', 'names'] },
  { role: 'countries', label: 'Participant countries (;-separated, same order)', synonyms: ['participant countries', 'participant country', 'countries', 'country', 'affiliations', 'affiliation', 'participant affiliations', 'nationalities'] },
  { role: 'type', label: 'Type (meeting, phone call, visit… or CAMEO code)', synonyms: ['type', 'meeting type', 'contact type', 'event type', 'kind', 'form', 'cameo', 'cameo code'] },
  { role: 'location', label: 'Location', synonyms: ['location', 'place', 'city', 'venue', 'where'] },
  { role: 'topics', label: 'Topics (;-separated)', synonyms: ['topics', 'topic', 'subjects', 'subject', 'issues', 'tags', 'keywords', 'themes'] },
  { role: 'summary', label: 'Summary', synonyms: ['summary', 'description', 'notes', 'note', 'details', 'text', 'what'] },
  { role: 'source', label: 'Source (title or URL)', synonyms: ['source', 'sources', 'source url', 'source title', 'url', 'link', 'article', 'reference', 'citation'] },
  { role: 'quote', label: 'Quote', synonyms: ['quote', 'evidence', 'excerpt', 'quotation', 'evidence quote'] },
  { role: 'id', label: 'Id', synonyms: ['id', 'meeting id', 'record id', 'key', 'identifier'] },
];

/** Column index per role; a role missing from the mapping is not imported. */
export type Mapping<R extends string = SheetRole> = Partial<Record<R, number>>;

export interface MappingGuess<R extends string = SheetRole> {
  mapping: Mapping<R>;
  /** Header names no role claimed: ignored on import, and listed so nothing is dropped silently. */
  unmatched: string[];
}

/** Each role takes the first column whose header is one of its synonyms; a column serves one role at most. */
export function guessMapping<R extends string>(header: readonly string[], roles: readonly RoleSpec<R>[]): MappingGuess<R> {
  const keys = header.map(nameKey);
  const mapping: Mapping<R> = {};
  const used = new Set<number>();
  for (const spec of roles) {
    for (const synonym of spec.synonyms) {
      const at = keys.findIndex((k, i) => !used.has(i) && k === nameKey(synonym));
      if (at >= 0) {
        mapping[spec.role] = at;
        used.add(at);
        break;
      }
    }
  }
  const unmatched = header.filter((h, i) => !used.has(i) && h.trim() !== '');
  return { mapping, unmatched };
}

export const hasRequired = <R extends string>(mapping: Mapping<R>, roles: readonly RoleSpec<R>[]): boolean =>
  roles.every((r) => !r.required || mapping[r.role] !== undefined);

/** Roles of a dyadic event file: one row per source → target event. */
export type DyadicRole =
  | 'eventId' | 'date' | 'sourceName' | 'sourceSectors' | 'sourceCountry' | 'eventText' | 'code' | 'targetName' | 'targetSectors'
  | 'targetCountry' | 'storyId' | 'sentence' | 'publisher' | 'city' | 'district' | 'province' | 'country' | 'latitude' | 'longitude';

export interface DyadicLayout {
  name: string;
  /** Header name of each role, exactly as the layout's files write it (matched case-insensitively). */
  columns: Partial<Record<DyadicRole, string>>;
  /** Roles whose headers must all be present for a file to be recognised as this layout. */
  signature: readonly DyadicRole[];
  /** Cell values meaning "missing". */
  missing: readonly string[];
  /** Which event codes are contacts (kept by default): CAMEO 040–046. */
  keepCode: (code: string) => boolean;
}

const CAMEO_CONTACT = /^04[0-6]$/;

/** Integrated Crisis Early Warning System event files (Dataverse releases): tab-separated, `NA` for missing. */
export const ICEWS: DyadicLayout = {
  name: 'ICEWS',
  columns: {
    eventId: 'Event ID', date: 'Event Date', sourceName: 'Source Name', sourceSectors: 'Source Sectors', sourceCountry: 'Source Country',
    eventText: 'Event Text', code: 'CAMEO Code', targetName: 'Target Name', targetSectors: 'Target Sectors', targetCountry: 'Target Country',
    storyId: 'Story ID', sentence: 'Sentence Number', publisher: 'Publisher', city: 'City', district: 'District', province: 'Province',
    country: 'Country', latitude: 'Latitude', longitude: 'Longitude',
  },
  signature: ['eventId', 'date', 'sourceName', 'code', 'targetName', 'storyId', 'sentence'],
  missing: ['NA', ''],
  keepCode: (code) => CAMEO_CONTACT.test(code),
};

/** Every dyadic layout recognised from its header, in the order they are tried. */
export const DYADIC_LAYOUTS: readonly DyadicLayout[] = [ICEWS];

/** Column index per role when `header` carries the layout's whole signature, else null. */
export function matchLayout(header: readonly string[], layout: DyadicLayout): Mapping<DyadicRole> | null {
  const keys = header.map(nameKey);
  const mapping: Mapping<DyadicRole> = {};
  for (const [role, name] of Object.entries(layout.columns) as [DyadicRole, string][]) {
    const at = keys.indexOf(nameKey(name));
    if (at >= 0) mapping[role] = at;
  }
  return layout.signature.every((r) => mapping[r] !== undefined) ? mapping : null;
}

/** The first event layout whose columns a header names, with where they are; null for anything else (a sheet). */
export function findDyadicLayout(header: readonly string[]): { layout: DyadicLayout; mapping: Mapping<DyadicRole> } | null {
  for (const layout of DYADIC_LAYOUTS) {
    const mapping = matchLayout(header, layout);
    if (mapping) return { layout, mapping };
  }
  return null;
}
