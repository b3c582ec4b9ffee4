import { fileURLToPath } from 'node:url';
import { build, type Rollup } from 'vite';
import { describe, expect, it } from 'vitest';

describe('provisim/msw in a browser bundle', () => {
  it('bundles for the browser with no Node-only import', async () => {
    const out = (await build({
      configFile: false,
      logLevel: 'silent',
      build: {
        write: false,
        minify: false,
        lib: {
          entry: fileURLToPath(new URL('./browser-entry.ts', import.meta.url)),
          formats: ['es'],
          fileName: 'bundle',
        },
      },
    })) as Rollup.RollupOutput[] | Rollup.RollupOutput;
    const outputs = (Array.isArray(out) ? out : [out]).flatMap((o) => o.output);
    const code = outputs.map((o) => (o.type === 'chunk' ? o.code : '')).join('\n');
    expect(code).toContain('webexapis.com');
    // Only bare specifiers the browser cannot load would remain as imports; there must be none.
    expect(code).not.toMatch(/^\s*import\b.*\bfrom\s+["'][^./]/m);
    expect(code).not.toMatch(/\bfrom\s+["']node:/);
    expect(code).not.toMatch(/__vite[-_]browser[-_]external/);
    expect(code).not.toMatch(/\brequire\(["'](node:)?(fs|path|net|http|crypto|stream)["']\)/);
  }, 60_000);
});
