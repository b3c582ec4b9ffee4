import type { Steps } from './steps.ts';

/**
 * The port the core needs from storage. `simulator/store` implements it (memory, and lowdb with a
 * journal); the core only ever sees this interface. Values are plain JSON objects with an `id`;
 * a store freezes what it keeps, so a reader can never change stored state by accident (a value
 * already deeply frozen, as every stored one is, is kept as it is rather than copied again).
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
   * Replaces everything the store holds with `collections` (what `apply` of a clear, then a put of
   * each value in order, does), in steps (kernel/steps.ts): a world of a million entities restored
   * without holding the server (issue 13). Until the last step the store holds, and its readers
   * see, what it held before; the last step puts the whole replacement in place at once, and a
   * crash before it leaves the store as it was. A write (`apply`) between two steps abandons it:
   * the next step throws `ReplacementAbandoned` and the store holds what it held, that write
   * included (the caller keeps other writers out meanwhile). A value that could not be stored
   * throws as `apply` does, and changes nothing.
   */
  replace(collections: Readonly<Record<string, readonly Entity[]>>): Steps;
  /**
   * An object every write (`apply`, `replace`) replaces with a new one: while it is the same object, so is
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

/** A `replace` given up because the store was written between two of its steps. */
export class ReplacementAbandoned extends Error {
  override readonly name = 'ReplacementAbandoned';
  constructor() {
    super('The store was written while its content was being replaced; nothing was replaced.');
  }
}
