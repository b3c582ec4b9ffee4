import { execFile, spawn } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The package as a project gets it: `npm pack`, installed with MSW (and TypeScript, Vitest and Jest)
 * from the npm registry into a new project in a temporary folder, then used the ways the README
 * shows. The README's blocks of "For frontend developers" are the files run here.
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);
const INSTALL_TIMEOUT_MS = 600_000;
const STEP_TIMEOUT_MS = 300_000;

// The child npm, node, tsc, Vitest and Jest see the machine's environment, not this test run's.
const env: NodeJS.ProcessEnv = Object.fromEntries(
  Object.entries(process.env).filter(
    ([k]) => !/^(npm_|INIT_CWD$|NODE_OPTIONS$|VITEST|TEST$|FORCE_COLOR$)/i.test(k),
  ),
);
env.NO_COLOR = '1';

/** The README's named blocks (`// NAME` on the first line) in the section for frontend developers. */
const readmeFiles = (): Map<string, string> => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('## For frontend developers');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
  const files = new Map<string, string>();
  for (const m of section.matchAll(/```(?:js|ts)\n\/\/ ([\w.-]+)[^\n]*\n([\s\S]*?)```/g))
    files.set(m[1]!, `${m[2]!}`);
  return files;
};

const newestSource = (dir: string): number =>
  Math.max(
    0,
    ...readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(ts|tsx|json)$/.test(f) && !/\.test\.tsx?$/.test(f))
      .map((f) => statSync(join(ROOT, dir, f)).mtimeMs),
  );

// Types a strict consumer relies on; each `@ts-expect-error` must meet an error, or tsc fails.
const CONSUMER_TS = `import { setupServer } from 'msw/node';
import { createApp, createMemoryStore, type Fault, type JournalEntry, type SimWorld } from 'provisim';
import { createHandlers } from 'provisim/msw';
import { startServer, type RunningServer } from 'provisim/node';
import { createTestWorld } from 'provisim/testing';

export const server = setupServer(...createHandlers({ seed: 1 }));

export const check = async (): Promise<string> => {
  const w = await createTestWorld({ seed: 7 });
  const world: SimWorld = w.world;
  const pid: string | undefined = world.partners[0]?.templates[0]?.provisioningId;
  const fault: Fault = { path: '/v1/*', status: 503, times: 1 };
  const added = await w.faults.add(fault);
  await w.faults.add({ on: 'customer', errorCode: 7001, description: 'Org creation failed' });
  // @ts-expect-error a status is a number, and a request fault needs a path
  await w.faults.add({ status: 'x' });
  const sent: JournalEntry[] = await w.requests({ method: 'POST', path: '/v1/wholesale/*' });
  // @ts-expect-error the journal's entries are typed, not any
  const wrong: string = sent[0]?.status;
  const app = createApp({ store: createMemoryStore(), newStore: createMemoryStore });
  const running: RunningServer = await startServer({ port: 0, publicUrl: 'https://sim.example.com' });
  await running.close();
  return [pid, added.id, added.hits, wrong, typeof app.fetch].join(' ');
};
`;

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    lib: ['ES2022', 'DOM', 'DOM.Iterable'],
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    types: ['node'],
    strict: true,
    skipLibCheck: false,
    noEmit: true,
  },
  files: ['consumer.ts'],
};

let dir = '';
let project = '';
let packed: { filename: string; files: { path: string }[] } | undefined;

const inProject = (file: string, args: string[], extra: NodeJS.ProcessEnv = {}) =>
  run(file, args, {
    cwd: project,
    env: { ...env, ...extra },
    timeout: STEP_TIMEOUT_MS,
    maxBuffer: 16 * 1024 * 1024,
  });

