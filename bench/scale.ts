// A child of `npm run bench` (bench/run.ts): loads a data file `provisim seed` wrote (as `provisim
// serve` does, into the memory store), and measures, in process, a POST of a subscriber and the
// filtered /v1 lists on that world. Prints one line `SCALE_JSON {...}`.
// Usage: node --import tsx bench/scale.ts DATA_FILE [REQUESTS]
import { performance } from 'node:perf_hooks';
import { createApp } from '../simulator/http/create-app.ts';
import type { Snapshot } from '../simulator/store/snapshot-file.ts';
import { readSnapshotFile } from '../simulator/store/snapshot-file.ts';
import { createMemoryStore, MemoryStore } from '../simulator/store/memory-store.ts';

const file = process.argv[2];
if (!file) throw new Error('usage: bench/scale.ts DATA_FILE [REQUESTS]');
const REQUESTS = Number(process.argv[3] ?? 400);

const loadStart = performance.now();
const store = new MemoryStore(((await readSnapshotFile(file)) as Snapshot).collections);
const loadMs = performance.now() - loadStart;

const app = createApp({ store, newStore: createMemoryStore, log: () => undefined });
const admin = { authorization: 'Bearer acme-admin' };
const json = { ...admin, 'content-type': 'application/json' };
const first = (await (
  await app.request('/v1/wholesale/subscribers?max=1&sortOrder=DESC', { headers: admin })
).json()) as { items: { id: string; customerId: string; email: string }[] };
const sample = first.items[0];
if (!sample) throw new Error('the seeded world has no subscriber of Acme');
const customer = (await (
  await app.request(`/v1/wholesale/customers/${sample.customerId}`, { headers: admin })
).json()) as { externalId: string };

/** Requests per second of sequential in-process requests, after a warm-up of a tenth. */
const rate = async (make: (i: number) => Request | string, ok: number[]): Promise<number> => {
  const run = async (from: number, count: number) => {
    for (let i = from; i < from + count; i += 1) {
      const r = make(i);
      const res = await (typeof r === 'string'
        ? app.request(r, { headers: admin })
        : app.request(r));
      if (!ok.includes(res.status)) throw new Error(`${String(r)} answered ${res.status}`);
      await res.arrayBuffer();
    }
  };
  const warm = performance.now();
  for (let i = 0; i < REQUESTS / 10 && performance.now() - warm < 2_000; i += 1) await run(i, 1);
  const start = performance.now();
  // At most REQUESTS, and no more than 5 s of them: a list that scans would take minutes at 1M.
  let done = 0;
  while (done < REQUESTS && performance.now() - start < 5_000) {
    await run(REQUESTS + done, 10);
    done += 10;
  }
  return (done / (performance.now() - start)) * 1000;
};

const post = (i: number) =>
  new Request('http://x/v1/wholesale/subscribers', {
    method: 'POST',
    headers: json,
    body: JSON.stringify({
      customerId: sample.customerId,
      email: `bench-${i}@scale.example`,
      packages: ['webex_meetings'],
      provisioningParameters: { firstName: 'Bench', lastName: 'User' },
    }),
  });
const list = (query: string) => () => `/v1/wholesale/subscribers?max=50&${query}`;
const lists: Record<string, string> = {
  email: `email=${encodeURIComponent(sample.email)}`,
  customerId: `customerId=${sample.customerId}`,
  externalId: `externalCustomerId=${encodeURIComponent(customer.externalId)}`,
  status: 'status=pending_user_migration',
  lastStatusChange: 'lastStatusChange=2030-01-01T00:00:00Z',
  after: 'after=2030-01-01T00:00:00Z',
  // No filter: the partner's first page, walked in order (every list is paged by index).
  all: '',
};
const rates: Record<string, number> = {};
for (const [name, q] of Object.entries(lists)) rates[`list ${name}`] = await rate(list(q), [200]);
rates['POST subscriber'] = await rate(post, [200, 202]);

console.log(
  `SCALE_JSON ${JSON.stringify({
    subscribers: store.count('subscribers'),
    loadMs,
    rates,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  })}`,
);
