import { Hono } from 'hono';
import { invalidField } from '../../../core/kernel/errors.ts';
import { exportUsersCsv } from '../../../core/subscribers/csv.ts';
import { importUsersCsv, type ImportBehavior } from '../../../core/subscribers/csv-import.ts';
import { readJson } from '../../body.ts';
import type { SurfaceEnv } from '../../env.ts';
import { sendError, sendResult } from '../../respond.ts';
import { readCsvBytes } from '../../text-body.ts';
import {
  addPartnerHubUsers,
  customerUsers,
  deletePartnerHubUser,
  patchPartnerHubUser,
  usersCustomer,
  userView,
} from './users-door.ts';

/** `/partner-hub/api/customers/{id}/users…` (USR-1..6, ORG-3, ORG-4), mounted under `/customers`. */
export const partnerHubUserRoutes = (): Hono<SurfaceEnv> => {
  const app = new Hono<SurfaceEnv>();

  app.get('/:id/users/csv', (c) => {
    const w = c.env.world.read();
    const found = usersCustomer(w, c.get('user'), c.req.param('id'));
    if (!found.ok) return sendError(c, found.error);
    const csv = exportUsersCsv(w, customerUsers(w, found.value.id));
    const file = `${found.value.name.replace(/[^\w.-]+/g, '_')}-users.csv`;
    return c.body(csv, 200, {
      'content-type': 'text/csv; charset=UTF-8',
      'content-disposition': `attachment; filename="${file}"`,
    });
  });
  app.post('/:id/users/csv', async (c) => {
    const behavior = c.req.query('behavior') ?? 'default';
    if (behavior !== 'default' && behavior !== 'add_and_remove_services')
      return sendError(
        c,
        invalidField('behavior', 'must be one of "default", "add_and_remove_services"'),
      );
    const bytes = await readCsvBytes(c);
    if (!bytes.ok) return sendError(c, bytes.error);
    const id = c.req.param('id');
    const r = c.env.world.transact((tx) =>
      importUsersCsv(tx, c.get('user'), id, bytes.value, behavior as ImportBehavior),
    );
    return sendResult(c, r);
  });
  app.get('/:id/users', (c) => {
    const w = c.env.world.read();
    const found = usersCustomer(w, c.get('user'), c.req.param('id'));
    if (!found.ok) return sendError(c, found.error);
    return c.json({ items: customerUsers(w, found.value.id).map((s) => userView(w, s)) });
  });
  app.post('/:id/users', async (c) => {
    const body = await readJson(c);
    if (!body.ok) return sendError(c, body.error);
    const r = c.env.world.transact((tx) =>
      addPartnerHubUsers(tx, c.get('user'), c.req.param('id'), body.value),
    );
    const w = c.env.world.read();
    return sendResult(c, r, 201, (items) => ({ items: items.map((s) => userView(w, s)) }));
  });
  app.patch('/:id/users/:userId', async (c) => {
    const body = await readJson(c);
    if (!body.ok) return sendError(c, body.error);
    const r = c.env.world.transact((tx) =>
      patchPartnerHubUser(tx, c.get('user'), c.req.param('id'), c.req.param('userId'), body.value),
    );
    return sendResult(c, r, 200, (s) => userView(c.env.world.read(), s));
  });
  app.delete('/:id/users/:userId', (c) => {
    const r = c.env.world.transact((tx) =>
      deletePartnerHubUser(tx, c.get('user'), c.req.param('id'), c.req.param('userId')),
    );
    return r.ok ? c.body(null, 204) : sendError(c, r.error);
  });
  return app;
};
