/**
 * Server-side paging, search and sort of a list page, over a small source interface: today an
 * array in memory, later a store index that answers the same question without reading every item.
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
  slice(q: { search: string; sort: string; dir: 'asc' | 'desc'; offset: number; limit: number }): {
    items: readonly T[];
    total: number;
  };
}

export const PAGE_SIZES = [10, 25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 25;

/**
 * How list pages order text: English, case and accents aside, digits as numbers. One collator for
 * every comparison: `localeCompare` with a locale builds one per call, which made sorting a
 * customer's 50,000 users take seconds (issue 13).
 */
const COLLATOR = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

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
const firstInOrder = <E>(
  items: readonly E[],
  count: number,
  before: (a: E, b: E) => boolean,
): E[] => {
  const best: E[] = [];
  if (count <= 0) return best;
  for (const e of items) {
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

/** A source over an array: `text` is what search looks in, `keys` the sortable values. */
export const arraySource = <T>(
  items: readonly T[],
  spec: {
    readonly text: (item: T) => string;
    readonly keys: Readonly<Record<string, (item: T) => string | number>>;
  },
): ListSource<T> => ({
  sortKeys: Object.keys(spec.keys),
  slice: ({ search, sort, dir, offset, limit }) => {
    const needle = search.trim().toLowerCase();
    const matching = needle
      ? items.filter((x) => spec.text(x).toLowerCase().includes(needle))
      : items;
    const key = spec.keys[sort];
    if (!key) return { items: matching.slice(offset, offset + limit), total: matching.length };
    const sign = dir === 'desc' ? -1 : 1;
    const keyed: Keyed<T>[] = matching.map((x, i) => ({ x, i, k: key(x) }));
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
        ? firstInOrder(keyed, upTo, (a, b) => compare(a, b) < 0)
        : keyed.sort(compare);
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

/** One page of a source for a query. */
export const pageOf = <T>(source: ListSource<T>, query: ListQuery): ListPage<T> => {
  const first = source.slice({
    search: query.q,
    sort: query.sort,
    dir: query.dir,
    offset: (query.page - 1) * query.size,
    limit: query.size,
  });
  const pages = Math.max(1, Math.ceil(first.total / query.size));
  if (query.page <= pages) return { ...first, page: query.page, pages, size: query.size };
  const last = source.slice({
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
