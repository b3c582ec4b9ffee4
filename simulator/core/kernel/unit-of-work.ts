import { INDEXES, RANGED, type IndexKey } from './indexes.ts';
import type { Change, Entity, OrderedWalk, StoreReader } from './store-port.ts';

const DELETED = Symbol('deleted');

const keyUnder = (keys: Map<string, Set<string>>, key: string | undefined, id: string): void => {
  if (key === undefined) return;
  let ids = keys.get(key);
  if (!ids) keys.set(key, (ids = new Set()));
  ids.add(id);
};
type Pending = Map<string, Map<string, Entity | typeof DELETED>>;

/**
 * Buffers the changes of one command over a store reader. Reads see the buffered writes; nothing
 * reaches the store until the caller applies `changes()`, so a rejected command changes nothing
 * (SIM-2).
 */
export class UnitOfWork implements StoreReader {
  readonly #base: StoreReader;
  readonly #pending: Pending = new Map();
  #cleared = false;
  readonly #log: Change[] = [];
  /**
   * collection → index → key → ids put under that key here (checked again when read). An index is
   * made on its first lookup, from what is pending then, and kept up by later puts: most commands
   * look up one or two of a collection's indexes, and a seed or an import puts thousands of rows.
   */
  readonly #pendingKeys = new Map<string, Map<string, Map<string, Set<string>>>>();

  constructor(base: StoreReader) {
    this.#base = base;
  }

  get(collection: string, id: string): Entity | undefined {
    const p = this.#pending.get(collection)?.get(id);
    if (p === DELETED) return undefined;
    if (p !== undefined) return p;
    return this.#cleared ? undefined : this.#base.get(collection, id);
  }

  list(collection: string): readonly Entity[] {
    const pending = this.#pending.get(collection);
    const base = this.#cleared ? [] : this.#base.list(collection);
    if (!pending) return base;
    const out: Entity[] = [];
    for (const e of base) {
      const p = pending.get(e.id);
      if (p === undefined) out.push(e);
      else if (p !== DELETED) out.push(p);
    }
    for (const [id, p] of pending) {
      if (p !== DELETED && (this.#cleared || this.#base.get(collection, id) === undefined))
        out.push(p);
    }
    return out;
  }

  count(collection: string): number {
    return this.list(collection).length;
  }

  lookup(collection: string, index: string, key: string): readonly Entity[] {
    const def = INDEXES[collection]?.[index];
    if (!def) throw new Error(`The store keeps no index ${index} on ${collection}.`);
    const base = this.#cleared ? [] : this.#base.lookup(collection, index, key);
    // Put here under this key: new entities, and stored ones whose key changed to this one.
    const put = this.#pendingKeysOf(collection, index, def)?.get(key) ?? [];
    return this.#overlay(collection, base, (e) => def(e) === key, put);
  }

  walkKey(collection: string, index: string, key: string, descending = false): Iterable<Entity> {
    if (!INDEXES[collection]?.[index])
      throw new Error(`The store keeps no index ${index} on ${collection}.`);
    if (!this.#cleared && !this.#pending.has(collection))
      return this.#base.walkKey(collection, index, key, descending);
    // Changed here: this unit's view of the key, as `lookup` answers it.
    const found = this.lookup(collection, index, key);
    return descending ? [...found].reverse() : found;
  }

  above(collection: string, index: string, key: string): readonly Entity[] {
    const def = INDEXES[collection]?.[index];
    if (!def || !RANGED[collection]?.includes(index))
      throw new Error(`The store keeps no ordered index ${index} on ${collection}.`);
    const base = this.#cleared ? [] : this.#base.above(collection, index, key);
    // Put here with a key in range: any pending entity may be one.
    const put = this.#pending.get(collection)?.keys() ?? [];
    return this.#overlay(
      collection,
      base,
      (e) => {
        const k = def(e);
        return k !== undefined && k > key;
      },
      put,
    );
  }

  ordered(collection: string, index: string, walk: OrderedWalk): Iterable<Entity> {
    const def = INDEXES[collection]?.[index];
    if (!def || !RANGED[collection]?.includes(index))
      throw new Error(`The store keeps no ordered index ${index} on ${collection}.`);
    if (!this.#cleared && !this.#pending.has(collection))
      return this.#base.ordered(collection, index, walk);
    // Changed here: this unit's view of the collection, ordered here (commands do not page lists).
    const keyed: { e: Entity; k: string; i: number }[] = [];
    this.list(collection).forEach((e, i) => {
      const k = def(e);
      if (
        k !== undefined &&
        (walk.above === undefined || k > walk.above) &&
        (walk.below === undefined || k < walk.below)
      )
        keyed.push({ e, k, i });
    });
    keyed.sort((a, b) => (a.k === b.k ? a.i - b.i : a.k < b.k ? -1 : 1));
    if (walk.descending) keyed.reverse();
    return keyed.map((x) => x.e);
  }

  countOf(collection: string, index: string, key: string): number {
    return this.lookup(collection, index, key).length;
  }

  /**
   * What the store answered for an index, as this unit sees it: stored entities it changed are
   * replaced (or dropped when deleted or no longer matching), then the pending `put` ones that
   * match and were not already there.
   */
  #overlay(
    collection: string,
    base: readonly Entity[],
    matches: (e: Entity) => boolean,
    put: Iterable<string>,
  ): readonly Entity[] {
    const pending = this.#pending.get(collection);
    if (!pending) return base;
    const out: Entity[] = [];
    const seen = new Set<string>();
    for (const e of base) {
      seen.add(e.id);
      const p = pending.get(e.id);
      if (p === undefined) out.push(e);
      else if (p !== DELETED && matches(p)) out.push(p);
    }
    for (const id of put) {
      const p = pending.get(id);
      if (!seen.has(id) && p !== undefined && p !== DELETED && matches(p)) {
        seen.add(id);
        out.push(p);
      }
    }
    return out;
  }

  put(collection: string, value: Entity): void {
    this.#bucket(collection).set(value.id, value);
    this.#log.push({ op: 'put', collection, value });
    const made = this.#pendingKeys.get(collection);
    if (made)
      for (const [index, keys] of made)
        keyUnder(keys, INDEXES[collection]![index]!(value), value.id);
  }

  /** The keys of the entities pending in one index of a collection (none pending: undefined). */
  #pendingKeysOf(
    collection: string,
    index: string,
    def: IndexKey,
  ): Map<string, Set<string>> | undefined {
    const pending = this.#pending.get(collection);
    if (!pending) return undefined;
    let made = this.#pendingKeys.get(collection);
    if (!made) this.#pendingKeys.set(collection, (made = new Map()));
    let keys = made.get(index);
    if (!keys) {
      made.set(index, (keys = new Map()));
      for (const [id, p] of pending) if (p !== DELETED) keyUnder(keys, def(p), id);
    }
    return keys;
  }

  delete(collection: string, id: string): void {
    this.#bucket(collection).set(id, DELETED);
    this.#log.push({ op: 'delete', collection, id });
  }

  clear(): void {
    this.#pending.clear();
    this.#pendingKeys.clear();
    this.#cleared = true;
    this.#log.length = 0;
    this.#log.push({ op: 'clear' });
  }

  /** The batch to apply, in the order the command made its changes. */
  changes(): readonly Change[] {
    return this.#log;
  }

  #bucket(collection: string): Map<string, Entity | typeof DELETED> {
    let b = this.#pending.get(collection);
    if (!b) this.#pending.set(collection, (b = new Map()));
    return b;
  }
}
