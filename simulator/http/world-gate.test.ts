import { describe, expect, it } from 'vitest';
import type { World } from '../core/kernel/world.ts';
import { nextTurn } from './next-turn.ts';
import { enterWorld, exclusively, leaveWorld, worldClosed } from './world-gate.ts';

/** The gate keys on the world's identity alone. */
const aWorld = (): World => ({}) as World;

describe('world-gate: a world replaced alone', () => {
  it('lets requests in at once while nothing exclusive runs', () => {
    const w = aWorld();
    expect(enterWorld(w)).toBeUndefined();
    expect(enterWorld(w)).toBeUndefined();
    expect(worldClosed(w)).toBeUndefined();
    leaveWorld(w);
    leaveWorld(w);
  });

  it('waits for the requests under way, holds new ones until it ends, and keeps other worlds open', async () => {
    const w = aWorld();
    const log: string[] = [];
    expect(enterWorld(w)).toBeUndefined(); // a request under way
    expect(enterWorld(w)).toBeUndefined(); // the one that asks to run alone
    const run = exclusively(w, async () => {
      log.push('run starts');
      await nextTurn();
      log.push('run ends');
      return 42;
    });
    expect(worldClosed(w)).toBeInstanceOf(Promise);
    const later = enterWorld(w);
    expect(later).toBeInstanceOf(Promise);
    void later!.then(() => log.push('new request enters'));
    expect(enterWorld(aWorld())).toBeUndefined();
    await nextTurn();
    expect(log).toEqual([]);
    log.push('request under way ends');
    leaveWorld(w);
    expect(await run).toBe(42);
    await later;
    expect(log).toEqual(['request under way ends', 'run starts', 'run ends', 'new request enters']);
    expect(worldClosed(w)).toBeUndefined();
  });

  it('runs two exclusive runs of a world one after the other', async () => {
    const w = aWorld();
    const log: string[] = [];
    // Two requests under way, each asking to run alone.
    expect(enterWorld(w)).toBeUndefined();
    expect(enterWorld(w)).toBeUndefined();
    const alone = (name: string) =>
      exclusively(w, async () => {
        log.push(`${name} starts`);
        await nextTurn();
        await nextTurn();
        log.push(`${name} ends`);
      }).finally(() => leaveWorld(w));
    await Promise.all([alone('a'), alone('b')]);
    expect(log).toEqual(['a starts', 'a ends', 'b starts', 'b ends']);
    // Both gave their shares back: the world is open and empty.
    expect(enterWorld(w)).toBeUndefined();
  });

  it('opens the world again when the run fails', async () => {
    const w = aWorld();
    enterWorld(w);
    await expect(exclusively(w, () => Promise.reject(new Error('restore failed')))).rejects.toThrow(
      'restore failed',
    );
    expect(worldClosed(w)).toBeUndefined();
    expect(enterWorld(w)).toBeUndefined();
  });
});
