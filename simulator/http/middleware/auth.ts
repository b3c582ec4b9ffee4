import type { MiddlewareHandler } from 'hono';
import { authenticate, authorize, type Action, type Surface } from '../../core/kernel/identity.ts';
import type { SurfaceEnv } from '../env.ts';
import { sendError } from '../respond.ts';

/** What a request does: GET and HEAD read, a POST to `…/validate` is a precheck, the rest write. */
export const actionOf = (method: string, path: string): Action =>
  method === 'GET' || method === 'HEAD'
    ? 'read'
    : method === 'POST' && /\/validate\/?$/.test(path)
      ? 'validate'
      : 'write';

/** 401 without a known token, 403 when the role may not (api.md, Identity and roles; SIM-3). */
export const requireUser =
  (surface: Surface): MiddlewareHandler<SurfaceEnv> =>
  async (c, next) => {
    const reader = c.env.world.read();
    const user = authenticate(reader, c.req.header('authorization'));
    if (!user.ok) return sendError(c, user.error);
    const allowed = authorize(user.value, surface, actionOf(c.req.method, c.req.path));
    if (!allowed.ok) return sendError(c, allowed.error);
    c.set('user', user.value);
    await next();
  };
