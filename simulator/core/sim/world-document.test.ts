import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Entity } from '../kernel/store-port.ts';
import { documentJson, worldDocument } from './world-document.ts';

const entity: fc.Arbitrary<Entity> = fc
  .record({
    id: fc.string({ minLength: 1, maxLength: 12, unit: 'binary' }),
    name: fc.string({ unit: 'binary' }),
    n: fc.integer(),
    tags: fc.array(fc.string({ unit: 'grapheme' }), { maxLength: 3 }),
    nested: fc.option(fc.record({ on: fc.boolean(), at: fc.double({ noNaN: true }) })),
  })
  .map((e) => e as unknown as Entity);

const doc = fc
  .record({
    at: fc.constant('2026-01-01T00:00:00.000Z'),
    collections: fc.dictionary(
      fc.constantFrom('meta', 'partners', 'subscribers', 'mail', 'weird "name"\n'),
      fc.array(entity, { maxLength: 8 }),
    ),
  })
  .map(worldDocument);

describe('documentJson (GET /sim/export)', () => {
  it('is JSON.stringify of the document, byte for byte, whatever the size of its pieces', () => {
    fc.assert(
      fc.property(doc, fc.integer({ min: 1, max: 400 }), (d, size) => {
        expect([...documentJson(d, size)].join('')).toBe(JSON.stringify(d));
      }),
    );
  });

  it('comes in pieces of about the size asked: no piece holds much more than one entity beyond it', () => {
    const big = worldDocument({
      at: '2026-01-01T00:00:00.000Z',
      collections: {
        subscribers: Array.from({ length: 1000 }, (_, i) => ({ id: `s${i}`, pad: 'x'.repeat(90) })),
      },
    });
    const pieces = [...documentJson(big, 4096)];
    expect(pieces.length).toBeGreaterThan(20);
    for (const p of pieces) expect(p.length).toBeLessThan(4096 + 200);
  });
});
