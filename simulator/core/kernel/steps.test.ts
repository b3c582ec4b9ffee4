import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortInSteps, TURN, type Steps } from './steps.ts';

/** Runs work in steps to its end: its result, and how many TURNs it yielded. */
const run = <R>(steps: Steps<R>): { result: R; turns: number } => {
  let turns = 0;
  for (;;) {
    const next = steps.next();
    if (next.done) return { result: next.value, turns };
    expect(next.value).toBe(TURN);
    turns += 1;
  }
};

describe('long work in steps (steps.ts)', () => {
  it('sorts as a stable sort does, whatever the items and the size of a step', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 200 }),
        fc.integer({ min: 1, max: 9 }),
        (keys, step) => {
          // Equal keys keep their order: the index tells them apart.
          const items = keys.map((k, i) => ({ k, i }));
          const byKey = (a: { k: number }, b: { k: number }) => a.k - b.k;
          const { result, turns } = run(sortInSteps(items, byKey, step));
          expect(result).toEqual([...items].sort(byKey));
          // A turn after each run sorted at least.
          expect(turns).toBeGreaterThanOrEqual(Math.ceil(items.length / step));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('takes no turn for nothing, and leaves the items given as they were', () => {
    expect(run(sortInSteps([], (a: number, b: number) => a - b))).toEqual({ result: [], turns: 0 });
    const items = [3, 1, 2];
    expect(run(sortInSteps(items, (a, b) => a - b, 1)).result).toEqual([1, 2, 3]);
    expect(items).toEqual([3, 1, 2]);
  });
});
