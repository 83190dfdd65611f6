// @vitest-environment node
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { describeBrowser, launchFailureReason, startBrowser, type ResolvedBrowser } from '../../scripts/browser/launch';
import { installPackaged, type PackagedBrowser } from '../../scripts/browser/packaged';
import { BrowserUnavailableError, findOnPath, planBrowsers, type BrowserEnv, type Platform } from '../../scripts/browser/resolve';

const linux: Platform = { os: 'linux', arch: 'x64' };
const mac: Platform = { os: 'darwin', arch: 'arm64' };
/** A file system holding exactly these executables. */
const only = (...files: string[]) => (file: string) => files.includes(file);

const plan = (env: BrowserEnv, executables: string[], platform = linux) => planBrowsers(env, only(...executables), platform);
const planError = (env: BrowserEnv, executables: string[], platform = linux): string => {
  try {
    plan(env, executables, platform);
  } catch (error) {
    expect(error).toBeInstanceOf(BrowserUnavailableError);
    return (error as Error).message;
  }
  throw new Error('expected planBrowsers to throw');
};

describe('which browser: the order', () => {
  it('CHROME_PATH wins over a Chromium on PATH and the packaged one', () => {
    const candidates = plan({ CHROME_PATH: '/opt/chrome/chrome', PATH: '/usr/bin' }, ['/opt/chrome/chrome', '/usr/bin/chromium']);
    expect(candidates).toEqual([{ source: 'CHROME_PATH', executablePath: '/opt/chrome/chrome', detail: 'CHROME_PATH' }]);
  });

  it('a CHROME_PATH that is not an executable fails with what to do instead of quietly using another browser', () => {
    const message = planError({ CHROME_PATH: '/nowhere/chrome', PATH: '/usr/bin' }, ['/usr/bin/chromium']);
    expect(message).toContain('CHROME_PATH=/nowhere/chrome is not an executable file');
    expect(message).toContain('apt-get install -y chromium');
  });

  it('without CHROME_PATH: a Chromium found through PATH, then the packaged one', () => {
    const candidates = plan({ PATH: '/home/me/bin:/usr/local/bin:/usr/bin' }, ['/usr/local/bin/chromium', '/usr/bin/chromium']);
    expect(candidates).toEqual([
      { source: 'system', executablePath: '/usr/local/bin/chromium', detail: 'chromium on PATH' },
      { source: 'packaged', detail: 'packaged @sparticuz/chromium' },
    ]);
  });

  it('looks only where PATH says: a Chromium in a directory not on PATH is not used', () => {
    expect(plan({ PATH: '/usr/local/bin' }, ['/usr/bin/chromium'])).toEqual([{ source: 'packaged', detail: 'packaged @sparticuz/chromium' }]);
    expect(plan({}, ['/usr/bin/chromium']).map((c) => c.source)).toEqual(['packaged']);
  });

  it('prefers Chromium over Google Chrome, and knows the other names they go by', () => {
    expect(findOnPath('/a:/b', only('/a/google-chrome', '/b/chromium'))).toEqual({ name: 'chromium', file: '/b/chromium' });
    expect(findOnPath('/a', only('/a/chromium-browser'))?.name).toBe('chromium-browser');
    expect(findOnPath('/a:/b', only('/b/google-chrome-stable', '/a/google-chrome'))?.file).toBe('/b/google-chrome-stable');
    expect(findOnPath('/a::', only('/chromium', 'chromium'))).toBeUndefined();
  });

  it('an empty CHROME_PATH or PARLEY_BROWSER counts as unset', () => {
    expect(plan({ CHROME_PATH: ' ', PARLEY_BROWSER: '', PATH: '/usr/bin' }, ['/usr/bin/chromium']).map((c) => c.source)).toEqual(['system', 'packaged']);
  });
});

