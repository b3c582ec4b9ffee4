import { describe, expect, it } from 'vitest';
import { ok } from '../core/kernel/result.ts';
import { World } from '../core/kernel/world.ts';
import { MemoryStore } from '../store/memory-store.ts';
import { runDueEvents } from './due-events.ts';

/** A world whose `note` events log themselves; `count` of them come due at the next minute. */
const worldWithNotes = (count: number) => {
  const log: string[] = [];
  const world = new World(new MemoryStore(), {
    seed: 1,
    clock: { mode: 'frozen' },
    wallClock: () => 0,
    handlers: { note: (_tx, e) => void log.push(`note ${String(e.payload.n)}`) },
  });
  world.transact((tx) => {
    for (let n = 0; n < count; n += 1) tx.schedule('note', tx.now + 60_000, { n });
    return ok(undefined);
  });
  world.moveClock({ advance: 'PT1M' });
  return { world, log };
};

describe('due events run before a request reads its world, the event loop free between slices (due-events.ts)', () => {
  it('runs every due event, in order, giving the event loop turns while it goes', async () => {
    const { world, log } = worldWithNotes(5);
    const running = runDueEvents(world, 0);
    expect(running).toBeInstanceOf(Promise);
    // A slice of 0 ms: one event, then a turn, where other work (another request) runs.
    setImmediate(() => log.push('other work'));
    await running;
    expect(log[0]).toBe('note 0');
    expect(log).toContain('other work');
    expect(log.filter((l) => l !== 'other work')).toEqual([0, 1, 2, 3, 4].map((n) => `note ${n}`));
    expect(log.indexOf('other work')).toBeLessThan(log.length - 1);
    expect(world.read().count('events')).toBe(0);
  });

  it('awaits nothing when all that was due ran in the first slice, or nothing was due', () => {
    const { world, log } = worldWithNotes(3);
    expect(runDueEvents(world, 60_000)).toBeUndefined();
    expect(log).toEqual(['note 0', 'note 1', 'note 2']);
    expect(runDueEvents(world, 0)).toBeUndefined();
  });
});
