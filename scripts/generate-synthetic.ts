import { closeSync, openSync, writeSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { writeSynthetic, type SyntheticOptions } from './bench/synthetic/generate';

export { writeSynthetic, generateSynthetic, type SyntheticOptions } from './bench/synthetic/generate';

// `npm run generate` prints its banner to stdout; use `npm run -s generate … > f.json`, or --out f.json.
const USAGE = 'usage: generate-synthetic [--meetings 20000] [--actors 2000] [--seed 1] [--topics 20] [--countries 60] [--out file.json] (default: stdout)';

export interface GeneratorArgs extends SyntheticOptions {
  out: string | null;
}

export function parseGeneratorArgs(argv: readonly string[]): GeneratorArgs {
  const opts: Required<SyntheticOptions> = { meetings: 20_000, actors: 2_000, seed: 1, topics: 20, countries: 60 };
  let out: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i]!.replace(/^--/, '');
    if (key === 'out') {
      out = argv[++i] ?? null;
      if (!out) throw new Error(`--out needs a file name\n${USAGE}`);
      continue;
    }
    if (!(key in opts)) throw new Error(`unknown option ${argv[i]}\n${USAGE}`);
    const value = Number(argv[++i]);
    if (!Number.isInteger(value) || value < 0) throw new Error(`--${key} needs a whole number\n${USAGE}`);
    opts[key as keyof SyntheticOptions] = value;
  }
  return { ...opts, out };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const { out, ...options } = parseGeneratorArgs(process.argv.slice(2));
    // Synchronous writes (stdout to a file or pipe is synchronous on Linux too), so chunks never pile up in memory.
    const fd = out ? openSync(out, 'w') : 1;
    writeSynthetic(options, (chunk) => writeSync(fd, chunk));
    if (out) closeSync(fd);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
}