describe('the npm package, installed in a new project', () => {
  beforeAll(async () => {
    const built = statSync(join(ROOT, 'dist/cli-bundle/main.js')).mtimeMs;
    const stale = ['simulator', 'cli', 'harness', 'rules'].filter((d) => newestSource(d) > built);
    if (stale.length > 0)
      throw new Error(
        `dist/ is older than ${stale.join(', ')}: run npm run build (npm test does).`,
      );
    dir = mkdtempSync(join(tmpdir(), 'provisim-package-'));
    // `npm test` has just built dist/ (scripts/test.sh), so the pack need not build it again.
    const pack = await run(
      'npm',
      ['pack', '--ignore-scripts', '--json', '--pack-destination', dir],
      { cwd: ROOT, env, timeout: STEP_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 },
    );
    packed = (JSON.parse(pack.stdout) as NonNullable<typeof packed>[])[0];
    project = join(dir, 'project');
    mkdirSync(project);
    writeFileSync(
      join(project, 'package.json'),
      `${JSON.stringify({ name: 'a-frontend', private: true, type: 'module' }, null, 2)}\n`,
    );
    for (const [name, text] of readmeFiles()) writeFileSync(join(project, name), text);
    writeFileSync(join(project, 'consumer.ts'), CONSUMER_TS);
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify(TSCONFIG, null, 2));
    await run(
      'npm',
      [
        'install',
        '--no-audit',
        '--no-fund',
        join(dir, packed!.filename),
        'msw@^2.15',
        'typescript@~5.9',
        '@types/node@^20',
        'vitest@^4.1',
        'jest@^30',
      ],
      { cwd: project, env, timeout: INSTALL_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 },
    );
  }, INSTALL_TIMEOUT_MS + 60_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  it('packs a tarball of the build, its types, maps and licence, with no sources or tests', () => {
    const files = packed!.files.map((f) => f.path);
    for (const entry of ['index', 'msw', 'testing', 'node'])
      for (const ext of ['js', 'd.ts', 'js.map'])
        expect(files).toContain(`dist/simulator/adapters/${entry}.${ext}`);
    expect(files).toEqual(
      expect.arrayContaining([
        'LICENSE',
        'README.md',
        'package.json',
        'bin/provisim.mjs',
        'dist/cli/main.js',
        'dist/cli-bundle/main.js',
        'dist/rules/catalog.json',
        'openapi/ATTRIBUTION.md',
        'scenarios/scenario.schema.json',
      ]),
    );
    const strays = files.filter(
      (f) =>
        /\.test\.|(^|\/)node_modules\//.test(f) ||
        (/\.tsx?$/.test(f) && !f.endsWith('.d.ts')) ||
        !/^(dist|bin|scenarios|openapi)\/|^(LICENSE|README\.md|package\.json)$/.test(f),
    );
    expect(strays).toEqual([]);
    const manifest = JSON.parse(
      readFileSync(join(project, 'node_modules/provisim/package.json'), 'utf8'),
    );
    expect(manifest.license).toBe('MIT');
    expect(manifest.private).toBeUndefined();
    expect(manifest.peerDependenciesMeta).toEqual({ msw: { optional: true } });
    expect(Object.keys(manifest.dependencies)).not.toContain('tsx');
  });

  it('runs the README’s plain-Node script: provisim/msw under setupServer', async () => {
    const r = await inProject(process.execPath, ['check.mjs']);
    expect(r.stdout.trim()).toBe('customer shop-1: provisioned');
  });

  it('runs the README’s provisim/node script: a server on a port that answers 200', async () => {
    const r = await inProject(process.execPath, ['serve.mjs']);
    expect(r.stdout.trim()).toMatch(/^200 https:\/\/sim\.example\.com\/w\/[0-9a-f]{8}$/);
  });

  it(
    'type-checks a consumer with tsc (strict, skipLibCheck false): handlers, typed faults and journal',
    async () => {
      const r = await inProject(process.execPath, [
        'node_modules/typescript/bin/tsc',
        '-p',
        '.',
      ]).catch((e: { stdout?: string }) => ({ stdout: e.stdout ?? String(e), failed: true }));
      expect(r.stdout).toBe('');
      expect('failed' in r).toBe(false);
    },
    STEP_TIMEOUT_MS,
  );

  it('runs the README’s Vitest test', async () => {
    const r = await inProject('npx', ['vitest', 'run', 'provisim.test.ts']);
    expect(r.stdout).toMatch(/Tests\s+2 passed \(2\)/);
  });

  it('runs the README’s Jest test (native ESM)', async () => {
    const r = await inProject('npx', ['jest', 'provisim.jest.test.mjs'], {
      NODE_OPTIONS: '--experimental-vm-modules',
    });
    expect(r.stderr).toMatch(/Tests:\s+2 passed, 2 total/);
  });

  it('runs the CLI from the installed package: --help, and a serve that answers', async () => {
    const help = await inProject('npx', ['provisim', '--help']);
    expect(help.stdout).toContain('provisim serve [options]');
    expect(help.stdout).toContain('--public-url URL');
    // The scenario library ships with the package and loads from it.
    const library = await inProject('npx', [
      'provisim',
      'validate',
      'node_modules/provisim/scenarios',
    ]);
    expect(library.stdout).toMatch(/^\d+ scenario files valid, 0 problems$/m);
    // The bin npx runs, started directly so that the signal reaches the server itself.
    const child = spawn(
      join(project, 'node_modules/.bin/provisim'),
      ['serve', '--port', '0', '--data', ':memory:', '--clock', 'frozen'],
      { cwd: project, env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        const timer = setTimeout(() => reject(new Error(`no address in 60 s:\n${out}`)), 60_000);
        const read = (chunk: Buffer) => {
          out += chunk.toString();
          const m = /provisim listening on (http:\/\/\S+)/.exec(out);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]!);
          }
        };
        child.stdout.on('data', read);
        child.stderr.on('data', read);
        child.once('exit', (code) => reject(new Error(`serve exited with ${code}:\n${out}`)));
      });
      const health = await fetch(`${url}/sim/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok' });
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  });
});
