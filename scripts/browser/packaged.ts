import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';

const PACKAGE = '@sparticuz/chromium';
const READY = '.parley-ready';

export interface PackagedBrowser {
  executablePath: string;
  /** @sparticuz/chromium's version (not Chromium's). */
  packageVersion: string;
  /** Environment for the browser process: fontconfig reads only the fonts shipped with the package. */
  env: Record<string, string>;
}

function findPackage(): { entry: string; version: string } {
  let entry: string;
  try {
    entry = createRequire(import.meta.url).resolve(PACKAGE);
  } catch {
    throw new Error(`${PACKAGE} is not installed (run npm ci)`);
  }
  for (let dir = dirname(entry); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (!existsSync(manifest)) continue;
    const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string };
    if (pkg.name === PACKAGE && pkg.version) return { entry, version: pkg.version };
  }
  throw new Error(`cannot find the package.json of ${PACKAGE} above ${entry}`);
}

// Our own fontconfig file: the package's one points at /tmp/fonts (where it unpacks on AWS Lambda). Only the bundled
// fonts, so the packaged browser draws text the same on every machine, with or without system fonts.
const fontsConf = (dir: string) => `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>${join(dir, 'fonts', 'fonts')}</dir>
  <cachedir>${join(dir, 'fontconfig-cache')}</cachedir>
</fontconfig>
`;

/**
 * The Chromium inside @sparticuz/chromium, unpacked once per package version into node_modules/.cache (so `npm ci`
 * starts afresh). The package itself unpacks into os.tmpdir(), shared by every user and version and never checked for
 * completeness; here it unpacks in a child process whose TMPDIR is a private staging directory.
 */
export function packagedChromium(root = resolve(import.meta.dirname, '../..')): Promise<PackagedBrowser> {
  const { entry, version } = findPackage();
  return installPackaged(join(root, 'node_modules', '.cache', 'parley-chromium'), version, async (staging) => {
    const script = 'require(process.argv[1]).executablePath().then((p) => process.stdout.write(p))';
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', script, entry], { env: { ...process.env, TMPDIR: staging }, encoding: 'utf8' });
    return stdout;
  });
}

/**
 * Unpacks into a staging directory that is renamed into place only when complete, so an interrupted or concurrent
 * first run never leaves a half-written browser behind. `unpack` writes the browser into the directory it is given
 * and returns the executable's path.
 */
export async function installPackaged(cache: string, version: string, unpack: (staging: string) => Promise<string>): Promise<PackagedBrowser> {
  const dir = join(cache, version);
  const result = (): PackagedBrowser => ({
    executablePath: join(dir, 'chromium'),
    packageVersion: version,
    env: { FONTCONFIG_FILE: join(dir, 'fonts.conf') },
  });
  if (existsSync(join(dir, READY))) return result();

  mkdirSync(cache, { recursive: true });
  const staging = mkdtempSync(join(cache, `.staging-${version}-`));
  try {
    const executable = await unpack(staging);
    if (executable !== join(staging, 'chromium')) throw new Error(`${PACKAGE} unpacked to ${executable}, expected ${join(staging, 'chromium')}`);
    writeFileSync(join(staging, 'fonts.conf'), fontsConf(dir));
    writeFileSync(join(staging, READY), `${version}\n`);
    // Not complete (the ready mark is written before the rename), so no run can be using it.
    if (existsSync(dir) && !existsSync(join(dir, READY))) rmSync(dir, { recursive: true, force: true });
    try {
      renameSync(staging, dir);
    } catch (error) {
      // Another run finished first: use its copy.
      if (!existsSync(join(dir, READY))) throw error;
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return result();
}
