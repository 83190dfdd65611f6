import { closeSync, copyFileSync, existsSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { writeSynthetic } from './synthetic/generate';

export interface Tier {
  name: string;
  meetings: number;
  actors: number;
  /** A fixed dataset file to measure instead of a generated one (the bundled data). */
  source?: string;
  /** An event file imported through the app's real import path instead of a JSON dataset: `meetings` counts its rows. */
  layout?: 'icews';
  /** Only measured when named in --tiers: too slow for the default five runs. */
  onRequest?: boolean;
}

export const TIERS: readonly Tier[] = [
  { name: 'bundled', meetings: 13, actors: 13, source: 'public/data/meetings.json' },
  { name: '1k', meetings: 1_000, actors: 200 },
  { name: '20k', meetings: 20_000, actors: 2_000 },
  { name: '100k', meetings: 100_000, actors: 5_000 },
  // A year of event data after merging: power-law activity over 30,000 actors.
  { name: '250k', meetings: 250_000, actors: 30_000, onRequest: true },
  { name: 'icews100k', meetings: 100_000, actors: 2_000, layout: 'icews' },
  // One year of ICEWS: a million event rows, ~200,000 contacts after merging, ~30,000 actors.
  { name: 'icews1m', meetings: 1_000_000, actors: 30_000, layout: 'icews', onRequest: true },
];

/** `--tiers 1k,20k` or `--tiers 5000/500` (meetings/actors) for a custom size. */
export function parseTiers(spec: string): Tier[] {
  return spec.split(',').filter(Boolean).map((part) => {
    const known = TIERS.find((t) => t.name === part);
    if (known) return known;
    const m = /^(\d+)\/(\d+)$/.exec(part);
    if (!m) throw new Error(`unknown tier "${part}" (use ${TIERS.map((t) => t.name).join(', ')} or meetings/actors)`);
    return { name: part.replace('/', 'x'), meetings: Number(m[1]), actors: Number(m[2]) };
  });
}

export const datasetFileName = (tier: Tier, seed: number) => `synthetic-${tier.meetings}m-${tier.actors}a-s${seed}.json`;

/** The tier's dataset file in `dir`, generated on first use (written to a temp name first so a crash leaves no half file). */
export function ensureDataset(dir: string, tier: Tier, seed: number): { file: string; name: string; generated: boolean } {
  if (tier.source) {
    const name = 'bundled-meetings.json';
    copyFileSync(tier.source, join(dir, name));
    return { file: join(dir, name), name, generated: false };
  }
  const name = datasetFileName(tier, seed);
  const file = join(dir, name);
  if (existsSync(file)) return { file, name, generated: false };
  const tmp = `${file}.partial`;
  const fd = openSync(tmp, 'w');
  try {
    writeSynthetic({ meetings: tier.meetings, actors: tier.actors, seed }, (chunk) => writeSync(fd, chunk));
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
  return { file, name, generated: true };
}

export const readDataset = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));
