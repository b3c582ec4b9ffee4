import { Hono } from 'hono';
import { ErrorCode, invalidField, notFound } from '../../../core/kernel/errors.ts';
import { customerLocations } from '../../../core/organisations/locations.ts';
import { ownList } from '../../../core/kernel/ownership.ts';
import { locationV1 } from './views.ts';
import { v1BroadWorksRoutes } from './broadworks.ts';
import { v1CustomerRoutes } from './wholesale-customers.ts';
import { v1ConsentMoveRoutes, v1SubscriberRoutes } from './wholesale-subscribers.ts';
import type { SurfaceEnv } from '../../env.ts';
import { requireUser } from '../../middleware/auth.ts';
import { PUBLISHED_OPERATIONS } from './published-operations.ts';
import { sendError } from '../../respond.ts';

const templates = PUBLISHED_OPERATIONS.map((op) => ({
  ...op,
  re: new RegExp(`^${op.path.replace(/\{[^}]+\}/g, '[^/]+')}/?$`),
}));

/** The published operation a request names, if any. */
export const publishedOperation = (method: string, path: string) =>
  templates.find((o) => o.method === method && o.re.test(path));

/**
 * `/v1`: the Wholesale (and later BroadWorks) routes, who the token is, a customer's locations, and 501 for every operation of
 * Cisco's files the simulator does not implement (api.md, `/v1`); 404 for anything else.
 */
export const v1Routes = (): Hono<SurfaceEnv> => {
  const app = new Hono<SurfaceEnv>();
  app.use('*', requireUser('v1'));
  app.route('/wholesale/customers', v1CustomerRoutes());
  app.route('/wholesale/subscribers', v1SubscriberRoutes());
  app.route('/subscribers', v1ConsentMoveRoutes());
  app.route('/broadworks', v1BroadWorksRoutes());

  app.get('/locations', (c) => {
    const orgId = c.req.query('orgId');
    if (!orgId)
      return sendError(
        c,
        invalidField(
          'orgId',
          'is required: the simulator lists the locations of a customer org (GET /v1/wholesale/customers shows orgId once provisioned)',
          ErrorCode.required,
        ),
      );
    const w = c.env.world.read();
    const customer = ownList(w, 'customers', c.get('user').partnerId).find(
      (x) => x.status === 'provisioned' && x.orgId === orgId,
    );
    if (!customer) return sendError(c, notFound(`Organization ${orgId}`));
    return c.json({ items: customerLocations(w, customer.id).map((l) => locationV1(l, orgId)) });
  });

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
