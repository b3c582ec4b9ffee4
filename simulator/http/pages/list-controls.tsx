import type { Child } from 'hono/jsx';
import { Icon } from './layout.tsx';
import { listHref, PAGE_SIZES, type ListPage, type ListQuery } from './list-view.ts';

/** The list's request URL (with its filters) and query: what every control builds links from. */
export interface ListState {
  readonly url: string;
  readonly query: ListQuery;
  /** What the items are called, plural (`customers`), for the count and the search label. */
  readonly noun: string;
}

/** "1 customer", "2 customers": the nouns of the lists are plurals in -s. */
const counted = (n: number, plural: string): string =>
  `${n} ${n === 1 ? plural.replace(/s$/, '') : plural}`;

/** The search box and the count: "340 customers", "12 of 340 customers match". */
export const ListBar = ({
  state,
  page,
  total,
  children,
}: {
  state: ListState;
  page: ListPage<unknown>;
  /** How many there are without the search (the count's second figure). */
  total?: number;
  children?: Child;
}) => {
  const u = new URL(state.url);
  const keep = [...u.searchParams.entries()].filter(([k]) => !['q', 'page'].includes(k));
  return (
    <div class="listbar">
      <form method="get" action={`${u.origin}${u.pathname}`} role="search">
        {keep.map(([k, v]) => (
          <input type="hidden" name={k} value={v} />
        ))}
        <label for="list-search" class="icon-label">
          <Icon name="search-regular" />
          <span class="visually-hidden">Search {state.noun}</span>
        </label>
        <input
          id="list-search"
          type="search"
          name="q"
          value={state.query.q}
          placeholder={`Search ${state.noun}`}
          aria-label={`Search ${state.noun}`}
        />
        <button type="submit" class="secondary">
          Search
        </button>
      </form>
      <span class="count" data-testid="list-count" role="status">
        {state.query.q
          ? `${page.total} of ${counted(total ?? page.total, state.noun)} ${page.total === 1 ? 'matches' : 'match'}`
          : counted(page.total, state.noun)}
      </span>
      {children}
    </div>
  );
};

/** A column header that sorts by its key; a second click reverses. */
export const SortHeader = ({
  state,
  label,
  by,
}: {
  state: ListState;
  label: string;
  by: string;
}) => {
  const active = state.query.sort === by;
  const dir = active && state.query.dir === 'asc' ? 'desc' : 'asc';
  const sortState = active ? (state.query.dir === 'asc' ? 'ascending' : 'descending') : undefined;
  return (
    <th scope="col" {...(sortState ? { 'aria-sort': sortState } : {})}>
      <a href={listHref(state.url, { sort: by, dir, page: undefined })}>
        {label}
        {active ? (state.query.dir === 'asc' ? ' ▲' : ' ▼') : ''}
      </a>
    </th>
  );
};

/** Previous, next, where we are, and the page size. */
export const Pager = ({ state, page }: { state: ListState; page: ListPage<unknown> }) => {
  const from = page.total === 0 ? 0 : (page.page - 1) * page.size + 1;
  const to = Math.min(page.page * page.size, page.total);
  return (
    <nav class="pager" aria-label={`Pages of ${state.noun}`} data-testid="pager">
      <span>
        {from}–{to} of {page.total}
      </span>
      {page.page > 1 ? (
        <a href={listHref(state.url, { page: page.page - 1 })} rel="prev">
          Previous
        </a>
      ) : (
        <span class="off">Previous</span>
      )}
      <span data-testid="page-of">
        Page {page.page} of {page.pages}
      </span>
      {page.page < page.pages ? (
        <a href={listHref(state.url, { page: page.page + 1 })} rel="next">
          Next
        </a>
      ) : (
        <span class="off">Next</span>
      )}
      <span>
        Show{' '}
        {PAGE_SIZES.map((n) =>
          n === page.size ? (
            <strong> {n} </strong>
          ) : (
            <a href={listHref(state.url, { size: n, page: undefined })}>{n}</a>
          ),
        )}
      </span>
    </nav>
  );
};
