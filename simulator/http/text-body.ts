import type { Context } from 'hono';
import { unsupportedMediaType } from '../core/kernel/errors.ts';
import { fail, ok, type Result } from '../core/kernel/result.ts';
import type { SurfaceEnv } from './env.ts';

const isCsv = (type: string | undefined): boolean =>
  !!type && /^(text\/csv|application\/csv)\b/i.test(type.trim());

/** Reads a `text/csv` body as bytes (decoding is the core's: it names the line of invalid UTF-8); 415 otherwise. */
export const readCsvBytes = async (c: Context<SurfaceEnv>): Promise<Result<Uint8Array>> => {
  const type = c.req.header('content-type');
  if (!isCsv(type)) return fail(unsupportedMediaType('text/csv', type));
  return ok(new Uint8Array(await c.req.arrayBuffer()));
};
