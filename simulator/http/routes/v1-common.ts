import { Hono } from 'hono';
import { notFound } from '../../core/errors.ts';
import type { SurfaceEnv } from '../env.ts';
import { requireUser } from '../middleware/auth.ts';
import { PUBLISHED_OPERATIONS } from '../published-operations.ts';
import { sendError } from '../respond.ts';

const templates = PUBLISHED_OPERATIONS.map((op) => ({
  ...op,
  re: new RegExp(`^${op.path.replace(/\{[^}]+\}/g, '[^/]+')}/?$`),
}));

/** The published operation a request names, if any. */
export const publishedOperation = (method: string, path: string) => templates.find((o) => o.method === method && o.re.test(path));

/**
 * `/v1` beside the Wholesale and BroadWorks routes: who the token is, and 501 for every operation of
 * Cisco's files the simulator does not implement (api.md, `/v1`); 404 for anything else.
 */
export const v1CommonRoutes = (): Hono<SurfaceEnv> => {
  const app = new Hono<SurfaceEnv>();
  app.use('*', requireUser('v1'));

  app.get('/people/me', (c) => {
    const u = c.get('user');
    return c.json({
      id: u.id,
      emails: [u.email],
      displayName: u.displayName,
      orgId: u.partnerId,
      roles: [u.role],
      type: 'person',
    });
  });

  app.all('*', (c) => {
    const op = publishedOperation(c.req.method, c.req.path);
    if (!op) return sendError(c, notFound(`No /v1 operation ${c.req.method} ${c.req.path}`));
    const description = `${op.operationId} (${op.method} ${op.path}) is published by Cisco but not implemented by the simulator.`;
    return sendError(c, { status: 501, message: description, errors: [{ description }] });
  });
  return app;
};
