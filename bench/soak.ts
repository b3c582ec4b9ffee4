// `npm run soak`: a real `provisim serve` under 50 connections for 10 minutes (--minutes,
// --connections, --grow): first a world that grows (customers and their users), then steady
// traffic (reads and updates that add nothing). Every minute it prints throughput, latency,
// answers that were not 2xx, connection errors and the server's RSS; at the end, RSS growth over
// the steady minutes. Goals: 0 errors, < 10% RSS growth once steady. Loopback only; it stops itself.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    grow: { type: 'string' },
    warmup: { type: 'string', default: '15' },
  },
});
/** Seconds of reads before the measured run, so a cold server's first seconds are not counted. */
const WARMUP = Number(values.warmup);
const MINUTES = Number(values.minutes);
const CONNECTIONS = Number(values.connections);
/** Minutes of growth before the steady part (default: the first 30%). */
const GROW =
  values.grow !== undefined ? Number(values.grow) : Math.max(1, Math.round(MINUTES * 0.3));
if (!(MINUTES >= 2) || !(CONNECTIONS >= 1) || !(GROW >= 1 && GROW < MINUTES))
  throw new Error('--minutes must be at least 2, --connections at least 1, --grow within them');

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ADMIN = { authorization: 'Bearer acme-admin', 'content-type': 'application/json' };
const ADDRESS = { addressLine1: '1 Soak Street', city: 'Austin', country: 'US' };

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/** The server's resident set, in MiB, from /proc (Linux). */
const rssMiB = (pid: number): number => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
};

const dir = mkdtempSync(join(tmpdir(), 'provisim-soak-'));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const server = spawn(
  process.execPath,
  [
    'bin/provisim.mjs',
    'serve',
    '--port',
    String(port),
    '--data',
    join(dir, 'world.json'),
    '--quiet',
  ],
  { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
);
const stop = () => {
  server.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
};
process.once('SIGINT', () => (stop(), process.exit(130)));

const call = async (method: string, path: string, body?: unknown) => {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: ADMIN,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
};
for (let i = 0; ; i += 1) {
  try {
    await call('GET', '/sim/health');
    break;
  } catch (error) {
    if (i > 300) throw error;
    await new Promise((r) => setTimeout(r, 100));
  }
}
// Provisioning steps take PT5M of virtual time: at 600× they take half a second.
await call('POST', '/sim/clock', { mode: 'running', speed: 600 });
const world = await call('GET', '/sim/world');
const acme = world.partners[0];
const provisioningId = acme.templates.find((t: { offer: string }) => t.offer === 'wholesale')
  .provisioningId as string;
const soakTemplate = (
  await call('POST', '/partner-hub/api/templates', {
    name: 'Soak',
    offer: 'wholesale',
    country: 'US',
    language: 'en',
    subscriptionId: acme.subscriptions[0].id,
    authMethod: 'webex',
  })
).id as string;

// Warm-up: the same connections, reads only, not counted (but told).
const warm = await autocannon({
  url: `${base}/v1/wholesale/customers?max=100`,
  connections: CONNECTIONS,
  duration: WARMUP,
  timeout: 10,
  headers: { ...ADMIN },
});
console.log(
  `warm-up: ${WARMUP} s of reads, ${warm.requests.total} requests, ${warm.errors + warm.timeouts} errors, ${warm.non2xx} not 2xx (not counted)`,
);

/** Customers made so far: their ids, headquarters and when users may be added (wall ms). */
const customers: { id: string; hq: string; readyAt: number }[] = [];
let n = 0;
const started = Date.now();
const growing = () => Date.now() - started < GROW * 60_000;
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)]!;
const ready = () => customers.filter((c) => c.readyAt < Date.now());

type Ctx = { kind?: string; what?: string };
/** The first answers that were not 2xx are shown, to tell why. */
let shown = 0;
const next = (ctx: Ctx): { method: 'GET' | 'POST' | 'PATCH'; path: string; body?: string } => {
  n += 1;
  const r = Math.random();
  const provisioned = ready();
  if (growing()) {
    if (r < 0.3 || provisioned.length === 0) {
      ctx.kind = 'customer';
      return {
        method: 'POST',
        path: '/partner-hub/api/customers',
        body: JSON.stringify({
          companyName: `Soak ${n}`,
          adminEmail: `admin${n}@soak.example`,
          provisioningId,
          packages: ['webex_meetings'],
          headquarters: ADDRESS,
          supportedLocationAttested: true,
        }),
      };
    }
    if (r < 0.65) {
      const c = pick(provisioned);
      return {
        method: 'POST',
        path: `/partner-hub/api/customers/${c.id}/users`,
        body: JSON.stringify({
          users: [
            {
              firstName: 'Soak',
              lastName: `User ${n}`,
              email: `user${n}@soak.example`,
              package: 'webex_meetings',
              locationId: c.hq,
            },
          ],
        }),
      };
    }
  }
  if (r < 0.8 && provisioned.length > 0)
    return { method: 'GET', path: `/partner-hub/api/customers/${pick(provisioned).id}/users` };
  if (r < 0.85)
    return {
      method: 'PATCH',
      path: `/partner-hub/api/templates/${soakTemplate}`,
      body: JSON.stringify({ commonSettings: { tick: n } }),
    };
  if (r < 0.9) return { method: 'GET', path: '/sim/clock' };
  return { method: 'GET', path: '/v1/wholesale/customers?max=100' };
};

