import { accessSync, constants, statSync } from 'node:fs';
import { relative } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { packagedChromium, type PackagedBrowser } from './packaged';
import { BrowserUnavailableError, installHint, planBrowsers, type BrowserEnv, type Candidate, type Platform } from './resolve';

/** Flags for every browser the project drives: headless, quiet, nothing phoning home. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

/** A browser that started: enough to launch it again (in another process) and to say which one it is. */
export interface ResolvedBrowser {
  source: Candidate['source'];
  executablePath: string;
  /** Extra environment for the browser process. */
  env: Record<string, string>;
  /** How it was found, for the log line. */
  detail: string;
  /** Chromium's version, as the browser reports it. */
  version: string;
}

export function isExecutableFile(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

export function launchResolved(resolved: Pick<ResolvedBrowser, 'executablePath' | 'env'>): Promise<Browser> {
  const env = Object.keys(resolved.env).length > 0 ? { ...process.env, ...resolved.env } : undefined;
  return chromium.launch({ executablePath: resolved.executablePath, args: CHROMIUM_ARGS, ...(env ? { env } : {}) });
}

/** The one line that says which browser runs. */
export function describeBrowser(resolved: ResolvedBrowser, cwd = process.cwd()): string {
  const inProject = relative(cwd, resolved.executablePath);
  const where = resolved.source === 'packaged' && !inProject.startsWith('..') ? inProject : resolved.executablePath;
  const kind = resolved.source === 'packaged' ? 'packaged Chromium' : resolved.source === 'system' ? 'system Chromium' : 'Chromium';
  return `browser: ${kind} ${resolved.version} (${resolved.detail}) ${where}`;
}

/**
 * Why a browser did not start, in one line, from Playwright's launch error (which quotes the browser's stderr and
 * the whole command line): a missing shared library if that was it, else the browser's first error output, else the
 * error's first line with the exit code.
 */
export function launchFailureReason(message: string): string {
  const text = message.replace(/\u001b\[[0-9;]*m/g, '');
  const library = /error while loading shared libraries: [^\n]*/.exec(text);
  if (library) return library[0].trim();
  const stderr = /\[pid=\d+\]\[err\] ([^\n]*\S)/.exec(text);
  if (stderr) return stderr[1]!.trim();
  const first = (text.split('\n').find((line) => line.trim() !== '') ?? 'unknown error').replace(/^browserType\.launch: /, '').trim();
  const exit = /process did exit: exitCode=(\d+)/.exec(text);
  return exit ? `${first} (exit code ${exit[1]})` : first;
}

export interface StartOptions {
  env?: BrowserEnv;
  platform?: Platform;
  /** Where the "which browser" line (and any fallback note) goes. */
  log?: (line: string) => void;
  /** Injected by unit tests, so the order and the messages are checked without real browsers. */
  isExecutable?: (file: string) => boolean;
  launch?: (target: Pick<ResolvedBrowser, 'executablePath' | 'env'>) => Promise<Browser>;
  packaged?: () => Promise<PackagedBrowser>;
}

/**
 * Finds and starts the browser (see resolve.ts for the order). Trying the next candidate when one does not start is
 * said in the log; when none starts, throws BrowserUnavailableError with one line that says what to install.
 */
export async function startBrowser(options: StartOptions = {}): Promise<{ browser: Browser; resolved: ResolvedBrowser }> {
  const env = options.env ?? process.env;
  const platform = options.platform ?? { os: process.platform, arch: process.arch };
  const log = options.log ?? ((line: string) => console.log(line));
  const launch = options.launch ?? launchResolved;
  const packaged = options.packaged ?? (() => packagedChromium());
  const candidates = planBrowsers(env, options.isExecutable ?? isExecutableFile, platform);
  const failures: string[] = [];
  for (const [index, candidate] of candidates.entries()) {
    const label = candidate.source === 'packaged' ? 'the packaged Chromium (@sparticuz/chromium)' : `${candidate.executablePath} (${candidate.detail})`;
    try {
      const target =
        candidate.source === 'packaged'
          ? await packaged().then((p) => ({ executablePath: p.executablePath, env: p.env, detail: `@sparticuz/chromium ${p.packageVersion}` }))
          : { executablePath: candidate.executablePath, env: {}, detail: candidate.detail };
      const browser = await launch(target);
      const resolved: ResolvedBrowser = { source: candidate.source, ...target, version: browser.version() };
      log(describeBrowser(resolved));
      return { browser, resolved };
    } catch (error) {
      const reason = launchFailureReason(error instanceof Error ? error.message : String(error));
      failures.push(`${label} did not start: ${reason}`);
      if (index < candidates.length - 1) log(`browser: ${label} did not start (${reason}); trying the next one`);
    }
  }
  const packagedMissesLibraries = candidates.at(-1)?.source === 'packaged' && failures.at(-1)?.includes('error while loading shared libraries');
  const hint = packagedMissesLibraries
    ? `install the libraries it needs (Debian/Ubuntu: sudo apt-get install -y libnss3 libexpat1) or ${installHint(platform)}`
    : installHint(platform);
  throw new BrowserUnavailableError(`No Chrome/Chromium could be started: ${failures.join('; ')}; ${hint}`);
}
