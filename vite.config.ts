/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// A hang guard, not a performance check: jsdom renders with axe-core take several seconds on a loaded 2-core machine.
const testTimeout = 30_000;

// PARLEY_BASE lets the static build live under a sub-path, e.g. PARLEY_BASE=/tools/parley/ npm run build
const base = process.env.PARLEY_BASE ?? './';

/**
 * main.tsx imports React DOM and the app shell dynamically (each is evaluated in a task of its own); listed as
 * modulepreload in the page, they are fetched alongside the entry instead of after it has run, so the loading screen
 * is not later for the split.
 */
function preloadStartChunks(): Plugin {
  const START = /(src[\\/]mountApp\.tsx|react-dom[\\/]client\.js)$/;
  return {
    name: 'parley-preload-start-chunks',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const chunks = Object.values(ctx.bundle ?? {}).flatMap((c) => (c.type === 'chunk' && c.isDynamicEntry && START.test(c.facadeModuleId ?? '') ? [c] : []));
        const files = new Set(chunks.flatMap((c) => [c.fileName, ...c.imports]));
        return [...files].filter((file) => !html.includes(file)).map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${file}` }, injectTo: 'head' as const }));
      },
    },
  };
}

export default defineConfig({
  base,
  plugins: [react(), preloadStartChunks()],
  worker: { format: 'es' },
  build: {
    rolldownOptions: {
      output: {
        // What the entry needs before it can start the dataset load comes in one chunk: split into a dozen small shared
        // chunks, its requests queued behind the browser's six connections and the load started ~150 ms later.
        codeSplitting: { groups: [{ name: 'boot', tags: ['$initial'] }] },
      },
    },
  },
  test: {
    // Pure code runs in Node: setting up jsdom for each of the many domain test files was most of the suite's time.
    projects: [
      {
        extends: true,
        test: {
          name: 'pure',
          environment: 'node',
          include: ['tests/domain/**/*.test.ts', 'tests/scripts/**/*.test.ts', 'tests/fixtures/**/*.test.ts'],
          testTimeout,
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['tests/**/*.test.{ts,tsx}'],
          exclude: ['tests/e2e/**', 'tests/domain/**/*.test.ts', 'tests/scripts/**', 'tests/fixtures/**'],
          setupFiles: ['tests/setup.ts'],
          testTimeout,
        },
      },
    ],
  },
});
