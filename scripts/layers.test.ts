import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layer check of `npm test` (architecture.md: adapters → http → core ← store) is ESLint's
// no-restricted-imports, configured in scripts/layers.js. These prove it catches violations.
const lint = async (filePath: string, code: string): Promise<string[]> => {
  const [result] = await new ESLint().lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
};

describe('layer check', () => {
  it.each([
    ['simulator/core/x.ts', "import { Hono } from 'hono';\nexport const x = Hono;\n"],
    [
      'simulator/core/x.ts',
      "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
    ],
    ['simulator/core/x.ts', "import { Low } from 'lowdb';\nexport const x = Low;\n"],
    [
      'simulator/core/x.ts',
      "import { MemoryStore } from '../store/memory-store.ts';\nexport const x = MemoryStore;\n",
    ],
    [
      'simulator/http/x.ts',
      "import { MemoryStore } from '../store/memory-store.ts';\nexport const x = MemoryStore;\n",
    ],
    [
      'simulator/http/x.ts',
      "import { listen } from '../adapters/node.ts';\nexport const x = listen;\n",
    ],
    [
      'simulator/store/x.ts',
      "import { createApp } from '../http/create-app.ts';\nexport const x = createApp;\n",
    ],
  ])('%s may not import that: %s', async (file, code) => {
    expect(await lint(file, code)).not.toEqual([]);
  });

  it.each([
    ['simulator/http/x.ts', "import { World } from '../core/world.ts';\nexport const x = World;\n"],
    [
      'simulator/store/x.ts',
      "import type { Store } from '../core/store-port.ts';\nexport type X = Store;\n",
    ],
    [
      'simulator/adapters/x.ts',
      "import { createApp } from '../http/create-app.ts';\nexport const x = createApp;\n",
    ],
  ])('%s may import inward: %s', async (file, code) => {
    expect(await lint(file, code)).toEqual([]);
  });
});
