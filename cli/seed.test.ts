import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../simulator/http/create-app.ts';
import { openDurableStore } from '../simulator/store/durable-store.ts';
import { createMemoryStore } from '../simulator/store/memory-store.ts';
import { readSnapshotFile, type Snapshot } from '../simulator/store/snapshot-file.ts';
import { chunkPlan, parseSeedArgs, seedData } from './seed.ts';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'provisim-seed-'));
  dirs.push(d);
  return join(d, 'world.json');
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Opens a seeded data file as `provisim serve` would, and reads it through /v1 as Acme's admin. */
const readBack = async (file: string) => {
  const store = await openDurableStore({ file });
  const app = createApp({ store, newStore: createMemoryStore, log: () => undefined });
  const get = async (path: string) =>
    (
      await app.request(`http://x${path}`, { headers: { authorization: 'Bearer acme-admin' } })
    ).json();
  const customers = (await get('/v1/wholesale/customers?max=1000')).items;
  const subscribers = (await get('/v1/wholesale/subscribers?max=100')).items;
  await store.close();
  return { customers, subscribers };
};

describe('provisim seed', () => {
  it('writes provisioned customers with their subscribers, the same for the same seed, with progress', async () => {
    const lines: string[] = [];
    const a = tmp();
    expect(
      await seedData({ customers: 20, users: 3, seed: 5, data: a, force: false }, (l) =>
        lines.push(l),
      ),
    ).toEqual({ customers: 20, subscribers: 60 });
    expect(lines.filter((l) => /^\s*\d+%/.test(l)).map((l) => l.trim().split('%')[0])).toEqual([
      '5',
      '10',
      '15',
      '20',
      '25',
      '30',
      '35',
      '40',
      '45',
      '50',
      '55',
      '60',
      '65',
      '70',
      '75',
      '80',
      '85',
      '90',
      '95',
      '100',
    ]);
    const first = await readBack(a);
    // Acme has every other customer; each is provisioned under its wholesale template, with 3 subscribers.
    expect(first.customers).toHaveLength(10);
    expect(new Set(first.customers.map((c: { status: string }) => c.status))).toEqual(
      new Set(['provisioned']),
    );
    // 3 subscribers each, and each customer's full administrator (ORG-4, api.md Wave 2 pins).
    expect(first.subscribers).toHaveLength(40);
    expect(
      first.subscribers.filter((s: { email: string }) => s.email.startsWith('admin@')),
    ).toHaveLength(10);
    expect(new Set(first.subscribers.map((s: { status: string }) => s.status))).toEqual(
      new Set(['provisioned']),
    );
    const b = tmp();
    await seedData({ customers: 20, users: 3, seed: 5, data: b, force: false }, () => undefined);
    const again = await readBack(b);
    const names = (r: typeof first) =>
      r.subscribers.map(
        (s: { email: string; customerId: string }) =>
          `${s.email} ${r.customers.findIndex((c: { id: string }) => c.id === s.customerId)}`,
      );
    expect(names(again)).toEqual(names(first));
    const c = tmp();
    await seedData({ customers: 20, users: 3, seed: 6, data: c, force: false }, () => undefined);
    expect(names(await readBack(c))).not.toEqual(names(first));
  });

  it('refuses to overwrite a data file without --force', async () => {
    const f = tmp();
    await seedData({ customers: 1, users: 1, seed: 1, data: f, force: false }, () => undefined);
    await expect(
      seedData({ customers: 1, users: 1, seed: 1, data: f, force: false }, () => undefined),
    ).rejects.toThrow(/--force/);
    await seedData({ customers: 2, users: 0, seed: 1, data: f, force: true }, () => undefined);
    expect((await readBack(f)).customers).toHaveLength(1);
  });

  it('never replaces a file that is not a provisim data file, even with --force', async () => {
    const f = tmp();
    writeFileSync(f, '{"name":"app","version":"1.0.0"}');
    await expect(
      seedData({ customers: 1, users: 1, seed: 1, data: f, force: true }, () => undefined),
    ).rejects.toThrow(/is not a provisim data file/);
    expect(readFileSync(f, 'utf8')).toBe('{"name":"app","version":"1.0.0"}');
  });
  it('builds the world in chunks on worker threads: the same file whatever the number of workers', async () => {
    const plan = chunkPlan({ customers: 7, users: 2, seed: 3, chunkCustomers: 3 });
    expect(plan.map((c) => [c.index, c.first, c.count])).toEqual([
      [0, 0, 3],
      [1, 3, 3],
      [2, 6, 1],
    ]);
    const o = { customers: 7, users: 2, seed: 3, force: false, chunkCustomers: 3 };
    const one = tmp();
    const two = tmp();
    const lines: string[] = [];
    expect(await seedData({ ...o, data: one, jobs: 1 }, () => undefined)).toEqual({
      customers: 7,
      subscribers: 14,
    });
    expect(await seedData({ ...o, data: two, jobs: 2 }, (l) => lines.push(l))).toEqual({
      customers: 7,
      subscribers: 14,
    });
    expect(readFileSync(two, 'utf8')).toBe(readFileSync(one, 'utf8'));
    // Progress from the workers, customer by customer; the spools beside the file are gone.
    expect(lines.find((l) => l.includes('100%'))).toMatch(/7\/7 customers/);
    expect(readdirSync(dirname(two))).toEqual(['world.json']);

    // Read back as a server: every customer and subscriber, ids and emails unique across chunks,
    // the clock where the last customer left it, and a new subscriber takes an id of its own.
    const store = await openDurableStore({ file: two });
    const app = createApp({ store, newStore: createMemoryStore, log: () => undefined });
    const admin = { authorization: 'Bearer acme-admin' };
    const subs = store.list('subscribers') as { id: string; email: string; status: string }[];
    expect(store.count('customers')).toBe(7);
    expect(subs).toHaveLength(14 + 7);
    expect(new Set(subs.map((s) => s.id)).size).toBe(subs.length);
    expect(new Set(subs.map((s) => s.email)).size).toBe(subs.length);
    expect(new Set(subs.map((s) => s.status))).toEqual(new Set(['provisioned']));
    const clock = (await (await app.request('http://x/sim/clock')).json()) as { now: string };
    expect(clock.now).toBe('2026-01-01T00:35:00.000Z');
    const acme = (await (
      await app.request('http://x/v1/wholesale/subscribers?max=1', { headers: admin })
    ).json()) as { items: { customerId: string }[] };
    const made = await app.request('http://x/v1/wholesale/subscribers', {
      method: 'POST',
      headers: { ...admin, 'content-type': 'application/json' },
      body: JSON.stringify({
        customerId: acme.items[0]!.customerId,
        email: 'new.one@seed.example',
        packages: ['webex_meetings'],
        provisioningParameters: { firstName: 'New', lastName: 'One' },
      }),
    });
    expect(made.ok).toBe(true);
    const id = ((await made.json()) as { id: string }).id;
    expect(subs.some((s) => s.id === id)).toBe(false);
    await store.close();
  });

  it('seeds a customer with more subscribers than a chunk holds in parts: the same file whatever the workers', async () => {
    const plan = chunkPlan({ customers: 2, users: 25, seed: 3, chunkSubscribers: 10 });
    expect(plan.map((c) => [c.index, c.first, c.part?.from, c.part?.to, c.part?.creator])).toEqual([
      [0, 0, 0, 10, 0],
      [1, 0, 10, 20, 0],
      [2, 0, 20, 25, 0],
      [3, 1, 0, 10, 3],
      [4, 1, 10, 20, 3],
      [5, 1, 20, 25, 3],
    ]);
    const o = { customers: 2, users: 25, seed: 3, force: false, chunkSubscribers: 10 };
    const one = tmp();
    const two = tmp();
    const lines: string[] = [];
    expect(await seedData({ ...o, data: one, jobs: 1 }, (l) => lines.push(l))).toEqual({
      customers: 2,
      subscribers: 50,
    });
    expect(await seedData({ ...o, data: two, jobs: 3 }, () => undefined)).toEqual({
      customers: 2,
      subscribers: 50,
    });
    expect(readFileSync(two, 'utf8')).toBe(readFileSync(one, 'utf8'));
    // Progress part by part, counted in subscribers.
    expect(lines.filter((l) => /%/.test(l)).map((l) => l.trim())).toEqual([
      '20%  0/2 customers, 10/50 subscribers',
      '40%  0/2 customers, 20/50 subscribers',
      '50%  1/2 customers, 25/50 subscribers',
      '70%  1/2 customers, 35/50 subscribers',
      '90%  1/2 customers, 45/50 subscribers',
      '100%  2/2 customers, 50/50 subscribers',
    ]);

    // The file holds each entity once (a later part makes its customer again, and leaves it out).
    const file = (await readSnapshotFile(one)) as Snapshot;
    for (const [name, items] of Object.entries(file.collections))
      expect(new Set(items.map((e) => e.id)).size, name).toBe(items.length);
    expect(file.collections.customers).toHaveLength(2);

    // Each customer once, with its full administrator once and every part's subscribers; every
    // id, person and email its own; one open billing stretch each.
    const store = await openDurableStore({ file: one });
    const subs = store.list('subscribers') as {
      id: string;
      personId: string;
      email: string;
      customerId: string;
      status: string;
    }[];
    const customers = store.list('customers') as { id: string }[];
    expect(customers).toHaveLength(2);
    expect(store.count('locations')).toBe(2);
    expect(subs).toHaveLength(2 * 26);
    for (const c of customers) expect(subs.filter((s) => s.customerId === c.id)).toHaveLength(26);
    for (const key of ['id', 'personId', 'email'] as const)
      expect(new Set(subs.map((s) => s[key])).size).toBe(subs.length);
    expect(subs.filter((s) => s.email.startsWith('admin@'))).toHaveLength(2);
    expect(new Set(subs.map((s) => s.status))).toEqual(new Set(['provisioned']));
    const numbers = subs
      .filter((s) => !s.email.startsWith('admin@') && s.customerId === customers[0]!.id)
      .map((s) => Number(/\.(\d+)@/.exec(s.email)![1]));
    expect(numbers).toEqual(Array.from({ length: 25 }, (_, k) => k + 1));
    const usage = store.list('usageRecords');
    expect(usage).toHaveLength(2 + 2 * 26);
    expect(new Set(usage.map((u) => u.id)).size).toBe(usage.length);
    await store.close();
  });

  it('takes --jobs, at least 1', () => {
    expect(parseSeedArgs({ jobs: '3' }).jobs).toBe(3);
    expect(parseSeedArgs({}).jobs).toBeUndefined();
    expect(() => parseSeedArgs({ jobs: '0' })).toThrow('--jobs must be at least 1 (got 0).');
    expect(() => parseSeedArgs({ jobs: 'two' })).toThrow(/--jobs must be a whole number/);
  });
});
