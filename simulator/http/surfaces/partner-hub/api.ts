import { Hono } from 'hono';
import { addLocation } from '../../../core/organisations/locations.ts';
import { notFound } from '../../../core/kernel/errors.ts';
import { createPartnerHubCustomer, partnerHubCustomerView } from './customers-door.ts';
import { ownedBy, ownList } from '../../../core/kernel/ownership.ts';
import {
  createTemplate,
  deleteTemplate,
  updateTemplate,
} from '../../../core/organisations/templates.ts';
import { templateView } from './template-view.ts';
import { readJson } from '../../body.ts';
import type { SurfaceEnv } from '../../env.ts';
import { requireUser } from '../../middleware/auth.ts';
import { userStatusApi } from './user-status-api.ts';
import { partnerHubUserRoutes } from './users-api.ts';
import { sendError, sendResult } from '../../respond.ts';

/** `/partner-hub/api`: what Partner Hub's screens do (TPL-1..4, ORG-1..3). Lists are unpaged. */
export const partnerHubApiRoutes = (): Hono<SurfaceEnv> => {
  const app = new Hono<SurfaceEnv>();
  app.use('*', requireUser('partnerHub'));

  app.route('/templates', userStatusApi());

  app.get('/templates', (c) => {
    const offer = c.req.query('offer');
    const items = ownList(c.env.world.read(), 'templates', c.get('user').partnerId).filter(
      (t) => offer === undefined || t.offer === offer,
    );
    return c.json({ items: items.map((t) => templateView(t, c.env.base)) });
  });
  app.post('/templates', async (c) => {
    const body = await readJson(c);
    if (!body.ok) return sendError(c, body.error);
    const r = c.env.world.transact((tx) => createTemplate(tx, c.get('user'), body.value));
    if (r.ok) c.header('Location', `${c.env.base}/partner-hub/api/templates/${r.value.id}`);
    return sendResult(c, r, 201, (t) => templateView(t, c.env.base));
  });
  app.get('/templates/:id', (c) =>
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
      (t) => templateView(t, c.env.base),
    ),
  );
  app.patch('/templates/:id', async (c) => {
    const body = await readJson(c);
    if (!body.ok) return sendError(c, body.error);
    const r = c.env.world.transact((tx) =>
      updateTemplate(tx, c.get('user'), c.req.param('id'), body.value),
    );
    return sendResult(c, r, 200, (t) => templateView(t, c.env.base));
  });
  app.delete('/templates/:id', (c) => {
    const r = c.env.world.transact((tx) => deleteTemplate(tx, c.get('user'), c.req.param('id')));
    return r.ok ? c.body(null, 204) : sendError(c, r.error);
  });

  app.get('/customers', (c) => {
    const w = c.env.world.read();
    return c.json({
      items: ownList(w, 'customers', c.get('user').partnerId).map((x) =>
        partnerHubCustomerView(w, x),
      ),
    });
  });
  app.post('/customers', async (c) => {
    const body = await readJson(c);
    if (!body.ok) return sendError(c, body.error);
    const r = c.env.world.transact((tx) => createPartnerHubCustomer(tx, c.get('user'), body.value));
    if (r.ok) c.header('Location', `${c.env.base}/partner-hub/api/customers/${r.value.id}`);
    return sendResult(c, r, 201, (x) => partnerHubCustomerView(c.env.world.read(), x));
  });
  app.get('/customers/:id', (c) => {
    const w = c.env.world.read();
    return sendResult(
      c,
      ownedBy(w, 'customers', c.req.param('id'), c.get('user').partnerId, 'Customer'),
      200,
      (x) => partnerHubCustomerView(w, x),
    );
  });
  app.post('/customers/:id/locations', async (c) => {
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
  });
  app.route('/customers', partnerHubUserRoutes());
  app.all('*', (c) =>
    sendError(c, notFound(`No Partner Hub API route ${c.req.method} ${c.req.path}`)),
  );
  return app;
};
