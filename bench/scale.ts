// A child of `npm run bench` (bench/run.ts): loads a data file `provisim seed` wrote (as `provisim
// serve` does, into the memory store), and measures, in process, a POST of a subscriber and the
// filtered /v1 lists on that world. With BASELINE data files (the empty world, the 1k world), it
// loads those too and measures them side by side, a round of each in turn, so the ratio of two
// worlds is not the machine's drift between two processes minutes apart.
// Prints one line `SCALE_JSON {...}`.
// Usage: node --import tsx bench/scale.ts DATA_FILE [ROUND_MS] [BASELINE_FILE...]
import { performance } from 'node:perf_hooks';
import { createApp } from '../simulator/http/create-app.ts';
import type { Snapshot } from '../simulator/store/snapshot-file.ts';
import { readSnapshotFile } from '../simulator/store/snapshot-file.ts';
import { createMemoryStore, MemoryStore } from '../simulator/store/memory-store.ts';

const [file, roundMs, ...baselineFiles] = process.argv.slice(2);
if (!file) throw new Error('usage: bench/scale.ts DATA_FILE [ROUND_MS] [BASELINE_FILE...]');
/** How long a round of one kind of request lasts (one request at least). */
const ROUND_MS = Number(roundMs ?? 300);
/** Each figure is the best of this many rounds, taken in turn with the other world's. */
const ROUNDS = 5;

const admin = { authorization: 'Bearer acme-admin' };
const json = { ...admin, 'content-type': 'application/json' };

interface World {
  readonly app: ReturnType<typeof createApp>;
  readonly store: MemoryStore;
  readonly loadMs: number;
  /** Subscribers as loaded, before the measured POSTs add their own. */
  readonly subscribers: number;
  readonly lists: Readonly<Record<string, string>>;
  readonly customerId: string;
}

const open = async (data: string): Promise<World> => {
  const loadStart = performance.now();
  const store = new MemoryStore(((await readSnapshotFile(data)) as Snapshot).collections);
  const loadMs = performance.now() - loadStart;
  const app = createApp({ store, newStore: createMemoryStore, log: () => undefined });
  const first = (await (
    await app.request('/v1/wholesale/subscribers?max=1&sortOrder=DESC', { headers: admin })
  ).json()) as { items: { id: string; customerId: string; email: string }[] };
  const sample = first.items[0];
  if (!sample) throw new Error(`${data}: the seeded world has no subscriber of Acme`);
  const customer = (await (
    await app.request(`/v1/wholesale/customers/${sample.customerId}`, { headers: admin })
  ).json()) as { externalId: string };
  return {
    app,
    store,
    loadMs,
    subscribers: store.count('subscribers'),
    customerId: sample.customerId,
    lists: {
      email: `email=${encodeURIComponent(sample.email)}`,
      customerId: `customerId=${sample.customerId}`,
      externalId: `externalCustomerId=${encodeURIComponent(customer.externalId)}`,
      status: 'status=pending_user_migration',
      lastStatusChange: 'lastStatusChange=2030-01-01T00:00:00Z',
      after: 'after=2030-01-01T00:00:00Z',
      // No filter: the partner's first page, walked in order (every list is paged by index).
      all: '',
    },
  };
};

const main = await open(file);
const baselines: World[] = [];
for (const f of baselineFiles) baselines.push(await open(f));

type Make = () => Request | string;

/** Sequential in-process requests for `ms` (and one at least): how many, in how long. */
const run = async (w: World, make: Make, ok: number[], ms: number) => {
  const start = performance.now();
  let done = 0;
  let now: number;
  do {
    const r = make();
    const res = await (typeof r === 'string'
      ? w.app.request(r, { headers: admin })
      : w.app.request(r));
    if (!ok.includes(res.status)) throw new Error(`${String(r)} answered ${res.status}`);
    await res.arrayBuffer();
    done += 1;
    now = performance.now();
  } while (now - start < ms);
  return { done, ms: now - start };
};

let sequence = 0;
const post = (w: World) => () =>
  new Request('http://x/v1/wholesale/subscribers', {
    method: 'POST',
    headers: json,
    body: JSON.stringify({
      customerId: w.customerId,
      email: `bench-${(sequence += 1)}@scale.example`,
      packages: ['webex_meetings'],
      provisioningParameters: { firstName: 'Bench', lastName: 'User' },
    }),
  });
const list = (w: World, name: string) => () => `/v1/wholesale/subscribers?max=50&${w.lists[name]}`;

/**
 * Requests per second of each list and the POST on each world: a warm-up round, then ROUNDS
 * rounds of ROUND_MS each, the worlds in turn; the best round counts. Rounds are timed, not
 * counted, so a list that scanned (seconds a request at 1M) would still end.
 */
const measure = async (): Promise<Record<string, number>[]> => {
  const worlds = [main, ...baselines];
  const names = [...Object.keys(main.lists).map((n) => `list ${n}`), 'POST subscriber'];
  const maker = (w: World, name: string): [Make, number[]] =>
    name === 'POST subscriber' ? [post(w), [200, 202]] : [list(w, name.slice(5)), [200]];
  const best = worlds.map(() => ({}) as Record<string, number>);
  for (const name of names) {
    for (const w of worlds) await run(w, ...maker(w, name), ROUND_MS);
    for (let round = 0; round < ROUNDS; round += 1)
      for (const [k, w] of worlds.entries()) {
        const r = await run(w, ...maker(w, name), ROUND_MS);
        best[k]![name] = Math.max(best[k]![name] ?? 0, (r.done / r.ms) * 1000);
      }
  }
  return best;
};

const [rates, ...baselineRates] = await measure();

console.log(
  `SCALE_JSON ${JSON.stringify({
    subscribers: main.subscribers,
    loadMs: main.loadMs,
    rates,
    baselineRates,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  })}`,
);
