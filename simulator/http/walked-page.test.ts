import { describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../adapters/testing.ts';
import type { WholesaleSubscriber } from '../core/subscribers/model.ts';
import { ADMIN, provisionedCustomer } from '../../test/fixtures/wholesale.ts';
import { TEST_ORIGIN } from '../adapters/testing.ts';

/** A world whose customer has `count` more subscribers, created a second apart after its admin. */
const longList = async (count: number) => {
  const t = createTestApp();
  const customerId = await provisionedCustomer(t);
  const admin = t.store
    .lookup('subscribers', 'customerId', customerId)
    .at(0) as unknown as WholesaleSubscriber;
  const start = Date.parse('2030-01-01T00:00:00Z');
  t.store.apply(
    Array.from({ length: count }, (_, i) => ({
      op: 'put' as const,
      collection: 'subscribers',
      value: {
        ...admin,
        id: `sub-${String(i).padStart(5, '0')}`,
        email: `user${i}@x.example`,
        created: new Date(start + i * 1000).toISOString(),
      },
    })),
  );
  return { t, partnerId: admin.partnerId };
};

/** The partner's subscribers as the list orders them by definition (created, ties in store order). */
const allIds = (t: TestApp, partnerId: string) =>
  (t.store.list('subscribers') as unknown as WholesaleSubscriber[])
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => s.partnerId === partnerId)
    .sort((a, b) => (a.s.created === b.s.created ? a.i - b.i : a.s.created < b.s.created ? -1 : 1))
    .map(({ s }) => s.id);

const ids = (body: unknown) => (body as { items: { id: string }[] }).items.map((s) => s.id);

const nextOf = (link: string | null): string | undefined => {
  const m = /<([^>]+)>; rel="next"/.exec(link ?? '');
  return m ? m[1]!.slice(TEST_ORIGIN.length) : undefined;
};

describe('pages deep in a long /v1 list', () => {
  it('follows next links page by page as walks from the start would, going on from where the last page stopped while nothing is written', async () => {
    const { t, partnerId } = await longList(2_500);
    const walks = vi.spyOn(t.store, 'ordered');
    let path: string | undefined = '/v1/wholesale/subscribers?max=100&offset=1000';
    let pages = 0;
    let writes = 0;
    while (path !== undefined) {
      const r = await t.call('GET', path, ADMIN);
      expect(r.status).toBe(200);
      const offset = Number(new URL(path, TEST_ORIGIN).searchParams.get('offset'));
      expect(ids(r.body)).toEqual(allIds(t, partnerId).slice(offset, offset + 100));
      pages += 1;
      path = nextOf(r.headers.get('link'));
      // Between two pages, now and then, a write: one before the pages read so far goes.
      if (pages % 5 === 0 && path !== undefined) {
        t.store.apply([
          { op: 'delete', collection: 'subscribers', id: `sub-${String(pages).padStart(5, '0')}` },
        ]);
        writes += 1;
      }
    }
    expect(pages).toBeGreaterThan(10);
    expect(writes).toBe(2);
    // A walk from the start for the first page and after each write; every other page went on.
    expect(
      walks.mock.calls.filter(([c, index]) => c === 'subscribers' && index === 'created'),
    ).toHaveLength(1 + writes);
  });

  it('keeps a place for its own list alone: the list in another order, or a page before the place, walks afresh', async () => {
    const { t, partnerId } = await longList(2_500);
    const all = allIds(t, partnerId);
    const walks = vi.spyOn(t.store, 'ordered');
    const page = async (query: string) => {
      const r = await t.call('GET', `/v1/wholesale/subscribers?${query}`, ADMIN);
      expect(r.status).toBe(200);
      return ids(r.body);
    };
    expect(await page('max=50&offset=1200')).toEqual(all.slice(1200, 1250));
    // An earlier page than where the walk stopped cannot go on from it.
    expect(await page('max=50&offset=1100')).toEqual(all.slice(1100, 1150));
    // The same list in another order is another list.
    expect(await page('max=50&offset=1150&sortOrder=DESC')).toEqual(
      [...all].reverse().slice(1150, 1200),
    );
    expect(walks).toHaveBeenCalledTimes(3);
    // The place the first ASC walk left at 1,150 serves the next page of that list.
    expect(await page('max=50&offset=1150')).toEqual(all.slice(1150, 1200));
    expect(walks).toHaveBeenCalledTimes(3);
  });

  it('lets other work run while a page far into the list is walked, and a write meanwhile is in its answer', async () => {
    // More subscribers than a walk reads between two turns (4,096).
    const { t, partnerId } = await longList(6_000);
    const done: string[] = [];
    // Other work, waiting for a turn of the event loop: one of the subscribers the walk passes goes.
    setImmediate(() => {
      t.store.apply([{ op: 'delete', collection: 'subscribers', id: 'sub-00010' }]);
      done.push('other work');
    });
    const page = await t.call('GET', '/v1/wholesale/subscribers?max=10&offset=5500', ADMIN);
    done.push('deep page');
    expect(done).toEqual(['other work', 'deep page']);
    expect(page.status).toBe(200);
    expect(ids(page.body)).toEqual(allIds(t, partnerId).slice(5500, 5510));
    expect(ids(page.body)[0]).toBe('sub-05500');
  });

  it('answers a deep page even when every turn brings a write: walked again twice, then to its end at once', async () => {
    const { t, partnerId } = await longList(6_000);
    let writes = 0;
    let answered = false;
    const write = () => {
      if (answered) return;
      t.store.apply([
        { op: 'delete', collection: 'subscribers', id: `sub-${String(writes).padStart(5, '0')}` },
      ]);
      writes += 1;
      setImmediate(write);
    };
    setImmediate(write);
    const page = await t.call('GET', '/v1/wholesale/subscribers?max=10&offset=5000', ADMIN);
    answered = true;
    expect(page.status).toBe(200);
    expect(ids(page.body)).toEqual(allIds(t, partnerId).slice(5000, 5010));
    // A write at the turn of the first walk and of the second; the third walked to its end at once.
    expect(writes).toBe(2);
  });
});
