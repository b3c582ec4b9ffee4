import { TURN, type Steps } from '../core/kernel/steps.ts';
import {
  ReplacementAbandoned,
  type Change,
  type Entity,
  type OrderedWalk,
  type Store,
} from '../core/kernel/store-port.ts';
import { storableBatch } from './storable.ts';
import { StoreIndexes } from './store-indexes.ts';

const deepFreeze = <T>(value: T): T => {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
};

/** Entities put a step when a store's whole content is replaced (`replace`): milliseconds a step. */
export const REPLACE_STEP = 1_024;

/**
 * The in-memory store: collections of frozen entities in insertion order, with the indexes of
 * kernel/indexes.ts kept by `apply` (and built again when a store is loaded from a snapshot).
 */
export class MemoryStore implements Store {
  #collections = new Map<string, Map<string, Entity>>();
  #indexes = new StoreIndexes();
  #size = 0;
  #revision: object = {};

  constructor(initial?: Readonly<Record<string, readonly Entity[]>>) {
    if (initial) {
      for (const [name, items] of Object.entries(initial)) {
        const m = this.#bucket(name);
        for (const e of items) {
          const before = m.get(e.id);
          const v = deepFreeze(e);
          m.set(e.id, v);
          this.#indexes.put(name, v, before);
        }
        this.#size += m.size;
      }
    }
  }

  lookup(collection: string, index: string, key: string): readonly Entity[] {
    const m = this.#collections.get(collection);
    const ids = this.#indexes.lookup(collection, index, key);
    return m ? ids.map((id) => m.get(id)!) : [];
  }

  *walkKey(collection: string, index: string, key: string, descending = false): Iterable<Entity> {
    const m = this.#collections.get(collection);
    // Read lazily, perhaps across turns of the event loop (a list page): one removed meanwhile is passed.
    for (const id of this.#indexes.walkKey(collection, index, key, descending)) {
      const e = m?.get(id);
      if (e) yield e;
    }
  }

  above(collection: string, index: string, key: string): readonly Entity[] {
    const m = this.#collections.get(collection);
    const ids = this.#indexes.above(collection, index, key);
    return m ? ids.map((id) => m.get(id)!) : [];
  }

  *ordered(collection: string, index: string, walk: OrderedWalk): Iterable<Entity> {
    const m = this.#collections.get(collection);
    for (const id of this.#indexes.ordered(collection, index, walk)) yield m!.get(id)!;
  }

  countOf(collection: string, index: string, key: string): number {
    return this.#indexes.countOf(collection, index, key);
  }

  least(collection: string): Entity | undefined {
    const m = this.#collections.get(collection);
    return m ? this.#indexes.least(collection, (id) => m.get(id)) : undefined;
  }

  get(collection: string, id: string): Entity | undefined {
    return this.#collections.get(collection)?.get(id);
  }

  list(collection: string): readonly Entity[] {
    const m = this.#collections.get(collection);
    return m ? Array.from(m.values()) : [];
  }

  count(collection: string): number {
    return this.#collections.get(collection)?.size ?? 0;
  }

  apply(changes: readonly Change[]): void {
    // Copy and check the whole batch before touching anything, so a bad batch changes nothing.
    this.applyStorable(storableBatch(changes));
  }

  get revision(): object {
    return this.#revision;
  }

  *replace(collections: Readonly<Record<string, readonly Entity[]>>): Steps {
    const put = yield* this.staged(collections, false);
    put();
  }

  /**
   * The replacement of everything the store holds (`replace`), made aside in steps while the store
   * keeps its content; returns the function that puts it in place at once. `copied`: the values are
   * already the store's frozen copies (the durable store made them for its journal). Throws
   * `ReplacementAbandoned` once the store was written after the first step began.
   */
  *staged(
    collections: Readonly<Record<string, readonly Entity[]>>,
    copied: boolean,
  ): Steps<() => void> {
    const revision = this.#revision;
    const unwritten = () => {
      if (this.#revision !== revision) throw new ReplacementAbandoned();
    };
    const next = new MemoryStore();
    for (const [collection, items] of Object.entries(collections))
      for (let i = 0; i < items.length; i += REPLACE_STEP) {
        const puts: Change[] = items
          .slice(i, i + REPLACE_STEP)
          .map((value) => ({ op: 'put', collection, value }));
        next.applyStorable(copied ? puts : storableBatch(puts));
        yield TURN;
        unwritten();
      }
    return () => {
      unwritten();
      this.#collections = next.#collections;
      this.#indexes = next.#indexes;
      this.#size = next.#size;
      this.#revision = {};
    };
  }

  /** Applies a batch `storableBatch` made (the durable store copies and checks it once). */
  applyStorable(prepared: readonly Change[]): void {
    if (prepared.length > 0) this.#revision = {};
    for (const c of prepared) {
      if (c.op === 'clear') {
        this.#collections.clear();
        this.#indexes.clear();
        this.#size = 0;
      } else if (c.op === 'put') {
        const m = this.#bucket(c.collection);
        const before = m.get(c.value.id);
        if (!before) this.#size += 1;
        m.set(c.value.id, c.value);
        this.#indexes.put(c.collection, c.value, before);
      } else {
        const m = this.#collections.get(c.collection);
        const before = m?.get(c.id);
        if (m && before) {
          m.delete(c.id);
          this.#indexes.delete(c.collection, before);
          this.#size -= 1;
        }
      }
    }
  }

  /** How many entities the store holds, over every collection. */
  get size(): number {
    return this.#size;
  }

  dump(): Readonly<Record<string, readonly Entity[]>> {
    return Object.fromEntries([...this.#collections].map(([k, m]) => [k, Array.from(m.values())]));
  }

  flush(): Promise<void> {
    return Promise.resolve();
  }

  close(): Promise<void> {
    return Promise.resolve();
  }

  #bucket(name: string): Map<string, Entity> {
    let m = this.#collections.get(name);
    if (!m) this.#collections.set(name, (m = new Map()));
    return m;
  }
}

/** Creates an empty memory store. */
export const createMemoryStore = (): MemoryStore => new MemoryStore();
