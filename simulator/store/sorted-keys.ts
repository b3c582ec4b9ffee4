import * as btree from 'sorted-btree';

type BTreeClass = typeof btree.default.default;

// sorted-btree is CommonJS with `exports.default`: Node's ESM loader hands the module object as
// the default import, bundlers hand the class itself. Either way, this is the class.
const mod = btree as unknown as { default: BTreeClass | { default: BTreeClass } };
const BTree: BTreeClass = typeof mod.default === 'function' ? mod.default : mod.default.default;

/** A set of strings kept in order (a B+ tree): O(log n) to add or remove, and walks from any key. */
export class SortedKeys {
  readonly #tree = new BTree<string, undefined>();

  add(key: string): void {
    this.#tree.set(key, undefined);
  }

  delete(key: string): void {
    this.#tree.delete(key);
  }

  /** The keys greater than `above` and less than `below` (each bound optional), either way. */
  *walk(descending: boolean, above?: string, below?: string): IterableIterator<string> {
    if (!descending) {
      for (const k of this.#tree.keys(above)) {
        if (below !== undefined && k >= below) return;
        if (above === undefined || k > above) yield k;
      }
      return;
    }
    // From `below` down, itself left out (it is not a key of the range).
    for (const [k] of this.#tree.entriesReversed(below, undefined, true)) {
      if (above !== undefined && k <= above) return;
      yield k;
    }
  }

  /** The keys greater than `key`, in order. */
  *above(key: string): IterableIterator<string> {
    for (const k of this.#tree.keys(key)) if (k > key) yield k;
  }
}
