import { defineConfig } from 'vitest/config';

/** Unit tests of the client's pure helpers (no browser, no server). */
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
  },
});
