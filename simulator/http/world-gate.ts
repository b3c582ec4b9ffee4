import type { World } from '../core/kernel/world.ts';

/**
 * Who may use a world while its whole content is replaced in steps (a snapshot restored, a world
 * imported: `World.install`, issue 13). The replacement gives the event loop a turn at every step,
 * so other worlds, static files and health checks are answered meanwhile; the world's own requests
 * wait at its gate until it ends, and it waits for those already under way, so none of them sees a
 * world half replaced or writes into one (`Store.replace` would be abandoned).
 *
 * A request holds a share of its world from before its due events run until its answer is made (a
 * body written in turns afterwards reads what it captured). An exclusive run gives up the share of
 * the request that asks for it, waits for the others to end, runs alone, then takes its share back.
 */
interface Gate {
  /** Requests of the world under way. */
  active: number;
  /** An exclusive run under way (or waiting for the world to empty): settles when it ends. */
  closed: Promise<void> | undefined;
  /** Told when `active` falls to 0, while an exclusive run waits for it. */
  drained: (() => void) | undefined;
}

const gates = new WeakMap<World, Gate>();

const gateOf = (world: World): Gate => {
  let gate = gates.get(world);
  if (!gate) gates.set(world, (gate = { active: 0, closed: undefined, drained: undefined }));
  return gate;
};

/** A share taken once no exclusive run holds the world (checked and taken in one go). */
const enterOnceOpen = async (gate: Gate): Promise<void> => {
  while (gate.closed) await gate.closed;
  gate.active += 1;
};

/** Takes a share of the world for a request: at once when no exclusive run holds it (undefined). */
export const enterWorld = (world: World): Promise<void> | undefined => {
  const gate = gateOf(world);
  if (!gate.closed) {
    gate.active += 1;
    return undefined;
  }
  return enterOnceOpen(gate);
};

/** Gives a request's share back. */
export const leaveWorld = (world: World): void => {
  const gate = gateOf(world);
  gate.active -= 1;
  if (gate.active === 0) gate.drained?.();
};

/** The end of the exclusive run that holds the world now, if one does (work outside requests waits for it). */
export const worldClosed = (world: World): Promise<void> | undefined => gateOf(world).closed;

/**
 * Runs `run` alone in its world, from a request that holds a share of it: the world's other
 * requests under way end first, and new ones wait until it is done. Exclusive runs of one world
 * take their turns one after another.
 */
export const exclusively = async <R>(world: World, run: () => Promise<R>): Promise<R> => {
  const gate = gateOf(world);
  leaveWorld(world);
  // Checked and closed in one go: another run waiting too closes it first, or finds it closed.
  while (gate.closed) await gate.closed;
  let open!: () => void;
  gate.closed = new Promise<void>((resolve) => (open = resolve));
  try {
    if (gate.active > 0) await new Promise<void>((resolve) => (gate.drained = resolve));
    gate.drained = undefined;
    return await run();
  } finally {
    gate.closed = undefined;
    gate.active += 1;
    open();
  }
};
