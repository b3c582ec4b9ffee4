// A child of `npm run bench` (bench/run.ts): seeds a world of CUSTOMERS × USERS subscribers in
// memory through `provisim seed`'s own path (then writes its snapshot, as the seed does), and
// measures, in process, a POST of a subscriber and the filtered /v1 lists on that world. Prints one
// line `SCALE_JSON {...}`. Usage: node --import tsx bench/scale.ts CUSTOMERS USERS
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { seedInto } from '../cli/seed.ts';
import { createApp } from '../simulator/http/create-app.ts';
import { writeSnapshot } from '../simulator/store/durable-store.ts';
import { createMemoryStore, MemoryStore } from '../simulator/store/memory-store.ts';

const customers = Number(process.argv[2]);
const users = Number(process.argv[3]);
const REQUESTS = Number(process.argv[4] ?? 400);

const store = new MemoryStore();
const seedStart = performance.now();
seedInto(store, { customers: Math.max(customers, 1), users, seed: 1 }, () => undefined);
const seedOnlyMs = performance.now() - seedStart;
const dir = mkdtempSync(join(tmpdir(), 'provisim-scale-'));
writeSnapshot(join(dir, 'world.json'), store.dump());
const seedMs = performance.now() - seedStart;
rmSync(dir, { recursive: true, force: true });

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
};
const rates: Record<string, number> = {};
for (const [name, q] of Object.entries(lists)) rates[`list ${name}`] = await rate(list(q), [200]);
rates['POST subscriber'] = await rate(post, [200, 202]);

console.log(
  `SCALE_JSON ${JSON.stringify({
    customers,
    users,
    subscribers: store.count('subscribers'),
    seedMs,
    seedOnlyMs,
    rates,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  })}`,
);
