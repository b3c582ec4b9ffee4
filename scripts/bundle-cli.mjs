// `npm run build`, after tsc: bundles the compiled CLI (dist/cli/main.js and what it imports, the
// dependencies included) into dist/cli-bundle/ with esbuild, so `provisim serve` starts from a few
// files instead of resolving and compiling hundreds of modules (issue 13: start to first 200). The
// subcommands it loads on demand (seed, run, verify-client) become chunks of their own. The
// package's library entries (provisim, provisim/msw, provisim/node, provisim/testing) stay the
// unbundled dist/ modules.
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { build } from 'esbuild';

/**
 * Zod's entry re-exports every one of its ~50 message locales (`z.locales`), about a quarter of the
 * start's compiled source; provisim's messages are its own and Zod only ever uses English (its
 * default). The bundle gets a `locales` module holding English alone.
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes('/node_modules/zod/')
        ? {
            path: new URL('../locales/en.js', `file://${args.importer}`).pathname,
            namespace: 'zod-locales',
          }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(args.path)};`,
      resolveDir: dirname(args.path),
      loader: 'js',
    }));
  },
};

/**
 * Three dependencies the server needs only now and then, more than a third of what it would
 * otherwise compile at start: faker (the names of a new world), Ajv (a `/v1` body checked against
 * Cisco's schemas) and csv-parse (a users CSV). The bundle leaves them out, and each is loaded, with
 * `require` (Node 20.19 and later read an ES module so), where it is first used: serving a world
 * from its data file never compiles them. The shims export what the code imports from each.
 */
const ON_FIRST_USE = {
  '@faker-js/faker/locale/en': `let faker_;
export const faker = new Proxy({}, {
  get: (_, key) => Reflect.get((faker_ ??= require('@faker-js/faker/locale/en').faker), key),
});`,
  ajv: `export function Ajv(...args) { return new (require('ajv').Ajv)(...args); }`,
  '#csv-parse': `export const parse = (...args) => require('#csv-parse').parse(...args);`,
};

const loadOnFirstUse = {
  name: 'load-on-first-use',
  setup(b) {
    const names = new RegExp(
      `^(${Object.keys(ON_FIRST_USE)
        .map((n) => n.replace(/[/.]/g, '\\$&'))
        .join('|')})$`,
    );
    b.onResolve({ filter: names }, (args) =>
      args.kind === 'require-call'
        ? { path: args.path, external: true }
        : { path: args.path, namespace: 'on-first-use' },
    );
    b.onLoad({ filter: /.*/, namespace: 'on-first-use' }, (args) => ({
      contents: ON_FIRST_USE[args.path],
      loader: 'js',
    }));
  },
};

// Chunks are named by their content: a new build leaves no old ones beside it.
rmSync('dist/cli-bundle', { recursive: true, force: true });

await build({
  // The seed's worker threads start from an entry of their own (cli/seed.ts finds it beside its chunk).
  entryPoints: { main: 'dist/cli/main.js', 'seed-worker': 'dist/cli/seed-worker.js' },
  outdir: 'dist/cli-bundle',
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  // CommonJS dependencies (ajv, sorted-btree) call require: give the ES module one.
  banner: {
    js: "import { createRequire as __provisimRequire } from 'node:module'; const require = __provisimRequire(import.meta.url);",
  },
  legalComments: 'linked',
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
  plugins: [zodEnglishOnly, loadOnFirstUse],
});
