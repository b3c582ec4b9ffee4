import { execFile, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { DockerfileParser, type Copy, type Env, type Instruction } from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * There is no Docker engine here, so the Dockerfile is checked as far as it can be without one: it
 * is linted, and its stages run as shell scripts in a scratch folder standing in for each image's
 * file system (COPY copies, RUN runs with the stage's ENV, and the final CMD and HEALTHCHECK run as
 * written). What only an engine does, the base image, USER and --chown, is checked as text.
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TEXT = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
const STEP_TIMEOUT_MS = 600_000;
const run = promisify(execFile);
const env: NodeJS.ProcessEnv = Object.fromEntries(
  Object.entries(process.env).filter(
    ([k]) => !/^(npm_|INIT_CWD$|NODE_OPTIONS$|VITEST|TEST$)/i.test(k),
  ),
);

interface Stage {
  readonly name: string | null;
  readonly image: string;
  readonly instructions: Instruction[];
}

const stages = (): Stage[] => {
  const out: { name: string | null; image: string; instructions: Instruction[] }[] = [];
  for (const i of DockerfileParser.parse(TEXT).getInstructions()) {
    if (i.getKeyword() === 'FROM') {
      const args = i.getArguments().map((a) => a.getValue());
      out.push({ name: args[2] ?? null, image: args[0]!, instructions: [] });
    } else out.at(-1)!.instructions.push(i);
  }
  return out;
};

const argsOf = (i: Instruction): string[] => i.getArguments().map((a) => a.getValue());
const envOf = (stage: Stage): Record<string, string> =>
  Object.fromEntries(
    stage.instructions
      .filter((i) => i.getKeyword() === 'ENV')
      .flatMap((i) => (i as Env).getProperties().map((p) => [p.getName(), p.getValue() ?? ''])),
  );
const jsonForm = (i: Instruction, after = ''): string[] =>
  JSON.parse(i.getArgumentsContent()!.slice(after.length).trim()) as string[];

let scratch = '';
afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
}, 120_000);

