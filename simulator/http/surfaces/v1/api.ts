import type { Handler } from 'hono';
import { ErrorCode, invalidField, notFound } from '../../../core/kernel/errors.ts';
import { authenticate } from '../../../core/kernel/identity.ts';
import { isUsable } from '../../../core/organisations/customer-states.ts';
import { customerLocations } from '../../../core/organisations/locations.ts';
import type { SurfaceEnv } from '../../env.ts';
import { requireUser } from '../../middleware/auth.ts';
import { ciscoQuery } from '../../middleware/cisco-query.ts';
import { onBehalfOf } from '../../middleware/on-behalf-of.ts';
import { sendError } from '../../respond.ts';
import { RouteTable, type ApiRoute } from '../../route-table.ts';
import { addBillingReportRoutes } from './billing-reports.ts';
import { addBroadWorksRoutes } from './broadworks.ts';
import { addDirectorySyncRoutes } from './directory-sync.ts';
import { addSubPartnerRoutes } from './sub-partners.ts';
import { PUBLISHED_OPERATIONS } from './published-operations.ts';
import { locationV1 } from './views.ts';
import { addWholesaleCustomerRoutes } from './wholesale-customers.ts';
import { addConsentMoveRoutes, addWholesaleSubscriberRoutes } from './wholesale-subscribers.ts';
import { addWorkspaceRoutes } from './workspaces.ts';

const templates = PUBLISHED_OPERATIONS.map((op) => ({
  ...op,
  re: new RegExp(`^${op.path.replace(/\{[^}]+\}/g, '[^/]+')}/?$`),
}));

/** The published operation a request names, if any. */
export const publishedOperation = (method: string, path: string) =>
  templates.find((o) => o.method === method && o.re.test(path));

/**
 * `/v1`: Cisco's Wholesale and BroadWorks operations (api.md, `/v1`), who the token is and a
 * customer's locations.
 */
export const v1Api = (): ApiRoute[] => {
  const t = new RouteTable('', 'v1', [requireUser('v1'), onBehalfOf()]);
  addWholesaleCustomerRoutes(t);
  addWholesaleSubscriberRoutes(t);
  addConsentMoveRoutes(t);
  addBroadWorksRoutes(t);
  addSubPartnerRoutes(t);
  addBillingReportRoutes(t);
  addDirectorySyncRoutes(t);
  addWorkspaceRoutes(t);

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
      const partnerId = c.get('user').partnerId;
      const customer = w
        .lookup('customers', 'orgId', orgId)
        .find((x) => x.partnerId === partnerId && isUsable(x.status));
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

  return t.routes.map((r) =>
    r.operationId ? { ...r, middleware: [...r.middleware, ciscoQuery(r.operationId)] } : r,
  );
};

/** The methods Cisco's files publish for a path (for 405's `Allow`). */
const methodsOf = (path: string): string[] =>
  templates.filter((o) => o.re.test(path)).map((o) => o.method);

/**
 * Anything else under `/v1`, once the token is known (401 without one): a method a published path
 * does not have answers 405 with `Allow`; anything else 404 (a published path with a slash at its
 * end says so).
 */
export const v1Fallback: Handler<SurfaceEnv> = (c) => {
  const user = authenticate(c.env.world.read(), c.req.header('authorization'));
  if (!user.ok) return sendError(c, user.error);
  const allowed = methodsOf(c.req.path);
  if (allowed.length === 0)
    return sendError(c, notFound(`No /v1 operation ${c.req.method} ${c.req.path}`));
  // The published path with a slash at its end: the method is one it has, the path is not.
  const method = c.req.method === 'HEAD' ? 'GET' : c.req.method;
  if (allowed.includes(method)) {
    const description = `${c.req.path} is not a /v1 path: it ends in a slash (${c.req.method} ${c.req.path.replace(/\/+$/, '')} is one).`;
    return sendError(c, { status: 404, message: description, errors: [{ description }] });
  }
  const allow = [...new Set([...allowed, ...(allowed.includes('GET') ? ['HEAD'] : [])])].join(', ');
  const description = `${c.req.method} is not allowed on ${c.req.path}; it allows ${allow}.`;
  return sendError(c, {
    status: 405,
    message: description,
    errors: [{ description }],
    headers: { Allow: allow },
  });
};