interface Minute {
  requests: number;
  ok: number;
  notOk: Map<number, number>;
  errors: number;
  times: number[];
}
const fresh = (): Minute => ({ requests: 0, ok: 0, notOk: new Map(), errors: 0, times: [] });
let minute = fresh();
const rows: { minute: number; phase: string; rss: number; m: Minute; seconds: number }[] = [];

let finished: () => void = () => undefined;
const done = new Promise<void>((resolve) => (finished = resolve));
const instance = autocannon(
  {
    url: base,
    connections: CONNECTIONS,
    duration: MINUTES * 60,
    timeout: 10,
    requests: [
      {
        setupRequest: (req, context) => {
          const r = next(context as Ctx);
          (context as Ctx).what = `${r.method} ${r.path}`;
          return { ...req, ...r, headers: { ...ADMIN } };
        },
        onResponse: (status, body, context) => {
          const ctx = context as Ctx;
          if ((status < 200 || status >= 300) && shown < 5) {
            shown += 1;
            console.log(`  ${status} to ${ctx.what ?? '?'}: ${body.slice(0, 300)}`);
          }
          if (ctx.kind === 'customer' && status === 201) {
            const c = JSON.parse(body) as { id: string; headquartersLocationId: string };
            // Provisioned half a second of wall time after it was made: users may come in 2 s.
            customers.push({ id: c.id, hq: c.headquartersLocationId, readyAt: Date.now() + 2_000 });
          }
          delete ctx.kind;
        },
      },
    ],
  },
  () => finished(),
);
instance.on('response', ((_client: unknown, status: number, _bytes: number, ms: number) => {
  minute.requests += 1;
  minute.times.push(ms);
  if (status >= 200 && status < 300) minute.ok += 1;
  else minute.notOk.set(status, (minute.notOk.get(status) ?? 0) + 1);
}) as never);
instance.on('reqError', (error: Error) => {
  minute.errors += 1;
  if (shown < 10) {
    shown += 1;
    console.log(
      `  request error at ${((Date.now() - started) / 1000).toFixed(1)} s: ${error.message}`,
    );
  }
});

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! : 0;
};
console.log(
  `provisim soak: ${MINUTES} min at ${CONNECTIONS} connections against ${base} (growing for ${GROW} min, then steady)`,
);
console.log('min  phase    req/s  p50 ms  p99 ms  non-2xx  errors  RSS MiB  customers');
const rssAtStart = rssMiB(server.pid!);
let minuteStarted = Date.now();
/** Closes the minute so far: a row of the table (the last one may be short of 60 s). */
const closeMinute = () => {
  const m = minute;
  const seconds = Math.max((Date.now() - minuteStarted) / 1000, 1);
  minute = fresh();
  minuteStarted = Date.now();
  const i = rows.length + 1;
  const phase = i <= GROW ? 'growing' : 'steady';
  const rss = rssMiB(server.pid!);
  rows.push({ minute: i, phase, rss, m, seconds });
  const notOk = [...m.notOk.values()].reduce((a, b) => a + b, 0);
  console.log(
    `${String(i).padStart(3)}  ${phase.padEnd(7)} ${(m.requests / seconds).toFixed(0).padStart(6)}  ${pct(m.times, 50).toFixed(0).padStart(6)}  ${pct(m.times, 99).toFixed(0).padStart(6)}  ${String(notOk).padStart(7)}  ${String(m.errors).padStart(6)}  ${rss.toFixed(1).padStart(7)}  ${String(customers.length).padStart(9)}${notOk ? `  (${[...m.notOk].map(([s, c]) => `${s}×${c}`).join(' ')})` : ''}`,
  );
};
const timer = setInterval(closeMinute, 60_000);

await done;
clearInterval(timer);
// The run ends about when the last tick comes: what came after the last tick is counted too.
if (minute.requests > 0 || minute.errors > 0) closeMinute();
const steady = rows.filter((r) => r.phase === 'steady');
const first = steady[0];
const last = steady.at(-1);
const errors = rows.reduce(
  (a, r) => a + r.m.errors + [...r.m.notOk.values()].reduce((x, y) => x + y, 0),
  0,
);
const growth = first && last ? (last.rss - first.rss) / first.rss : NaN;
console.log(
  `RSS ${rssAtStart.toFixed(1)} MiB at start, ${first?.rss.toFixed(1)} MiB after the first steady minute, ${last?.rss.toFixed(1)} MiB at the end: ${(growth * 100).toFixed(1)}% over the steady minutes (goal < 10%)`,
);
console.log(
  `requests ${rows.reduce((a, r) => a + r.m.requests, 0)}, errors and non-2xx answers ${errors} (goal 0), customers ${customers.length}`,
);
console.log(
  `SOAK_JSON ${JSON.stringify({ minutes: MINUTES, connections: CONNECTIONS, grow: GROW, rss: rows.map((r) => Number(r.rss.toFixed(1))), reqPerSec: rows.map((r) => Math.round(r.m.requests / r.seconds)), errors, growth })}`,
);
stop();
process.exit(errors === 0 && growth < 0.1 ? 0 : 1);
