import type { Handler } from 'hono';
import { ErrorCode, invalidField, notFound } from '../../../core/kernel/errors.ts';
import { authenticate } from '../../../core/kernel/identity.ts';
import { ownList } from '../../../core/kernel/ownership.ts';
import { isUsable } from '../../../core/organisations/customer-states.ts';
import { customerLocations } from '../../../core/organisations/locations.ts';
import type { SurfaceEnv } from '../../env.ts';
import { requireUser } from '../../middleware/auth.ts';
import { sendError } from '../../respond.ts';
import { RouteTable, type ApiRoute, type Method } from '../../route-table.ts';
import { addBroadWorksRoutes } from './broadworks.ts';
import { PUBLISHED_OPERATIONS } from './published-operations.ts';
import { locationV1 } from './views.ts';
import { addWholesaleCustomerRoutes } from './wholesale-customers.ts';
import { addConsentMoveRoutes, addWholesaleSubscriberRoutes } from './wholesale-subscribers.ts';

const templates = PUBLISHED_OPERATIONS.map((op) => ({
  ...op,
  re: new RegExp(`^${op.path.replace(/\{[^}]+\}/g, '[^/]+')}/?$`),
}));

/** The published operation a request names, if any. */
export const publishedOperation = (method: string, path: string) =>
  templates.find((o) => o.method === method && o.re.test(path));

const notImplemented: Handler<SurfaceEnv> = (c) => {
  const op = publishedOperation(c.req.method, c.req.path)!;
  const description = `${op.operationId} (${op.method} ${op.path}) is published by Cisco but not implemented by the simulator.`;
  return sendError(c, { status: 501, message: description, errors: [{ description }] });
};

/**
 * `/v1`: Cisco's Wholesale and BroadWorks operations (api.md, `/v1`), who the token is and a
 * customer's locations. A published operation the simulator does not implement yet answers 501.
 */
export const v1Api = (): ApiRoute[] => {
  const t = new RouteTable('', 'v1', [requireUser('v1')]);
  addWholesaleCustomerRoutes(t);
  addWholesaleSubscriberRoutes(t);
  addConsentMoveRoutes(t);
  addBroadWorksRoutes(t);

  t.get(
    '/v1/locations',
    { summary: "A customer org's locations (?orgId=), for locationId", responses: [200, 400, 404] },
    (c) => {
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
        (x) => isUsable(x.status) && x.orgId === orgId,
      );
      if (!customer) return sendError(c, notFound(`Organization ${orgId}`));
      return c.json({ items: customerLocations(w, customer.id).map((l) => locationV1(l, orgId)) });
    },
  );

  t.get('/v1/people/me', { summary: 'Who the token is', responses: [200, 401] }, (c) => {
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

  const served = new Set(t.routes.map((r) => r.operationId));
  for (const op of PUBLISHED_OPERATIONS) {
    if (served.has(op.operationId)) continue;
    const path = op.path.replace(/\{(\w+)\}/g, ':$1');
    t.add(
      op.method as Method,
      path,
      { summary: op.operationId, operationId: op.operationId, responses: [501] },
      notImplemented,
    );
  }
  return t.routes;
};

/** Anything else under `/v1`: 404, once the token is known (401 without one). */
export const v1Fallback: Handler<SurfaceEnv> = (c) => {
  const user = authenticate(c.env.world.read(), c.req.header('authorization'));
  return sendError(
    c,
    user.ok ? notFound(`No /v1 operation ${c.req.method} ${c.req.path}`) : user.error,
  );
};
