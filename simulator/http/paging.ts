import type { Context } from 'hono';
import { ErrorCode, invalidField } from '../core/kernel/errors.ts';
import { fail, ok, type Result } from '../core/kernel/result.ts';
import type { SurfaceEnv } from './env.ts';

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

/** One page of items; sets `Link: <…>; rel="next"` (absolute, same filters) when more follow. */
export const pageOf = <T>(c: Context<SurfaceEnv>, items: readonly T[], page: Page): T[] => {
  const slice = items.slice(page.offset, page.offset + page.max);
  if (page.offset + page.max < items.length) {
    const url = new URL(c.req.url);
    const next = new URL(`${c.env.base}${url.pathname}`);
    url.searchParams.forEach((v, k) => next.searchParams.append(k, v));
    next.searchParams.set('offset', String(page.offset + page.max));
    next.searchParams.set('max', String(page.max));
    c.header('Link', `<${next.toString()}>; rel="next"`);
  }
  return slice;
};

/** A filter that accepts repeated and comma-separated values (`?status=a,b&status=c`). */
export const multiValue = (c: Context<SurfaceEnv>, name: string): string[] | undefined => {
  const values = (c.req.queries(name) ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
  return values.length > 0 ? values : undefined;
};
