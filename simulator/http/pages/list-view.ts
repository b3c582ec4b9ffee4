import { sortInSteps } from '../../core/kernel/steps.ts';
import { inTurns, ITEMS_A_TURN, nextTurn } from '../next-turn.ts';

/**
 * Server-side paging, search and sort of a list page, over a small source interface: items in
 * memory or a store index walked as it is read, in turns of the event loop when they are many.
 */
export interface ListQuery {
  /** Search text (case-insensitive substring); empty for all. */
  readonly q: string;
  /** The sort key (one the source knows). */
  readonly sort: string;
  readonly dir: 'asc' | 'desc';
  /** 1-based. */
  readonly page: number;
  readonly size: number;
}

export interface ListPage<T> {
  readonly items: readonly T[];
  /** How many items match the search (all pages). */
  readonly total: number;
  /** The page shown (clamped to the last page). */
  readonly page: number;
  readonly pages: number;
  readonly size: number;
}

/** What a list page needs from where its items live. */
export interface ListSource<T> {
  readonly sortKeys: readonly string[];
  /** The matching items, sorted, from `offset`, at most `limit`; and how many match in all. */
  slice(q: {
    search: string;
    sort: string;
    dir: 'asc' | 'desc';
    offset: number;
    limit: number;
  }): Promise<{ items: readonly T[]; total: number }>;
}

export const PAGE_SIZES = [10, 25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 25;

/**
 * How list pages order text: English, case and accents aside, digits as numbers. One collator for
 * every comparison: `localeCompare` with a locale builds one per call, which made sorting a
 * customer's 50,000 users take seconds (issue 13).
 */
const COLLATOR = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Counts work: a turn of the event loop is due every `every` units of it. */
class Pacer {
  #done = 0;
  constructor(readonly every: number) {}

  /** Counts `n` units; whether a turn is due (then the count starts again). */
  due(n = 1): boolean {
    this.#done += n;
    if (this.#done < this.every) return false;
    this.#done = 0;
    return true;
  }
}

interface Keyed<T> {
  readonly x: T;
  readonly i: number;
  readonly k: string | number;
}

/**
 * The first `count` items of `items` in `before`'s order (a strict total order), without sorting
 * them all: a sorted run of the best so far, which an item joins only when it comes before the run's
 * last. A page near the top of a long list then costs a comparison an item, not a sort.
 */
const firstInOrder = async <E>(
  items: readonly E[],
  count: number,
  before: (a: E, b: E) => boolean,
  pacer: Pacer,
): Promise<E[]> => {
  const best: E[] = [];
  if (count <= 0) return best;
  for (const e of items) {
    if (pacer.due()) await nextTurn();
    if (best.length === count && !before(e, best[count - 1]!)) continue;
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(e, best[mid]!)) hi = mid;
      else lo = mid + 1;
    }
    best.splice(lo, 0, e);
    if (best.length > count) best.pop();
  }
  return best;
};

/**
 * A source over items in memory (an array, or a store index walked as it is read): `text` is what
 * search looks in, `keys` the sortable values. Each slice reads the items afresh, in turns of
 * `itemsATurn` (`ITEMS_A_TURN`) when they are many: `items` must give them again each time it is
 * iterated (an array does; a generator object does not).
 */
export const arraySource = <T>(
  items: Iterable<T>,
  spec: {
    readonly text: (item: T) => string;
    readonly keys: Readonly<Record<string, (item: T) => string | number>>;
    readonly itemsATurn?: number;
  },
): ListSource<T> => ({
  sortKeys: Object.keys(spec.keys),
  slice: async ({ search, sort, dir, offset, limit }) => {
    const pacer = new Pacer(spec.itemsATurn ?? ITEMS_A_TURN);
    const needle = search.trim().toLowerCase();
    const key = spec.keys[sort];
    const keyed: Keyed<T>[] = [];
    for (const x of items) {
      if (pacer.due()) await nextTurn();
      if (needle && !spec.text(x).toLowerCase().includes(needle)) continue;
      keyed.push({ x, i: keyed.length, k: key ? key(x) : 0 });
    }
    if (!key)
      return { items: keyed.slice(offset, offset + limit).map((e) => e.x), total: keyed.length };
    const sign = dir === 'desc' ? -1 : 1;
    const compare = (a: Keyed<T>, b: Keyed<T>): number => {
      const c =
        typeof a.k === 'number' && typeof b.k === 'number'
          ? a.k - b.k
          : COLLATOR.compare(String(a.k), String(b.k));
      return c !== 0 ? sign * c : a.i - b.i;
    };
    // The pages up to this one: picked from the rest when they are few, else the whole list sorted.
    const upTo = offset + limit;
    const first =
      upTo * 8 < keyed.length
        ? await firstInOrder(keyed, upTo, (a, b) => compare(a, b) < 0, pacer)
        : keyed.length <= pacer.every
          ? keyed.sort(compare)
          : await inTurns(sortInSteps(keyed, compare, pacer.every));
    return { items: first.slice(offset, upTo).map((e) => e.x), total: keyed.length };
  },
});

const int = (text: string | undefined, fallback: number): number => {
  const n = Number.parseInt(text ?? '', 10);
  return Number.isFinite(n) && n > 0 ? n : fallback;
};

/** The list query from a request's search parameters; unknown sort keys and sizes fall back. */
export const readListQuery = (
  get: (name: string) => string | undefined,
  defaults: { sort: string; dir?: 'asc' | 'desc'; size?: number },
  sortKeys: readonly string[],
): ListQuery => {
  const sort = get('sort') ?? '';
  const size = int(get('size'), defaults.size ?? DEFAULT_PAGE_SIZE);
  return {
    q: (get('q') ?? '').slice(0, 200),
    sort: sortKeys.includes(sort) ? sort : defaults.sort,
    dir: get('dir') === 'desc' ? 'desc' : get('dir') === 'asc' ? 'asc' : (defaults.dir ?? 'asc'),
    page: int(get('page'), 1),
    size: (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_PAGE_SIZE,
  };
};

/**
 * How many items a list holds without its search (the count's second figure): the page's total
 * when nothing is searched, else the items counted once more.
 */
export const totalWithoutSearch = (
  items: Iterable<unknown>,
  query: ListQuery,
  page: ListPage<unknown>,
): number => {
  if (!query.q) return page.total;
  let n = 0;
  for (const _ of items) n += 1;
  return n;
};

/** One page of a source for a query. */
export const pageOf = async <T>(source: ListSource<T>, query: ListQuery): Promise<ListPage<T>> => {
  const first = await source.slice({
    search: query.q,
    sort: query.sort,
    dir: query.dir,
    offset: (query.page - 1) * query.size,
    limit: query.size,
  });
  const pages = Math.max(1, Math.ceil(first.total / query.size));
  if (query.page <= pages) return { ...first, page: query.page, pages, size: query.size };
  const last = await source.slice({
    search: query.q,
    sort: query.sort,
    dir: query.dir,
    offset: (pages - 1) * query.size,
    limit: query.size,
  });
  return { ...last, page: pages, pages, size: query.size };
};

/** A list page's URL with some query parameters changed (others, such as filters, kept). */
export const listHref = (
  url: string,
  changes: Readonly<Record<string, string | number | undefined>>,
): string => {
  const u = new URL(url);
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined || v === '') u.searchParams.delete(k);
    else u.searchParams.set(k, String(v));
  }
  return u.toString();
};
