import type { Actor, Country, Dataset, Meeting, Source, Topic } from '../schema';
import { resolveAffiliation, UNSTATED } from './countries';
import { SlugRegistry, shortHash, slugify } from './slug';

/** Actors are the same when their names match ignoring case and surrounding (or repeated) whitespace. */
export const actorKey = (name: string): string => name.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * Collects the records a reader creates from rows and hands out stable ids, so every reader ends with the same
 * kind of Dataset and only rows that were fully read add actors, topics or sources.
 */
export class DatasetBuilder {
  private readonly countries = new Map<string, Country>();
  private readonly actors = new Map<string, Actor>();
  private readonly topics = new Map<string, Topic>();
  private readonly sources = new Map<string, Source>();
  private readonly meetings: Meeting[] = [];
  private readonly meetingIds = new Set<string>();
  private readonly actorIds = new SlugRegistry('a');
  private readonly topicIds = new SlugRegistry('t');
  private readonly sourceIds = new SlugRegistry('s');

  constructor(private readonly fileName: string) {}

  /** The actor for a name (created on first sight); a stated affiliation replaces an unstated one. `key`: actorKey(name). */
  actor(name: string, affiliation: Country, kind: Actor['kind'], key = actorKey(name)): string {
    const known = this.actors.get(key);
    if (known) {
      if (known.affiliation === UNSTATED.code && affiliation.code !== UNSTATED.code) {
        known.affiliation = affiliation.code;
        this.countries.set(affiliation.code, affiliation);
      }
      return known.id;
    }
    this.countries.set(affiliation.code, affiliation);
    const actor: Actor = { id: this.actorIds.idForNew(key, name), name: name.trim().replace(/\s+/g, ' '), aliases: [], kind, affiliation: affiliation.code, roles: [] };
    this.actors.set(key, actor);
    return actor.id;
  }

  topic(label: string): string {
    const key = actorKey(label);
    let topic = this.topics.get(key);
    if (!topic) {
      topic = { id: this.topicIds.idForNew(key, label), label: label.trim(), description: `Topic "${label.trim()}" as written in ${this.fileName}.` };
      this.topics.set(key, topic);
    }
    return topic.id;
  }

  /** A source by a key of the caller's choosing (a URL, a title, a story id); `make` gets its id (first key of the record). */
  source(key: string, make: (id: string) => Source, idHint = key): string {
    let source = this.sources.get(key);
    if (!source) {
      source = make(this.sourceIds.idForNew(key, idHint));
      this.sources.set(key, source);
    }
    return source.id;
  }

  /** The file itself as a source, for rows that cite nothing else. */
  fileSource(): string {
    return this.source(`file:${this.fileName}`, (id) => ({ id, title: this.fileName, publisher: null, published: null, titleNote: 'The imported file; the row gives no source.' }), `file ${this.fileName}`);
  }

  /** A unique meeting id: the preferred slug, or the slug plus a counter if a row before took it. */
  meetingId(preferred: string): string {
    const base = /^[a-z0-9][a-z0-9-]*$/.test(preferred) ? preferred : slugify(preferred, 'm');
    let id = base;
    for (let n = 2; this.meetingIds.has(id); n++) id = `${base}-${n}`;
    this.meetingIds.add(id);
    return id;
  }

  hasMeetingId = (id: string): boolean => this.meetingIds.has(id);

  addMeeting(meeting: Meeting): void {
    this.meetings.push(meeting);
  }

  get meetingCount(): number {
    return this.meetings.length;
  }

  build(description: string): Dataset {
    const title = this.fileName.replace(/\.[^.]+$/, '') || this.fileName;
    return {
      version: `import-${shortHash(`${this.fileName}|${this.meetings.length}|${this.meetings[0]?.id ?? ''}|${this.meetings.at(-1)?.id ?? ''}`)}`,
      title,
      description,
      countries: [...this.countries.values()],
      sources: [...this.sources.values()],
      actors: [...this.actors.values()],
      topics: [...this.topics.values()],
      meetings: this.meetings,
    };
  }
}

/**
 * Whether a name is itself a country or organisation ("United Nations", "Iran", "UN"): such actors are organisations.
 * Two- and three-letter names count only as organisation codes, so a person called "Al" is not Albania.
 */
export function nameIsAffiliation(name: string): Country | null {
  const found = resolveAffiliation(name);
  if (!found) return null;
  return /^\s*[A-Za-z]{2,3}\s*$/.test(name) && found.kind === 'country' ? null : found;
}
