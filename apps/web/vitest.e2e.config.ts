import { defineConfig } from 'vitest/config';

/** Browser tests: the built client served by the real server on its own database, in Debian's chromium. */
export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 240_000,
    fileParallelism: false,
  },
});
