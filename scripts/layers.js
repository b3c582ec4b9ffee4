// @ts-check
// The layer rules of architecture.md: adapters → http → core ← store. Enforced by ESLint in `npm test`
// (scripts/layers.test.ts proves a violation is caught).

const nodeOnly = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'worker_threads',
  'http',
  'net',
  'stream',
  'crypto',
];

/** @param {string[]} groups @param {string} why */
const forbid = (groups, why) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: groups, message: why }] }],
});

// Tests sit beside the code and may build what they test with (a memory store, the test app).
const tests = ['**/*.test.ts', '**/*.test.tsx'];

export const layerRules = [
  {
    files: ['simulator/core/**/*.{ts,tsx}'],
    ignores: tests,
    rules: forbid(
      [
        'hono',
        'hono/*',
        '@hono/*',
        'lowdb',
        'lowdb/*',
        'msw',
        'msw/*',
        ...nodeOnly,
        '**/store/**',
        '**/http/**',
        '**/adapters/**',
      ],
      'core is the pure domain: no HTTP, storage, MSW or Node-only modules, and no outer layer.',
    ),
  },
  {
    files: ['simulator/store/**/*.{ts,tsx}'],
    ignores: tests,
    rules: forbid(
      ['hono', 'hono/*', '@hono/*', 'msw', 'msw/*', '**/http/**', '**/adapters/**'],
      'store depends on core only.',
    ),
  },
  {
    files: ['simulator/http/**/*.{ts,tsx}'],
    ignores: tests,
    rules: forbid(
      ['lowdb', 'lowdb/*', 'msw', 'msw/*', ...nodeOnly, '**/store/**', '**/adapters/**'],
      'http depends on core only; it is handed a store, it never builds one (and it must run in a browser).',
    ),
  },
  {
    files: ['simulator/core/**/*.test.{ts,tsx}'],
    rules: forbid(
      [
        'hono',
        'hono/*',
        '@hono/*',
        'lowdb',
        'lowdb/*',
        'msw',
        'msw/*',
        '**/http/**',
        '**/adapters/**',
      ],
      'core tests drive the core directly.',
    ),
  },
];
