// `npm run bench`: every goal of issue 13 measured in one run, as ratios against a yardstick of the
// same run (a bare Hono server, an empty world, csv-parse alone), each printed with PASS or MISS;
// then how fast the durable store takes writes. `--quick` skips the million-subscriber world and
// loads for shorter. See bench/README.md for how to read the figures.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Change } from '../simulator/core/kernel/store-port.ts';
import { DurableStore } from '../simulator/store/durable-store.ts';
import { benchHttp, benchServedImport, type HttpFigures as ServedFigures } from './http.ts';
import { benchUsersImport, CSV_ROWS, usersCsv } from './users-import.ts';

const QUICK = process.argv.includes('--quick');
const MILLION = !QUICK && !process.argv.includes('--no-million');

const WRITES = 20_000;
const WARMUP_WRITES = 2_000;
const PREFILL = 100_000;
const PREFILL_BATCH = 1_000;
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

/** Writes per second not counting the time of the compactions. */
const outside = (r: WriteRun): number => (r.writes / (r.ms - r.compactionMs)) * 1000;

const fmt = (n: number, digits = 0): string =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const row = (cells: string[]): string =>
  `${cells[0]?.padEnd(36) ?? ''}${cells
    .slice(1)
    .map((c) => c.padStart(14))
    .join('')}`;

interface ScaleRun {
  readonly customers: number;
  readonly users: number;
  readonly subscribers: number;
  /** `provisim seed` (compiled), spawn to exit. */
  readonly seedMs: number;
  /** The peak RSS `provisim seed` printed. */
  readonly seedRssMb: number;
  /** The data file's size. */
  readonly fileMb: number;
  /** The data file (the caller removes it once no larger world needs it as a baseline). */
  readonly file: string;
  /** The baselines' rates (the empty world's, the 1k world's), measured in turn with this world's in the same process. */
  readonly baselineRates: readonly Readonly<Record<string, number>>[];
  /** Reading the data file into a memory store. */
  readonly loadMs: number;
  readonly rates: Readonly<Record<string, number>>;
  /** Peak RSS of the process that loaded the world and took the requests. */
  readonly peakRssMb: number;
}

/**
 * Seeds a world with `provisim seed` (timed, as a user runs it) into `dir`, then loads it in a child
 * process (bench/scale.ts) and measures POST and the lists on it; with `baselines` (the empty and
 * the 1k worlds' data files), that child measures those too, in turn with this world.
 */
