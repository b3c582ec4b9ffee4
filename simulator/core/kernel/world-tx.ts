import type { Collections, CollectionName } from '../collections.ts';
import type { WorldMeta } from './model.ts';
import type { UnitOfWork } from './unit-of-work.ts';
import type { Change, OrderedWalk, StoreReader } from './store-port.ts';
import type { MailLink } from './mail.ts';
import { randomSource, type RandomSource } from './random.ts';

/** Typed reads over a store or a unit of work. */
export class WorldReader {
  protected readonly base: StoreReader;

  constructor(base: StoreReader) {
    this.base = base;
  }

  get<K extends CollectionName>(collection: K, id: string): Collections[K] | undefined {
    return this.base.get(collection, id) as Collections[K] | undefined;
  }

  list<K extends CollectionName>(collection: K): readonly Collections[K][] {
    return this.base.list(collection) as readonly Collections[K][];
  }

  count(collection: CollectionName): number {
    return this.base.count(collection);
  }

  /** The entities under `key` in one of the store's indexes (kernel/indexes.ts), in list order. */
  lookup<K extends CollectionName>(
    collection: K,
    index: string,
    key: string,
  ): readonly Collections[K][] {
    return this.base.lookup(collection, index, key) as readonly Collections[K][];
  }

  /** The entities under `key` in one of the store's indexes, in list order or its reverse, lazily. */
  walkKey<K extends CollectionName>(
    collection: K,
    index: string,
    key: string,
    descending = false,
  ): Iterable<Collections[K]> {
    return this.base.walkKey(collection, index, key, descending) as Iterable<Collections[K]>;
  }

  /** The entities whose key in an ordered index (kernel/indexes.ts, RANGED) is above `key`, in list order. */
  above<K extends CollectionName>(
    collection: K,
    index: string,
    key: string,
  ): readonly Collections[K][] {
    return this.base.above(collection, index, key) as readonly Collections[K][];
  }

  /** The entities of an ordered index (kernel/indexes.ts, RANGED) in its order, lazily. */
  ordered<K extends CollectionName>(
    collection: K,
    index: string,
    walk: OrderedWalk,
  ): Iterable<Collections[K]> {
    return this.base.ordered(collection, index, walk) as Iterable<Collections[K]>;
  }

  /** How many entities are under `key` in one of the store's indexes. */
  countOf(collection: CollectionName, index: string, key: string): number {
    return this.base.countOf(collection, index, key);
  }

  get meta(): WorldMeta {
    const m = this.get('meta', 'world');
    if (!m) throw new Error('The world has no meta record: it was never seeded.');
    const state = this.base.get('meta', 'state') as WorldState | undefined;
    return state ? merged(m, state) : m;
  }
}

/**
 * What changes on every write (clock, random state, sequence), kept apart from the static meta
 * (config, accounts, countries), so a journal entry carries only the small record.
 */
interface WorldState {
  readonly id: 'state';
  readonly clock: WorldMeta['clock'];
  readonly rng: WorldMeta['rng'];
  readonly seq: number;
}

const STATIC_KEYS = [
  'seed',
  'clockInit',
  'config',
  'freeAccounts',
  'supportedCountries',
  'pstnProviders',
] as const;

/**
 * The two records the store keeps a world meta as: the static one (`world`, written when one of
 * its fields changes) and the per-write state (`state`), each with its keys in one order, so the
 * same meta is always stored as the same bytes (a restored snapshot is byte-identical).
 */
export const metaRecords = (meta: WorldMeta): readonly [WorldMeta, WorldMeta] => {
  const world = {
    id: 'world',
    seed: meta.seed,
    clockInit: meta.clockInit,
    config: meta.config,
    freeAccounts: meta.freeAccounts,
    supportedCountries: meta.supportedCountries,
    pstnProviders: meta.pstnProviders,
  };
  const state: WorldState = { id: 'state', clock: meta.clock, rng: meta.rng, seq: meta.seq };
  return [world as unknown as WorldMeta, state as unknown as WorldMeta];
};

/** The static record with the state on top; one merge per pair of records read. */
const mergedCache = new WeakMap<WorldMeta, { state: WorldState; meta: WorldMeta }>();
const merged = (m: WorldMeta, state: WorldState): WorldMeta => {
  const hit = mergedCache.get(m);
  if (hit && hit.state === state) return hit.meta;
  const meta: WorldMeta = { ...m, clock: state.clock, rng: state.rng, seq: state.seq };
  mergedCache.set(m, { state, meta });
  return meta;
};

export interface MailDraft {
  readonly from: string;
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly links: readonly MailLink[];
}

/**
 * One command's view of the world at one virtual instant: typed reads and writes buffered in a unit
 * of work, the seeded random source, and the world's sequence counter. `finish()` yields the batch.
 */
export class WorldTx extends WorldReader {
  readonly now: number;
  readonly #uow: UnitOfWork;
  #random: RandomSource | undefined;
  #meta: WorldMeta | undefined;
  #nowIso: string | undefined;

  constructor(uow: UnitOfWork, now: number) {
    super(uow);
    this.#uow = uow;
    this.now = now;
  }

  /** `now` in ISO 8601, written once per command (every record it stamps shares it). */
  get nowIso(): string {
    return (this.#nowIso ??= new Date(this.now).toISOString());
  }

  override get meta(): WorldMeta {
    return this.#meta ?? super.meta;
  }

  setMeta(meta: WorldMeta): void {
    this.#meta = meta;
  }

  put<K extends CollectionName>(collection: K, value: Collections[K]): void {
    this.#uow.put(collection, value);
  }

  delete(collection: CollectionName, id: string): void {
    this.#uow.delete(collection, id);
  }

  clear(): void {
    this.#uow.clear();
    this.#random = undefined;
  }

  random(): number {
    return this.#rng().next();
  }

  uuid(): string {
    return this.#rng().uuid();
  }

  /** A world-wide increasing number, to order what happens at one instant. */
  nextSeq(): number {
    const m = this.meta;
    this.#meta = { ...m, seq: m.seq + 1 };
    return m.seq + 1;
  }

  schedule(kind: string, dueAt: number, payload: Readonly<Record<string, unknown>>): void {
    const seq = this.nextSeq();
    this.put('events', {
      id: `evt-${seq}`,
      seq,
      dueAt: new Date(dueAt).toISOString(),
      kind,
      payload,
    });
  }

  sendMail(draft: MailDraft): string {
    const seq = this.nextSeq();
    const id = this.uuid();
    this.put('mail', { id, seq, ...draft, sentAt: this.nowIso });
    return id;
  }

  /** The changes made so far, in order (without the meta record). */
  pending(): readonly Change[] {
    return this.#uow.changes();
  }

  finish(): readonly Change[] {
    if (this.#random || this.#meta) {
      const meta = { ...this.meta, ...(this.#random ? { rng: this.#random.state() } : {}) };
      const stored = this.get('meta', 'world');
      const [world, state] = metaRecords(meta);
      if (!stored || STATIC_KEYS.some((k) => stored[k] !== meta[k])) this.#uow.put('meta', world);
      this.#uow.put('meta', state);
    }
    return this.#uow.changes();
  }

  #rng(): RandomSource {
    if (!this.#random) this.#random = randomSource(this.meta.rng);
    return this.#random;
  }
}
