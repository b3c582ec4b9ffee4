import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../store/memory-store.ts';
import { UnitOfWork } from './unit-of-work.ts';

const seeded = (): MemoryStore => {
  const s = new MemoryStore();
  s.apply([
    { op: 'put', collection: 'c', value: { id: 'a' } },
    { op: 'put', collection: 'c', value: { id: 'b' } },
  ]);
  return s;
};

describe('unit of work (SIM-2: a rejected command changes nothing)', () => {
  it('shows its own writes to its reads, and nothing to the store until applied', () => {
    const store = seeded();
    const uow = new UnitOfWork(store);
    uow.put('c', { id: 'c', v: 1 } as { id: string });
    uow.delete('c', 'a');
    expect(uow.list('c').map((e) => e.id)).toEqual(['b', 'c']);
    expect(uow.get('c', 'a')).toBeUndefined();
    expect(store.list('c').map((e) => e.id)).toEqual(['a', 'b']);
    store.apply(uow.changes());
    expect(store.list('c').map((e) => e.id)).toEqual(['b', 'c']);
  });

  it('replaces a stored entity in place in its reads', () => {
    const uow = new UnitOfWork(seeded());
    uow.put('c', { id: 'a', v: 2 } as { id: string });
    expect(uow.list('c')).toEqual([{ id: 'a', v: 2 }, { id: 'b' }]);
    expect(uow.count('c')).toBe(2);
  });

  it('clear hides everything stored and keeps what is put after it', () => {
    const store = seeded();
    const uow = new UnitOfWork(store);
    uow.clear();
    uow.put('c', { id: 'z' });
    expect(uow.list('c').map((e) => e.id)).toEqual(['z']);
    store.apply(uow.changes());
    expect(store.list('c').map((e) => e.id)).toEqual(['z']);
  });

  it('shows its own writes to ordered-index reads: new, moved into range, moved out, deleted', () => {
    const store = new MemoryStore();
    const sub = (id: string, created: string) => ({ id, created }) as { id: string };
    store.apply([
      { op: 'put', collection: 'subscribers', value: sub('a', '2026-01-02') },
      { op: 'put', collection: 'subscribers', value: sub('b', '2026-01-03') },
      { op: 'put', collection: 'subscribers', value: sub('c', '2026-01-01') },
    ]);
    const uow = new UnitOfWork(store);
    uow.put('subscribers', sub('n', '2026-01-04'));
    uow.put('subscribers', sub('c', '2026-01-05'));
    uow.put('subscribers', sub('b', '2026-01-01'));
    uow.delete('subscribers', 'a');
    const above = (key: string) => uow.above('subscribers', 'created', key).map((e) => e.id);
    expect(above('2026-01-01')).toEqual(['n', 'c']);
    expect(store.above('subscribers', 'created', '2026-01-01').map((e) => e.id)).toEqual([
      'a',
      'b',
    ]);
    uow.clear();
    expect(above('2000-01-01')).toEqual([]);
  });

  it('shows its own writes to ordered walks and counts; untouched, it walks the store', () => {
    const store = new MemoryStore();
    const sub = (id: string, created: string, status = 'provisioned') =>
      ({ id, created, status }) as { id: string };
    store.apply([
      { op: 'put', collection: 'subscribers', value: sub('a', '2026-01-02') },
      { op: 'put', collection: 'subscribers', value: sub('b', '2026-01-03') },
    ]);
    const uow = new UnitOfWork(store);
    const walk = (descending: boolean, above?: string, below?: string) =>
      [...uow.ordered('subscribers', 'created', { descending, above, below })].map((e) => e.id);
    expect(walk(false)).toEqual(['a', 'b']);
    // Untouched, it walks the store's index.
    expect([...uow.walkKey('subscribers', 'status', 'provisioned', true)].map((e) => e.id)).toEqual(
      ['b', 'a'],
    );
    uow.put('subscribers', sub('n', '2026-01-02', 'error'));
    uow.put('subscribers', sub('b', '2026-01-01'));
    expect(walk(false)).toEqual(['b', 'a', 'n']);
    expect(walk(true)).toEqual(['n', 'a', 'b']);
    expect(walk(false, '2026-01-01')).toEqual(['a', 'n']);
    expect(walk(true, undefined, '2026-01-02')).toEqual(['b']);
    expect(walk(false, '2026-01-00', '2026-01-03')).toEqual(['b', 'a', 'n']);
    expect(uow.countOf('subscribers', 'status', 'provisioned')).toBe(2);
    const statusWalk = (key: string, descending?: boolean) =>
      [...uow.walkKey('subscribers', 'status', key, descending)].map((e) => e.id);
    expect(statusWalk('provisioned')).toEqual(['a', 'b']);
    expect(statusWalk('provisioned', true)).toEqual(['b', 'a']);
    expect(statusWalk('error', true)).toEqual(['n']);
    uow.delete('subscribers', 'a');
    expect(walk(false)).toEqual(['b', 'n']);
    expect(uow.countOf('subscribers', 'status', 'provisioned')).toBe(1);
    expect(
      [...store.ordered('subscribers', 'created', { descending: false })].map((e) => e.id),
    ).toEqual(['a', 'b']);
  });
});
