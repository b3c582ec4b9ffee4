import type { Context } from 'hono';
import { ErrorCode, invalidField } from '../core/kernel/errors.ts';
import { fail, ok, type Result } from '../core/kernel/result.ts';
import type { SurfaceEnv } from './env.ts';
import { pathOf, searchOf, worldPath } from './origin.ts';

export interface Page {
  readonly offset: number;
  readonly max: number;
}

const whole = (text: string | undefined, name: string, min: number): Result<number | undefined> => {
  if (text === undefined || text === '') return ok(undefined);
  const n = Number(text);
  return Number.isInteger(n) && n >= min
    ? ok(n)
    : fail(
        invalidField(
          name,
          `must be a whole number of at least ${min} (got ${JSON.stringify(text)})`,
        ),
      );
};

/** `max` (published default and limit) and `offset` from the query (api.md, `/v1` lists). */
export const readPage = (
  c: Context<SurfaceEnv>,
  defaultMax: number,
  limit: number,
): Result<Page> => {
  const max = whole(c.req.query('max'), 'max', 1);
  if (!max.ok) return max;
  if (max.value !== undefined && max.value > limit)
    return fail(invalidField('max', `must be at most ${limit}`, ErrorCode.tooLong));
  const offset = whole(c.req.query('offset'), 'offset', 0);
  if (!offset.ok) return offset;
  return ok({ max: max.value ?? defaultMax, offset: offset.value ?? 0 });
};

/**
 * The same list at other positions: absolute, same filters (api.md, `/v1` lists). The request's
 * URL is read once for all of a page's links; `set` changes a copy of its query for each one.
 */
const atPositions = (c: Context<SurfaceEnv>) => {
  // The request's URL is already absolute and normal (the adapter made it so): read as a string.
  const url = c.req.url;
  const path = pathOf(url);
  const to = `${c.env.base}${c.env.inWorld ? worldPath(path) : path}`;
  const search = searchOf(url);
  return (set: (params: URLSearchParams) => void): string => {
    const params = new URLSearchParams(search);
    set(params);
    const query = params.toString();
    return query === '' ? to : `${to}?${query}`;
  };
};

/** The `Link` header: `first` and `prev` when not at the start, `next` when more follow. */
export const setLinks = (
  c: Context<SurfaceEnv>,
  links: { first?: string | undefined; prev?: string | undefined; next?: string | undefined },
): void => {
  const parts = (['first', 'prev', 'next'] as const).flatMap((rel) =>
    links[rel] === undefined ? [] : [`<${links[rel]}>; rel="${rel}"`],
  );
  if (parts.length > 0) c.header('Link', parts.join(', '));
};

/** A page's `Link` first, prev and next as they apply (`more`: items follow this page). */
export const pageLinks = (c: Context<SurfaceEnv>, page: Page, more: boolean): void => {
  const started = page.offset > 0;
  if (!started && !more) return;
  const atPosition = atPositions(c);
  const at = (offset: number) =>
    atPosition((p) => {
      p.set('offset', String(offset));
      p.set('max', String(page.max));
    });
  setLinks(c, {
    first: started ? at(0) : undefined,
    prev: started ? at(Math.max(0, page.offset - page.max)) : undefined,
    next: more ? at(page.offset + page.max) : undefined,
  });
};

/** One page of items, with `Link` first, prev and next as they apply. */
export const pageOf = <T>(c: Context<SurfaceEnv>, items: readonly T[], page: Page): T[] => {
  pageLinks(c, page, page.offset + page.max < items.length);
  return items.slice(page.offset, page.offset + page.max);
};

/** A cursor-paged list's `Link`s (the cursor is opaque to clients; here, an encoded position). */
export const cursorLinks = (
  c: Context<SurfaceEnv>,
  encode: (from: number) => string,
  from: number,
  max: number,
  total: number,
): void => {
  if (from === 0 && max >= total) return;
  const atPosition = atPositions(c);
  const at = (position: number) =>
    atPosition((p) => {
      if (position === 0) p.delete('cursor');
      else p.set('cursor', encode(position));
    });
  setLinks(c, {
    first: from > 0 ? at(0) : undefined,
    prev: from > 0 ? at(Math.max(0, from - max)) : undefined,
    next: from + max < total ? at(from + max) : undefined,
  });
};

/** A filter that accepts repeated and comma-separated values (`?status=a,b&status=c`). */
export const multiValue = (c: Context<SurfaceEnv>, name: string): string[] | undefined => {
  const values = (c.req.queries(name) ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
  return values.length > 0 ? values : undefined;
};

/** `max` (published default, limit) and the opaque `cursor` of the `Link` next URL (api.md, `/v1` lists). */
export const readCursor = (
  c: Context<SurfaceEnv>,
  defaultMax: number,
  limit: number,
): Result<{ max: number; from: number }> => {
  const text = c.req.query('max');
  const max = text === undefined ? defaultMax : Number(text);
  if (!Number.isInteger(max) || max < 1)
    return fail(
      invalidField('max', `must be a whole number of at least 1 (got ${JSON.stringify(text)})`),
    );
  if (max > limit) return fail(invalidField('max', `must be at most ${limit}`, ErrorCode.tooLong));
  const cursor = c.req.query('cursor');
  if (cursor === undefined) return ok({ max, from: 0 });
  let from = NaN;
  try {
    from = Number(atob(cursor.replace(/-/g, '+').replace(/_/g, '/')).replace(/^o:/, ''));
  } catch {
    // not base64: not a cursor of ours
  }
  return Number.isInteger(from) && from >= 0
    ? ok({ max, from })
    : fail(invalidField('cursor', 'is not a cursor this simulator made; follow the Link header'));
};

/** The opaque cursor of a position (base64url of `o:<position>`). */
export const encodeCursor = (from: number): string =>
  btoa(`o:${from}`).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** One page of items from a cursor, with `Link` first, prev and next as they apply. */
export const cursorPageOf = <T>(
  c: Context<SurfaceEnv>,
  items: readonly T[],
  page: { readonly max: number; readonly from: number },
): T[] => {
  cursorLinks(c, encodeCursor, page.from, page.max, items.length);
  return items.slice(page.from, page.from + page.max);
};
