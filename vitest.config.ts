import { defineConfig } from 'vitest/config';

// Unit and process tests only: Playwright specs (test/e2e/*.spec.ts) run under `playwright test`.
export const config = defineConfig({
  test: {
    include: [
      'simulator/**/*.test.{ts,tsx}',
      'cli/**/*.test.ts',
      'harness/**/*.test.ts',
      'rules/**/*.test.ts',
      'scripts/**/*.test.ts',
      'test/**/*.test.ts',
    ],
    exclude: ['test/e2e/**', 'node_modules/**'],
    testTimeout: 20_000,
    pool: 'forks',
  },
});

export default config;
