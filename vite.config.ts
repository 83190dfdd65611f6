/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// PARLEY_BASE lets the static build live under a sub-path, e.g. PARLEY_BASE=/tools/parley/ npm run build
export default defineConfig({
  base: process.env.PARLEY_BASE ?? './',
  plugins: [react()],
  worker: { format: 'es' },
  test: {
    environment: 'jsdom',
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**'],
    setupFiles: ['tests/setup.ts'],
    // A hang guard, not a performance check: jsdom renders with axe-core take several seconds on a loaded 2-core machine.
    testTimeout: 30_000,
  },
});
