import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { viewJson } from './view-json.ts';

interface Item {
  readonly id: string;
  readonly n: number;
}
interface Owner {
  readonly name: string;
}

const view = (item: Item, owner: Owner | undefined) => ({
  id: item.id,
  n: item.n,
  ...(owner ? { owner: owner.name } : {}),
});

describe('viewJson: the kept JSON of a view of stored entities', () => {
  it('always writes what JSON.stringify of the view writes, as items and owners are replaced', () => {
    // Items and owners are frozen and replaced on change, as a store keeps them; a small limit
    // makes the generations turn over.
    const op = fc.oneof(
      fc.record({ kind: fc.constant('item' as const), at: fc.nat(5), n: fc.integer() }),
      fc.record({ kind: fc.constant('owner' as const), at: fc.nat(2), name: fc.string() }),
      fc.record({ kind: fc.constant('read' as const), at: fc.nat(5), owner: fc.nat(3) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), fc.integer({ min: 1, max: 4 }), (ops, limit) => {
        const json = viewJson(view, limit);
        const items: Item[] = Array.from({ length: 6 }, (_, i) =>
          Object.freeze({ id: `i${i}`, n: i }),
        );
        const owners: Owner[] = Array.from({ length: 3 }, (_, i) =>
          Object.freeze({ name: `o${i}` }),
        );
        for (const o of ops) {
          if (o.kind === 'item') items[o.at] = Object.freeze({ id: `i${o.at}`, n: o.n });
          else if (o.kind === 'owner') owners[o.at] = Object.freeze({ name: o.name });
          else {
            const owner = o.owner === 3 ? undefined : owners[o.owner];
            expect(json(items[o.at]!, owner)).toBe(JSON.stringify(view(items[o.at]!, owner)));
          }
        }
      }),
    );
  });

  it('makes a frozen entity’s view once, and an unfrozen one on every call', () => {
    let made = 0;
    const json = viewJson((item: Item, owner: Owner | undefined) => {
      made += 1;
      return view(item, owner);
    });
    const owner = Object.freeze({ name: 'Acme' });
    const frozen = Object.freeze({ id: 'a', n: 1 });
    json(frozen, owner);
    json(frozen, owner);
    expect(made).toBe(1);
    // Changed in place under the same identity: never kept, so never stale.
    const open = { id: 'b', n: 1 };
    expect(json(open, owner)).toBe('{"id":"b","n":1,"owner":"Acme"}');
    open.n = 2;
    expect(json(open, owner)).toBe('{"id":"b","n":2,"owner":"Acme"}');
    const openOwner = { name: 'Globex' };
    json(frozen, openOwner);
    openOwner.name = 'Initech';
    expect(json(frozen, openOwner)).toBe('{"id":"a","n":1,"owner":"Initech"}');
  });
});
