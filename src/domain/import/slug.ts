/**
 * Stable ids for imported actors, sources and meetings: the same name always gives the same id, in any file and
 * any order, so links (`actor=…`) keep working when the file is imported again.
 */

/** FNV-1a, 32 bits, base 36: short, deterministic and good enough to separate names that read alike. */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36).padStart(7, '0');
}

const MAX_SLUG = 48;
const ASCII = /^[\x00-\x7f]*$/;

/**
 * Latin letters keep their readable form ("José Zarif" → "jose-zarif"). A name with letters the slug cannot carry
 * (Persian, Arabic, Cyrillic, CJK…) gets a hash of the full name appended — without transliteration, which would
 * need a table per script and could map two different names to one id ("علی اصغر خاجی" → "a-1k3f9zq").
 */
/** Already a slug but for its single spaces ("story 1234"): the same result without the general path's five passes. */
const PLAIN = /^[a-z0-9]+(?: [a-z0-9]+)*$/;

export function slugify(name: string, prefix = 'a'): string {
  if (name.length < MAX_SLUG && PLAIN.test(name)) return name.replaceAll(' ', '-');
  // ASCII is its own NFKC and NFKD form and has no letters outside a-z: an import slugs every story id and actor name
  // (200,000 of them in a year of ICEWS), and normalizing them took a third of the time.
  const ascii = ASCII.test(name);
  const normalized = (ascii ? name : name.normalize('NFKC')).trim().replace(/\s+/g, ' ');
  const latin = (ascii ? normalized : normalized.normalize('NFKD').replace(/[\u0300-\u036f]/g, ''))
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG)
    .replace(/-+$/, '');
  // Letters or digits outside a-z0-9 after removing accents: the readable part does not identify the name.
  const lossy = !ascii && /[\p{L}\p{N}]/u.test(normalized.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[A-Za-z0-9ß]/g, ''));
  if (!latin) return `${prefix}-${shortHash(normalized.toLowerCase())}`;
  if (lossy || latin.length === MAX_SLUG) return `${latin}-${shortHash(normalized.toLowerCase())}`;
  return /^[a-z0-9]/.test(latin) ? latin : `${prefix}-${latin}`;
}

/**
 * Hands out ids for keys (e.g. case-folded names): the slug of the name; when a second, different name gives the
 * same slug ("Jose" after "José") it gets the slug plus a hash of its key, so importing the same file again gives
 * the same ids.
 */
export class SlugRegistry {
  private readonly byKey = new Map<string, string>();
  private readonly owner = new Map<string, string>();

  constructor(private readonly prefix = 'a') {}

  idFor(key: string, name: string): string {
    const known = this.byKey.get(key);
    if (known) return known;
    const id = this.idForNew(key, name);
    this.byKey.set(key, id);
    return id;
  }

  /** `idFor` for a key never asked for before, by a caller that keeps its own map from keys to ids (the dataset builder). */
  idForNew(key: string, name: string): string {
    let id = slugify(name, this.prefix);
    let taken = this.owner.get(id);
    if (taken !== undefined && taken !== key) {
      id = `${id}-${shortHash(key)}`;
      while ((taken = this.owner.get(id)) !== undefined && taken !== key) id = `${id}-${shortHash(id + key)}`;
    }
    this.owner.set(id, key);
    return id;
  }
}
