import {
  deleteCustomer,
  precheckCustomer,
  provisionCustomer,
  updateCustomer,
} from '../../../core/organisations/customers.ts';
import { CUSTOMER_STATES, isUsable } from '../../../core/organisations/customer-states.ts';
import { precheckDraft, provisionCommand, updateCommand } from './customer-door.ts';
import { invalidField } from '../../../core/kernel/errors.ts';
import type { Customer } from '../../../core/organisations/model.ts';
import { inScope, ownCustomer } from '../../../core/organisations/sub-partners.ts';
import { readJson } from '../../body.ts';
import type { RouteTable } from '../../route-table.ts';
import { multiValue, readPage } from '../../paging.ts';
import { answerPage, walkedPageOf } from '../../walked-page.ts';
import { sendError, sendResult } from '../../respond.ts';
import { customerV1, PRECHECK_OK } from './views.ts';

const STATUSES: readonly Customer['status'][] = CUSTOMER_STATES.statuses;

/** `/v1/wholesale/customers` (webex-wholesale.json; TPL-1, ORG-2): 202 and asynchronous steps. */
export const addWholesaleCustomerRoutes = (t: RouteTable): void => {
  const url = (base: string, id: string) => `${base}/v1/wholesale/customers/${id}`;

  t.get(
    '/v1/wholesale/customers',
    {
      summary: 'List Wholesale Customers',
      operationId: 'List Wholesale Customers',
      responses: [200],
    },
    (c) => {
      const page = readPage(c, 100, 1000);
      if (!page.ok) return sendError(c, page.error);
      const status = multiValue(c, 'status');
      const bad = status?.find((s) => !STATUSES.includes(s as Customer['status']));
      if (bad)
        return sendError(
          c,
          invalidField(
            'status',
            `${JSON.stringify(bad)} is not a customer status (${STATUSES.join(', ')})`,
          ),
        );
      const { externalId, orgId } = c.req.query();
      const w = c.env.world.read();
      const user = c.get('user');
      // The most selective index for the filters given (an empty one keys nothing); the page is
      // taken as they are walked, so a page of a partner's customers costs the page.
      const candidates = () =>
        externalId
          ? w.lookup('customers', 'externalId', externalId)
          : orgId
            ? w.lookup('customers', 'orgId', orgId)
            : w.walkKey('customers', 'partnerId', user.partnerId);
      const items = walkedPageOf(
        c,
        candidates,
        (x) =>
          x.partnerId === user.partnerId &&
          (!status || status.includes(x.status)) &&
          (externalId === undefined || x.externalId === externalId) &&
          (orgId === undefined || (isUsable(x.status) && x.orgId === orgId)) &&
          inScope(user, x),
        page.value,
      );
      const answer = (found: readonly Customer[]) =>
        c.json({ items: found.map((x) => customerV1(x)) });
      return answerPage(items, answer);
    },
  );

  t.post(
    '/v1/wholesale/customers/validate',
    {
      summary: 'Precheck a Wholesale Customer Provisioning',
      operationId: 'Precheck a Wholesale Customer Provisioning',
      responses: [200],
    },
    async (c) => {
      const body = await readJson(c);
      if (!body.ok) return sendError(c, body.error);
      const draft = precheckDraft(body.value);
      if (!draft.ok) return sendError(c, draft.error);
      const r = precheckCustomer(c.env.world.read(), c.get('user'), draft.value);
      return sendResult(c, r, 200, () => PRECHECK_OK);
    },
  );

  t.post(
    '/v1/wholesale/customers',
    {
      summary: 'Provision a Wholesale Customer',
      operationId: 'Provision a Wholesale Customer',
      responses: [200],
    },
    async (c) => {
      const body = await readJson(c);
      if (!body.ok) return sendError(c, body.error);
      const cmd = provisionCommand(body.value);
      if (!cmd.ok) return sendError(c, cmd.error);
      const r = c.env.world.transact((tx) => provisionCustomer(tx, c.get('user'), cmd.value));
      return sendResult(
        c,
        r,
        202,
        (x) => ({ url: url(c.env.base, x.id) }),
        (x) => ({ Location: url(c.env.base, x.id) }),
      );
    },
  );

  t.get(
    '/v1/wholesale/customers/:id',
    {
      summary: 'Get a Wholesale Customer',
      operationId: 'Get a Wholesale Customer',
      responses: [200],
    },
    (c) =>
      sendResult(c, ownCustomer(c.env.world.read(), c.get('user'), c.req.param('id')), 200, (x) =>
        customerV1(x, c.req.query('includePackageLicenseInfo') === 'true'),
      ),
  );

  t.put(
    '/v1/wholesale/customers/:id',
    {
      summary: 'Update a Wholesale Customer',
      operationId: 'Update a Wholesale Customer',
      responses: [200],
    },
    async (c) => {
      const body = await readJson(c);
      if (!body.ok) return sendError(c, body.error);
      const change = updateCommand(body.value);
      if (!change.ok) return sendError(c, change.error);
      const r = c.env.world.transact((tx) =>
        updateCustomer(tx, c.get('user'), c.req.param('id'), change.value),
      );
      return sendResult(
        c,
        r,
        202,
        (x) => ({ url: url(c.env.base, x.id) }),
        (x) => ({ Location: url(c.env.base, x.id) }),
      );
    },
  );

  t.delete(
    '/v1/wholesale/customers/:id',
    {
      summary: 'Remove a Wholesale Customer',
      operationId: 'Remove a Wholesale Customer',
      responses: [200],
    },
    (c) => {
      const r = c.env.world.transact((tx) => deleteCustomer(tx, c.get('user'), c.req.param('id')));
      return r.ok ? c.body(null, 202) : sendError(c, r.error);
    },
  );
};
