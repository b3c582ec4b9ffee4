import { Hono, type Context } from 'hono';
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
import type { SurfaceEnv } from '../../env.ts';
import { sendError, sendResult } from '../../respond.ts';

/** `/partner-hub/api/templates/{id}/user-status…`: Show user status and its actions (FT-3..7). */
export const userStatusApi = (): Hono<SurfaceEnv> => {
  const app = new Hono<SurfaceEnv>();
  const template = (c: Context<SurfaceEnv>) =>
    broadworksTemplate(c.env.world.read(), c.get('user'), c.req.param('id') ?? '');
  const exclude = (q: string | undefined) => q === 'true' || q === '1';

  app.get('/:id/user-status', (c) => {
    const t = template(c);
    return sendResult(c, t, 200, (x) => ({
      items: userStatusRows(c.env.world.read(), x.id, exclude(c.req.query('excludeProvisioned'))),
    }));
  });
  app.get('/:id/user-status.csv', (c) => {
    const t = template(c);
    if (!t.ok) return sendError(c, t.error);
    const csv = userStatusCsv(
      userStatusRows(c.env.world.read(), t.value.id, exclude(c.req.query('excludeProvisioned'))),
    );
    return c.body(csv, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="user-status.csv"`,
    });
  });
  app.get('/:id/user-status/:subscriberId/error-text', (c) => {
    const t = template(c);
    if (!t.ok) return sendError(c, t.error);
    const s = c.env.world.read().get('broadworksSubscribers', c.req.param('subscriberId'));
    if (!s || s.templateId !== t.value.id)
      return sendError(c, notFound(`Subscriber ${c.req.param('subscriberId')}`));
    const text = errorText(s);
    return text === null
      ? sendError(c, notFound(`Error text (the user is ${s.status})`))
      : c.text(text);
  });
  app.post('/:id/user-status/:subscriberId/retry-activation', async (c) => {
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
  });
  app.post('/:id/user-status/:subscriberId/change-package', async (c) => {
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
  });
  app.delete('/:id/user-status/:subscriberId', (c) => {
    const t = template(c);
    if (!t.ok) return sendError(c, t.error);
    const r = c.env.world.transact((tx) => deleteUser(tx, t.value, c.req.param('subscriberId')));
    return r.ok ? c.body(null, 204) : sendError(c, r.error);
  });
  return app;
};
