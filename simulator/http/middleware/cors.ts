import type { Context, Env, MiddlewareHandler } from 'hono';

export interface CorsOptions {
  /** The allowed origin for a request's `Origin` (empty when it sent none), or null for none. */
  readonly origin: (origin: string, c: Context) => string | null;
  readonly exposeHeaders: readonly string[];
  readonly allowMethods: readonly string[];
}

/**
 * CORS as Hono's `cors()` answers it (the same headers on the same requests), but written onto
 * the answer after the handler made it: setting a header before `next()` makes Hono build an
 * early response and copy the handler's into a new one, which costs every request a full
 * Response (and, on Node, a Request) object.
 */
export const corsHeaders = <E extends Env>(o: CorsOptions): MiddlewareHandler<E> => {
  const expose = o.exposeHeaders.join(',');
  const methods = o.allowMethods.join(',');
  return async (c, next) => {
    const allowOrigin = o.origin(c.req.header('origin') ?? '', c);
    if (c.req.method === 'OPTIONS') {
      const headers = new Headers();
      if (allowOrigin) headers.set('Access-Control-Allow-Origin', allowOrigin);
      if (expose) headers.set('Access-Control-Expose-Headers', expose);
      headers.append('Vary', 'Origin');
      if (methods) headers.set('Access-Control-Allow-Methods', methods);
      const asked = c.req.header('access-control-request-headers');
      if (asked) {
        headers.set(
          'Access-Control-Allow-Headers',
          asked
            .split(',')
            .map((h) => h.trim())
            .join(','),
        );
        headers.append('Vary', 'Access-Control-Request-Headers');
      }
      return new Response(null, { headers, status: 204, statusText: 'No Content' });
    }
    await next();
    const h = c.res.headers;
    if (allowOrigin) h.set('Access-Control-Allow-Origin', allowOrigin);
    if (expose) h.set('Access-Control-Expose-Headers', expose);
    h.append('Vary', 'Origin');
  };
};
