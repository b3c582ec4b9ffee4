import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ITEMS_A_TURN } from '../next-turn.ts';
import { arraySource, listHref, pageOf, readListQuery } from './list-view.ts';

const people = Array.from({ length: 53 }, (_, i) => ({
  name: `user${String(i).padStart(2, '0')}`,
  team: i % 3 === 0 ? 'red' : 'blue',
  n: i,
}));
const source = arraySource(people, {
  text: (p) => `${p.name} ${p.team}`,
  keys: { name: (p) => p.name, n: (p) => p.n, team: (p) => p.team },
});
const q = (params: Record<string, string>) =>
  readListQuery((k) => params[k], { sort: 'name' }, source.sortKeys);

describe('list pages: server-side paging, search and sort', () => {
  it('pages with a total count, and clamps a page past the end to the last', async () => {
    const first = await pageOf(source, q({ size: '25' }));
    expect(first.items.map((p) => p.name)).toEqual(people.slice(0, 25).map((p) => p.name));
    expect([first.total, first.page, first.pages]).toEqual([53, 1, 3]);
    const last = await pageOf(source, q({ size: '25', page: '9' }));
    expect([last.page, last.items.length]).toEqual([3, 3]);
  });

  it('searches case-insensitively and sorts either way, ties in their original order', async () => {
    const red = await pageOf(source, q({ q: 'RED', sort: 'n', dir: 'desc', size: '10' }));
    expect(red.total).toBe(18);
    expect(red.items.map((p) => p.n)).toEqual([51, 48, 45, 42, 39, 36, 33, 30, 27, 24]);
    const byTeam = await pageOf(source, q({ sort: 'team', size: '100' }));
    expect(byTeam.items.slice(0, 2).map((p) => p.name)).toEqual(['user01', 'user02']);
  });

  it('answers any page of a long list as sorting the whole list would (generated lists)', async () => {
    // Text keys with case, accents, numbers inside and ties; numeric keys with ties.
    const word = fc.constantFrom('a', 'B', 'b', 'é', 'e', 'x2', 'x10', 'X2', 'z', '');
    const item = fc.record({
      t: fc.array(word, { maxLength: 3 }).map((w) => w.join('')),
      n: fc.integer({ min: -3, max: 3 }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.array(item, { maxLength: 20 }),
          fc.array(item, { minLength: 100, maxLength: 400 }),
        ),
        fc.constantFrom('t', 'n'),
        fc.constantFrom('asc', 'desc') as fc.Arbitrary<'asc' | 'desc'>,
        fc.oneof(fc.nat(40), fc.nat(400)),
        fc.integer({ min: 1, max: 30 }),
        // Read in turns of a few items, as a long list is: the same answers.
        fc.constantFrom(undefined, 1, 7, 64),
        async (items, sort, dir, offset, limit, itemsATurn) => {
          const src = arraySource(items, {
            text: (x) => x.t,
            keys: { t: (x) => x.t, n: (x) => x.n },
            ...(itemsATurn !== undefined ? { itemsATurn } : {}),
          });
          const sign = dir === 'desc' ? -1 : 1;
          const sorted = items
            .map((x, i) => ({ x, i }))
            .sort((a, b) => {
              const c =
                sort === 'n'
                  ? a.x.n - b.x.n
                  : a.x.t.localeCompare(b.x.t, 'en', { sensitivity: 'base', numeric: true });
              return c !== 0 ? sign * c : a.i - b.i;
            })
            .map(({ x }) => x);
          const got = await src.slice({ search: '', sort, dir, offset, limit });
          expect(got.total).toBe(items.length);
          expect(got.items).toEqual(sorted.slice(offset, offset + limit));
        },
      ),
      { numRuns: 300, seed: 13 },
    );
  });

  it('reads a long list in turns: other work runs before its page is ready, the page the same', async () => {
    const many = Array.from({ length: ITEMS_A_TURN * 3 }, (_, i) => ({ name: `u${i}`, n: i % 97 }));
    const long = arraySource(many, {
      text: (p) => p.name,
      keys: { name: (p) => p.name, n: (p) => p.n },
    });
    for (const params of [
      { sort: 'n', dir: 'desc' },
      { sort: 'name', page: '300', size: '25' },
      { q: 'u1', sort: 'n' },
    ]) {
      const order: string[] = [];
      setImmediate(() => order.push('other'));
      const page = await pageOf(
        long,
        readListQuery((k) => params[k as keyof typeof params], { sort: 'name' }, long.sortKeys),
      );
      order.push('page');
      expect(order).toEqual(['other', 'page']);
      const short = arraySource(many, {
        text: (p) => p.name,
        keys: { name: (p) => p.name, n: (p) => p.n },
        itemsATurn: Number.MAX_SAFE_INTEGER,
      });
      const once = await pageOf(
        short,
        readListQuery((k) => params[k as keyof typeof params], { sort: 'name' }, long.sortKeys),
      );
      expect(page).toEqual(once);
    }
    // A short list is answered without giving up its turn.
    const order: string[] = [];
    setImmediate(() => order.push('other'));
    await pageOf(source, q({ sort: 'n' }));
    order.push('page');
    expect(order).toEqual(['page']);
  });

  it('falls back on unknown sort keys, sizes and pages', () => {
    expect(q({ sort: 'password', size: '7', page: '-3', dir: 'sideways' })).toEqual({
      q: '',
      sort: 'name',
      dir: 'asc',
      page: 1,
      size: 25,
    });
  });

  it('builds links that change some parameters and keep the filters', () => {
    expect(listHref('http://x/users?status=error&page=3', { page: 4, q: '' })).toBe(
      'http://x/users?status=error&page=4',
    );
  });
});
