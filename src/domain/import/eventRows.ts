import { isBlankRow } from './delimited';
import type { DyadicLayout, DyadicRole, Mapping } from './layouts';

/** The row's event code as the layout's `keepCode` reads it: trimmed, "missing" as empty, 2–4 digits as 3. */
export function eventCode(cells: readonly string[], mapping: Mapping<DyadicRole>, missing: ReadonlySet<string>): string {
  const at = mapping.code;
  const raw = at === undefined ? '' : (cells[at] ?? '').trim();
  const value = missing.has(raw) ? '' : raw;
  return /^\d{2,4}$/.test(value) ? value.padStart(3, '0').slice(0, 3) : value;
}

/**
 * What a dyadic reader makes of a data row before reading it — nothing (blank), a count (not a contact) or a contact:
 * a parsing helper sends the reader only the contacts (a fifth of an event file's rows) and counts the rest.
 */
export type RowKind = 'blank' | 'notContact' | 'contact';

export function rowKinds(mapping: Mapping<DyadicRole>, layout: DyadicLayout): (cells: readonly string[]) => RowKind {
  const missing = new Set(layout.missing);
  return (cells) => (isBlankRow(cells) ? 'blank' : layout.keepCode(eventCode(cells, mapping, missing)) ? 'contact' : 'notContact');
}
