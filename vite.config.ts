/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// A hang guard, not a performance check: jsdom renders with axe-core take several seconds on a loaded 2-core machine.
const testTimeout = 30_000;

// PARLEY_BASE lets the static build live under a sub-path, e.g. PARLEY_BASE=/tools/parley/ npm run build
export default defineConfig({
  base: process.env.PARLEY_BASE ?? './',
  plugins: [react()],
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
