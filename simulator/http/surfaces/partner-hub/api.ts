import { addLocation } from '../../../core/organisations/locations.ts';
import { bodyInTurns, jsonItems, VIEWS_A_TURN } from '../../next-turn.ts';
import { createPartnerHubCustomer, partnerHubCustomerView } from './customers-door.ts';
import { ownedBy, ownList } from '../../../core/kernel/ownership.ts';
import {
  createTemplate,
  deleteTemplate,
  updateTemplate,
} from '../../../core/organisations/templates.ts';
import { templateView } from './template-view.ts';
import { readJson } from '../../body.ts';
import { RouteTable, type ApiRoute } from '../../route-table.ts';
import { requireUser } from '../../middleware/auth.ts';
import { addUserStatusRoutes } from './user-status-api.ts';
import { addUserRoutes } from './users-api.ts';
import { addLocationSchema } from '../../../core/organisations/locations.ts';
import {
  createTemplateSchema,
  patchTemplateSchema,
} from '../../../core/organisations/templates.ts';
import { partnerHubCustomerSchema } from './customers-door.ts';
import { sendError, sendResult } from '../../respond.ts';

/** `/partner-hub/api`: what Partner Hub's screens do (TPL-1..4, ORG-1..3). Lists are unpaged. */
export const partnerHubApi = (): ApiRoute[] => {
  const t = new RouteTable('', 'partner-hub', [requireUser('partnerHub')]);
  addUserStatusRoutes(t);

  t.get(
    '/partner-hub/api/templates',
    { summary: 'Templates (?offer=)', responses: [200, 401, 403] },
    (c) => {
      const offer = c.req.query('offer');
      const items = ownList(c.env.world.read(), 'templates', c.get('user').partnerId).filter(
        (x) => offer === undefined || x.offer === offer,
      );
      return c.json({ items: items.map((x) => templateView(x, c.env.base)) });
    },
  );
  t.post(
    '/partner-hub/api/templates',
    {
      summary: 'Create a template',
      responses: [201, 400, 401, 403, 404, 409],
      body: createTemplateSchema,
    },
    async (c) => {
      const body = await readJson(c);
      if (!body.ok) return sendError(c, body.error);
      const r = c.env.world.transact((tx) => createTemplate(tx, c.get('user'), body.value));
      return sendResult(
        c,
        r,
        201,
        (x) => templateView(x, c.env.base),
        (x) => ({ Location: `${c.env.base}/partner-hub/api/templates/${x.id}` }),
      );
    },
  );
  t.get('/partner-hub/api/templates/:id', { summary: 'A template', responses: [200, 404] }, (c) =>
    sendResult(
      c,
      ownedBy(
        c.env.world.read(),
        'templates',
        c.req.param('id'),
        c.get('user').partnerId,
        'Template',
      ),
      200,
      (x) => templateView(x, c.env.base),
    ),
  );
  t.patch(
    '/partner-hub/api/templates/:id',
    { summary: 'Change a template', responses: [200, 400, 404, 409], body: patchTemplateSchema },
    async (c) => {
      const body = await readJson(c);
      if (!body.ok) return sendError(c, body.error);
      const r = c.env.world.transact((tx) =>
        updateTemplate(tx, c.get('user'), c.req.param('id'), body.value),
      );
      return sendResult(c, r, 200, (x) => templateView(x, c.env.base));
    },
  );
  t.delete(
    '/partner-hub/api/templates/:id',
    { summary: 'Delete a template', responses: [204, 404, 409] },
    (c) => {
      const r = c.env.world.transact((tx) => deleteTemplate(tx, c.get('user'), c.req.param('id')));
      return r.ok ? c.body(null, 204) : sendError(c, r.error);
    },
  );

  t.get('/partner-hub/api/customers', { summary: 'Customers', responses: [200] }, (c) => {
    const w = c.env.world.read();
    // Unpaged, so written in turns as the client reads it (a partner may have thousands).
    const customers = ownList(w, 'customers', c.get('user').partnerId);
    return c.body(
      bodyInTurns(
        jsonItems(customers, (x) => partnerHubCustomerView(w, x)),
        VIEWS_A_TURN,
      ),
      200,
      {
        'content-type': 'application/json',
      },
    );
  });
  t.post(
    '/partner-hub/api/customers',
    {
      summary: 'Create a customer (ORG-1, ORG-2)',
      responses: [201, 400, 404, 409],
      body: partnerHubCustomerSchema,
    },
    async (c) => {
      const body = await readJson(c);
      if (!body.ok) return sendError(c, body.error);
      const r = c.env.world.transact((tx) =>
        createPartnerHubCustomer(tx, c.get('user'), body.value),
      );
      return sendResult(
        c,
        r,
        201,
        (x) => partnerHubCustomerView(c.env.world.read(), x),
        (x) => ({ Location: `${c.env.base}/partner-hub/api/customers/${x.id}` }),
      );
    },
  );
  t.get('/partner-hub/api/customers/:id', { summary: 'A customer', responses: [200, 404] }, (c) => {
    const w = c.env.world.read();
    return sendResult(
      c,
      ownedBy(w, 'customers', c.req.param('id'), c.get('user').partnerId, 'Customer'),
      200,
      (x) => partnerHubCustomerView(w, x),
    );
  });
  t.post(
    '/partner-hub/api/customers/:id/locations',
    { summary: 'Add a location (ORG-3)', responses: [201, 400, 404, 409], body: addLocationSchema },
    async (c) => {
      const body = await readJson(c);
      if (!body.ok) return sendError(c, body.error);
      const r = c.env.world.transact((tx) =>
        addLocation(tx, c.get('user'), c.req.param('id'), body.value),
      );
      return sendResult(c, r, 201, (l) => ({
        id: l.id,
        name: l.name,
        address: l.address,
        timezone: l.timezone,
        language: l.language,
      }));
    },
  );
  addUserRoutes(t);
  return t.routes;
};
