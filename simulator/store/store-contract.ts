import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReplacementAbandoned, type Entity, type Store } from '../core/kernel/store-port.ts';
import { groupEnd, pairKey } from '../core/kernel/indexes.ts';

/** What a store implementation hands the contract: a fresh store, how to reopen it, how to clean up. */
export interface ContractFixture {
  readonly store: Store;
  /** Closes the store and opens it again from what it kept (durable stores only). */
  readonly reopen?: () => Promise<Store>;
  readonly cleanup: () => Promise<void>;
}

interface Person extends Entity {
  readonly name: string;
  readonly tags?: readonly string[];
}

const person = (id: string, name = `name of ${id}`): Person => ({ id, name });
const ids = (entities: readonly Entity[]): string[] => entities.map((e) => e.id);

/**
 * The behaviour every `Store` shares (store-port.ts). Each implementation's test file runs it with
 * a function that opens a fresh, empty store.
 */
export const runStoreContract = (name: string, open: () => Promise<ContractFixture>): void => {
  describe(`${name}: the Store contract`, async () => {
    // Whether the store can be reopened decides which tests exist, so ask one fixture up front.
    const probe = await open();
    const durable = probe.reopen !== undefined;
    await probe.store.close();
    await probe.cleanup();

    let fixture: ContractFixture;
    let store: Store;

    beforeEach(async () => {
      fixture = await open();
      store = fixture.store;
    });

    afterEach(async () => {
      await store.close();
      await fixture.cleanup();
    });

    it('gets what was put, and nothing for an unknown id or collection', () => {
      store.apply([{ op: 'put', collection: 'people', value: person('p1', 'Ada') }]);
      expect(store.get('people', 'p1')).toEqual({ id: 'p1', name: 'Ada' });
      expect(store.get('people', 'p2')).toBeUndefined();
      expect(store.get('robots', 'p1')).toBeUndefined();
    });

    it('lists and counts each collection on its own', () => {
      store.apply([
        { op: 'put', collection: 'people', value: person('p1') },
        { op: 'put', collection: 'people', value: person('p2') },
        { op: 'put', collection: 'robots', value: person('r1') },
      ]);
      expect(ids(store.list('people'))).toEqual(['p1', 'p2']);
      expect(ids(store.list('robots'))).toEqual(['r1']);
      expect(store.list('nobody')).toEqual([]);
      expect(store.count('people')).toBe(2);
      expect(store.count('robots')).toBe(1);
      expect(store.count('nobody')).toBe(0);
    });

    it('lists in the order ids were first put; putting an id again replaces it in place', () => {
      for (const id of ['c', 'a', 'b'])
        store.apply([{ op: 'put', collection: 'people', value: person(id) }]);
      store.apply([{ op: 'put', collection: 'people', value: person('c', 'Cleo') }]);
      expect(store.list('people')).toEqual([{ id: 'c', name: 'Cleo' }, person('a'), person('b')]);
      expect(store.count('people')).toBe(3);
    });

    it('deletes an entity, and deleting an unknown one changes nothing', () => {
      store.apply([
        { op: 'put', collection: 'people', value: person('p1') },
        { op: 'put', collection: 'people', value: person('p2') },
        { op: 'put', collection: 'people', value: person('p3') },
      ]);
      store.apply([{ op: 'delete', collection: 'people', id: 'p2' }]);
      expect(store.get('people', 'p2')).toBeUndefined();
      expect(ids(store.list('people'))).toEqual(['p1', 'p3']);
      expect(store.count('people')).toBe(2);
      store.apply([
        { op: 'delete', collection: 'people', id: 'nobody' },
        { op: 'delete', collection: 'robots', id: 'p1' },
      ]);
      expect(ids(store.list('people'))).toEqual(['p1', 'p3']);
    });

    it('applies a batch in order: a clear then puts leaves only the puts, in every collection', () => {
      store.apply([
        { op: 'put', collection: 'people', value: person('old1') },
        { op: 'put', collection: 'robots', value: person('old2') },
      ]);
      store.apply([
        { op: 'put', collection: 'people', value: person('gone') },
        { op: 'clear' },
        { op: 'put', collection: 'people', value: person('new1') },
        { op: 'put', collection: 'people', value: person('new2') },
        { op: 'delete', collection: 'people', id: 'new2' },
      ]);
      expect(ids(store.list('people'))).toEqual(['new1']);
      expect(store.count('robots')).toBe(0);
      expect(store.get('people', 'old1')).toBeUndefined();
      expect(store.get('people', 'gone')).toBeUndefined();
      expect(store.dump()).toEqual({ people: [person('new1')] });
    });

    it('keeps its own copy: changing the object after putting it does not change the store', () => {
      const value = { id: 'p1', name: 'Ada', tags: ['a'] };
      store.apply([{ op: 'put', collection: 'people', value }]);
      value.name = 'Changed';
      value.tags.push('b');
      expect(store.get('people', 'p1')).toEqual({ id: 'p1', name: 'Ada', tags: ['a'] });
    });

    it('hands out frozen values, and lists that do not write through', () => {
      const ada: Person = { id: 'p1', name: 'Ada', tags: ['a'] };
      store.apply([{ op: 'put', collection: 'people', value: ada }]);
      const stored = store.get('people', 'p1') as Person;
      expect(Object.isFrozen(stored)).toBe(true);
      expect(Object.isFrozen(stored.tags)).toBe(true);
      expect(() => {
        (stored as { name: string }).name = 'Changed';
      }).toThrow(TypeError);
      expect(() => (stored.tags as string[]).push('b')).toThrow(TypeError);
      (store.list('people') as Entity[]).push(person('intruder'));
      (store.dump()['people'] as Entity[] | undefined)?.push(person('intruder'));
      expect(store.get('people', 'p1')).toEqual({ id: 'p1', name: 'Ada', tags: ['a'] });
      expect(ids(store.list('people'))).toEqual(['p1']);
      expect(store.count('people')).toBe(1);
    });

    it('dumps every collection with its entities in order', () => {
      store.apply([
        { op: 'put', collection: 'people', value: person('p2') },
        { op: 'put', collection: 'robots', value: person('r1') },
        { op: 'put', collection: 'people', value: person('p1') },
      ]);
      expect(store.dump()).toEqual({
        people: [person('p2'), person('p1')],
        robots: [person('r1')],
      });
    });

    it('refuses a batch holding a value it could not write and read back, and keeps nothing of it', () => {
      store.apply([{ op: 'put', collection: 'people', value: person('p1') }]);
      const before = store.dump();
      let deep: unknown = 'bottom';
      for (let i = 0; i < 4_000; i += 1) deep = { a: deep };
      for (const bad of [{ deep }, { n: Number.NaN }, { n: Infinity }, { when: new Date(0) }]) {
        expect(() =>
          store.apply([
            { op: 'put', collection: 'people', value: person('p2') },
            { op: 'put', collection: 'people', value: { id: 'bad', ...bad } as Entity },
          ]),
        ).toThrow(/^Refused to store people bad: /);
        expect(store.dump()).toEqual(before);
      }
    });

    it('treats an empty batch as nothing', () => {
      store.apply([{ op: 'put', collection: 'people', value: person('p1') }]);
      const before = store.dump();
      const revision = store.revision;
      store.apply([]);
      expect(store.dump()).toEqual(before);
      expect(store.revision).toBe(revision);
    });

    it('changes its revision with every write, and only then', () => {
      const seen = new Set<object>([store.revision]);
      for (const batch of [
        [{ op: 'put' as const, collection: 'people', value: person('p1') }],
        [{ op: 'put' as const, collection: 'people', value: person('p1', 'Ada') }],
        [{ op: 'delete' as const, collection: 'people', id: 'p1' }],
        [{ op: 'clear' as const }],
      ]) {
        const before = store.revision;
        store.get('people', 'p1');
        store.list('people');
        expect(store.revision).toBe(before);
        store.apply(batch);
        expect(seen.has(store.revision)).toBe(false);
        seen.add(store.revision);
      }
      const last = store.revision;
      expect(() =>
        store.apply([
          { op: 'put', collection: 'people', value: { id: 'bad', n: Number.NaN } as Entity },
        ]),
      ).toThrow();
      expect(store.revision).toBe(last);
    });

    it('flushes without losing anything', async () => {
      store.apply([{ op: 'put', collection: 'people', value: person('p1') }]);
      await store.flush();
      expect(store.dump()).toEqual({ people: [person('p1')] });
    });

    describe('indexes (kernel/indexes.ts), kept by every write', () => {
      const sub = (id: string, fields: Record<string, string>): Entity =>
        ({ id, ...fields }) as Entity;
      const put = (value: Entity) => ({ op: 'put', collection: 'subscribers', value }) as const;

      it('finds by each key in list order, follows changed keys and deletes, and empties on clear', () => {
        store.apply([
          put(sub('s1', { email: 'Ada@X.example', customerId: 'c1', status: 'provisioned' })),
          put(sub('s2', { email: 'bo@x.example', customerId: 'c2', status: 'provisioned' })),
          put(sub('s3', { email: 'cy@x.example', customerId: 'c1', extension: '100' })),
        ]);
        expect(ids(store.lookup('subscribers', 'email', 'ada@x.example'))).toEqual(['s1']);
        expect(ids(store.lookup('subscribers', 'customerId', 'c1'))).toEqual(['s1', 's3']);
        expect(ids(store.lookup('subscribers', 'customerExtension', 'c1\u0000100'))).toEqual([
          's3',
        ]);
        // s1 moves to c2 after s2 was put: c2's list still follows the store's order.
        store.apply([put(sub('s1', { email: 'ada@x.example', customerId: 'c2' }))]);
        expect(ids(store.lookup('subscribers', 'customerId', 'c2'))).toEqual(['s1', 's2']);
        expect(ids(store.lookup('subscribers', 'customerId', 'c1'))).toEqual(['s3']);
        expect(ids(store.lookup('subscribers', 'status', 'provisioned'))).toEqual(['s2']);
        expect(store.lookup('subscribers', 'customerId', 'c1')[0]).toEqual(
          store.get('subscribers', 's3'),
        );
        store.apply([{ op: 'delete', collection: 'subscribers', id: 's2' }]);
        expect(ids(store.lookup('subscribers', 'customerId', 'c2'))).toEqual(['s1']);
        expect(store.lookup('subscribers', 'email', 'bo@x.example')).toEqual([]);
        store.apply([{ op: 'clear' }, put(sub('s9', { email: 'ada@x.example' }))]);
        expect(ids(store.lookup('subscribers', 'email', 'ada@x.example'))).toEqual(['s9']);
        expect(store.lookup('subscribers', 'customerId', 'c1')).toEqual([]);
        expect(() => store.lookup('subscribers', 'nickname', 'x')).toThrow(/no index/);
      });

      it('finds every entity with a time above a key, in list order, as times change and entities go', () => {
        const at = (id: string, created: string, lastStatusChange: string) =>
          put(sub(id, { created, lastStatusChange }));
        store.apply([
          at('s1', '2026-01-03T00:00:00.000Z', '2026-01-03T00:00:00.000Z'),
          at('s2', '2026-01-01T00:00:00.000Z', '2026-01-05T00:00:00.000Z'),
          at('s3', '2026-01-02T00:00:00.000Z', '2026-01-02T00:00:00.000Z'),
          at('s4', '2026-01-02T00:00:00.000Z', '2026-01-02T00:00:00.000Z'),
        ]);
        const above = (index: string, key: string) => ids(store.above('subscribers', index, key));
        // Strictly above, in the order ids were first put (not in time order).
        expect(above('created', '2026-01-01T00:00:00.000Z')).toEqual(['s1', 's3', 's4']);
        expect(above('created', '2026-01-02T00:00:00.000Z')).toEqual(['s1']);
        expect(above('created', '2026-01-03T00:00:00.000Z')).toEqual([]);
        expect(above('lastStatusChange', '2026-01-02T12:00:00.000Z')).toEqual(['s1', 's2']);
        store.apply([at('s3', '2026-01-02T00:00:00.000Z', '2026-01-09T00:00:00.000Z')]);
        expect(above('lastStatusChange', '2026-01-02T12:00:00.000Z')).toEqual(['s1', 's2', 's3']);
        store.apply([{ op: 'delete', collection: 'subscribers', id: 's1' }]);
        expect(above('created', '2026-01-01T00:00:00.000Z')).toEqual(['s3', 's4']);
        expect(store.above('subscribers', 'created', '2026-01-01T00:00:00.000Z')[0]).toEqual(
          store.get('subscribers', 's3'),
        );
        store.apply([{ op: 'clear' }]);
        expect(above('created', '2000-01-01T00:00:00.000Z')).toEqual([]);
        expect(() => store.above('subscribers', 'email', 'a')).toThrow(/no ordered index/);
      });

      it('walks an ordered index by key, ties in list order, either way, lazily, and counts under a key', () => {
        const at = (id: string, created: string, status = 'provisioned') =>
          put(sub(id, { created, lastStatusChange: created, status }));
        store.apply([
          at('s1', '2026-01-03T00:00:00.000Z'),
          at('s2', '2026-01-01T00:00:00.000Z', 'error'),
          at('s3', '2026-01-02T00:00:00.000Z'),
          at('s4', '2026-01-02T00:00:00.000Z'),
          at('s5', '2026-01-01T00:00:00.000Z'),
        ]);
        const walk = (descending: boolean, above?: string) =>
          ids([...store.ordered('subscribers', 'created', { descending, above })]);
        expect(walk(false)).toEqual(['s2', 's5', 's3', 's4', 's1']);
        expect(walk(true)).toEqual(['s1', 's4', 's3', 's5', 's2']);
        expect(walk(false, '2026-01-01T00:00:00.000Z')).toEqual(['s3', 's4', 's1']);
        expect(walk(true, '2026-01-01T00:00:00.000Z')).toEqual(['s1', 's4', 's3']);
        expect(walk(true, '2026-01-03T00:00:00.000Z')).toEqual([]);
        // A tie put again keeps its place (list order is the order of the first put).
        store.apply([at('s3', '2026-01-02T00:00:00.000Z', 'error')]);
        expect(walk(false)).toEqual(['s2', 's5', 's3', 's4', 's1']);
        // Lazy: taking two reads no further.
        const first: string[] = [];
        for (const e of store.ordered('subscribers', 'created', { descending: false })) {
          first.push(e.id);
          if (first.length === 2) break;
        }
        expect(first).toEqual(['s2', 's5']);
        expect(store.countOf('subscribers', 'status', 'provisioned')).toBe(3);
        expect(store.countOf('subscribers', 'status', 'error')).toBe(2);
        expect(store.countOf('subscribers', 'status', 'nothing')).toBe(0);
        store.apply([{ op: 'delete', collection: 'subscribers', id: 's4' }]);
        expect(walk(false)).toEqual(['s2', 's5', 's3', 's1']);
        expect(store.countOf('subscribers', 'status', 'provisioned')).toBe(2);
        expect(() => [...store.ordered('subscribers', 'email', { descending: false })]).toThrow(
          /no ordered index/,
        );
        expect(() => store.countOf('subscribers', 'nickname', 'x')).toThrow(/no index/);
      });

      it('walks the entities under a key lazily, in list order or its reverse', () => {
        const of = (id: string, customerId: string) => put(sub(id, { customerId }));
        store.apply([of('s1', 'c1'), of('s2', 'c2'), of('s3', 'c1'), of('s4', 'c1')]);
        const walk = (key: string, descending?: boolean) =>
          ids([...store.walkKey('subscribers', 'customerId', key, descending)]);
        expect(walk('c1')).toEqual(['s1', 's3', 's4']);
        expect(walk('c1', true)).toEqual(['s4', 's3', 's1']);
        expect(walk('c2', true)).toEqual(['s2']);
        expect(walk('nobody')).toEqual([]);
        // s1 leaves c1 and comes back: it keeps its place in list order.
        store.apply([of('s1', 'c2')]);
        expect(walk('c1')).toEqual(['s3', 's4']);
        store.apply([of('s1', 'c1')]);
        expect(walk('c1')).toEqual(['s1', 's3', 's4']);
        expect(walk('c1', true)).toEqual(['s4', 's3', 's1']);
        expect(ids(store.lookup('subscribers', 'customerId', 'c1'))).toEqual(['s1', 's3', 's4']);
        // Lazy: taking one reads no further, and it reads the entity as stored now.
        for (const e of store.walkKey('subscribers', 'customerId', 'c1')) {
          expect(e).toEqual(store.get('subscribers', 's1'));
          break;
        }
        expect(() => [...store.walkKey('subscribers', 'nickname', 'x')]).toThrow(/no index/);
      });

      it('walks between two keys, and one customer by time, a page at a time, either way', () => {
        const at = (id: string, customerId: string, created: string, changed = created) =>
          put(sub(id, { customerId, created, lastStatusChange: changed }));
        store.apply([
          at('s1', 'c2', '2026-01-03T00:00:00.000Z'),
          at('s2', 'c1', '2026-01-02T00:00:00.000Z', '2026-01-05T00:00:00.000Z'),
          at('s3', 'c10', '2026-01-01T00:00:00.000Z'),
          at('s4', 'c1', '2026-01-04T00:00:00.000Z', '2026-01-04T00:00:00.000Z'),
          at('s5', 'c1', '2026-01-02T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
        ]);
        const walk = (index: string, descending: boolean, above?: string, below?: string) =>
          ids([...store.ordered('subscribers', index, { descending, above, below })]);
        const day = (d: number) => `2026-01-0${d}T00:00:00.000Z`;
        expect(walk('created', false, undefined, day(3))).toEqual(['s3', 's2', 's5']);
        expect(walk('created', true, undefined, day(3))).toEqual(['s5', 's2', 's3']);
        expect(walk('created', false, day(1), day(4))).toEqual(['s2', 's5', 's1']);
        expect(walk('created', true, day(1), day(4))).toEqual(['s1', 's5', 's2']);
        expect(walk('created', true, day(2), day(3))).toEqual([]);
        // One customer's keys lie between pairKey(id, time) and groupEnd(id), and c1 is not c10.
        const c1 = (index: string, descending: boolean, from = '') =>
          walk(index, descending, pairKey('c1', from), groupEnd('c1'));
        expect(c1('customerCreated', false)).toEqual(['s2', 's5', 's4']);
        expect(c1('customerCreated', true)).toEqual(['s4', 's5', 's2']);
        expect(c1('customerCreated', false, day(2))).toEqual(['s4']);
        expect(c1('customerLastStatusChange', false)).toEqual(['s5', 's4', 's2']);
        expect(c1('customerLastStatusChange', true, day(1))).toEqual(['s2', 's4']);
        // Ties stay in list order when one leaves a key and comes back, walked either way.
        store.apply([at('s2', 'c1', day(3), day(5))]);
        store.apply([at('s2', 'c1', day(2), day(5))]);
        expect(walk('created', false, day(1), day(3))).toEqual(['s2', 's5']);
        expect(walk('created', true, day(1), day(3))).toEqual(['s5', 's2']);
        expect(ids(store.lookup('subscribers', 'created', day(2)))).toEqual(['s2', 's5']);
        // A subscriber moved to another customer leaves the first one's walk.
        store.apply([at('s4', 'c10', day(4))]);
        expect(c1('customerCreated', true)).toEqual(['s5', 's2']);
        expect(walk('customerCreated', false, pairKey('c10', ''), groupEnd('c10'))).toEqual([
          's3',
          's4',
        ]);
      });

      it('finds the least event by due time, then sequence, as events come and go', () => {
        const evt = (id: string, dueAt: string, seq: number) =>
          ({
            op: 'put',
            collection: 'events',
            value: { id, seq, dueAt, kind: 'k', payload: {} },
          }) as const;
        expect(store.least('events')).toBeUndefined();
        store.apply([
          evt('e1', '2026-01-02T00:00:00.000Z', 1),
          evt('e2', '2026-01-01T00:00:00.000Z', 3),
          evt('e3', '2026-01-01T00:00:00.000Z', 2),
        ]);
        expect(store.least('events')?.id).toBe('e3');
        store.apply([{ op: 'delete', collection: 'events', id: 'e3' }]);
        expect(store.least('events')?.id).toBe('e2');
        store.apply([evt('e2', '2026-01-03T00:00:00.000Z', 3)]);
        expect(store.least('events')?.id).toBe('e1');
        store.apply([{ op: 'clear' }]);
        expect(store.least('events')).toBeUndefined();
      });

      if (durable)
        it('builds its indexes again on reopen', async () => {
          const created = '2026-01-01T00:00:00.000Z';
          store.apply([
            put(sub('s1', { email: 'ada@x.example', customerId: 'c1', created })),
            put(sub('s2', { email: 'bo@x.example', customerId: 'c1', created })),
          ]);
          store.apply([{ op: 'delete', collection: 'subscribers', id: 's1' }]);
          store.apply([
            {
              op: 'put',
              collection: 'events',
              value: {
                id: 'e1',
                seq: 1,
                dueAt: '2026-01-01T00:00:00.000Z',
                kind: 'k',
                payload: {},
              } as Entity,
            },
          ]);
          store = await fixture.reopen!();
          expect(ids(store.lookup('subscribers', 'customerId', 'c1'))).toEqual(['s2']);
          expect(ids(store.above('subscribers', 'created', '2025-12-31T00:00:00.000Z'))).toEqual([
            's2',
          ]);
          expect(store.lookup('subscribers', 'email', 'ada@x.example')).toEqual([]);
          expect(store.least('events')?.id).toBe('e1');
        });
    });

    describe('replace: the whole content, in steps', () => {
      /** More subscribers than a step puts, so a replacement takes several. */
      const MANY = 2_500;
      const sub = (i: number, customerId: string): Entity =>
        ({ id: `s${i}`, email: `u${i}@x.example`, customerId }) as Entity;
      const image = (customerId: string) => ({
        people: [person('p1', 'Ada'), person('p2')],
        subscribers: Array.from({ length: MANY }, (_, i) => sub(i, customerId)),
      });
      /** Runs a replacement's steps, calling `between` after each one but the last. */
      const run = (steps: Generator<string, void, void>, between: (step: number) => void) => {
        let n = 0;
        for (let r = steps.next(); !r.done; r = steps.next()) between((n += 1));
        return n;
      };

      it('ends holding what apply of a clear and the puts holds, indexes and all', () => {
        store.apply([
          { op: 'put', collection: 'people', value: person('old') },
          { op: 'put', collection: 'robots', value: person('r1') },
          { op: 'put', collection: 'subscribers', value: sub(0, 'c-old') },
        ]);
        const revision = store.revision;
        const steps = run(store.replace(image('c1')), () => undefined);
        expect(steps).toBeGreaterThan(2);
        expect(store.revision).not.toBe(revision);
        expect(store.list('people')).toEqual([{ id: 'p1', name: 'Ada' }, person('p2')]);
        expect(store.count('robots')).toBe(0);
        expect(store.count('subscribers')).toBe(MANY);
        expect(store.lookup('subscribers', 'customerId', 'c-old')).toEqual([]);
        expect(ids(store.lookup('subscribers', 'customerId', 'c1'))).toHaveLength(MANY);
        expect(ids(store.lookup('subscribers', 'email', 'u7@x.example'))).toEqual(['s7']);
        expect(Object.isFrozen(store.get('subscribers', 's7'))).toBe(true);
        expect(store.dump()).toEqual(image('c1'));
      });

      it('holds, restored from its own dump, the same values rather than a second copy of them', () => {
        run(store.replace(image('c1')), () => undefined);
        const saved = store.dump();
        store.apply([{ op: 'put', collection: 'people', value: person('later') }]);
        run(store.replace(saved), () => undefined);
        expect(store.dump()).toEqual(saved);
        expect(store.get('subscribers', 's7')).toBe(saved['subscribers']![7]);
        expect(store.get('people', 'p1')).toBe(saved['people']![0]);
      });

      it('is read as it was until its last step, then as the replacement at once', () => {
        store.apply([{ op: 'put', collection: 'people', value: person('old') }]);
        const revision = store.revision;
        run(store.replace(image('c1')), () => {
          expect(ids(store.list('people'))).toEqual(['old']);
          expect(store.count('subscribers')).toBe(0);
          expect(store.revision).toBe(revision);
        });
        expect(ids(store.list('people'))).toEqual(['p1', 'p2']);
      });

      it('is abandoned by a write between two steps, which alone stays', () => {
        store.apply([{ op: 'put', collection: 'people', value: person('old') }]);
        const steps = store.replace(image('c1'));
        steps.next();
        store.apply([{ op: 'put', collection: 'people', value: person('meanwhile') }]);
        expect(() => run(steps, () => undefined)).toThrow(ReplacementAbandoned);
        expect(ids(store.list('people'))).toEqual(['old', 'meanwhile']);
        expect(store.count('subscribers')).toBe(0);
      });

      it('refuses a value that could not be stored, changing nothing', () => {
        store.apply([{ op: 'put', collection: 'people', value: person('old') }]);
        const bad = { people: [person('p1'), { id: 'p2', when: new Date(0) } as Entity] };
        expect(() => run(store.replace(bad), () => undefined)).toThrow(
          /Refused to store people p2/,
        );
        expect(store.dump()).toEqual({ people: [person('old')] });
      });

      if (durable) {
        it('is kept after a reopen once done, and never half done', async () => {
          store.apply([{ op: 'put', collection: 'people', value: person('old') }]);
          // Given up after a few steps (the process killed mid-way): the store opens as it was.
          const cut = store.replace(image('c1'));
          for (let i = 0; i < 3; i += 1) cut.next();
          store = await fixture.reopen!();
          expect(store.dump()).toEqual({ people: [person('old')] });
          run(store.replace(image('c2')), () => undefined);
          store.apply([{ op: 'put', collection: 'people', value: person('after') }]);
          store = await fixture.reopen!();
          expect(ids(store.list('people'))).toEqual(['p1', 'p2', 'after']);
          expect(ids(store.lookup('subscribers', 'customerId', 'c2'))).toHaveLength(MANY);
        });

        it('keeps, after a reopen, a write that abandoned it and nothing of the replacement', async () => {
          store.apply([{ op: 'put', collection: 'people', value: person('old') }]);
          const steps = store.replace(image('c1'));
          for (let i = 0; i < 3; i += 1) steps.next();
          store.apply([{ op: 'put', collection: 'people', value: person('meanwhile') }]);
          expect(() => run(steps, () => undefined)).toThrow(ReplacementAbandoned);
          store.apply([{ op: 'put', collection: 'people', value: person('after') }]);
          store = await fixture.reopen!();
          expect(ids(store.list('people'))).toEqual(['old', 'meanwhile', 'after']);
          expect(store.count('subscribers')).toBe(0);
        });
      }
    });

    if (durable) {
      it('keeps, after a reopen, every put, delete and clear applied before', async () => {
        const reopen = fixture.reopen;
        if (!reopen) throw new Error(`${name}: open() gave a reopen once, and then not`);
        store.apply([
          { op: 'put', collection: 'people', value: person('wiped') },
          { op: 'put', collection: 'robots', value: person('r0') },
        ]);
        store.apply([{ op: 'clear' }, { op: 'put', collection: 'people', value: person('c') }]);
        store.apply([{ op: 'put', collection: 'people', value: person('a') }]);
        store.apply([{ op: 'put', collection: 'people', value: person('b') }]);
        store.apply([{ op: 'put', collection: 'people', value: person('c', 'Cleo') }]);
        store.apply([{ op: 'delete', collection: 'people', id: 'a' }]);
        store.apply([{ op: 'put', collection: 'robots', value: person('r1') }]);
        store.apply([]);
        const before = store.dump();
        store = await reopen();
        expect(store.dump()).toEqual(before);
        expect(store.list('people')).toEqual([{ id: 'c', name: 'Cleo' }, person('b')]);
        expect(store.get('people', 'a')).toBeUndefined();
        expect(store.get('people', 'wiped')).toBeUndefined();
        expect(ids(store.list('robots'))).toEqual(['r1']);
        // The reopened store goes on working, and what it is given survives the next reopen too.
        store.apply([{ op: 'put', collection: 'people', value: person('d') }]);
        store = await reopen();
        expect(ids(store.list('people'))).toEqual(['c', 'b', 'd']);
        expect(Object.isFrozen(store.get('people', 'd'))).toBe(true);
      });
    }
  });
};
