import { z } from 'zod';
import { DatasetSchema } from './schema';
import { isolate } from './bidi';

/**
 * What a dataset may contain without being wrong, but that the reader should hear about: fields the format
 * does not know (a misspelt `locaton` would otherwise vanish and read "Location: Not stated") and absurdly long
 * values. Known fields come from the zod schema itself, so every field added to the schema is known here too.
 */
export interface DatasetWarning {
  path: string;
  message: string;
}

/** Longest value, in characters, a field is expected to hold before the validator says so. */
export const LONG_FIELD_CHARS = 10_000;
/** Source texts are whole articles. */
export const LONG_SOURCE_TEXT_CHARS = 2_000_000;

type Path = (string | number)[];

const pathText = (path: Path) => path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${key}` : key), '');

/** The schema under optional/nullable/default wrappers and pipes. */
function unwrap(schema: z.ZodType): z.ZodType {
  let s: z.ZodType = schema;
  for (let guard = 0; guard < 10; guard++) {
    if (s instanceof z.ZodOptional || s instanceof z.ZodNullable || s instanceof z.ZodDefault || s instanceof z.ZodReadonly) s = s.unwrap() as z.ZodType;
    else if (s instanceof z.ZodPipe) s = s.in as z.ZodType;
    else break;
  }
  return s;
}

/** Closest known key within two edits, for "did you mean". */
function closest(key: string, known: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = 3;
  for (const k of known) {
    const d = editDistance(key.toLowerCase(), k.toLowerCase(), bestDistance);
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  return best;
}

function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) >= cap) return cap;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}

const SHOWN_KEY_CHARS = 40;
/** Quoted and isolated, so a key holding a right-to-left override cannot reorder the warning. */
const showKey = (key: string) => `"${isolate(JSON.stringify(key.length > SHOWN_KEY_CHARS ? `${key.slice(0, SHOWN_KEY_CHARS)}…` : key).slice(1, -1))}"`;

/** A schema node reduced to what the walk needs, built once: plain objects and Sets instead of zod's classes. */
type Node = { kind: 'leaf' } | { kind: 'array'; element: Node } | { kind: 'object'; keys: readonly string[]; children: Map<string, Node> };

function compile(schema: z.ZodType): Node {
  const s = unwrap(schema);
  if (s instanceof z.ZodArray) return { kind: 'array', element: compile(s.element as z.ZodType) };
  if (s instanceof z.ZodObject) {
    const shape = s.shape as Record<string, z.ZodType>;
    const keys = Object.keys(shape);
    return { kind: 'object', keys, children: new Map(keys.map((k) => [k, compile(shape[k]!)])) };
  }
  return { kind: 'leaf' };
}

let compiled: Node | null = null;

/**
 * Every warning for a dataset that passed the schema (`json` is the parsed file as written, before zod
 * stripped anything), passed to `report` one by one so a file with a million of them costs no list.
 */
export function datasetWarnings(json: unknown, report: (w: DatasetWarning) => void): void {
  const root = (compiled ??= compile(DatasetSchema));
  const path: Path = [];
  const visit = (node: Node, value: unknown) => {
    if (typeof value === 'string') {
      if (value.length > LONG_FIELD_CHARS) {
        const limit = path.length === 3 && path[0] === 'sources' && path[2] === 'text' ? LONG_SOURCE_TEXT_CHARS : LONG_FIELD_CHARS;
        if (value.length > limit) report({ path: pathText(path), message: `is ${value.length.toLocaleString('en')} characters long (more than ${limit.toLocaleString('en')}); it is shown shortened` });
      }
      return;
    }
    if (typeof value !== 'object' || value === null || node.kind === 'leaf') return;
    if (node.kind === 'array') {
      if (!Array.isArray(value)) return;
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        visit(node.element, value[i]);
        path.pop();
      }
      return;
    }
    if (Array.isArray(value)) return;
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      const child = node.children.get(key);
      if (!child) {
        const guess = closest(key, node.keys);
        report({ path: pathText(path), message: `unknown field ${showKey(key)} was ignored${guess ? ` (did you mean "${guess}"?)` : ''}` });
        continue;
      }
      path.push(key);
      visit(child, (value as Record<string, unknown>)[key]);
      path.pop();
    }
  };
  visit(root, json);
}
