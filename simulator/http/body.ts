import type { Context } from 'hono';
import type { z } from 'zod';
import {
  ErrorCode,
  invalidField,
  payloadTooLarge,
  unsupportedMediaType,
} from '../core/kernel/errors.ts';
import { fail, ok, type Result } from '../core/kernel/result.ts';
import { parseWith } from '../core/kernel/validation.ts';
import type { SurfaceEnv } from './env.ts';

export const JSON_LIMIT = 1024 * 1024;

const isJson = (type: string | undefined): boolean =>
  !!type && /^application\/([\w.+-]+\+)?json\b/i.test(type.trim());

/**
 * Reads a JSON body: 415 unless it is JSON, 413 past 1 MiB, 400 (1101) when it does not parse. An
 * empty body counts as `{}` where the operation has only optional fields (`emptyAsObject`).
 */
export const readJson = async (
  c: Context<SurfaceEnv>,
  options: { emptyAsObject?: boolean } = {},
): Promise<Result<unknown>> => {
  const text = await c.req.text();
  if (text.trim() === '' && options.emptyAsObject) return ok({});
  const type = c.req.header('content-type');
  if (!isJson(type)) return fail(unsupportedMediaType('application/json', type));
  if (new TextEncoder().encode(text).length > JSON_LIMIT)
    return fail(payloadTooLarge(`The body is larger than ${JSON_LIMIT} bytes.`));
  try {
    return ok(JSON.parse(text) as unknown);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return fail(invalidField('body', `is not well-formed JSON (${why})`, ErrorCode.malformedJson));
  }
};

/** Reads a JSON body and validates it against a schema (every problem named by its field path). */
export const readBody = async <S extends z.ZodType>(
  c: Context<SurfaceEnv>,
  schema: S,
  options: { emptyAsObject?: boolean } = {},
): Promise<Result<z.output<S>>> => {
  const body = await readJson(c, options);
  return body.ok ? parseWith(schema, body.value) : body;
};
