import { Hono } from 'hono';
import { invalidField } from '../../../core/kernel/errors.ts';
import {
  addUsers,
  deleteUser,
  listUsers,
  patchUser,
  usersCustomer,
} from '../../../core/subscribers/users-api.ts';
import { exportUsersCsv } from '../../../core/subscribers/users-csv.ts';
import { importUsersCsv, type ImportBehavior } from '../../../core/subscribers/users-import.ts';
import { customerUsers, userView } from '../../../core/subscribers/users.ts';
import { ok } from '../../../core/kernel/result.ts';
import { readJson } from '../../body.ts';
import type { SurfaceEnv } from '../../env.ts';
import { sendError, sendResult } from '../../respond.ts';
import { readCsvBytes } from '../../text-body.ts';

/** `/partner-hub/api/customers/{id}/users…` (USR-1..6, ORG-3, ORG-4), mounted under `/customers`. */
export const partnerHubUserRoutes = (): Hono<SurfaceEnv> => {
  const app = new Hono<SurfaceEnv>();
  const view = (c: { env: SurfaceEnv['Bindings'] }) => (s: Parameters<typeof userView>[1]) =>
    userView(c.env.world.read(), s);

  app.get('/:id/users/csv', (c) => {
    const r = c.env.world.transact((tx) => {
      const found = usersCustomer(tx, c.get('user'), c.req.param('id'));
      return found.ok
        ? ok({ name: found.value.name, csv: exportUsersCsv(tx, customerUsers(tx, found.value.id)) })
        : found;
    });
    if (!r.ok) return sendError(c, r.error);
    const file = `${r.value.name.replace(/[^\w.-]+/g, '_')}-users.csv`;
    return c.body(r.value.csv, 200, {
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
    return sendResult(
      c,
      c.env.world.transact((tx) =>
        importUsersCsv(
          tx,
          c.get('user'),
          c.req.param('id'),
          bytes.value,
          behavior as ImportBehavior,
        ),
      ),
    );
  });
  app.get('/:id/users', (c) => {
    const r = c.env.world.transact((tx) => listUsers(tx, c.get('user'), c.req.param('id')));
    return sendResult(c, r, 200, (items) => ({ items: items.map(view(c)) }));
  });
  app.post('/:id/users', async (c) => {
    const body = await readJson(c);
    if (!body.ok) return sendError(c, body.error);
    const r = c.env.world.transact((tx) =>
      addUsers(tx, c.get('user'), c.req.param('id'), body.value),
    );
    return sendResult(c, r, 201, (items) => ({ items: items.map(view(c)) }));
  });
  app.patch('/:id/users/:userId', async (c) => {
    const body = await readJson(c);
    if (!body.ok) return sendError(c, body.error);
    const r = c.env.world.transact((tx) =>
      patchUser(tx, c.get('user'), c.req.param('id'), c.req.param('userId'), body.value),
    );
    return sendResult(c, r, 200, view(c));
  });
  app.delete('/:id/users/:userId', (c) => {
    const r = c.env.world.transact((tx) =>
      deleteUser(tx, c.get('user'), c.req.param('id'), c.req.param('userId')),
    );
    return r.ok ? c.body(null, 204) : sendError(c, r.error);
  });
  return app;
};
