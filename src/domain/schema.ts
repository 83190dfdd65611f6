import { z } from 'zod';
import { isValidPrecisionDate } from './dates';
import { COUNTRY_CODE, DELEGATION_ROLE, SLUG } from './idRules';

/**
 * The dataset's shape. Field names are a public format (other tools read the file),
 * so they change only with a version bump. Cross-record rules live in validate.ts.
 */
const id = z.string().regex(SLUG, 'must be a lowercase slug (a-z, 0-9, -)');
const isoDay = z.iso.date();
const precisionDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD')
  .refine((s) => !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(s) || isValidPrecisionDate(s), 'is not a calendar date (month 01–12, a day the month has)');
/**
 * A character a reader can see: not whitespace, a control or format character (zero-width space, bidi
 * marks), a lone surrogate, a combining mark on its own, or one of the blank letters (Hangul fillers, braille blank).
 */
export const VISIBLE_CHAR = /[^\s\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{M}\p{Z}\u115F\u1160\u3164\uFFA0\u2800]/u;
export function hasVisibleChar(s: string): boolean {
  // Nearly every value starts with a printable ASCII character; the Unicode regex is for the rest.
  const c = s.charCodeAt(0);
  return (c > 0x20 && c < 0x7f) || VISIBLE_CHAR.test(s);
}
const text = z.string().trim().min(1, 'must not be empty').refine((s) => s === '' || hasVisibleChar(s), 'has no visible character');

export const CountrySchema = z.object({
  code: z.string().regex(COUNTRY_CODE, 'must be an ISO 3166-1 alpha-3 code or an organization code'),
  name: text,
  kind: z.enum(['country', 'organization']),
});

export const SourceSchema = z.object({
  id,
  title: text,
  titleNote: z.string().optional(),
  publisher: text.nullable(),
  publisherNote: z.string().optional(),
  published: isoDay.nullable(),
  publishedNote: z.string().optional(),
  /** Where the text was published; `null` when it is not known (shown as missing, never hidden). */
  url: z.url().nullable().optional(),
  urlNote: z.string().optional(),
  /** The day the text was retrieved; `null` when not recorded. */
  retrieved: isoDay.nullable().optional(),
  retrievedNote: z.string().optional(),
  /** Who wrote or relays the text, the agencies it cites, and what the stored copy carries besides the article (clutter, cut-offs). */
  attribution: text.optional(),
  /** How this text relates to other texts, e.g. "same text as …", "relays IRNA". */
  relation: text.optional(),
  /** An outside source consulted to check a value (cited by a meeting's `corroboration`), not the text a record is drawn from. */
  corroborating: z.boolean().optional(),
  /** The article's text. Imported citations often have none; their quotes are then shown as not checked. */
  text: text.optional(),
});

export const RoleSchema = z.object({
  title: text,
  from: isoDay.optional(),
  to: isoDay.optional(),
  note: z.string().optional(),
  /** `from`/`to` are not stated in the sources (derived or outside knowledge); `note` says how. */
  inferred: z.boolean().optional(),
  /** `from`/`to` are the first and last dates the sources attest the title, not when the post began or ended. */
  attested: z.boolean().optional(),
});

/** `group`: unnamed people ("senior Syrian officials", an accompanying delegation); never matched by alias. */
export const ACTOR_KINDS = ['person', 'organization', 'group'] as const;

export const ActorSchema = z.object({
  id,
  name: text,
  aliases: z.array(text),
  kind: z.enum(ACTOR_KINDS),
  affiliation: CountrySchema.shape.code,
  roles: z.array(RoleSchema),
  note: z.string().optional(),
});

export const TopicSchema = z.object({ id, label: text, description: text });

export const MEETING_TYPES = ['meeting', 'phone-call', 'visit', 'reception', 'video-call', 'letter'] as const;
/** CAMEO 04x: 040 consult, 041 phone, 042 make a visit, 043 host a visit, 044 meet at a third location, 045 mediate, 046 negotiate. */
export const CAMEO_CODES = ['040', '041', '042', '043', '044', '045', '046'] as const;

/** Where a statement was made: in the contact itself, to journalists around it, or in the outlet's own reporting. */
export const EVIDENCE_CONTEXTS = ['talks', 'press remarks', 'report'] as const;
export const PARTS_OF_DAY = ['morning', 'afternoon', 'evening', 'night'] as const;
export { DELEGATION_ROLE };

/** A quote, a citation with no quote (`locator` says where in the source, e.g. "sentence 3"), or both. */
export const EvidenceSchema = z.object({
  sourceId: z.string(),
  quote: text.optional(),
  locator: text.optional(),
  context: z.enum(EVIDENCE_CONTEXTS).optional(),
  /** Topics of the meeting this passage supports. */
  topics: z.array(z.string()).optional(),
});

export const OccasionSchema = z.object({ id, label: text, note: z.string().optional() });

export const MeetingSchema = z.object({
  id,
  date: precisionDate,
  datePrecision: z.enum(['day', 'month', 'year']),
  earliest: isoDay,
  latest: isoDay,
  dateNote: text,
  type: z.enum(MEETING_TYPES),
  cameo: z.enum(CAMEO_CODES),
  /** The date or its bounds rest on reasoning beyond the text's words; `dateNote` says how. */
  dateInferred: z.boolean().optional(),
  location: text.optional(),
  locationNote: z.string().optional(),
  /** Where the location is, when the source gives coordinates (event data does). */
  coordinates: z.object({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) }).optional(),
  /** The location is not stated for this contact; `locationNote` says what it rests on. */
  locationInferred: z.boolean().optional(),
  /** The trip or visit this contact belongs to (an `occasions[].id`). */
  occasion: z.string().optional(),
  /** Position among the contacts of its occasion, where the text gives it; equal numbers: no order known between them. */
  order: z.int().min(1).optional(),
  partOfDay: z.enum(PARTS_OF_DAY).optional(),
  participants: z.array(z.object({ actorId: z.string(), role: text.optional() })).min(2, 'a contact needs at least two participants'),
  topics: z.array(z.string()),
  summary: text,
  evidence: z.array(EvidenceSchema).min(1, 'needs at least one evidence quote or citation'),
  /** Outside sources (marked `corroborating`) that support a value the record's text does not show, e.g. the exact day. */
  corroboration: z.array(z.object({ sourceId: z.string(), supports: text })).optional(),
});

export const DatasetSchema = z.object({
  $schema: z.string().optional(),
  version: text,
  title: text,
  description: z.string().optional(),
  /** Whose view CAMEO visit codes take: `visitor` codes every visit 042 (043 unused), `host` codes every visit 043. */
  cameoPerspective: z.enum(['visitor', 'host']).optional(),
  /** How the dataset records things the texts leave open (inferred locations, date bounds …), one note per subject. */
  conventions: z.record(id, text).optional(),
  countries: z.array(CountrySchema),
  sources: z.array(SourceSchema),
  actors: z.array(ActorSchema),
  topics: z.array(TopicSchema),
  occasions: z.array(OccasionSchema).optional(),
  meetings: z.array(MeetingSchema),
});

export type Dataset = z.infer<typeof DatasetSchema>;
export type Meeting = Dataset['meetings'][number];
export type Actor = Dataset['actors'][number];
export type Topic = Dataset['topics'][number];
export type Source = Dataset['sources'][number];
export type Country = Dataset['countries'][number];
export type Role = Actor['roles'][number];
export type Evidence = Meeting['evidence'][number];
export type Occasion = NonNullable<Dataset['occasions']>[number];
export type Participant = Meeting['participants'][number];
export type MeetingType = Meeting['type'];
