import { delimiter, join } from 'node:path';

/**
 * Which Chromium the browser tests and the benchmark drive, decided in one place.
 * Pure: the environment and the file-system check are passed in, so the order is unit-tested without real browsers.
 *
 * Order (PARLEY_BROWSER unset or `auto`): CHROME_PATH → a Chrome/Chromium on PATH → the packaged Chromium from
 * @sparticuz/chromium (a devDependency, so `npm ci` brings it). `PARLEY_BROWSER=system` never uses the packaged one;
 * `PARLEY_BROWSER=packaged` uses only the packaged one.
 */

export type BrowserMode = 'auto' | 'system' | 'packaged';
const MODES: readonly BrowserMode[] = ['auto', 'system', 'packaged'];

/** Names a system Chrome/Chromium goes by on Linux distributions, best first. Looked up through PATH, like a shell would. */
export const SYSTEM_BROWSER_NAMES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome', 'chrome'] as const;

export interface BrowserEnv {
  CHROME_PATH?: string | undefined;
  PARLEY_BROWSER?: string | undefined;
  PATH?: string | undefined;
}

export interface Platform {
  os: string;
  arch: string;
}

/** A browser to try: an executable already on disk, or the packaged one (unpacked on first use). */
export type Candidate =
  | { source: 'CHROME_PATH'; executablePath: string; detail: string }
  | { source: 'system'; executablePath: string; detail: string }
  | { source: 'packaged'; detail: string };

/** No browser can be used; the message is one line that says what to install. */
export class BrowserUnavailableError extends Error {
  override name = 'BrowserUnavailableError';
}

/** The packaged Chromium is a Linux x64 build. */
export const packagedSupported = (platform: Platform): boolean => platform.os === 'linux' && platform.arch === 'x64';

export function installHint(platform: Platform): string {
  return packagedSupported(platform) || platform.os === 'linux'
    ? 'install Chromium (Debian/Ubuntu: sudo apt-get install -y chromium) or set CHROME_PATH=/path/to/chrome'
    : 'install Google Chrome or Chromium and set CHROME_PATH to its executable';
}

export function parseMode(value: string | undefined): BrowserMode {
  const mode = (value ?? '').trim() || 'auto';
  if (!(MODES as readonly string[]).includes(mode)) {
    throw new BrowserUnavailableError(`PARLEY_BROWSER=${value} is not one of ${MODES.join(', ')}`);
  }
  return mode as BrowserMode;
}

/** The first of SYSTEM_BROWSER_NAMES found in a PATH directory, in PATH order for each name. */
export function findOnPath(path: string | undefined, isExecutable: (file: string) => boolean): { name: string; file: string } | undefined {
  const dirs = (path ?? '').split(delimiter).filter((dir) => dir !== '');
  for (const name of SYSTEM_BROWSER_NAMES) {
    for (const dir of dirs) {
      const file = join(dir, name);
      if (isExecutable(file)) return { name, file };
    }
  }
  return undefined;
}

/**
 * The browsers to try, in order; the caller launches them until one starts.
 * Throws BrowserUnavailableError when there is nothing to try.
 */
export function planBrowsers(env: BrowserEnv, isExecutable: (file: string) => boolean, platform: Platform): Candidate[] {
  const mode = parseMode(env.PARLEY_BROWSER);
  const packaged: Candidate = { source: 'packaged', detail: 'packaged @sparticuz/chromium' };
  if (mode === 'packaged') {
    if (!packagedSupported(platform)) {
      throw new BrowserUnavailableError(
        `PARLEY_BROWSER=packaged: the packaged Chromium runs only on Linux x64, not ${platform.os} ${platform.arch}; ${installHint(platform)}`,
      );
    }
    return [packaged];
  }
  const chromePath = env.CHROME_PATH?.trim();
  if (chromePath) {
    // Someone pointed at this browser on purpose: never quietly use another one instead.
    if (!isExecutable(chromePath)) throw new BrowserUnavailableError(`CHROME_PATH=${chromePath} is not an executable file; ${installHint(platform)}`);
    return [{ source: 'CHROME_PATH', executablePath: chromePath, detail: 'CHROME_PATH' }];
  }
  const found = findOnPath(env.PATH, isExecutable);
  const candidates: Candidate[] = found ? [{ source: 'system', executablePath: found.file, detail: `${found.name} on PATH` }] : [];
  if (mode === 'auto' && packagedSupported(platform)) candidates.push(packaged);
  if (candidates.length === 0) {
    const looked = `no ${SYSTEM_BROWSER_NAMES.join('/')} on PATH`;
    const why = mode === 'system' ? `PARLEY_BROWSER=system and ${looked}` : `${looked} and the packaged Chromium runs only on Linux x64`;
    throw new BrowserUnavailableError(`No Chrome/Chromium found: ${why}; ${installHint(platform)}`);
  }
  return candidates;
}
