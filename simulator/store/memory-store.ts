import type { Change, Entity, Store } from '../core/kernel/store-port.ts';
import { assertStorable } from './storable.ts';

const deepFreeze = <T>(value: T): T => {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
};

/** Copies a value into the store's own frozen JSON, so later changes to the caller's object do nothing. */
export const freezeCopy = <T>(value: T): T => deepFreeze(structuredClone(value));

/** The in-memory store: collections of frozen entities in insertion order. */
export class MemoryStore implements Store {
  readonly #collections = new Map<string, Map<string, Entity>>();
  #size = 0;

  constructor(initial?: Readonly<Record<string, readonly Entity[]>>) {
    if (initial) {
      for (const [name, items] of Object.entries(initial)) {
        const m = this.#bucket(name);
        for (const e of items) m.set(e.id, deepFreeze(e));
        this.#size += m.size;
      }
    }
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
    // Validate the whole batch before touching anything, so a bad batch changes nothing.
    assertStorable(changes);
    const prepared = changes.map((c) =>
      c.op === 'put' ? { ...c, value: freezeCopy(c.value) } : c,
    );
    for (const c of prepared) {
      if (c.op === 'clear') {
        this.#collections.clear();
        this.#size = 0;
      } else if (c.op === 'put') {
        const m = this.#bucket(c.collection);
        if (!m.has(c.value.id)) this.#size += 1;
        m.set(c.value.id, c.value);
      } else if (this.#collections.get(c.collection)?.delete(c.id)) {
        this.#size -= 1;
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
