/**
 * The port the core needs from storage. `simulator/store` implements it (memory, and lowdb with a
 * journal); the core only ever sees this interface. Values are plain JSON objects with an `id`;
 * a store freezes what it keeps, so a reader can never change stored state by accident.
 */
export interface Entity {
  readonly id: string;
}

export type Change =
  | { readonly op: 'put'; readonly collection: string; readonly value: Entity }
  | { readonly op: 'delete'; readonly collection: string; readonly id: string }
  /** Empties every collection (a world reset); later changes in the same batch apply after it. */
  | { readonly op: 'clear' };

export interface StoreReader {
  get(collection: string, id: string): Entity | undefined;
  /** Every entity of a collection, in the order each id was first put. */
  list(collection: string): readonly Entity[];
  count(collection: string): number;
  /**
   * The entities whose key in one of the store's indexes (kernel/indexes.ts) is `key`, in list
   * order; an index the store does not keep throws.
   */
  lookup(collection: string, index: string, key: string): readonly Entity[];
  /**
   * The same entities as `lookup`, lazily, in list order or (`descending`) its reverse: a caller
   * that stops after a page has read only that far, however many the key holds.
   */
  walkKey(collection: string, index: string, key: string, descending?: boolean): Iterable<Entity>;
  /**
   * The entities whose key in one of the store's ordered indexes (kernel/indexes.ts, RANGED) is
   * greater than `key`, in list order; an index the store does not keep in order throws.
   */
  above(collection: string, index: string, key: string): readonly Entity[];
  /**
   * The entities of one of the store's ordered indexes (RANGED) in its order: by key, ties in list
   * order; `descending` is the exact reverse; with `above` and `below`, only keys between them. Lazy: a
   * caller that stops after a page has walked only that far. An index not kept in order throws.
   */
  ordered(collection: string, index: string, walk: OrderedWalk): Iterable<Entity>;
  /** How many entities are under `key` in one of the store's indexes, without listing them. */
  countOf(collection: string, index: string, key: string): number;
}

export interface OrderedWalk {
  readonly descending: boolean;
  /** Only keys greater than this one. */
  readonly above?: string | undefined;
  /** Only keys less than this one. */
  readonly below?: string | undefined;
}

export interface Store extends StoreReader {
  /** Applies a batch atomically: after a crash, either all of it is there or none of it. */
  apply(changes: readonly Change[]): void;
  /**
   * An object every write (`apply`) replaces with a new one: while it is the same object, so is
   * everything the store holds, and a walk of it begun earlier can go on (a list's next page).
   */
  readonly revision: object;
  /** The least entity of an ordered collection (kernel/indexes.ts, ORDERED): the next due event. */
  least(collection: string): Entity | undefined;
  /** Every collection's entities, for snapshots and exports. */
  dump(): Readonly<Record<string, readonly Entity[]>>;
  /** Resolves when everything applied so far is on disk (a no-op for memory). */
  flush(): Promise<void>;
  close(): Promise<void>;
}
