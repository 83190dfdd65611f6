import { preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';

// Serves the production build (dist/, built by `npm run test:e2e` just before) under a sub-path,
// so every browser test also proves the app works when deployed below the site root.
export const E2E_BASE = '/parley/';
let server: PreviewServer | undefined;

export async function setup(project: TestProject) {
  server = await preview({ base: E2E_BASE, preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'warn' });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  project.provide('appUrl', url);
}

export async function teardown() {
  await new Promise<void>((resolve) => server?.httpServer.close(() => resolve()) ?? resolve());
}

declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
  }
}
