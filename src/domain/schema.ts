import { z } from 'zod';

/**
 * The dataset's shape. Field names are a public format (other tools read the file),
 * so they change only with a version bump. Cross-record rules live in validate.ts.
 */
const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a lowercase slug (a-z, 0-9, -)');
const isoDay = z.iso.date();
const precisionDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD');
const text = z.string().trim().min(1, 'must not be empty');

export const CountrySchema = z.object({
  code: z.string().regex(/^([A-Z]{3}|[A-Z][A-Z0-9-]{1,15})$/, 'must be an ISO 3166-1 alpha-3 code or an organization code'),
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
  url: z.url().optional(),
  text,
});

export const RoleSchema = z.object({
  title: text,
  from: isoDay.optional(),
  to: isoDay.optional(),
  note: z.string().optional(),
});

export const ActorSchema = z.object({
  id,
  name: text,
  aliases: z.array(text),
  kind: z.enum(['person', 'organization']),
  affiliation: CountrySchema.shape.code,
  roles: z.array(RoleSchema),
  note: z.string().optional(),
});

export const TopicSchema = z.object({ id, label: text, description: text });

export const MEETING_TYPES = ['meeting', 'phone-call', 'visit', 'reception', 'video-call', 'letter'] as const;
/** CAMEO 04x: 040 consult, 041 phone, 042 make a visit, 043 host a visit, 044 meet at a third location. */
export const CAMEO_CODES = ['040', '041', '042', '043', '044'] as const;

export const MeetingSchema = z.object({
  id,
  date: precisionDate,
  datePrecision: z.enum(['day', 'month', 'year']),
  earliest: isoDay,
  latest: isoDay,
  dateNote: text,
  type: z.enum(MEETING_TYPES),
  cameo: z.enum(CAMEO_CODES),
  location: text.optional(),
  locationNote: z.string().optional(),
  participants: z.array(z.object({ actorId: z.string(), role: text.optional() })).min(2, 'a contact needs at least two participants'),
  topics: z.array(z.string()),
  summary: text,
  evidence: z.array(z.object({ sourceId: z.string(), quote: text })).min(1, 'needs at least one evidence quote'),
});

export const DatasetSchema = z.object({
  $schema: z.string().optional(),
  version: text,
  title: text,
  description: z.string().optional(),
  countries: z.array(CountrySchema),
  sources: z.array(SourceSchema),
  actors: z.array(ActorSchema),
  topics: z.array(TopicSchema),
  meetings: z.array(MeetingSchema),
});

export type Dataset = z.infer<typeof DatasetSchema>;
export type Meeting = Dataset['meetings'][number];
export type Actor = Dataset['actors'][number];
export type Topic = Dataset['topics'][number];
export type Source = Dataset['sources'][number];
export type Country = Dataset['countries'][number];
export type Role = Actor['roles'][number];
export type MeetingType = Meeting['type'];
