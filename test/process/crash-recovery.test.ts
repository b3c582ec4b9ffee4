import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const START_TIMEOUT_MS = 20_000;
const REQUEST_TIMEOUT_MS = 10_000;
/** Kills, each followed by a restart that checks every write acknowledged so far. */
const KILLS = Number(process.env.CRASH_KILLS ?? 20);
/** Acknowledged writes before each kill: enough for compactions (every 50+ journal entries) mid-burst. */
const KILL_AFTER_ACKS = 120;
const IN_FLIGHT = 8;
/** A bound on requests sent, should the kill never come. */
const MAX_SENT = 3_000;

interface Server {
  readonly child: ChildProcess;
  readonly url: string;
}

const children = new Set<ChildProcess>();

const exited = (child: ChildProcess): Promise<void> =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));

/** Starts `provisim serve` on a free port and resolves once it says where it listens. */
const startServer = (data: string): Promise<Server> => {
  const child = spawn(
    process.execPath,
    [
      'bin/provisim.mjs',
      'serve',
      '--port',
      '0',
      '--host',
      '127.0.0.1',
      '--data',
      data,
      '--clock',
      'frozen',
      '--compact-after',
      '50',
    ],
    { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  children.add(child);
  let stdout = '';
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  return new Promise<Server>((resolve, reject) => {
    const timer = setTimeout(
      () => fail(`did not say where it listens within ${START_TIMEOUT_MS} ms`),
      START_TIMEOUT_MS,
    );
    const fail = (why: string): void => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`provisim serve ${why}.\nstdout:\n${stdout}\nstderr:\n${stderr}`));
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null): void =>
      fail(`exited early (code ${code}, signal ${signal})`);
    child.once('exit', onExit);
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const m = /^provisim listening on (http:\/\/127\.0\.0\.1:\d+)$/m.exec(stdout);
      if (m?.[1] !== undefined) {
        clearTimeout(timer);
        child.off('exit', onExit);
        resolve({ child, url: m[1] });
      }
    });
  });
};

interface Burst {
  /** Ids of the faults the server answered 201 for. */
  readonly acknowledged: string[];
  readonly sent: number;
  /** Requests that were still unanswered when the server was killed. */
  readonly inFlightAtKill: number;
}

/**
 * Keeps `IN_FLIGHT` fault-creating requests going, and kills the server with SIGKILL as soon as
 * `KILL_AFTER_ACKS` are acknowledged, while the others are still waiting for their answers.
 */
const burstThenKill = async (server: Server, firstProbe: number): Promise<Burst> => {
  const acknowledged: string[] = [];
  let sent = 0;
  let inFlight = 0;
  let inFlightAtKill = -1;
  const worker = async (): Promise<void> => {
    while (inFlightAtKill < 0 && sent < MAX_SENT) {
      const n = sent;
      sent += 1;
      inFlight += 1;
      try {
        const res = await fetch(`${server.url}/sim/faults`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ path: `/probe/${firstProbe + n}`, status: 503, times: 1 }),
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
        const body = (await res.json()) as { id?: unknown };
        if (res.status !== 201 || typeof body.id !== 'string')
          throw new Error(`POST /sim/faults answered ${res.status}: ${JSON.stringify(body)}`);
        acknowledged.push(body.id);
        if (acknowledged.length >= KILL_AFTER_ACKS && inFlightAtKill < 0) {
          inFlightAtKill = inFlight - 1;
          server.child.kill('SIGKILL');
        }
      } catch (error) {
        // After the kill, unanswered requests fail; before it, any failure is the server's fault.
        if (inFlightAtKill < 0) throw error;
      } finally {
        inFlight -= 1;
      }
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  await exited(server.child);
  return { acknowledged, sent, inFlightAtKill };
};

describe('provisim serve, killed with SIGKILL in the middle of a burst of writes', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'provisim-crash-'));
  });

  afterEach(async () => {
    for (const child of children) {
      child.kill('SIGKILL');
      await exited(child);
    }
    children.clear();
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    `keeps every acknowledged write across ${KILLS} kills and restarts, with a snapshot that parses`,
    { timeout: KILLS * 20_000 },
    async () => {
      const data = join(dir, 'world.json');
      const acknowledged: string[] = [];
      let sent = 0;
      let server = await startServer(data);
      for (let kill = 1; kill <= KILLS; kill += 1) {
        const burst = await burstThenKill(server, sent);
        expect(server.child.signalCode).toBe('SIGKILL');
        expect(burst.acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
        // The kill came while other writes were unanswered.
        expect(burst.inFlightAtKill).toBeGreaterThan(0);
        acknowledged.push(...burst.acknowledged);
        sent += burst.sent;
        // The snapshot on disk is whole JSON (compactions ran during the bursts).
        expect(() => JSON.parse(readFileSync(data, 'utf8')) as unknown).not.toThrow();

        server = await startServer(data);
        const res = await fetch(`${server.url}/sim/faults`, {
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
        expect(res.status).toBe(200);
        const { items } = (await res.json()) as {
          items: { id: string; path: string; status: number }[];
        };
        const present = new Set(items.map((f) => f.id));
        const missing = acknowledged.filter((id) => !present.has(id));
        expect(missing, `after kill ${kill}`).toEqual([]);
        // Nothing appears that was never sent, and no fault appears twice.
        expect(items.length).toBeLessThanOrEqual(sent);
        expect(present.size).toBe(items.length);
        expect(items.every((f) => /^\/probe\/\d+$/.test(f.path) && f.status === 503)).toBe(true);
      }
      const snapshot = JSON.parse(readFileSync(data, 'utf8')) as {
        provisim?: string;
        collections?: Record<string, unknown[]>;
      };
      expect(snapshot.provisim).toBe('world-snapshot');
      expect(snapshot.collections?.['faults']?.length ?? 0).toBeGreaterThan(0);
    },
  );
});
