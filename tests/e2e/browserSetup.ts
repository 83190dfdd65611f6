import type { TestProject } from 'vitest/node';
import { startBrowser, type ResolvedBrowser } from '../../scripts/browser/launch';
import { BrowserUnavailableError } from '../../scripts/browser/resolve';

// Finds the browser once, before any test file runs: says which one runs, unpacks the packaged one if that is the one,
// and proves it starts. No browser fails the run here with one line that says what to install.
export async function setup(project: TestProject) {
  const { browser, resolved } = await startBrowser().catch((error: unknown) => {
    if (!(error instanceof BrowserUnavailableError)) throw error;
    // The message is the whole story (what was tried, what to install). Thrown, it would come wrapped in a stack trace
    // under a misleading "No test files found"; the run stops here, failing, with just that line.
    console.error(error.message);
    process.exit(1);
  });
  await browser.close();
  project.provide('browser', resolved);
}

declare module 'vitest' {
  export interface ProvidedContext {
    browser: ResolvedBrowser;
  }
}
