import type { Context } from 'hono';
import { notFound } from '../../../core/kernel/errors.ts';
import {
  broadworksTemplate,
  changePackage,
  deleteUser,
  errorText,
  retryActivation,
  userStatusCsv,
  userStatusRows,
} from '../../../core/broadworks/user-status.ts';
import { readJson } from '../../body.ts';
import { bodyInTurns, jsonItems } from '../../next-turn.ts';
import type { SurfaceEnv } from '../../env.ts';
import type { RouteTable } from '../../route-table.ts';
import { sendError, sendResult } from '../../respond.ts';

/** `/partner-hub/api/templates/{id}/user-status…`: Show user status and its actions (FT-3..7). */
export const addUserStatusRoutes = (t: RouteTable): void => {
  const template = (c: Context<SurfaceEnv>) =>
    broadworksTemplate(c.env.world.read(), c.get('user'), c.req.param('id') ?? '');
  const exclude = (q: string | undefined) => q === 'true' || q === '1';

  t.get(
    '/partner-hub/api/templates/:id/user-status',
    { summary: 'Show user status (?excludeProvisioned=; FT-3, FT-7)', responses: [200, 404] },
    (c) => {
      const t = template(c);
      if (!t.ok) return sendError(c, t.error);
      // Unpaged, so written in turns as the client reads it, never one string.
      const rows = userStatusRows(
        c.env.world.read(),
        t.value.id,
        exclude(c.req.query('excludeProvisioned')),
      );
      return c.body(bodyInTurns(jsonItems(rows, (r) => r)), 200, {
        'content-type': 'application/json',
      });
    },
  );
  t.get(
    '/partner-hub/api/templates/:id/user-status.csv',
    { summary: 'Export the user status (FT-6)', responses: [200, 404] },
    (c) => {
      const t = template(c);
      if (!t.ok) return sendError(c, t.error);
      const csv = userStatusCsv(
        userStatusRows(c.env.world.read(), t.value.id, exclude(c.req.query('excludeProvisioned'))),
      );
      return c.body(bodyInTurns(csv), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="user-status.csv"`,
      });
    },
  );
  t.get(
    '/partner-hub/api/templates/:id/user-status/:subscriberId/error-text',
    { summary: 'Copy error text (FT-4)', responses: [200, 404] },
    (c) => {
      const t = template(c);
      if (!t.ok) return sendError(c, t.error);
      const s = c.env.world.read().get('broadworksSubscribers', c.req.param('subscriberId'));
      if (!s || s.templateId !== t.value.id)
        return sendError(c, notFound(`Subscriber ${c.req.param('subscriberId')}`));
      const text = errorText(s);
      return text === null
        ? sendError(c, notFound(`Error text (the user is ${s.status})`))
        : c.text(text);
    },
  );
  t.post(
    '/partner-hub/api/templates/:id/user-status/:subscriberId/retry-activation',
    { summary: 'Retry activation {email} (FT-4)', responses: [200, 400, 404, 409], body: 'json' },
    async (c) => {
      const t = template(c);
      if (!t.ok) return sendError(c, t.error);
      const body = await readJson(c);
      if (!body.ok) return sendError(c, body.error);
      return sendResult(
        c,
        c.env.world.transact((tx) =>
          retryActivation(tx, t.value, c.req.param('subscriberId'), body.value),
        ),
        200,
        (s) => ({ subscriberId: s.id, status: s.status, email: s.email }),
      );
    },
  );
  t.post(
    '/partner-hub/api/templates/:id/user-status/:subscriberId/change-package',
    { summary: 'Change package {package} (FT-4)', responses: [200, 400, 404, 409], body: 'json' },
    async (c) => {
      const t = template(c);
      if (!t.ok) return sendError(c, t.error);
      const body = await readJson(c);
      if (!body.ok) return sendError(c, body.error);
      return sendResult(
        c,
        c.env.world.transact((tx) =>
          changePackage(tx, c.get('user'), t.value, c.req.param('subscriberId'), body.value),
        ),
        200,
        (s) => ({ subscriberId: s.id, status: s.status, package: s.package }),
      );
    },
  );
  t.delete(
    '/partner-hub/api/templates/:id/user-status/:subscriberId',
    { summary: 'Delete user (FT-4)', responses: [204, 404] },
    (c) => {
      const t = template(c);
      if (!t.ok) return sendError(c, t.error);
      const r = c.env.world.transact((tx) => deleteUser(tx, t.value, c.req.param('subscriberId')));
      return r.ok ? c.body(null, 204) : sendError(c, r.error);
    },
  );
};
