import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Each test file makes its own database; PGlite's first start takes a few seconds.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
