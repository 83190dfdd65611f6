import { pathToFileURL } from 'node:url';
import { writeSynthetic, type SyntheticOptions } from './bench/synthetic/generate';

export { writeSynthetic, generateSynthetic, type SyntheticOptions } from './bench/synthetic/generate';

const USAGE = 'usage: generate-synthetic [--meetings 20000] [--actors 2000] [--seed 1] [--topics 20] [--countries 60] > file.json';

export function parseGeneratorArgs(argv: readonly string[]): SyntheticOptions {
  const opts: Required<SyntheticOptions> = { meetings: 20_000, actors: 2_000, seed: 1, topics: 20, countries: 60 };
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i]!.replace(/^--/, '');
    if (!(key in opts)) throw new Error(`unknown option ${argv[i]}\n${USAGE}`);
    const value = Number(argv[++i]);
    if (!Number.isInteger(value) || value < 0) throw new Error(`--${key} needs a whole number\n${USAGE}`);
    opts[key as keyof SyntheticOptions] = value;
  }
  return opts;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const options = parseGeneratorArgs(process.argv.slice(2));
    // stdout to a file or pipe is synchronous on Linux, so chunks never pile up in memory.
    writeSynthetic(options, (chunk) => process.stdout.write(chunk));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
}
