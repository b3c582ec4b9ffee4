import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { assertStorable, UnstorableValue, whyUnstorable } from './storable.ts';

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

  it('refuses a batch naming the record, and takes deletes as they are', () => {
    expect(() =>
      assertStorable([
        { op: 'put', collection: 'meta', value: { id: 'world', at: new Date(0) } },
      ] as never),
    ).toThrow(UnstorableValue);
    expect(() =>
      assertStorable([{ op: 'delete', collection: 'meta', id: 'x' }] as never),
    ).not.toThrow();
  });
});
