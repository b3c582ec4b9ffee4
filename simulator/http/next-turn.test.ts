import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { bodyInTurns, ITEMS_A_TURN, jsonItems } from './next-turn.ts';

const read = async (body: ReadableStream<Uint8Array>): Promise<string> => new Response(body).text();

describe('bodies written in turns', () => {
  it('writes every piece in order, whatever the batch', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.string({ maxLength: 5 }), { maxLength: 60 }),
        fc.integer({ min: 1, max: 9 }),
        async (pieces, perTurn) => {
          expect(await read(bodyInTurns(pieces, perTurn))).toBe(pieces.join(''));
        },
      ),
      { numRuns: 200, seed: 7 },
    );
  });

  it('takes an empty piece as a turn alone: nothing written, and other work runs there', async () => {
    const order: string[] = [];
    setImmediate(() => order.push('other'));
    const pieces = function* () {
      yield '';
      yield '';
      order.push('after two turns');
      yield 'a';
      yield '';
      yield 'b';
    };
    expect(await read(bodyInTurns(pieces(), 1))).toBe('ab');
    expect(order).toEqual(['other', 'after two turns']);
    expect(await read(bodyInTurns(['', '', ''], 1))).toBe('');
  });

  it('lets other work run while a long body is written, and writes a short one at once', async () => {
    const lines = Array.from({ length: ITEMS_A_TURN * 3 }, (_, i) => `line ${i}\r\n`);
    const order: string[] = [];
    setImmediate(() => order.push('other'));
    const text = await read(bodyInTurns(lines));
    order.push('body');
    expect(order).toEqual(['other', 'body']);
    expect(text).toBe(lines.join(''));

    const shortOrder: string[] = [];
    setImmediate(() => shortOrder.push('other'));
    await read(bodyInTurns(['a', 'b']));
    shortOrder.push('body');
    expect(shortOrder).toEqual(['body']);
  });

  it('writes {"items":[…]} as JSON.stringify does', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.jsonValue(), { maxLength: 20 }), async (items) => {
        const text = await read(
          bodyInTurns(
            jsonItems(items, (x) => ({ x })),
            3,
          ),
        );
        expect(text).toBe(JSON.stringify({ items: items.map((x) => ({ x })) }));
      }),
      { numRuns: 200, seed: 8 },
    );
  });

  it('writes a long body while a test fakes the timers, as a frontend test over the MSW handlers may', async () => {
    const lines = Array.from({ length: ITEMS_A_TURN * 3 }, (_, i) => `line ${i}\n`);
    vi.useFakeTimers();
    try {
      expect(await read(bodyInTurns(lines))).toBe(lines.join(''));
    } finally {
      vi.useRealTimers();
    }
  });
});
