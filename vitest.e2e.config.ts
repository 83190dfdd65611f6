import { defineConfig } from 'vitest/config';

// Real-browser tests: one Chromium (found by tests/e2e/browserSetup.ts), the production build served by vite preview
// (see tests/e2e/globalSetup.ts).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/browserSetup.ts', 'tests/e2e/globalSetup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
