import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
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
  it('pages with a total count, and clamps a page past the end to the last', () => {
    const first = pageOf(source, q({ size: '25' }));
    expect(first.items.map((p) => p.name)).toEqual(people.slice(0, 25).map((p) => p.name));
    expect([first.total, first.page, first.pages]).toEqual([53, 1, 3]);
    const last = pageOf(source, q({ size: '25', page: '9' }));
    expect([last.page, last.items.length]).toEqual([3, 3]);
  });

  it('searches case-insensitively and sorts either way, ties in their original order', () => {
    const red = pageOf(source, q({ q: 'RED', sort: 'n', dir: 'desc', size: '10' }));
    expect(red.total).toBe(18);
    expect(red.items.map((p) => p.n)).toEqual([51, 48, 45, 42, 39, 36, 33, 30, 27, 24]);
    const byTeam = pageOf(source, q({ sort: 'team', size: '100' }));
    expect(byTeam.items.slice(0, 2).map((p) => p.name)).toEqual(['user01', 'user02']);
  });

  it('answers any page of a long list as sorting the whole list would (generated lists)', () => {
    // Text keys with case, accents, numbers inside and ties; numeric keys with ties.
    const word = fc.constantFrom('a', 'B', 'b', 'é', 'e', 'x2', 'x10', 'X2', 'z', '');
    const item = fc.record({
      t: fc.array(word, { maxLength: 3 }).map((w) => w.join('')),
      n: fc.integer({ min: -3, max: 3 }),
    });
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(item, { maxLength: 20 }),
          fc.array(item, { minLength: 100, maxLength: 400 }),
        ),
        fc.constantFrom('t', 'n'),
        fc.constantFrom('asc', 'desc') as fc.Arbitrary<'asc' | 'desc'>,
        fc.nat(40),
        fc.integer({ min: 1, max: 30 }),
        (items, sort, dir, offset, limit) => {
          const src = arraySource(items, {
            text: (x) => x.t,
            keys: { t: (x) => x.t, n: (x) => x.n },
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
          const got = src.slice({ search: '', sort, dir, offset, limit });
          expect(got.total).toBe(items.length);
          expect(got.items).toEqual(sorted.slice(offset, offset + limit));
        },
      ),
      { numRuns: 300, seed: 13 },
    );
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
