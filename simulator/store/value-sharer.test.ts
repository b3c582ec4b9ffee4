import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { valueSharer } from './value-sharer.ts';

/** Entities as a data file holds them: records of any JSON, read fresh by JSON.parse. */
const entities = fc.array(fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue()), {
  maxLength: 40,
});

const subscriber = (i: number, customer: number) =>
  JSON.parse(
    JSON.stringify({
      id: `sub-${i}`,
      customerId: `customer-${customer}`,
      packages: ['webex_calling', 'webex_meetings'],
      licenses: { calling: true, meetings: true },
      errors: [],
      name: { first: `First ${i}`, last: 'Same' },
    }),
  ) as Record<string, unknown>;

describe('values shared among the entities of a world as it is read (value-sharer.ts)', () => {
  it('gives back every entity deeply equal to what was read, whatever it holds', () => {
    fc.assert(
      fc.property(entities, (read) => {
        const { share } = valueSharer();
        const fresh = JSON.parse(JSON.stringify(read)) as unknown[];
        const shared = fresh.map((e) => share(e));
        // Every entity is checked after all were shared: sharing one never changes another.
        expect(shared).toEqual(JSON.parse(JSON.stringify(read)));
      }),
      { numRuns: 300 },
    );
  });

  it('never shares two lists or records that differ, however their strings are spelt', () => {
    const { share } = valueSharer();
    // As JSON texts: -0 reads back from JSON as itself, and must stay apart from 0.
    const odd = [
      '["a\\u00001\\u0001sb"]',
      '["a","b"]',
      '["a1sb"]',
      '["a1:1sb"]',
      '["1:0s1:a","b"]',
      '[null]',
      '["null"]',
      '[0]',
      '[-0]',
      '["0"]',
      '[true]',
      '{"0":"a","1":"b"}',
      '{}',
      '[]',
    ].map((tags) => `{"tags":${tags}}`);
    const shared = odd.map((text) => share(JSON.parse(text) as { tags: unknown }));
    expect(shared.map((e) => JSON.stringify(e))).toEqual(
      odd.map((text) => JSON.stringify(JSON.parse(text))),
    );
    const first = (tags: string) => (shared[odd.indexOf(`{"tags":${tags}}`)]!.tags as number[])[0];
    expect(Object.is(first('[-0]'), -0)).toBe(true);
    expect(Object.is(first('[0]'), 0)).toBe(true);
    expect(new Set(shared.map((e) => e.tags)).size).toBe(odd.length);
  });

  it('makes entities with equal lists and records hold the same one', () => {
    const { share } = valueSharer();
    const [a, b, c] = [subscriber(1, 1), subscriber(2, 1), subscriber(3, 2)].map((e) => share(e));
    expect(b!.packages).toBe(a!.packages);
    expect(c!.licenses).toBe(a!.licenses);
    expect(c!.errors).toBe(a!.errors);
    // Records holding a string that differs stay apart.
    expect(b!.name).not.toBe(a!.name);
    expect(b!.name).toEqual({ first: 'First 2', last: 'Same' });
  });

  it('stops pooling a field once its values prove mostly distinct (ids, emails)', () => {
    const sharer = valueSharer();
    for (let i = 0; i < 20_000; i += 1)
      sharer.share({ id: `id-${i}`, email: `u${i}@x.example`, pair: [`id-${i}`, 1], status: 'ok' });
    // The statuses and a sample of each distinct field, not 60,000 values.
    expect(sharer.pooled).toBeLessThan(5_000);
    expect(sharer.pooled).toBeGreaterThan(0);
  });

  it('is one read at a time: a new sharer starts from nothing', () => {
    const first = valueSharer().share(subscriber(1, 1));
    const second = valueSharer().share(subscriber(2, 1));
    expect(second.packages).not.toBe(first.packages);
    expect(second.packages).toEqual(first.packages);
  });
});
