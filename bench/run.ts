// `npm run bench`: how fast the durable store takes writes (empty and with 100,000 objects), and how
// the simulator's read routes compare with a bare Hono app. Everything is measured in this one run;
// see bench/README.md for how to read the figures.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Hono } from 'hono';
import type { Change } from '../simulator/core/kernel/store-port.ts';
import { createApp } from '../simulator/http/create-app.ts';
import { DurableStore } from '../simulator/store/durable-store.ts';
import { createMemoryStore } from '../simulator/store/memory-store.ts';
import { benchUsersImport } from './users-import.ts';

const WRITES = 20_000;
const WARMUP_WRITES = 2_000;
const PREFILL = 100_000;
const PREFILL_BATCH = 1_000;
const REQUESTS = 10_000;
const WARMUP_REQUESTS = 2_000;
const ROUNDS = 3;

/** One small object, like a customer record, as a put. */
const person = (prefix: string, n: number): Change => {
  const value = { id: `${prefix}${n}`, name: `Person ${n}`, email: `person${n}@example.com`, n };
  return { op: 'put', collection: 'people', value };
};

interface WriteRun {
  readonly writes: number;
  readonly ms: number;
  readonly perSecond: number;
  /** Compactions started during the run (the journal's entry count fell back). */
  readonly compactions: number;
  /** Time inside the `apply` calls that started a compaction, plus the final flush. */
  readonly compactionMs: number;
}

/** Applies `count` batches of one put each, then waits for a running compaction; all of it timed. */
const timeWrites = async (
  store: DurableStore,
  prefix: string,
  count: number,
): Promise<WriteRun> => {
  let compactions = 0;
  let compactionMs = 0;
  const start = performance.now();
  for (let i = 0; i < count; i += 1) {
    const before = store.journalEntries;
    const t = performance.now();
    store.apply([person(prefix, i)]);
    if (store.journalEntries !== before + 1) {
      compactions += 1;
      compactionMs += performance.now() - t;
    }
  }
  const flushStart = performance.now();
  await store.flush();
  const end = performance.now();
  compactionMs += end - flushStart;
  const ms = end - start;
  return { writes: count, ms, perSecond: (count / ms) * 1000, compactions, compactionMs };
};