describe('the Dockerfile', () => {
  it('lints clean, and builds a small non-root image with a health check and a data volume', () => {
    expect(validate(TEXT)).toEqual([]);
    const [build, final] = stages() as [Stage, Stage];
    expect(stages()).toHaveLength(2);
    expect(build.name).toBe('build');
    expect(final.image).toMatch(/^node:20-(alpine|slim)$/);
    const last = (kw: string) => final.instructions.filter((i) => i.getKeyword() === kw).at(-1);
    expect(argsOf(last('USER')!)).toEqual(['node']);
    const settings = envOf(final);
    expect(settings.PROVISIM_HOST).toBe('0.0.0.0');
    // A public address needs a /sim token (or no /sim): one is made at start unless one is given.
    expect(settings.PROVISIM_SIM_TOKEN).toBe('auto');
    expect(argsOf(last('VOLUME')!)).toEqual([dirname(settings.PROVISIM_DATA!)]);
    expect(argsOf(last('EXPOSE')!)).toEqual([settings.PROVISIM_PORT]);
    expect(jsonForm(last('HEALTHCHECK')!, 'CMD').join(' ')).toContain('/sim/health');
    expect(jsonForm(last('CMD')!).join(' ')).toContain(
      '${PROVISIM_SIM_TOKEN:+--sim-token "$PROVISIM_SIM_TOKEN"}',
    );
    // Nothing the final image copies from the context: it takes only the build stage's output.
    for (const copy of final.instructions.filter((i) => i.getKeyword() === 'COPY'))
      expect(
        (copy as Copy)
          .getFlags()
          .find((f) => f.getName() === 'from')
          ?.getValue(),
      ).toBe('build');
  });

  it('is what compose.yaml runs: its settings, port and volume are the image’s', () => {
    const compose = parse(readFileSync(join(ROOT, 'compose.yaml'), 'utf8')) as {
      services: Record<
        string,
        { build: string; ports: string[]; environment: Record<string, string>; volumes: string[] }
      >;
      volumes: Record<string, unknown>;
    };
    const settings = envOf(stages()[1]!);
    const service = compose.services.provisim!;
    expect(service.build).toBe('.');
    for (const name of Object.keys(service.environment)) expect(settings).toHaveProperty(name);
    expect(service.ports).toEqual([
      `127.0.0.1:${settings.PROVISIM_PORT}:${settings.PROVISIM_PORT}`,
    ]);
    const [volume, target] = service.volumes[0]!.split(':');
    expect(target).toBe(dirname(settings.PROVISIM_DATA!));
    expect(compose.volumes).toHaveProperty(volume!);
  });

  it(
    'runs: the build stage compiles and prunes, the image serves with its CMD, and HEALTHCHECK passes',
    async () => {
      scratch = mkdtempSync(join(tmpdir(), 'provisim-docker-'));
      const ignored = readFileSync(join(ROOT, '.dockerignore'), 'utf8')
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith('#'));
      const roots = new Map<string, string>();
      for (const stage of stages()) {
        const root = join(scratch, stage.name ?? 'final');
        roots.set(stage.name ?? 'final', root);
        let workdir = root;
        const stageEnv = envOf(stage);
        for (const i of stage.instructions) {
          const kw = i.getKeyword();
          if (kw === 'WORKDIR') {
            workdir = join(root, argsOf(i)[0]!);
            mkdirSync(workdir, { recursive: true });
          } else if (kw === 'COPY') {
            const flags = (i as Copy).getFlags();
            const from = flags.find((f) => f.getName() === 'from')?.getValue() ?? undefined;
            const paths = argsOf(i);
            const dest = paths.pop()!;
            for (const src of paths) {
              if (!from) expect(ignored, `${src} is in .dockerignore`).not.toContain(src);
              const source = from ? join(roots.get(from)!, src) : join(ROOT, src);
              const into = isAbsolute(dest) ? join(root, dest) : join(workdir, dest);
              const target = dest.endsWith('/') ? join(into, src.split('/').pop()!) : into;
              mkdirSync(dirname(target), { recursive: true });
              cpSync(source, target, {
                recursive: true,
                filter: (f) => from !== undefined || !f.includes('/node_modules'),
              });
            }
          } else if (kw === 'RUN') {
            await run('/bin/sh', ['-c', i.getArgumentsContent()!], {
              cwd: workdir,
              env: { ...env, ...stageEnv },
              timeout: STEP_TIMEOUT_MS,
              maxBuffer: 64 * 1024 * 1024,
            });
          }
        }
      }
      const final = stages()[1]!;
      const app = join(roots.get('final')!, 'app');
      // Compiled JavaScript and run-time dependencies only.
      expect(existsSync(join(app, 'dist/cli/main.js'))).toBe(true);
      expect(existsSync(join(app, 'dist/cli-bundle/main.js'))).toBe(true);
      expect(existsSync(join(app, 'simulator'))).toBe(false);
      expect(existsSync(join(app, 'node_modules/hono'))).toBe(true);
      for (const dev of ['typescript', 'tsx', 'vitest', 'msw'])
        expect(existsSync(join(app, 'node_modules', dev)), dev).toBe(false);

      // `docker run -e …`: loopback and a free port here, the data file in the stand-in volume.
      const data = join(roots.get('final')!, envOf(final).PROVISIM_DATA!);
      const runEnv = {
        ...env,
        ...envOf(final),
        PROVISIM_HOST: '127.0.0.1',
        PROVISIM_PORT: '0',
        PROVISIM_DATA: data,
        PROVISIM_PUBLIC_URL: 'https://sim.example.com',
      };
      const [cmd, ...cmdArgs] = jsonForm(final.instructions.find((i) => i.getKeyword() === 'CMD')!);
      const child = spawn(cmd!, cmdArgs, {
        cwd: app,
        env: runEnv,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      try {
        let out = '';
        const url = await new Promise<string>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`no address in 60 s:\n${out}`)), 60_000);
          const read = (chunk: Buffer) => {
            out += chunk.toString();
            const m = /provisim listening on (http:\/\/\S+)/.exec(out);
            if (m && /sim token: \S+/.test(out)) resolve((clearTimeout(timer), m[1]!));
          };
          child.stdout.on('data', read);
          child.stderr.on('data', read);
          void exited.then((code) => reject(new Error(`CMD exited with ${code}:\n${out}`)));
        });
        // PROVISIM_SIM_TOKEN=auto: a token made at start and printed; /sim needs it.
        const token = /sim token: (\S+)/.exec(out)![1]!;
        const authorization = `Bearer ${token}`;
        expect((await fetch(`${url}/sim/world`)).status).toBe(401);
        const world = await (
          await fetch(`${url}/sim/world`, { headers: { authorization } })
        ).json();
        expect(world.base).toBe('https://sim.example.com');
        const advanced = await fetch(`${url}/sim/clock`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization },
          body: '{"advance":"P1D"}',
        });
        expect(advanced.status).toBe(200);
        expect(existsSync(data)).toBe(true);
        const [hc, ...hcArgs] = jsonForm(
          final.instructions.find((i) => i.getKeyword() === 'HEALTHCHECK')!,
          'CMD',
        );
        const port = new URL(url).port;
        const health = () =>
          run(hc!, hcArgs, { cwd: app, env: { ...runEnv, PROVISIM_PORT: port }, timeout: 30_000 })
            .then(() => 0)
            .catch((e: { code?: number }) => e.code ?? -1);
        expect(await health()).toBe(0);
        child.kill('SIGTERM');
        expect(await exited).toBe(0);
        // Once the server is gone, the health check says so.
        expect(await health()).toBe(1);
      } finally {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }
    },
    STEP_TIMEOUT_MS * 2,
  );
});
