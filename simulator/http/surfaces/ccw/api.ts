import {
  changeContact,
  completeSetup,
  lineView,
  MAX_ATTACHMENT_BASE64,
  openCase,
  orderView,
  placeOrder,
  resendMail,
} from '../../../core/ccw/orders.ts';
import { invalidField } from '../../../core/kernel/errors.ts';
import { bodyInTurns, jsonItems, VIEWS_A_TURN } from '../../next-turn.ts';
import type { OrderLineStatus } from '../../../core/ccw/model.ts';
import { ownedBy, ownList } from '../../../core/kernel/ownership.ts';
import { readJson } from '../../body.ts';
import { RouteTable, type ApiRoute } from '../../route-table.ts';
import { requireUser } from '../../middleware/auth.ts';
import { multiValue } from '../../paging.ts';
import { sendError, sendResult } from '../../respond.ts';

const LINE_STATUSES: readonly OrderLineStatus[] = [
  'awaiting_provisioning_details',
  'closed',
  'provisioned',
];

/** `POST /ccw/api/setup/{token}`: the mail's link is the key; no token header (CCW-4). */
export const addSetupRoutes = (t: RouteTable): void => {
  t.post(
    '/ccw/api/setup/:token',
    {
      summary: 'Set Up Your Service (no token; CCW-4)',
      responses: [201, 400, 404, 409],
      body: 'json',
      public: true,
    },
    async (c) => {
      const body = await readJson(c);
      if (!body.ok) return sendError(c, body.error);
      const r = c.env.world.transact((tx) => completeSetup(tx, c.req.param('token'), body.value));
      return sendResult(c, r, 201, (x) => ({ id: x.id, status: x.status }));
    },
  );
};

/** `/ccw/api`: orders, the provisioning email, subscriptions and support cases (CCW-1..8). */
export const addCcwRoutes = (t: RouteTable): void => {
  // Unpaged lists, written in turns as the client reads them.
  t.get('/ccw/api/orders', { summary: 'Orders', responses: [200] }, (c) =>
    c.body(
      bodyInTurns(
        jsonItems(ownList(c.env.world.read(), 'orders', c.get('user').partnerId), orderView),
        VIEWS_A_TURN,
      ),
      200,
      { 'content-type': 'application/json' },
    ),
  );
  t.post(
    '/ccw/api/orders',
    { summary: 'Place an order (CCW-1)', responses: [201, 400, 403, 404, 409], body: 'json' },
    async (c) => {
      const body = await readJson(c);
      if (!body.ok) return sendError(c, body.error);
      const r = c.env.world.transact((tx) => placeOrder(tx, c.get('user'), body.value));
      return sendResult(c, r, 201, orderView, (x) => ({
        Location: `${c.env.base}/ccw/api/orders/${x.id}`,
      }));
    },
  );
  t.get('/ccw/api/orders/:id', { summary: 'An order', responses: [200, 404] }, (c) =>
    sendResult(
      c,
      ownedBy(c.env.world.read(), 'orders', c.req.param('id'), c.get('user').partnerId, 'Order'),
      200,
      orderView,
    ),
  );
  t.patch(
    '/ccw/api/orders/:id',
    {
      summary: "Change every line's contact (CCW-3)",
      responses: [200, 400, 403, 404, 409],
      body: 'json',
    },
    async (c) => {
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
    },
  );
  t.patch(
    '/ccw/api/orders/:id/lines/:lineId',
    {
      summary: "Change a line's contact (CCW-3)",
      responses: [200, 400, 403, 404, 409],
      body: 'json',
    },
    async (c) => {
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
    },
  );
  t.post(
    '/ccw/api/orders/:id/lines/:lineId/resend',
    {
      summary: 'Resend the provisioning email (CCW-2, CCW-4, CCW-7)',
      responses: [202, 403, 404, 409],
    },
    (c) =>
      sendResult(
        c,
        c.env.world.transact((tx) =>
          resendMail(tx, c.get('user'), c.req.param('id'), c.req.param('lineId')),
        ),
        202,
      ),
  );

  t.get(
    '/ccw/api/subscriptions',
    { summary: 'Cloud/SaaS subscriptions (?status=closed; CCW-6)', responses: [200, 400] },
    (c) => {
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
      const orders = ownList(c.env.world.read(), 'orders', c.get('user').partnerId);
      const lines = function* () {
        for (const o of orders)
          for (const l of o.lines) {
            const v = lineView(o, l);
            if (!status || status.includes(v.status)) yield v;
          }
      };
      return c.body(
        bodyInTurns(
          jsonItems(lines(), (v) => v),
          VIEWS_A_TURN,
        ),
        200,
        {
          'content-type': 'application/json',
        },
      );
    },
  );

  t.get('/ccw/api/cases', { summary: 'Support cases', responses: [200] }, (c) =>
    c.json({ items: ownList(c.env.world.read(), 'cases', c.get('user').partnerId) }),
  );
  t.post(
    '/ccw/api/cases',
    { summary: 'Open a support case (CCW-8)', responses: [201, 400, 403, 404, 409], body: 'json' },
    async (c) => {
      const body = await readJson(c, { limits: { string: MAX_ATTACHMENT_BASE64 } });
      if (!body.ok) return sendError(c, body.error);
      return sendResult(
        c,
        c.env.world.transact((tx) => openCase(tx, c.get('user'), body.value)),
        201,
        (x) => ({ id: x.id, caseNumber: x.caseNumber, status: x.status }),
      );
    },
  );
};

/** Every `/ccw/api` route: a token on each, but the setup link's. */
export const ccwApi = (): ApiRoute[] => {
  const t = new RouteTable('', 'ccw', [requireUser('ccw')]);
  addSetupRoutes(t);
  addCcwRoutes(t);
  return t.routes;
};
