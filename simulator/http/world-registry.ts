import type { ClockInit } from '../core/kernel/clock.ts';
import type { Store } from '../core/kernel/store-port.ts';
import { World, type CommitHook, type EventHandlers } from '../core/kernel/world.ts';
import { RequestJournal } from './request-journal.ts';
import { SnapshotShelf } from '../core/sim/snapshots.ts';

export interface WorldRegistryOptions {
  readonly defaultStore: Store;
  readonly newStore: () => Store;
  readonly seed: number;
  readonly clock: ClockInit;
  /** How worlds made with `POST /sim/worlds` start when the request names no clock. */
  readonly newWorldClock: ClockInit;
  readonly wallClock: () => number;
  readonly handlers: EventHandlers;
  readonly onCommit?: CommitHook;
  readonly newId: () => string;
  /** How many worlds `create` makes at most, besides the default one. */
  readonly maxWorlds: number;
}

/** The default world and the worlds made with `POST /sim/worlds` (api.md, Worlds). */
export class WorldRegistry {
  readonly default: World;
  readonly #options: WorldRegistryOptions;
  readonly #worlds = new Map<string, World>();
  /** Each world's request journal (`/sim/requests`): in memory beside the world, never persisted. */
  readonly #journals = new WeakMap<World, RequestJournal>();
  readonly #snapshots = new WeakMap<World, SnapshotShelf>();

  constructor(options: WorldRegistryOptions) {
    this.#options = options;
    this.default = this.#make(options.defaultStore, options.seed, options.clock);
  }

  get(id: string): World | undefined {
    return this.#worlds.get(id);
  }

  journalOf(world: World): RequestJournal {
    let j = this.#journals.get(world);
    if (!j) this.#journals.set(world, (j = new RequestJournal()));
    return j;
  }

  /** Each world's snapshots (`/sim/snapshots`): in memory beside the world, as long as it lives. */
  snapshotsOf(world: World): SnapshotShelf {
    let s = this.#snapshots.get(world);
    if (!s) this.#snapshots.set(world, (s = new SnapshotShelf()));
    return s;
  }

  ids(): string[] {
    return [...this.#worlds.keys()];
  }

  get maxWorlds(): number {
    return this.#options.maxWorlds;
  }

  /** A new world, or `undefined` when there are `maxWorlds` already. */
  create(
    seed: number | undefined,
    clock: ClockInit | undefined,
  ): { id: string; world: World } | undefined {
    if (this.#worlds.size >= this.#options.maxWorlds) return undefined;
    const id = this.#options.newId();
    const world = this.#make(
      this.#options.newStore(),
      seed ?? this.#options.seed,
      clock ?? this.#options.newWorldClock,
    );
    this.#worlds.set(id, world);
    return { id, world };
  }

  async delete(id: string): Promise<boolean> {
    const w = this.#worlds.get(id);
    if (!w) return false;
    this.#worlds.delete(id);
    await w.store.close();
    return true;
  }

  #make(store: Store, seed: number, clock: ClockInit): World {
    return new World(store, {
      seed,
      clock,
      wallClock: this.#options.wallClock,
      handlers: this.#options.handlers,
      ...(this.#options.onCommit ? { onCommit: this.#options.onCommit } : {}),
    });
  }
}