describe('which browser: PARLEY_BROWSER', () => {
  it('packaged: only the packaged Chromium, whatever CHROME_PATH and PATH hold', () => {
    expect(plan({ PARLEY_BROWSER: 'packaged', CHROME_PATH: '/opt/chrome', PATH: '/usr/bin' }, ['/opt/chrome', '/usr/bin/chromium'])).toEqual([
      { source: 'packaged', detail: 'packaged @sparticuz/chromium' },
    ]);
  });

  it('system: CHROME_PATH or PATH, never the packaged one', () => {
    expect(plan({ PARLEY_BROWSER: 'system', PATH: '/usr/bin' }, ['/usr/bin/chromium']).map((c) => c.source)).toEqual(['system']);
    expect(plan({ PARLEY_BROWSER: 'system', CHROME_PATH: '/opt/chrome' }, ['/opt/chrome']).map((c) => c.source)).toEqual(['CHROME_PATH']);
    const message = planError({ PARLEY_BROWSER: 'system', PATH: '/usr/local/bin' }, ['/usr/bin/chromium']);
    expect(message).toMatch(/^No Chrome\/Chromium found: PARLEY_BROWSER=system and no chromium\/.* on PATH; install Chromium/);
  });

  it('an unknown value is refused, naming the ones that work', () => {
    expect(planError({ PARLEY_BROWSER: 'firefox' }, [])).toBe('PARLEY_BROWSER=firefox is not one of auto, system, packaged');
  });

  it('the packaged Chromium is a Linux x64 build: elsewhere the message says to set CHROME_PATH', () => {
    expect(planError({ PATH: '/usr/bin' }, [], mac)).toContain('install Google Chrome or Chromium and set CHROME_PATH');
    expect(planError({ PARLEY_BROWSER: 'packaged' }, [], mac)).toContain('runs only on Linux x64, not darwin arm64');
  });
});

const fakeBrowser = (version: string) => ({ version: () => version }) as unknown as Browser;
const packagedAt = (path: string): (() => Promise<PackagedBrowser>) => () =>
  Promise.resolve({ executablePath: path, packageVersion: '143.0.4', env: { FONTCONFIG_FILE: '/cache/fonts.conf' } });

describe('starting the browser', () => {
  it('says in one line which browser runs, with its version and path', async () => {
    const lines: string[] = [];
    const { resolved } = await startBrowser({
      env: { PATH: '/usr/bin' },
      platform: linux,
      isExecutable: only('/usr/bin/chromium'),
      launch: () => Promise.resolve(fakeBrowser('156.0.1')),
      log: (line) => lines.push(line),
    });
    expect(resolved).toMatchObject({ source: 'system', executablePath: '/usr/bin/chromium', version: '156.0.1', env: {} });
    expect(lines).toEqual(['browser: system Chromium 156.0.1 (chromium on PATH) /usr/bin/chromium']);
  });

  it('when the system browser does not start, says so and runs the packaged one with its own fonts', async () => {
    const lines: string[] = [];
    const launched: string[] = [];
    const { resolved } = await startBrowser({
      env: { PATH: '/usr/bin' },
      platform: linux,
      isExecutable: only('/usr/bin/chromium-browser'),
      packaged: packagedAt('/cache/chromium'),
      launch: (target) => {
        launched.push(target.executablePath);
        return target.executablePath === '/cache/chromium'
          ? Promise.resolve(fakeBrowser('143.0.7499.0'))
          : Promise.reject(new Error("browserType.launch: Target page, context or browser has been closed\n[pid=7][err] Command '/usr/bin/chromium-browser' requires the chromium snap to be installed."));
      },
      log: (line) => lines.push(line),
    });
    expect(launched).toEqual(['/usr/bin/chromium-browser', '/cache/chromium']);
    expect(resolved).toMatchObject({ source: 'packaged', env: { FONTCONFIG_FILE: '/cache/fonts.conf' }, detail: '@sparticuz/chromium 143.0.4' });
    expect(lines).toEqual([
      "browser: /usr/bin/chromium-browser (chromium-browser on PATH) did not start (Command '/usr/bin/chromium-browser' requires the chromium snap to be installed.); trying the next one",
      'browser: packaged Chromium 143.0.7499.0 (@sparticuz/chromium 143.0.4) /cache/chromium',
    ]);
  });

  it('when nothing starts, fails with one line that says what to install', async () => {
    const attempt = startBrowser({
      env: {},
      platform: linux,
      isExecutable: only(),
      packaged: packagedAt('/cache/chromium'),
      launch: () => Promise.reject(new Error('browserType.launch: Target page, context or browser has been closed\nBrowser logs:\n[pid=9][err] /cache/chromium: error while loading shared libraries: libnss3.so: cannot open shared object file: No such file or directory\nCall log:\n')),
      log: () => undefined,
    });
    await expect(attempt).rejects.toThrow(BrowserUnavailableError);
    const message = await attempt.catch((error: Error) => error.message);
    expect(message).not.toContain('\n');
    expect(message).toBe(
      'No Chrome/Chromium could be started: the packaged Chromium (@sparticuz/chromium) did not start: error while loading shared libraries: libnss3.so: cannot open shared object file: No such file or directory; install the libraries it needs (Debian/Ubuntu: sudo apt-get install -y libnss3 libexpat1) or install Chromium (Debian/Ubuntu: sudo apt-get install -y chromium) or set CHROME_PATH=/path/to/chrome',
    );
  });

  it('a packaged Chromium that cannot be unpacked is a failure too, not a skip', async () => {
    const attempt = startBrowser({ env: { PARLEY_BROWSER: 'packaged' }, platform: linux, packaged: () => Promise.reject(new Error('@sparticuz/chromium is not installed (run npm ci)')), log: () => undefined });
    await expect(attempt).rejects.toThrow(/^No Chrome\/Chromium could be started: the packaged Chromium \(@sparticuz\/chromium\) did not start: @sparticuz\/chromium is not installed \(run npm ci\); install Chromium/);
  });

  it('reduces a Playwright launch error to its cause', () => {
    const grey = (s: string) => `\u001b[2m${s}\u001b[22m`;
    expect(launchFailureReason(`browserType.launch: Target page, context or browser has been closed\nBrowser logs:\n\n<launching> /bin/true --headless\n<launched> pid=5\nCall log:\n${grey('  - <launched> pid=5')}\n${grey('  - [pid=5] <process did exit: exitCode=0, signal=null>')}\n`)).toBe(
      'Target page, context or browser has been closed (exit code 0)',
    );
    expect(launchFailureReason("browserType.launch: Failed to launch chromium because executable doesn't exist at /x\nmore")).toBe("Failed to launch chromium because executable doesn't exist at /x");
  });

  it('names the packaged browser by its path relative to the project', () => {
    const resolved: ResolvedBrowser = { source: 'packaged', executablePath: '/p/node_modules/.cache/c/chromium', env: {}, detail: '@sparticuz/chromium 143.0.4', version: '143' };
    expect(describeBrowser(resolved, '/p')).toBe('browser: packaged Chromium 143 (@sparticuz/chromium 143.0.4) node_modules/.cache/c/chromium');
    expect(describeBrowser({ ...resolved, source: 'CHROME_PATH', detail: 'CHROME_PATH', executablePath: '/opt/c' }, '/p')).toBe('browser: Chromium 143 (CHROME_PATH) /opt/c');
  });
});

