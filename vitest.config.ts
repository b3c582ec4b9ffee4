import { defaultClientConditions, defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

// `provisim/*` imports in the tests resolve to the sources (the package's `provisim-source`
// condition), not to dist/: the process tests and the packaging test cover the build.
const SOURCE = 'provisim-source';

// Unit and process tests only: Playwright specs (test/e2e/*.spec.ts) run under `playwright test`.
export const config = defineConfig({
  resolve: { conditions: [SOURCE, ...defaultClientConditions] },
  ssr: { resolve: { conditions: [SOURCE, ...defaultServerConditions] } },
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
