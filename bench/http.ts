// `npm run bench`, over HTTP: the simulator (`node bin/provisim.mjs serve`, compiled JavaScript) and
// a bare Hono server (bench/bare-server.mjs), each in its own process on loopback, loaded by
// autocannon from this process. Also the time from spawn to the first 200 of each.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { importCustomer } from './users-import.ts';

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });

interface Server {
  readonly base: string;
  readonly child: ChildProcess;
  /** Spawn to the first 200 of `probe`, in ms. */
  readonly startMs: number;
}

const start = async (args: string[], port: number, probe: string): Promise<Server> => {
  const t = performance.now();
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  const base = `http://127.0.0.1:${port}`;
  const deadline = t + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited (${child.exitCode})`);
    try {
      const res = await fetch(`${base}${probe}`);
      await res.arrayBuffer();
      if (res.status === 200) return { base, child, startMs: performance.now() - t };
    } catch {
      // not listening yet
    }
    if (performance.now() > deadline) throw new Error(`${args.join(' ')}: no 200 in 30 s`);
    await new Promise((r) => setTimeout(r, 5));
  }
};

const stop = (s: Server): Promise<void> =>
  new Promise((resolve) => {
    if (s.child.exitCode !== null) return resolve();
    s.child.once('exit', () => resolve());
    s.child.kill('SIGTERM');
  });

const startBare = async (): Promise<Server> => {
  const port = await freePort();
  return start(['bench/bare-server.mjs', String(port)], port, '/x');
};

const startSim = async (data: string): Promise<Server> => {
  const port = await freePort();
  return start(
    ['bin/provisim.mjs', 'serve', '--port', String(port), '--data', data],
    port,
    '/sim/health',
  );
};

/** Seconds of the same load, not counted, before each measured one (both servers alike). */
const WARM_SECONDS = 1;

/**
 * Requests per second over `seconds`, 10 connections, after `WARM_SECONDS` of the same requests
 * that do not count: a process just started answers its first requests before the JIT has
 * compiled their path. Throws on any non-2xx answer.
 */
const load = async (
  url: string,
  seconds: number,
  opts: Partial<autocannon.Options> = {},
): Promise<number> => {
  let rate = 0;
  for (const duration of [WARM_SECONDS, seconds]) {
    const r = await autocannon({ url, connections: 10, duration, ...opts });
    if (r.non2xx > 0 || r.errors > 0)
      throw new Error(`${url}: ${r.non2xx} non-2xx answers, ${r.errors} errors`);
    rate = r.requests.average;
  }
  return rate;
};

const expectOk = async (res: Response, what: string): Promise<Record<string, unknown>> => {
  const body = (await res.json()) as Record<string, unknown>;
  if (!res.ok) throw new Error(`${what}: ${res.status} ${JSON.stringify(body)}`);
  return body;
};

/** A world made with `POST /sim/worlds`, a provisioned customer in it and one subscriber. */
const worldWithSubscriber = async (
  root: string,
): Promise<{ base: string; customerId: string; subscriberId: string }> => {
  const json = { authorization: 'Bearer acme-admin', 'content-type': 'application/json' };
  const { base } = (await expectOk(
    await fetch(`${root}/sim/worlds`, { method: 'POST' }),
    'POST /sim/worlds',
  )) as { base: string };
  const world = (await expectOk(await fetch(`${base}/sim/world`), 'GET /sim/world')) as {
    partners: { templates: { offer: string; provisioningId: string }[] }[];
  };
  const pid = world.partners[0]?.templates.find((t) => t.offer === 'wholesale')?.provisioningId;
  if (!pid) throw new Error('the new world has no wholesale template');
  const customer = await expectOk(
    await fetch(`${base}/partner-hub/api/customers`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify(importCustomer(pid)),
    }),
    'POST /partner-hub/api/customers',
  );
  await expectOk(
    await fetch(`${base}/sim/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advance: 'PT1H' }),
    }),
    'POST /sim/clock',
  );
  const customerId = String(customer.id);
  const subscriber = await expectOk(
    await fetch(`${base}/v1/wholesale/subscribers`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({
        customerId,
        email: 'first@world.example',
        packages: ['webex_meetings'],
        provisioningParameters: { firstName: 'World', lastName: 'User' },
      }),
    }),
    'POST /v1/wholesale/subscribers',
  );
  return { base, customerId, subscriberId: String(subscriber.id) };
};

export interface HttpFigures {
  readonly bareGet: number;
  readonly simGet: number;
  readonly barePost: number;
  readonly simPost: number;
  /** The same GET and POST in a world made with `POST /sim/worlds` (in memory), under `/w/{id}`. */
  readonly worldGet: number;
  readonly worldPost: number;
  readonly bareStartMs: number;
  readonly simStartMs: number;
}

/** Cold starts of each server measured besides the load rounds' own. */
const START_ROUNDS = 4;

