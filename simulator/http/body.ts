import type { Context } from 'hono';
import type { z } from 'zod';
import {
  ErrorCode,
  invalidField,
  invalidFields,
  unsupportedMediaType,
} from '../core/kernel/errors.ts';
import { fail, ok, type Result } from '../core/kernel/result.ts';
import { parseWith } from '../core/kernel/validation.ts';
import type { SurfaceEnv } from './env.ts';
import { JSON_LIMITS, nestsDeeperThan, overLimit, type JsonLimits } from './json-limits.ts';
import { nextTurn } from './next-turn.ts';

/**
 * A JSON body at least this long (a world imported, a CCW case with attachments) is checked and
 * parsed with a turn of the event loop before each pass over it: each is tens of milliseconds at
 * 32 MiB, and the server answers others between them (issue 13).
 */
export const LARGE_BODY = 1 << 20;

/**
 * The body length a request declares, when it declares one Node holds it to (`Content-Length`
 * without `Transfer-Encoding`); checked without touching the body.
 */
export const declaredLength = (headers: Headers): number | undefined => {
  const length = headers.get('content-length');
  return length !== null && !headers.has('transfer-encoding') && /^\d{1,15}$/.test(length)
    ? Number(length)
    : undefined;
};

/** Whether a Content-Type is JSON (`application/json`, or any `+json` type). */
export const isJson = (type: string | undefined): boolean =>
  !!type && /^application\/([\w.+-]+\+)?json\b/i.test(type.trim());

export interface ReadJsonOptions {
  /** An empty body counts as `{}` (operations whose fields are all optional). */
  readonly emptyAsObject?: boolean;
  /** Bounds other than the usual ones (`JSON_LIMITS`), e.g. longer strings for attachments. */
  readonly limits?: Partial<JsonLimits>;
}

/**
 * Reads a JSON body. Its size is bounded before it is read (`limitBodies`: 413 past the route's
 * limit); then 400 (1101) unless it is UTF-8, 415 unless it is JSON, 400 (1002) when it nests
 * deeper than 32 levels (counted before parsing) or holds a string or array over its bound, 400
 * (1101) when it does not parse.
 */
export const readJson = async (
  c: Context<SurfaceEnv>,
  options: ReadJsonOptions = {},
): Promise<Result<unknown>> => {
  const limits = { ...JSON_LIMITS, ...options.limits };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await c.req.arrayBuffer());
  } catch {
    return fail(invalidField('body', 'is not valid UTF-8', ErrorCode.malformedJson));
  }
  if (text.trim() === '' && options.emptyAsObject) return ok({});
  const type = c.req.header('content-type');
  if (!isJson(type)) return fail(unsupportedMediaType('application/json', type));
  const large = text.length >= LARGE_BODY;
  if (large) await nextTurn();
  if (nestsDeeperThan(text, limits.depth))
    return fail(
      invalidField('body', `must nest at most ${limits.depth} levels deep`, ErrorCode.tooLong),
    );
  if (large) await nextTurn();
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return fail(invalidField('body', `is not well-formed JSON (${why})`, ErrorCode.malformedJson));
  }
  if (large) await nextTurn();
  const over = overLimit(value, limits);
  return over ? fail(invalidFields([over])) : ok(value);
};

/** Reads a JSON body and validates it against a schema (every problem named by its field path). */
export const readBody = async <S extends z.ZodType>(
  c: Context<SurfaceEnv>,
  schema: S,
  options: ReadJsonOptions = {},
): Promise<Result<z.output<S>>> => {
  const body = await readJson(c, options);
  return body.ok ? parseWith(schema, body.value) : body;
};
