import type { MiddlewareHandler } from 'hono';
import type { SurfaceEnv } from '../env.ts';
import { sendError } from '../respond.ts';
import { validateCiscoQuery } from '../surfaces/v1/cisco-validate.ts';

/** The query parameters a `/v1` operation publishes, checked against Cisco's schemas. */
export const ciscoQuery =
  (operationId: string): MiddlewareHandler<SurfaceEnv> =>
  async (c, next) => {
    const r = validateCiscoQuery(operationId, c.req.queries());
    if (!r.ok) return sendError(c, r.error);
    await next();
  };