export const benchHttp = async (
  seconds: number,
  rounds: number,
  seedWorld: (file: string) => Promise<void>,
): Promise<HttpFigures> => {
  const dir = mkdtempSync(join(tmpdir(), 'provisim-http-'));
  const data = join(dir, 'world.json');
  await seedWorld(data);
  const best = { bareGet: 0, simGet: 0, barePost: 0, simPost: 0, worldGet: 0, worldPost: 0 };
  const starts = { bare: Infinity, sim: Infinity };
  const admin = { authorization: 'Bearer acme-admin' };
  let posted = 0;
  try {
    // Start-up alone, a cold process of each in turn, more often than the loads (it is short and
    // noisy here); the best of each counts, beside the best of the load rounds' own starts.
    for (let i = 0; i < START_ROUNDS; i += 1) {
      const bare = await startBare();
      starts.bare = Math.min(starts.bare, bare.startMs);
      await stop(bare);
      const sim = await startSim(data);
      starts.sim = Math.min(starts.sim, sim.startMs);
      await stop(sim);
    }
    for (let round = 0; round < rounds; round += 1) {
      // Start-up is measured on a cold process each round; the best round counts.
      const bare = await startBare();
      starts.bare = Math.min(starts.bare, bare.startMs);
      best.bareGet = Math.max(best.bareGet, await load(`${bare.base}/x`, seconds));
      best.barePost = Math.max(
        best.barePost,
        await load(`${bare.base}/x`, seconds, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'a@b.example', packages: ['webex_meetings'] }),
        }),
      );
      await stop(bare);

      const sim = await startSim(data);
      starts.sim = Math.min(starts.sim, sim.startMs);
      const listed = (await (
        await fetch(`${sim.base}/v1/wholesale/subscribers?max=1`, { headers: admin })
      ).json()) as { items: { id: string; customerId: string }[] };
      const one = listed.items[0];
      if (!one) throw new Error('the seeded world has no subscriber of Acme');
      best.simGet = Math.max(
        best.simGet,
        await load(`${sim.base}/v1/wholesale/subscribers/${one.id}`, seconds, { headers: admin }),
      );
      const postSubscriber = (base: string, customerId: string) =>
        load(`${base}/v1/wholesale/subscribers`, seconds, {
          method: 'POST',
          headers: { ...admin, 'content-type': 'application/json' },
          requests: [
            {
              setupRequest: (req) => {
                posted += 1;
                return {
                  ...req,
                  body: JSON.stringify({
                    customerId,
                    email: `bench-${round}-${posted}@http.example`,
                    packages: ['webex_meetings'],
                    provisioningParameters: { firstName: 'Bench', lastName: 'User' },
                  }),
                };
              },
            },
          ],
        });
      best.simPost = Math.max(best.simPost, await postSubscriber(sim.base, one.customerId));
      // The same in a world of its own under /w/{id}, as a test suite running in parallel uses.
      const world = await worldWithSubscriber(sim.base);
      best.worldGet = Math.max(
        best.worldGet,
        await load(`${world.base}/v1/wholesale/subscribers/${world.subscriberId}`, seconds, {
          headers: admin,
        }),
      );
      best.worldPost = Math.max(best.worldPost, await postSubscriber(world.base, world.customerId));
      await stop(sim);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { ...best, bareStartMs: starts.bare, simStartMs: starts.sim };
};

/** The peak resident set of a process, in MB (`VmHWM`, Linux), or undefined where it cannot be read. */
const peakRssOf = (pid: number | undefined): number | undefined => {
  try {
    const m = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
};

export interface ServedImportFigures {
  /** The server's peak RSS (MB) before the import: started, one customer made. */
  readonly beforeMb: number;
  /** The server's peak RSS (MB) once the import is answered. */
  readonly peakMb: number;
  readonly importMs: number;
}

/**
 * The users CSV import as a user runs it: `provisim serve` (compiled, in memory) takes the file
 * over HTTP. Its peak RSS is what importing that many rows costs a server (the in-process figure
 * also counts the bench's own loader, generator and parsed copy). Undefined off Linux.
 */
export const benchServedImport = async (csv: string): Promise<ServedImportFigures | undefined> => {
  const sim = await startSim(':memory:');
  try {
    const admin = { authorization: 'Bearer acme-admin' };
    const json = { ...admin, 'content-type': 'application/json' };
    const world = (await (await fetch(`${sim.base}/sim/world`)).json()) as {
      partners: { templates: { offer: string; provisioningId: string }[] }[];
    };
    const provisioningId = world.partners[0]!.templates.find(
      (t) => t.offer === 'wholesale',
    )!.provisioningId;
    const made = await fetch(`${sim.base}/partner-hub/api/customers`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify(importCustomer(provisioningId)),
    });
    const id = ((await made.json()) as { id: string }).id;
    await fetch(`${sim.base}/sim/clock`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ advance: 'PT5M' }),
    });
    const beforeMb = peakRssOf(sim.child.pid);
    if (beforeMb === undefined) return undefined;
    const t = performance.now();
    const res = await fetch(`${sim.base}/partner-hub/api/customers/${id}/users/csv`, {
      method: 'POST',
      headers: { ...admin, 'content-type': 'text/csv' },
      body: csv,
    });
    const report = (await res.json()) as { summary?: { created: number } };
    const importMs = performance.now() - t;
    if (res.status !== 200 || !report.summary?.created)
      throw new Error(`the served import answered ${res.status}: ${JSON.stringify(report)}`);
    return { beforeMb, peakMb: peakRssOf(sim.child.pid) ?? beforeMb, importMs };
  } finally {
    await stop(sim);
  }
};
