import { Hono } from 'hono';
import {
  changeContact,
  completeSetup,
  lineView,
  openCase,
  orderView,
  placeOrder,
  resendMail,
} from '../../../core/ccw/orders.ts';
import { invalidField, notFound } from '../../../core/kernel/errors.ts';
import type { OrderLineStatus } from '../../../core/ccw/model.ts';
import { ownedBy, ownList } from '../../../core/kernel/ownership.ts';
import { readJson } from '../../body.ts';
import type { SurfaceEnv } from '../../env.ts';
import { requireUser } from '../../middleware/auth.ts';
import { multiValue } from '../../paging.ts';
import { sendError, sendResult } from '../../respond.ts';

const LINE_STATUSES: readonly OrderLineStatus[] = [
  'awaiting_provisioning_details',
  'closed',
  'provisioned',
];

/** `POST /ccw/api/setup/{token}`: the mail's link is the key; no token header (CCW-4). */
export const ccwSetupApi = (): Hono<SurfaceEnv> => {
  const app = new Hono<SurfaceEnv>();
  app.post('/:token', async (c) => {
    const body = await readJson(c);
    if (!body.ok) return sendError(c, body.error);
    const r = c.env.world.transact((tx) => completeSetup(tx, c.req.param('token'), body.value));
    return sendResult(c, r, 201, (x) => ({ id: x.id, status: x.status }));
  });
  return app;
};

/** `/ccw/api`: orders, the provisioning email, subscriptions and support cases (CCW-1..8). */
export const ccwApiRoutes = (): Hono<SurfaceEnv> => {
  const app = new Hono<SurfaceEnv>();
  app.use('*', requireUser('ccw'));

  app.get('/orders', (c) =>
    c.json({
      items: ownList(c.env.world.read(), 'orders', c.get('user').partnerId).map(orderView),
    }),
  );
  app.post('/orders', async (c) => {
    const body = await readJson(c);
    if (!body.ok) return sendError(c, body.error);
    const r = c.env.world.transact((tx) => placeOrder(tx, c.get('user'), body.value));
    if (r.ok) c.header('Location', `${c.env.base}/ccw/api/orders/${r.value.id}`);
    return sendResult(c, r, 201, orderView);
  });
  app.get('/orders/:id', (c) =>
    sendResult(
      c,
      ownedBy(c.env.world.read(), 'orders', c.req.param('id'), c.get('user').partnerId, 'Order'),
      200,
      orderView,
    ),
  );
  app.patch('/orders/:id', async (c) => {
    const body = await readJson(c);
    if (!body.ok) return sendError(c, body.error);
    return sendResult(
      c,
      c.env.world.transact((tx) =>
        changeContact(tx, c.get('user'), c.req.param('id'), undefined, body.value),
      ),
      200,
      orderView,
    );
  });
  app.patch('/orders/:id/lines/:lineId', async (c) => {
    const body = await readJson(c);
    if (!body.ok) return sendError(c, body.error);
    return sendResult(
      c,
      c.env.world.transact((tx) =>
        changeContact(tx, c.get('user'), c.req.param('id'), c.req.param('lineId'), body.value),
      ),
      200,
      orderView,
    );
  });
  app.post('/orders/:id/lines/:lineId/resend', (c) =>
    sendResult(
      c,
      c.env.world.transact((tx) =>
        resendMail(tx, c.get('user'), c.req.param('id'), c.req.param('lineId')),
      ),
      202,
    ),
  );

  app.get('/subscriptions', (c) => {
    const status = multiValue(c, 'status');
    const bad = status?.find((s) => !LINE_STATUSES.includes(s as OrderLineStatus));
    if (bad)
      return sendError(
        c,
        invalidField(
          'status',
          `${JSON.stringify(bad)} is not a line status (${LINE_STATUSES.join(', ')})`,
        ),
      );
    const items = ownList(c.env.world.read(), 'orders', c.get('user').partnerId)
      .flatMap((o) => o.lines.map((l) => lineView(o, l)))
      .filter((l) => !status || status.includes(l.status));
    return c.json({ items });
  });

  app.get('/cases', (c) =>
    c.json({ items: ownList(c.env.world.read(), 'cases', c.get('user').partnerId) }),
  );
  app.post('/cases', async (c) => {
    const body = await readJson(c);
    if (!body.ok) return sendError(c, body.error);
    return sendResult(
      c,
      c.env.world.transact((tx) => openCase(tx, c.get('user'), body.value)),
      201,
      (x) => ({ id: x.id, caseNumber: x.caseNumber, status: x.status }),
    );
  });
  app.all('*', (c) => sendError(c, notFound(`No CCW API route ${c.req.method} ${c.req.path}`)));
  return app;
};
