import {
  applyClockCommand,
  clockNow,
  initialClock,
  type ClockCommand,
  type ClockInit,
  type ClockState,
} from './clock.ts';
import { defaultConfig } from '../sim/config.ts';
import type { EventRecord } from './events.ts';
import type { WorldMeta } from './model.ts';
import { seedRandom } from './random.ts';
import { ok, type Result } from './result.ts';
import type { Steps } from './steps.ts';
import type { Entity, Store } from './store-port.ts';
import { UnitOfWork } from './unit-of-work.ts';
import { WorldReader, WorldTx } from './world-tx.ts';
import { seedWorld } from '../sim/seed-world.ts';
import { capturedClock, installedCollections, type WorldImage } from '../sim/world-document.ts';

/** What happens when an event of a kind comes due; it runs in its own transaction at the due time. */
export type EventHandler = (tx: WorldTx, event: EventRecord) => void;
export type EventHandlers = Readonly<Record<string, EventHandler>>;

/**
 * Runs in every successful transaction just before it reaches the store, with the store as it was:
 * it may add changes of its own to the same batch (the billing history records what changed).
 */
export type CommitHook = (tx: WorldTx, before: WorldReader) => void;

export interface WorldOptions {
  /** The seed of a new world (an existing store keeps its own). */
  readonly seed: number;
  /** How a new world's clock starts (an existing store keeps its own clock). */
  readonly clock: ClockInit;
  /** The wall clock in ms; the virtual clock runs from it in `running` mode. */
  readonly wallClock: () => number;
  readonly handlers?: EventHandlers;
  readonly onCommit?: CommitHook;
}

/**
 * One complete, isolated simulation (api.md, Worlds) over a store: its clock, seeded random
 * source, faults, mailbox and entities all live in the store, so a restart or a reset is exact.
 */
export class World {
  readonly store: Store;
  readonly #options: WorldOptions;

  constructor(store: Store, options: WorldOptions) {
    this.store = store;
    this.#options = options;
    if (!store.get('meta', 'world')) this.reset(options.seed);
  }

  read(): WorldReader {
    return new WorldReader(this.store);
  }

  get meta(): WorldMeta {
    return this.read().meta;
  }

  now(): number {
    return clockNow(this.meta.clock, this.#options.wallClock());
  }

  /** The wall clock's reading, in ms. */
  wall(): number {
    return this.#options.wallClock();
  }

  clock(): ClockState {
    return this.meta.clock;
  }

  /** Runs a command at an instant (default: now); only a successful one reaches the store (SIM-2). */
  transact<T>(fn: (tx: WorldTx) => Result<T>, at: number = this.now()): Result<T> {
    const tx = new WorldTx(new UnitOfWork(this.store), at);
    const result = fn(tx);
    if (result.ok) {
      this.#options.onCommit?.(tx, this.read());
      this.store.apply(tx.finish());
    }
    return result;
  }

  /** Runs every event due by now, each at its due instant, in order; returns how many ran. */
  tick(): number {
    let ran = 0;
    this.tickWhile(() => {
      ran += 1;
      return true;
    });
    return ran;
  }

  /**
   * Runs events due by now, as `tick` does, while `more` (asked after each event) says so; whether
   * none is left due. A caller that stops early runs the rest later, before it reads the world: each
   * event is a transaction of its own, so the world between two is one the clock could show.
   */
  tickWhile(more: () => boolean): boolean {
    const now = this.now();
    for (;;) {
      // The store keeps events in a heap: the next due one is found in O(log n).
      const next = this.store.least('events') as EventRecord | undefined;
      const due = next && Date.parse(next.dueAt) <= now ? next : undefined;
      if (!due) return true;
      const handler = this.#options.handlers?.[due.kind];
      this.transact((tx) => {
        tx.delete('events', due.id);
        handler?.(tx, due);
        return ok(undefined);
      }, Date.parse(due.dueAt));
      if (!more()) return false;
    }
  }

  /** Moves the clock (mode, speed, set, advance), then runs what came due. */
  changeClock(cmd: ClockCommand): Result<ClockState> {
    const r = this.moveClock(cmd);
    if (r.ok) this.tick();
    return r;
  }

  /** Moves the clock (mode, speed, set, advance); what came due is left for the next tick. */
  moveClock(cmd: ClockCommand): Result<ClockState> {
    return this.transact((tx) => {
      const next = applyClockCommand(tx.meta.clock, cmd, this.#options.wallClock());
      if (next.ok) tx.setMeta({ ...tx.meta, clock: next.value });
      return next;
    });
  }

  /** Restores the seeded state: entities, clock, faults, mail, config (api.md, `/sim/reset`). */
  reset(seed?: number): void {
    const previous = this.store.get('meta', 'world') as WorldMeta | undefined;
    const s = seed ?? previous?.seed ?? this.#options.seed;
    const clockInit = previous?.clockInit ?? this.#options.clock;
    const clock = initialClock(clockInit, this.#options.wallClock());
    const tx = new WorldTx(new UnitOfWork(this.store), clock.anchorVirtual);
    tx.clear();
    tx.setMeta({
      id: 'world',
      seed: s,
      clockInit,
      clock,
      rng: seedRandom(s),
      seq: 0,
      config: defaultConfig(),
      freeAccounts: [],
      supportedCountries: [],
      pstnProviders: [],
    });
    seedWorld(tx);
    this.store.apply(tx.finish());
  }

  /**
   * The whole world as data, at this instant: every collection (entities, clock, faults, config,
   * mail, pending events). Entities are the store's own frozen values, so an image is cheap to take.
   */
  capture(): WorldImage {
    const now = this.now();
    const collections: Record<string, readonly Entity[]> = {};
    for (const [name, items] of Object.entries(this.store.dump())) {
      if (items.length === 0) continue;
      if (name !== 'meta') {
        collections[name] = items;
        continue;
      }
      // The store keeps the meta as two records (the static one and the per-write state); an
      // image holds the one world meta they make together, as the document format has it.
      const meta = this.read().meta;
      collections[name] = [
        { ...meta, clock: capturedClock(meta.clock, now, this.wall()) } as unknown as Entity,
        ...items.filter((e) => e.id !== 'world' && e.id !== 'state'),
      ];
    }
    return { at: new Date(now).toISOString(), collections };
  }

  /**
   * Replaces the whole world with an image, in steps (`Store.replace`): until the last one the
   * world is as it was, then it is the image's, at once. Its clock reads the image's time (a
   * running one from the wall time the install began at).
   */
  *install(image: WorldImage): Steps {
    yield* this.store.replace(installedCollections(image, this.wall()));
  }
}