describe('unpacking the packaged browser', () => {
  const fakeUnpack = (calls: string[]) => async (staging: string) => {
    calls.push(staging);
    mkdirSync(join(staging, 'fonts', 'fonts'), { recursive: true });
    writeFileSync(join(staging, 'chromium'), 'binary');
    return join(staging, 'chromium');
  };

  it('unpacks once per version, then reuses it, with a fontconfig file that names only the bundled fonts', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'parley-browser-cache-'));
    const calls: string[] = [];
    const first = await installPackaged(cache, '143.0.4', fakeUnpack(calls));
    const again = await installPackaged(cache, '143.0.4', fakeUnpack(calls));
    expect(calls).toHaveLength(1);
    expect(again).toEqual(first);
    expect(first.executablePath).toBe(join(cache, '143.0.4', 'chromium'));
    expect(readFileSync(first.executablePath, 'utf8')).toBe('binary');
    const conf = readFileSync(first.env.FONTCONFIG_FILE!, 'utf8');
    expect(conf).toContain(`<dir>${join(cache, '143.0.4', 'fonts', 'fonts')}</dir>`);
    expect(conf).not.toContain('/tmp/fonts');
    await installPackaged(cache, '144.0.0', fakeUnpack(calls));
    expect(calls).toHaveLength(2);
  });

  it('an interrupted unpack leaves nothing that a later run would take for a browser', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'parley-browser-cache-'));
    const failing = installPackaged(cache, '143.0.4', async (staging) => {
      writeFileSync(join(staging, 'chromium'), 'half a bin');
      throw new Error('disk full');
    });
    await expect(failing).rejects.toThrow('disk full');
    expect(existsSync(join(cache, '143.0.4'))).toBe(false);
    const calls: string[] = [];
    const ok = await installPackaged(cache, '143.0.4', fakeUnpack(calls));
    expect(readFileSync(ok.executablePath, 'utf8')).toBe('binary');
  });

  it('two runs unpacking at once both end with the same complete copy', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'parley-browser-cache-'));
    const calls: string[] = [];
    const [a, b] = await Promise.all([installPackaged(cache, '143.0.4', fakeUnpack(calls)), installPackaged(cache, '143.0.4', fakeUnpack(calls))]);
    expect(calls).toHaveLength(2);
    expect(a).toEqual(b);
    expect(readFileSync(a.executablePath, 'utf8')).toBe('binary');
  });
});
