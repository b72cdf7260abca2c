import { defineConfig } from 'vitest/config';

/** Unit tests: lib/ and the widgets' pure logic. Browser tests live in test/e2e and run under Playwright. */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
