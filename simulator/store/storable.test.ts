import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { frozenCopy, storableBatch, UnstorableValue, whyUnstorable } from './storable.ts';

describe('what the store takes: values that JSON writes and reads back the same', () => {
  it('takes plain objects, arrays and JSON scalars, from this realm or another (Jest VM modules)', () => {
    expect(whyUnstorable({ a: [1, 'x', true, null, { b: Object.create(null) }] })).toBeUndefined();
    const foreign = runInNewContext('({ config: { mode: "frozen", list: [{ n: 1 }] } })') as object;
    expect(Object.getPrototypeOf(foreign)).not.toBe(Object.prototype);
    expect(whyUnstorable(foreign)).toBeUndefined();
  });

  it('names what JSON would lose: class instances, dates, maps, NaN, functions, holes', () => {
    class Point {
      x = 1;
    }
    expect(whyUnstorable({ p: new Point() })).toBe('.p is a Point, not JSON');
    expect(whyUnstorable({ d: new Date(0) })).toBe('.d is a Date, not JSON');
    expect(whyUnstorable({ m: new Map() })).toBe('.m is a Map, not JSON');
    expect(whyUnstorable({ n: Number.NaN })).toBe('.n is NaN, which JSON cannot hold');
    expect(whyUnstorable({ f: () => 1 })).toBe('.f is a function, which JSON cannot hold');
    expect(whyUnstorable({ a: [1, undefined] })).toBe(
      '.a[1] is undefined, which JSON writes as null',
    );
    const foreignDate = runInNewContext('new Date(0)') as object;
    expect(whyUnstorable({ d: foreignDate })).toBe('.d is a Date, not JSON');
  });

  it('refuses a batch naming the record and why, and takes deletes as they are', () => {
    expect(() =>
      storableBatch([
        { op: 'put', collection: 'meta', value: { id: 'world' } },
        { op: 'put', collection: 'meta', value: { id: 'clock', at: new Date(0) } },
      ] as never),
    ).toThrow(
      new UnstorableValue(
        'Refused to store meta clock: .at is a Date, not JSON; nothing of the batch was stored.',
      ),
    );
    const del = { op: 'delete', collection: 'meta', id: 'x' } as const;
    expect(storableBatch([del])).toEqual([del]);
  });
});

describe("the store's copy of a value (frozenCopy)", () => {
  it("is equal, deeply frozen, and apart from the caller's object", () => {
    const value = {
      id: 'a',
      n: 1.5,
      list: [{ b: true, c: null }],
      nested: { deep: ['x'] },
      gone: undefined,
    };
    const copy = frozenCopy(value, 'thing a');
    expect(copy).toEqual(value);
    expect(JSON.stringify(copy)).toBe(JSON.stringify(value));
    expect(
      Object.isFrozen(copy) && Object.isFrozen(copy.list) && Object.isFrozen(copy.list[0]),
    ).toBe(true);
    expect(Object.isFrozen(copy.nested.deep)).toBe(true);
    value.list[0]!.b = false;
    value.nested.deep.push('y');
    expect(copy.list[0]!.b).toBe(true);
    expect(copy.nested.deep).toEqual(['x']);
    expect(Object.isFrozen(value)).toBe(false);
  });

  it("keeps an own __proto__ field as a field, and makes another realm's objects this realm's", () => {
    const parsed = JSON.parse('{"id":"p","__proto__":{"polluted":true}}') as Record<
      string,
      unknown
    >;
    const copy = frozenCopy(parsed, 'thing p');
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toEqual(['id', '__proto__']);
    expect(JSON.stringify(copy)).toBe('{"id":"p","__proto__":{"polluted":true}}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const foreign = runInNewContext('({ id: "f", list: [{ n: 1 }] })') as { list: object[] };
    const local = frozenCopy(foreign, 'thing f');
    expect(Object.getPrototypeOf(local)).toBe(Object.prototype);
    expect(Array.isArray(local.list) && local.list instanceof Array).toBe(true);
  });

  it('keeps a value already deeply frozen as it is: a stored value put again is not held twice', () => {
    const stored = frozenCopy({ id: 'a', list: [{ b: true }], nested: { deep: ['x'] } }, 'thing a');
    expect(frozenCopy(stored, 'thing a')).toBe(stored);
    // Rewritten from its stored self: a new record, holding the stored lists and records.
    const changed = frozenCopy({ ...stored, n: 2 }, 'thing a');
    expect(changed).not.toBe(stored);
    expect(changed).toEqual({ ...stored, n: 2 });
    expect(changed.list).toBe(stored.list);
    expect(changed.nested).toBe(stored.nested);
    expect(Object.isFrozen(changed)).toBe(true);
  });

  it('copies a frozen value that holds something still open to change, from that member on', () => {
    const open = { b: true };
    const tags = ['t'];
    const shallow = Object.freeze({ id: 'a', kept: Object.freeze(['k']), open, tags });
    const copy = frozenCopy(shallow, 'thing a');
    expect(copy).not.toBe(shallow);
    expect(Object.keys(copy)).toEqual(['id', 'kept', 'open', 'tags']);
    expect(copy.kept).toBe(shallow.kept);
    expect(copy.open).not.toBe(open);
    open.b = false;
    tags.push('u');
    expect(copy).toEqual({ id: 'a', kept: ['k'], open: { b: true }, tags: ['t'] });
    expect(Object.isFrozen(copy.open) && Object.isFrozen(copy.tags)).toBe(true);
    const list = Object.freeze([Object.freeze({ n: 1 }), { n: 2 }]);
    const copied = frozenCopy(list, 'thing l');
    expect(copied).not.toBe(list);
    expect(copied[0]).toBe(list[0]);
    expect(copied[1]).not.toBe(list[1]);
    expect(copied).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it('checks a frozen value all the same, and makes a frozen foreign or bare object a plain one', () => {
    for (const bad of [
      Object.freeze({ n: Number.NaN }),
      Object.freeze({ when: Object.freeze(new Date(0)) }),
      Object.freeze({ a: Object.freeze([1, undefined]) }),
    ])
      expect(() => frozenCopy(bad, 'thing x')).toThrow(
        `Refused to store thing x: ${whyUnstorable(bad)}; nothing of the batch was stored.`,
      );
    const bare = Object.freeze(Object.assign(Object.create(null) as object, { id: 'b' }));
    expect(Object.getPrototypeOf(frozenCopy(bare, 'thing b'))).toBe(Object.prototype);
    const foreign = runInNewContext('Object.freeze({ id: "f", list: Object.freeze([1]) })') as {
      list: number[];
    };
    const local = frozenCopy(foreign, 'thing f');
    expect(Object.getPrototypeOf(local)).toBe(Object.prototype);
    expect(local.list instanceof Array).toBe(true);
  });

  it('refuses, with the reason whyUnstorable gives, whatever JSON would not read back', () => {
    const deep: Record<string, unknown> = {};
    let at = deep;
    for (let i = 0; i < 70; i += 1) at = (at.next = {}) as Record<string, unknown>;
    for (const bad of [
      { n: Number.POSITIVE_INFINITY },
      { a: [1, undefined] },
      { m: new Map() },
      deep,
    ])
      expect(() => frozenCopy(bad, 'thing x')).toThrow(
        `Refused to store thing x: ${whyUnstorable(bad)}; nothing of the batch was stored.`,
      );
  });
});
