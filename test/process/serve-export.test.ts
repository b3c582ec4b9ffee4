import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestWorld } from '../../simulator/adapters/testing.ts';
import { customerBody } from '../fixtures/wholesale.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const START_TIMEOUT_MS = 20_000;

const children = new Set<ChildProcess>();

interface Run {
  readonly child: ChildProcess;
  /** Resolves with where it listens, or rejects with what it printed when it exits first. */
  readonly listening: Promise<string>;
  readonly output: () => string;
}

/** `provisim serve --data FILE` on a free port of 127.0.0.1. */
const serve = (data: string): Run => {
  const child = spawn(
    process.execPath,
    ['bin/provisim.mjs', 'serve', '--port', '0', '--host', '127.0.0.1', '--data', data],
    { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  children.add(child);
  let out = '';
  child.stderr?.setEncoding('utf8').on('data', (c: string) => (out += c));
  const listening = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no answer in time:\n${out}`)),
      START_TIMEOUT_MS,
    );
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}:\n${out}`));
    });
    child.stdout?.setEncoding('utf8').on('data', (c: string) => {
      out += c;
      const m = /^provisim listening on (http:\/\/127\.0\.0\.1:\d+)$/m.exec(out);
      // The `data:` line follows; it says what the file was.
      if (m?.[1] && /^data: .*$/m.test(out)) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
  });
  listening.catch(() => undefined);
  return { child, listening, output: () => out };
};

const exited = (child: ChildProcess): Promise<number | null> =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve(child.exitCode)
    : new Promise((resolve) => child.once('exit', (code) => resolve(code)));

describe('provisim serve --data with an exported world (api.md, Snapshots)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'provisim-export-'));
  });
  afterEach(async () => {
    for (const child of children) {
      child.kill('SIGKILL');
      await exited(child);
    }
    children.clear();
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts from the export exactly, pending steps included, and leaves the file as it was', async () => {
    const w = await createTestWorld({ seed: 5 });
    const pid = w.world.partners[0]!.templates.find((t) => t.offer === 'wholesale')!.provisioningId;
    const created = await w.call('POST', '/v1/wholesale/customers', {
      token: 'acme-admin',
      json: customerBody(pid),
    });
    expect(created.status).toBe(202);
    const exported = (await w.call('GET', '/sim/export')).text;
    const file = join(dir, 'world-export.json');
    writeFileSync(file, exported);

    const run = serve(file);
    const url = await run.listening;
    expect(run.output()).toContain('an exported world');
    expect(await (await fetch(`${url}/sim/export`)).text()).toBe(exported);
    const auth = { headers: { authorization: 'Bearer acme-admin' } };
    const id = created.headers.get('location')!.split('/').pop()!;
    const customer = `${url}/v1/wholesale/customers/${id}`;
    expect((await (await fetch(customer, auth)).json()).status).toBe('provisioning');
    await fetch(`${url}/sim/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advance: 'PT10M' }),
    });
    expect((await (await fetch(customer, auth)).json()).status).toBe('provisioned');
    expect(readFileSync(file, 'utf8')).toBe(exported);
  });

  it('refuses an export of another version, naming the file and the problem', async () => {
    const w = await createTestWorld();
    const doc = (await w.call('GET', '/sim/export')).body;
    const file = join(dir, 'future.json');
    const text = JSON.stringify({ ...doc, version: 2 });
    writeFileSync(file, text);
    const run = serve(file);
    await expect(run.listening).rejects.toThrow(
      /future\.json: not a world .*version: this simulator reads version 1/,
    );
    expect(await exited(run.child)).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('writes a large export a piece at a time: other requests are answered while it streams (issue 13)', async () => {
    const data = join(dir, 'large.json');
    execFileSync(
      process.execPath,
      ['bin/provisim.mjs', 'seed', '--customers', '200', '--users', '200', '--data', data],
      { cwd: ROOT, stdio: 'ignore' },
    );
    const run = serve(data);
    const base = await run.listening;
    const res = await fetch(`${base}/sim/export`);
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    let bytes = 0;
    let healthAt: number | undefined;
    let health: Promise<Response> | undefined;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.length;
      // Once the export is under way, another request: it is answered before the export ends.
      health ??= fetch(`${base}/sim/health`).then((r) => ((healthAt ??= bytes), r));
    }
    expect((await health!).status).toBe(200);
    expect(bytes).toBeGreaterThan(50_000_000);
    expect(healthAt).toBeLessThan(bytes / 2);
  }, 60_000);
});
