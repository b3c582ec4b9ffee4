import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { payloadTooLarge } from '../../core/kernel/errors.ts';
import { declaredLength } from '../body.ts';
import type { SurfaceEnv } from '../env.ts';
import { sendError } from '../respond.ts';

/**
 * How many bytes a request body may have, by route: the users CSV import (20,000 rows) 32 MiB, a
 * CCW case with attachments 8 MiB, a world document (`POST /sim/import`) 32 MiB, everything else
 * (JSON and forms) 1 MiB.
 */
export const BODY_LIMITS = {
  csv: 32 * 1024 * 1024,
  world: 32 * 1024 * 1024,
  caseFiles: 8 * 1024 * 1024,
  other: 1024 * 1024,
};

export const bodyLimitFor = (path: string): number =>
  /\/users\/(csv|import)\/?$/.test(path)
    ? BODY_LIMITS.csv
    : /^\/sim\/import\/?$/.test(path)
      ? BODY_LIMITS.world
      : /^\/ccw\/api\/cases\/?$/.test(path)
        ? BODY_LIMITS.caseFiles
        : BODY_LIMITS.other;

const MiB = (n: number): string => `${n / (1024 * 1024)} MiB`;

/** 413 in the Webex shape. */
const tooLarge = (c: Context<SurfaceEnv>, maxSize: number): Response => {
  // The rest of the body is never read, so this connection cannot carry another request: say
  // so, or a keep-alive client sends its next request into a socket about to close.
  const res = sendError(
    c,
    payloadTooLarge(`The body is larger than ${MiB(maxSize)} (${maxSize} bytes).`),
  );
  res.headers.set('Connection', 'close');
  return res;
};

/**
 * Refuses a body over its route's limit with 413 in the error shape, reading no further than the
 * limit: a declared `Content-Length` over it is refused unread, and a streamed body is cut off there.
 */
export const limitBodies = (): MiddlewareHandler<SurfaceEnv> => {
  const limiters = new Map(
    Object.values(BODY_LIMITS).map((maxSize) => [
      maxSize,
      bodyLimit({ maxSize, onError: (c) => tooLarge(c, maxSize) }),
    ]),
  );
  return async (c, next) => {
    // A GET or HEAD has no body to bound; asking the request for one would build it in full.
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const maxSize = bodyLimitFor(c.req.path);
    // A declared length is all the server will read (Node's parser stops there): check it without
    // touching the body. Chunked bodies are counted as they stream.
    const length = declaredLength(c.req.raw.headers);
    if (length !== undefined) return length > maxSize ? tooLarge(c, maxSize) : next();
    return limiters.get(maxSize)!(c, next);
  };
};