const withStore = async <T>(use: (store: DurableStore) => Promise<T>): Promise<T> => {
  const dir = mkdtempSync(join(tmpdir(), 'provisim-bench-'));
  const store = await DurableStore.open({ file: join(dir, 'world.json') });
  try {
    return await use(store);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
};

const prefilled = async (store: DurableStore): Promise<WriteRun> => {
  for (let b = 0; b < PREFILL / PREFILL_BATCH; b += 1) {
    store.apply(
      Array.from({ length: PREFILL_BATCH }, (_, i) => person('fill', b * PREFILL_BATCH + i)),
    );
  }
  await store.flush();
  if (store.count('people') !== PREFILL)
    throw new Error(`the pre-filled store holds ${store.count('people')} objects, not ${PREFILL}`);
  return timeWrites(store, 'w', WRITES);
};

const fastest = (runs: readonly WriteRun[]): WriteRun =>
  runs.reduce((a, b) => (b.perSecond > a.perSecond ? b : a));

/** Each round writes into a fresh empty store and a fresh pre-filled one; the fastest round of each counts. */
const benchWrites = async (): Promise<{ empty: WriteRun; full: WriteRun }> => {
  await withStore((store) => timeWrites(store, 'warm', WARMUP_WRITES));
  const empty: WriteRun[] = [];
  const full: WriteRun[] = [];
  for (let r = 0; r < ROUNDS; r += 1) {
    empty.push(await withStore((store) => timeWrites(store, 'w', WRITES)));
    full.push(await withStore(prefilled));
  }
  return { empty: fastest(empty), full: fastest(full) };
};

type Fetcher = { request: (path: string) => Response | Promise<Response> };

/** Requests per second of `count` sequential in-process requests (no port, no socket). */
const timeRequests = async (app: Fetcher, path: string, count: number): Promise<number> => {
  const start = performance.now();
  for (let i = 0; i < count; i += 1) {
    const res = await app.request(path);
    if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}`);
    await res.arrayBuffer();
  }
  return (count / (performance.now() - start)) * 1000;
};

interface HttpFigures {
  readonly bareRps: number;
  readonly healthRps: number;
  readonly worldRps: number;
}

const benchHttp = async (): Promise<HttpFigures> => {
  const bare = new Hono();
  bare.get('/x', (c) => c.json({ status: 'ok' }));
  const sim = createApp({
    store: createMemoryStore(),
    newStore: createMemoryStore,
    log: () => undefined,
  });
  const cases: [Fetcher, string][] = [
    [bare, '/x'],
    [sim, '/sim/health'],
    [sim, '/sim/world'],
  ];
  for (const [app, path] of cases) await timeRequests(app, path, WARMUP_REQUESTS);
  // Rounds interleave the three so a busy moment on the machine hits them alike; the best round counts.
  const best = [0, 0, 0];
  for (let r = 0; r < ROUNDS; r += 1) {
    for (const [k, [app, path]] of cases.entries())
      best[k] = Math.max(best[k] ?? 0, await timeRequests(app, path, REQUESTS));
  }
  return { bareRps: best[0] ?? 0, healthRps: best[1] ?? 0, worldRps: best[2] ?? 0 };
};

/** Writes per second not counting the time of the compactions. */
const outside = (r: WriteRun): number => (r.writes / (r.ms - r.compactionMs)) * 1000;

const fmt = (n: number, digits = 0): string =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const row = (cells: string[]): string =>
  `${cells[0]?.padEnd(36) ?? ''}${cells
    .slice(1)
    .map((c) => c.padStart(14))
    .join('')}`;

const main = async (): Promise<void> => {
  const started = performance.now();
  const { empty, full } = await benchWrites();
  const http = await benchHttp();
  const users = await benchUsersImport();
  const writeRatio = full.perSecond / empty.perSecond;
  const outsideRatio = outside(full) / outside(empty);
  const healthRatio = http.healthRps / http.bareRps;
  const worldRatio = http.worldRps / http.bareRps;

  console.log(
    `Durable store: ${fmt(WRITES)} single-put batches with the final flush, best of ${ROUNDS} rounds (compactAfter 10,000)`,
  );
  console.log(row(['', 'writes/s', 'ms', 'compactions', 'compaction ms', 'w/s outside']));
  for (const [label, r] of [
    ['empty store', empty],
    [`pre-filled with ${fmt(PREFILL)} objects`, full],
  ] as const) {
    console.log(
      row([
        label,
        fmt(r.perSecond),
        fmt(r.ms, 1),
        String(r.compactions),
        fmt(r.compactionMs, 1),
        fmt(outside(r)),
      ]),
    );
  }
  console.log(row(['ratio full / empty', fmt(writeRatio, 2), '', '', '', fmt(outsideRatio, 2)]));
  console.log('');
  console.log(
    `In-process requests (app.request, no port): best of ${ROUNDS} rounds of ${fmt(REQUESTS)}`,
  );
  console.log(row(['', 'requests/s', 'vs bare Hono']));
  console.log(row(['bare Hono GET /x', fmt(http.bareRps), '1.00']));
  console.log(row(['simulator GET /sim/health', fmt(http.healthRps), fmt(healthRatio, 2)]));
  console.log(row(['simulator GET /sim/world', fmt(http.worldRps), fmt(worldRatio, 2)]));
  console.log('');
  console.log(
    `Users CSV import: ${fmt(users.rows)} rows (${fmt(users.bytes / 1024)} KiB, seeded faker), through the route vs csv-parse alone`,
  );
  console.log(row(['', 'rows/s', 'ms', 'vs csv-parse', 'peak RSS MB', 'RSS growth MB']));
  console.log(
    row(['csv-parse alone', fmt(users.parseRowsPerSecond), fmt(users.parseMs, 1), '1.00', '', '']),
  );
  console.log(
    row([
      'POST …/users/csv',
      fmt(users.importRowsPerSecond),
      fmt(users.importMs, 1),
      fmt(users.ratio, 2),
      fmt(users.peakRssMb),
      fmt(users.rssGrowthMb),
    ]),
  );
  console.log(`\n(total ${fmt((performance.now() - started) / 1000, 1)} s)`);

  const round = (n: number, digits = 0): number => Number(n.toFixed(digits));
  console.log(
    `BENCH_JSON ${JSON.stringify({
      writes: {
        count: WRITES,
        rounds: ROUNDS,
        prefill: PREFILL,
        emptyPerSecond: round(empty.perSecond),
        fullPerSecond: round(full.perSecond),
        ratioFullToEmpty: round(writeRatio, 3),
        emptyCompactions: empty.compactions,
        fullCompactions: full.compactions,
        emptyCompactionMs: round(empty.compactionMs, 1),
        fullCompactionMs: round(full.compactionMs, 1),
        emptyPerSecondOutsideCompactions: round(outside(empty)),
        fullPerSecondOutsideCompactions: round(outside(full)),
        ratioFullToEmptyOutsideCompactions: round(outsideRatio, 3),
      },
      http: {
        requests: REQUESTS,
        rounds: ROUNDS,
        bareRps: round(http.bareRps),
        healthRps: round(http.healthRps),
        worldRps: round(http.worldRps),
        healthToBare: round(healthRatio, 3),
        worldToBare: round(worldRatio, 3),
      },
      usersImport: {
        rows: users.rows,
        importRowsPerSecond: round(users.importRowsPerSecond),
        parseRowsPerSecond: round(users.parseRowsPerSecond),
        importToParse: round(users.ratio, 3),
        peakRssMb: round(users.peakRssMb, 1),
        rssGrowthMb: round(users.rssGrowthMb, 1),
      },
    })}`,
  );
};

await main();
await (await import('./scenarios.ts')).benchScenarioLibrary();
