import type { World } from '../core/kernel/world.ts';
import { nextTurn } from './next-turn.ts';

/** Wall time a run of due events takes before the event loop gets a turn. */
export const EVENTS_SLICE_MS = 20;

/** A test, asked after each event, of whether `sliceMs` of wall time has yet to pass. */
const within = (sliceMs: number) => {
  const end = performance.now() + sliceMs;
  return () => performance.now() < end;
};

/**
 * Runs every event due by now before a request reads its world (api.md: the world a request sees
 * is the world at its instant), a turn of the event loop given every `sliceMs` of wall time. A long
 * run of events (a customer of a million users removed, a day of steps after a clock advance)
 * then holds no other world and no static file, and no keep-alive connection times out while it
 * runs; requests of the same world run the rest with it and wait for it, as they must (all but its
 * health check, which reads nothing of the world).
 * Nothing is awaited when nothing was left due.
 */
export const runDueEvents = (world: World, sliceMs = EVENTS_SLICE_MS): Promise<void> | undefined =>
  world.tickWhile(within(sliceMs)) ? undefined : rest(world, sliceMs);

const rest = async (world: World, sliceMs: number): Promise<void> => {
  do await nextTurn();
  while (!world.tickWhile(within(sliceMs)));
};
