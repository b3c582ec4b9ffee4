import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../simulator/http/create-app.ts';
import { openDurableStore } from '../simulator/store/durable-store.ts';
import { createMemoryStore } from '../simulator/store/memory-store.ts';
import { seedData } from './seed.ts';

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
});
