import { INDEXES, ORDERED, RANGED, indexKeys } from '../core/kernel/indexes.ts';
import type { Entity, OrderedWalk } from '../core/kernel/store-port.ts';
import { SortedKeys } from './sorted-keys.ts';

/**
 * The ids under one key, in store order (the order of their first put). An id put out of that
 * order (moved back under a key it left) is sorted into place on the next read, once; the
 * ordered list is kept until the key's ids change, so pages walked from either end cost the page.
 */
class Many {
  #ids = new Set<string>();
  #last = -1;
  #ordered = true;
  #list: readonly string[] | undefined;

  constructor(ordinals: ReadonlyMap<string, number>, ...ids: string[]) {
    for (const id of ids) this.add(id, ordinals.get(id) ?? -1);
  }

  get size(): number {
    return this.#ids.size;
  }

  /** The ids in no particular order (for a caller that sorts them itself). */
  get any(): Iterable<string> {
    return this.#ids;
  }

  add(id: string, ord: number): void {
    if (this.#ids.has(id)) return;
    this.#ids.add(id);
    this.#list = undefined;
    if (ord < this.#last) this.#ordered = false;
    else this.#last = ord;
  }

  /** Removes an id; whether any are left. */
  delete(id: string): boolean {
    if (this.#ids.delete(id)) this.#list = undefined;
    return this.#ids.size > 0;
  }

  /** The ids in store order. */
  list(ordinals: ReadonlyMap<string, number>): readonly string[] {
    if (this.#list) return this.#list;
    const ids = [...this.#ids];
    if (!this.#ordered) {
      ids.sort((x, y) => ordinals.get(x)! - ordinals.get(y)!);
      this.#ids = new Set(ids);
      this.#ordered = true;
      this.#last = ordinals.get(ids.at(-1)!) ?? -1;
    }
    return (this.#list = ids);
  }

  /** The ids in store order or its reverse, lazily. */
  *walk(descending: boolean, ordinals: ReadonlyMap<string, number>): IterableIterator<string> {
    if (!descending && this.#ordered) {
      yield* this.#ids;
      return;
    }
    const list = this.list(ordinals);
    if (!descending) yield* list;
    else for (let i = list.length - 1; i >= 0; i -= 1) yield list[i]!;
  }
}
type Bucket = string | Many;

/** A binary min-heap with lazy deletion: a popped entry counts only if the store still holds it as it was. */
class Heap {
  readonly #items: Entity[] = [];
  readonly #less: (a: Entity, b: Entity) => boolean;

  constructor(compare: (a: Entity, b: Entity) => number) {
    this.#less = (a, b) => compare(a, b) < 0;
  }

  get size(): number {
    return this.#items.length;
  }

  push(e: Entity): void {
    const a = this.#items;
    a.push(e);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.#less(a[i]!, a[p]!)) break;
      [a[i], a[p]] = [a[p]!, a[i]!];
      i = p;
    }
  }

  peek(): Entity | undefined {
    return this.#items[0];
  }

  pop(): void {
    const a = this.#items;
    const last = a.pop();
    if (a.length === 0 || last === undefined) return;
    a[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < a.length && this.#less(a[l]!, a[m]!)) m = l;
      if (r < a.length && this.#less(a[r]!, a[m]!)) m = r;
      if (m === i) return;
      [a[i], a[m]] = [a[m]!, a[i]!];
      i = m;
    }
  }

  clear(): void {
    this.#items.length = 0;
  }
}

/**
 * The indexes of one store (core/kernel/indexes.ts), kept in step by its write path: equality
 * indexes answer in store order (the order each id was first put), and ordered collections keep a
 * heap so their least entity is found in O(log n).
 */
export class StoreIndexes {
  /** collection → index → key → ids. */
  readonly #maps = new Map<string, Map<string, Map<string, Bucket>>>();
  /** collection → id → position of its first put. */
  readonly #ordinals = new Map<string, Map<string, number>>();
  readonly #next = new Map<string, number>();
  readonly #heaps = new Map<string, Heap>();
  /** collection → ranged index → its keys in order (RANGED). */
  readonly #sorted = new Map<string, Map<string, SortedKeys>>();

  /** Records `value` (replacing `before`, the entity it replaces, if any). */
  put(collection: string, value: Entity, before: Entity | undefined): void {
    const compare = ORDERED[collection];
    if (compare) this.#heap(collection, compare).push(value);
    if (!INDEXES[collection]) return;
    const ordinals = this.#ordinalsOf(collection);
    let ord = ordinals.get(value.id);
    if (ord === undefined) {
      ord = this.#next.get(collection) ?? 0;
      this.#next.set(collection, ord + 1);
      ordinals.set(value.id, ord);
    }
    // An entity has at most one key an index: each index moves it from its old key to its new one.
    const defs = INDEXES[collection];
    for (const index in defs) {
      const def = defs[index]!;
      const key = def(value);
      const old = before ? def(before) : undefined;
      if (old === key) continue;
      if (old !== undefined) this.#remove(collection, index, old, value.id);
      if (key !== undefined) this.#add(collection, index, key, value.id, ord);
    }
  }

  delete(collection: string, before: Entity): void {
    if (!INDEXES[collection]) return;
    for (const [index, key] of indexKeys(collection, before))
      this.#remove(collection, index, key, before.id);
    this.#ordinals.get(collection)?.delete(before.id);
  }

  clear(): void {
    this.#maps.clear();
    this.#ordinals.clear();
    this.#next.clear();
    this.#heaps.clear();
    this.#sorted.clear();
  }

  /** The ids under a key, in store order. */
  lookup(collection: string, index: string, key: string): readonly string[] {
    const b = this.#bucket(collection, index, key);
    if (b === undefined) return [];
    return typeof b === 'string' ? [b] : b.list(this.#ordinalsOf(collection));
  }

  /** The ids under a key, in store order or its reverse, lazily. */
  *walkKey(
    collection: string,
    index: string,
    key: string,
    descending: boolean,
  ): IterableIterator<string> {
    const b = this.#bucket(collection, index, key);
    if (b === undefined) return;
    if (typeof b === 'string') yield b;
    else yield* b.walk(descending, this.#ordinalsOf(collection));
  }

  /** How many ids are under a key. */
  countOf(collection: string, index: string, key: string): number {
    const b = this.#bucket(collection, index, key);
    return b === undefined ? 0 : typeof b === 'string' ? 1 : b.size;
  }

  /** The ids of a ranged index in key order, ties in store order (StoreReader.ordered). */
  *ordered(collection: string, index: string, walk: OrderedWalk): IterableIterator<string> {
    if (!RANGED[collection]?.includes(index))
      throw new Error(`The store keeps no ordered index ${index} on ${collection}.`);
    const byKey = this.#maps.get(collection)?.get(index);
    const keys = this.#sorted.get(collection)?.get(index);
    if (!byKey || !keys) return;
    for (const k of keys.walk(walk.descending, walk.above, walk.below)) {
      const b = byKey.get(k)!;
      if (typeof b === 'string') {
        yield b;
        continue;
      }
      yield* b.walk(walk.descending, this.#ordinalsOf(collection));
    }
  }

  /** The ids whose key in a ranged index is greater than `key`, in store order. */
  above(collection: string, index: string, key: string): readonly string[] {
    if (!RANGED[collection]?.includes(index))
      throw new Error(`The store keeps no ordered index ${index} on ${collection}.`);
    const byKey = this.#maps.get(collection)?.get(index);
    const keys = this.#sorted.get(collection)?.get(index);
    if (!byKey || !keys) return [];
    const ids: string[] = [];
    for (const k of keys.above(key)) {
      const b = byKey.get(k)!;
      if (typeof b === 'string') ids.push(b);
      else for (const id of b.any) ids.push(id);
    }
    const ordinals = this.#ordinalsOf(collection);
    return ids.sort((x, y) => ordinals.get(x)! - ordinals.get(y)!);
  }

  /** The least entity of an ordered collection that `current` still holds as it was pushed. */
  least(collection: string, current: (id: string) => Entity | undefined): Entity | undefined {
    const heap = this.#heaps.get(collection);
    if (!heap) return undefined;
    for (;;) {
      const top = heap.peek();
      if (top === undefined) return undefined;
      if (current(top.id) === top) return top;
      heap.pop();
    }
  }

  #heap(collection: string, compare: (a: Entity, b: Entity) => number): Heap {
    let h = this.#heaps.get(collection);
    if (!h) this.#heaps.set(collection, (h = new Heap(compare)));
    return h;
  }

  /** What an equality index holds under a key; an index the store does not keep throws. */
  #bucket(collection: string, index: string, key: string): Bucket | undefined {
    if (!INDEXES[collection]?.[index])
      throw new Error(`The store keeps no index ${index} on ${collection}.`);
    return this.#maps.get(collection)?.get(index)?.get(key);
  }

  #ordinalsOf(collection: string): Map<string, number> {
    let m = this.#ordinals.get(collection);
    if (!m) this.#ordinals.set(collection, (m = new Map()));
    return m;
  }

  #add(collection: string, index: string, key: string, id: string, ord: number): void {
    let byIndex = this.#maps.get(collection);
    if (!byIndex) this.#maps.set(collection, (byIndex = new Map()));
    let byKey = byIndex.get(index);
    if (!byKey) byIndex.set(index, (byKey = new Map()));
    const b = byKey.get(key);
    if (b === undefined) {
      byKey.set(key, id);
      this.#sortedOf(collection, index)?.add(key);
      return;
    }
    if (typeof b === 'string') {
      if (b !== id) byKey.set(key, new Many(this.#ordinalsOf(collection), b, id));
    } else b.add(id, ord);
  }

  #remove(collection: string, index: string, key: string, id: string): void {
    const byKey = this.#maps.get(collection)?.get(index);
    const b = byKey?.get(key);
    if (b === undefined || !byKey) return;
    if (typeof b === 'string') {
      if (b !== id) return;
    } else {
      if (b.delete(id)) return;
    }
    byKey.delete(key);
    this.#sorted.get(collection)?.get(index)?.delete(key);
  }

  /** The ordered keys of a ranged index (made on first use), or undefined for other indexes. */
  #sortedOf(collection: string, index: string): SortedKeys | undefined {
    if (!RANGED[collection]?.includes(index)) return undefined;
    let byIndex = this.#sorted.get(collection);
    if (!byIndex) this.#sorted.set(collection, (byIndex = new Map()));
    let keys = byIndex.get(index);
    if (!keys) byIndex.set(index, (keys = new SortedKeys()));
    return keys;
  }
}