const scale = (
  dir: string,
  customers: number,
  users: number,
  baselines: readonly string[] = [],
): ScaleRun => {
  const data = join(dir, `world-${customers}x${users}.json`);
  const seedStart = performance.now();
  const seeded = execFileSync(
    process.execPath,
    ['bin/provisim.mjs', 'seed', '--customers', String(customers), '--users', String(users)].concat(
      ['--data', data],
    ),
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const seedMs = performance.now() - seedStart;
  const rss = /peak RSS (\d+) MB/.exec(seeded);
  const fileMb = statSync(data).size / 1024 / 1024;
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', 'bench/scale.ts', data, QUICK ? '150' : '300', ...baselines],
    { encoding: 'utf8', maxBuffer: 1 << 24, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const line = out.split('\n').find((l) => l.startsWith('SCALE_JSON '));
  if (!line) throw new Error(`bench/scale.ts on ${customers} × ${users} printed no figures`);
  const loaded = JSON.parse(line.slice('SCALE_JSON '.length)) as Omit<
    ScaleRun,
    'customers' | 'users' | 'seedMs' | 'seedRssMb' | 'fileMb' | 'file'
  >;
  return {
    ...loaded,
    customers,
    users,
    seedMs,
    seedRssMb: Number(rss?.[1] ?? NaN),
    fileMb,
    file: data,
  };
};

interface Goal {
  readonly name: string;
  readonly measured: string;
  readonly goal: string;
  readonly pass: boolean;
}

const main = async (): Promise<void> => {
  const started = performance.now();
  if (!existsSync('dist/simulator/adapters/node.js'))
    throw new Error(
      'dist/ is missing: run `npm run build` first (the HTTP part serves compiled JS).',
    );
  const users = await benchUsersImport();
  const servedImport = await benchServedImport(usersCsv(CSV_ROWS));
  const { empty, full } = await benchWrites();
  const served: ServedFigures = await benchHttp(QUICK ? 2 : 5, QUICK ? 1 : 2, async (file) => {
    execFileSync(
      process.execPath,
      ['bin/provisim.mjs', 'seed', '--customers', '2', '--users', '5', '--data', file, '--force'],
      { stdio: 'ignore' },
    );
  });
  console.log(
    `Seeding worlds in child processes (${MILLION ? '1k, 100k and 1M' : '1k and 100k'} subscribers)…`,
  );
  const worldsDir = mkdtempSync(join(tmpdir(), 'provisim-scale-'));
  let emptyWorld: ScaleRun;
  const curve: ScaleRun[] = [];
  try {
    emptyWorld = scale(worldsDir, 1, 0);
    const k1 = scale(worldsDir, 10, 100, [emptyWorld.file]);
    curve.push(k1);
    // The empty and 1k worlds stay as baselines; each larger one goes once measured (1M is 1.5 GB).
    for (const [customers, users] of [[1_000, 100], ...(MILLION ? [[10_000, 100]] : [])]) {
      const r = scale(worldsDir, customers!, users!, [emptyWorld.file, k1.file]);
      rmSync(r.file, { force: true });
      curve.push(r);
    }
  } finally {
    rmSync(worldsDir, { recursive: true, force: true });
  }
  const big = curve[curve.length - 1]!;
  const k100 = curve[1]!;
  const goals: Goal[] = [];
  const ratio = (n: number) => `${fmt(n, 2)}×`;
  goals.push({
    name: 'GET one subscriber vs bare Hono GET',
    measured: ratio(served.simGet / served.bareGet),
    goal: '≥ 0.5×',
    pass: served.simGet / served.bareGet >= 0.5,
  });
  goals.push({
    name: 'POST a subscriber vs bare Hono GET',
    measured: ratio(served.simPost / served.bareGet),
    goal: '≥ 0.3×',
    pass: served.simPost / served.bareGet >= 0.3,
  });
  goals.push({
    name: 'start to first 200 vs bare Hono server',
    measured: ratio(served.simStartMs / served.bareStartMs),
    goal: '≤ 2×',
    pass: served.simStartMs / served.bareStartMs <= 2,
  });
  if (MILLION) {
    goals.push({
      name: 'seed 1M subscribers',
      measured: `${fmt(big.seedMs / 1000, 1)} s`,
      goal: '≤ 60 s',
      pass: big.seedMs <= 60_000,
    });
    goals.push({
      name: 'seed time 1M / 100k (linear)',
      measured: ratio(big.seedMs / k100.seedMs),
      goal: '≤ 12×',
      pass: big.seedMs / k100.seedMs <= 12,
    });
  }
  for (const [name, r] of Object.entries(big.rates)) {
    // The empty world as measured beside this one, in the same process, in turn.
    const x = r / (big.baselineRates[0]?.[name] ?? Infinity);
    goals.push({
      name: `${name}, ${fmt(big.subscribers)} stored vs empty`,
      measured: ratio(x),
      goal: '≥ 0.9×',
      pass: x >= 0.9,
    });
  }
  goals.push({
    name: `CSV import ${fmt(users.rows)} rows vs csv-parse alone`,
    measured: ratio(users.ratio),
    goal: '≤ 1.5×',
    pass: users.ratio <= 1.5,
  });
  // The import's own memory: a server taking the file over HTTP (the in-process figure also counts
  // the bench's loader, the file's generator and csv-parse's copy; it is printed below).
  const importPeak = servedImport?.peakMb ?? users.peakRssMb;
  goals.push({
    name: servedImport
      ? 'CSV import peak RSS (provisim serve)'
      : 'CSV import peak RSS (in process)',
    measured: `${fmt(importPeak)} MB`,
    goal: '≤ 200 MB',
    pass: importPeak <= 200,
  });

  console.log(
    `\nGoals of issue 13 (${QUICK ? 'quick run: no 1M world, short loads' : MILLION ? 'full run' : 'no 1M world'})`,
  );
  console.log(row(['', 'measured', 'goal', 'result']).replace(/^ {36}/, ' '.repeat(44)));
  for (const g of goals)
    console.log(
      `${g.name.padEnd(44)}${g.measured.padStart(14)}${g.goal.padStart(14)}${(g.pass ? 'PASS' : 'MISS').padStart(14)}`,
    );
  console.log('');
  console.log(
    `HTTP, autocannon, 10 connections, ${QUICK ? '2 s × 1 round' : '5 s × 2 rounds'} (best round)`,
  );
  console.log(row(['', 'requests/s', 'start ms']));
  console.log(row(['bare Hono GET /x', fmt(served.bareGet), fmt(served.bareStartMs)]));
  console.log(row(['bare Hono POST /x (JSON echo)', fmt(served.barePost), '']));
  console.log(
    row(['provisim GET /v1/…/subscribers/{id}', fmt(served.simGet), fmt(served.simStartMs)]),
  );
  console.log(row(['provisim POST /v1/…/subscribers', fmt(served.simPost), '']));
  console.log(row(['same GET in a world /w/{id}', fmt(served.worldGet), '']));
  console.log(row(['same POST in a world (in memory)', fmt(served.worldPost), '']));
  console.log(
    `A world made with POST /sim/worlds answers GET at ${fmt(served.worldGet / served.simGet, 2)}× the default world's rate (its POST writes no journal).`,
  );
  console.log('');
  console.log(
    'Worlds: `provisim seed` (spawn to exit, its peak RSS), the data file read back into memory, and in-process requests/s on it',
  );
  const names = Object.keys(emptyWorld.rates);
  console.log(
    `${'subscribers'.padEnd(12)}${'seed s'.padStart(8)}${'subs/s'.padStart(9)}${'RSS MB'.padStart(8)}${'file MB'.padStart(8)}${'load s'.padStart(8)}${names.map((n) => n.replace('list ', '').slice(0, 11).padStart(12)).join('')}`,
  );
  for (const r of [emptyWorld, ...curve])
    console.log(
      `${fmt(r.subscribers).padEnd(12)}${fmt(r.seedMs / 1000, 1).padStart(8)}${fmt((r.subscribers / r.seedMs) * 1000).padStart(9)}${fmt(r.seedRssMb).padStart(8)}${fmt(r.fileMb).padStart(8)}${fmt(r.loadMs / 1000, 1).padStart(8)}${names.map((n) => fmt(r.rates[n] ?? 0).padStart(12)).join('')}`,
    );
  // The empty and 1k worlds again, measured in the biggest world's process, a round of each in
  // turn: the goals' "vs empty" ratios divide by the first row. The empty world's lists answer one
  // subscriber or none; the 1k world's answer the same page as the biggest one's (100 users a
  // customer), so the last row is the cost of the store's size alone.
  const [beside0, beside1k] = big.baselineRates;
  console.log(
    `${`empty, beside ${fmt(big.subscribers)}`.padEnd(39)}${names.map((n) => fmt(beside0?.[n] ?? 0).padStart(12)).join('')}`,
  );
  console.log(
    `${`1k, beside ${fmt(big.subscribers)}`.padEnd(39)}${names.map((n) => fmt(beside1k?.[n] ?? 0).padStart(12)).join('')}`,
  );
  console.log(
    `${`${fmt(big.subscribers)} / 1k beside (same page)`.padEnd(39)}${names.map((n) => ratio((big.rates[n] ?? 0) / (beside1k?.[n] ?? Infinity)).padStart(12)).join('')}`,
  );
  console.log('');

  const writeRatio = full.perSecond / empty.perSecond;
  const outsideRatio = outside(full) / outside(empty);

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
  if (servedImport)
    console.log(
      row([
        'provisim serve, over HTTP',
        fmt((users.rows / servedImport.importMs) * 1000),
        fmt(servedImport.importMs, 1),
        fmt(servedImport.importMs / users.parseMs, 2),
        fmt(servedImport.peakMb),
        fmt(servedImport.peakMb - servedImport.beforeMb),
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
      http: served,
      worlds: [emptyWorld, ...curve],
      goals,
      usersImport: {
        rows: users.rows,
        importRowsPerSecond: round(users.importRowsPerSecond),
        parseRowsPerSecond: round(users.parseRowsPerSecond),
        importToParse: round(users.ratio, 3),
        peakRssMb: round(users.peakRssMb, 1),
        rssGrowthMb: round(users.rssGrowthMb, 1),
        ...(servedImport
          ? {
              servedPeakRssMb: round(servedImport.peakMb, 1),
              servedImportMs: round(servedImport.importMs, 1),
            }
          : {}),
      },
    })}`,
  );
};

await main();
await (await import('./scenarios.ts')).benchScenarioLibrary();
