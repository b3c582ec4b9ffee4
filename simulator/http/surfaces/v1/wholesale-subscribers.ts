import { invalidField } from '../../../core/kernel/errors.ts';
import type { WholesaleSubscriber } from '../../../core/subscribers/model.ts';
import { parseInstant } from '../../../core/kernel/clock.ts';
import { precheckSubscriber } from '../../../core/subscribers/precheck.ts';
import { inScope } from '../../../core/organisations/sub-partners.ts';
import {
  changeSubscriber,
  ownSubscriber,
  provisionSubscriber,
  removeSubscriber,
} from '../../../core/subscribers/commands.ts';
import { resendConsent } from '../../../core/consent-move.ts';
import { SUBSCRIBER_STATES } from '../../../core/subscribers/states.ts';
import { asV1, precheckCommand, provisionCommand, updateCommand } from './subscriber-door.ts';
import type { WorldReader } from '../../../core/kernel/world-tx.ts';
import { readJson } from '../../body.ts';
import type { RouteTable } from '../../route-table.ts';
import { multiValue, pageOf, readPage } from '../../paging.ts';
import { sendError, sendJson, sendResult } from '../../respond.ts';
import { PRECHECK_OK, subscriberV1 } from './views.ts';

const STATUSES: readonly WholesaleSubscriber['status'][] = SUBSCRIBER_STATES.statuses;

const instant = (text: string | undefined, name: string) => {
  if (text === undefined) return undefined;
  if (/^\d+$/.test(text)) return { ok: true as const, value: Number(text) };
  return parseInstant(text, name);
};

const SORT_KEYS: Readonly<Record<string, 'created' | 'lastStatusChange'>> = {
  created: 'created',
  userCreationTimestamp: 'created',
  lastStatusChange: 'lastStatusChange',
};

const view = (w: WorldReader) => (s: WholesaleSubscriber) =>
  subscriberV1(s, w.get('customers', s.customerId));

/** The latest instant a stored time can hold (ISO 8601 with a four-digit year). */
const LAST_ISO_INSTANT = Date.parse('9999-12-31T23:59:59.999Z');

/**
 * The partner's subscribers a list can match, in store order, through the store's most selective
 * index for the filters given (email, customer, external id, person, a time filter through an
 * ordered index, one status), else the partner's.
 */
const candidates = (
  w: WorldReader,
  partnerId: string,
  q: Readonly<Record<string, string>>,
  status: readonly string[] | undefined,
  times: { readonly after?: number; readonly changed?: number },
): readonly WholesaleSubscriber[] => {
  const own = (list: readonly WholesaleSubscriber[]) =>
    list.filter((s) => s.partnerId === partnerId);
  if (q.email !== undefined) return own(w.lookup('subscribers', 'email', q.email.toLowerCase()));
  if (q.customerId !== undefined) return own(w.lookup('subscribers', 'customerId', q.customerId));
  if (q.externalCustomerId !== undefined) {
    const customers = w
      .lookup('customers', 'externalId', q.externalCustomerId)
      .filter((x) => x.partnerId === partnerId);
    if (customers.length === 1) return own(w.lookup('subscribers', 'customerId', customers[0]!.id));
  }
  if (q.personId !== undefined) return own(w.lookup('subscribers', 'personId', q.personId));
  for (const [index, ms] of [
    ['created', times.after],
    ['lastStatusChange', times.changed],
  ] as const) {
    if (ms === undefined) continue;
    // Stored times are ISO strings of one format: later ones sort after. Nothing is after the last.
    if (ms >= LAST_ISO_INSTANT) return [];
    return own(w.above('subscribers', index, new Date(ms).toISOString()));
  }
  if (status?.length === 1) return own(w.lookup('subscribers', 'status', status[0]!));
  return w.lookup('subscribers', 'partnerId', partnerId);
};

/** `/v1/wholesale/subscribers` (webex-wholesale.json): synchronous, as published. */
export const addWholesaleSubscriberRoutes = (t: RouteTable): void => {
  const url = (base: string, id: string) => `${base}/v1/wholesale/subscribers/${id}`;

  t.get(
    '/v1/wholesale/subscribers',
    {
      summary: 'List Wholesale Subscribers',
      operationId: 'List Wholesale Subscribers',
      responses: [200],
    },
    (c) => {
      const page = readPage(c, 50, 100);
      if (!page.ok) return sendError(c, page.error);
      const q = c.req.query();
      const status = multiValue(c, 'status');
      const bad = status?.find((s) => !STATUSES.includes(s as WholesaleSubscriber['status']));
      if (bad)
        return sendError(
          c,
          invalidField(
            'status',
            `${JSON.stringify(bad)} is not a subscriber status (${STATUSES.join(', ')})`,
          ),
        );
      const after = instant(q.after, 'after');
      if (after && !after.ok) return sendError(c, after.error);
      const changed = instant(q.lastStatusChange, 'lastStatusChange');
      if (changed && !changed.ok) return sendError(c, changed.error);
      // Cisco's own example names `userCreationTimestamp`: the creation time, by another name.
      const sortBy = SORT_KEYS[q.sortBy ?? 'created'];
      if (sortBy === undefined)
        return sendError(
          c,
          invalidField('sortBy', 'must be created, lastStatusChange or userCreationTimestamp'),
        );
      const order = (q.sortOrder ?? 'ASC').toUpperCase();
      if (order !== 'ASC' && order !== 'DESC')
        return sendError(c, invalidField('sortOrder', 'must be ASC or DESC'));
      const w = c.env.world.read();
      const items = candidates(w, c.get('user').partnerId, q, status, {
        ...(after ? { after: after.value } : {}),
        ...(changed ? { changed: changed.value } : {}),
      })
        .filter(
          (s) =>
            (!status || status.includes(s.status)) &&
            (q.customerId === undefined || s.customerId === q.customerId) &&
            (q.personId === undefined ||
              (s.status === 'provisioned' && s.personId === q.personId)) &&
            (q.email === undefined || s.email.toLowerCase() === q.email.toLowerCase()) &&
            (q.externalCustomerId === undefined ||
              w.get('customers', s.customerId)?.externalId === q.externalCustomerId) &&
            (!after || Date.parse(s.created) > after.value) &&
            (!changed || Date.parse(s.lastStatusChange) > changed.value) &&
            inScope(c.get('user'), w.get('customers', s.customerId)!),
        )
        .map((s, i) => ({ s, i }))
        .sort(
          (a, b) =>
            (a.s[sortBy] === b.s[sortBy] ? a.i - b.i : a.s[sortBy] < b.s[sortBy] ? -1 : 1) *
            (order === 'DESC' ? -1 : 1),
        )
        .map((x) => x.s);
      return c.json({ items: pageOf(c, items, page.value).map(view(w)) });
    },
  );

  t.post(
    '/v1/wholesale/subscribers/validate',
    {
      summary: 'Precheck a Wholesale Subscriber Provisioning',
      operationId: 'Precheck a Wholesale Subscriber Provisioning',
      responses: [200],
    },
    async (c) => {
      const body = await readJson(c);
      if (!body.ok) return sendError(c, body.error);
      const pre = precheckCommand(body.value);
      if (!pre.ok) return sendError(c, pre.error);
      const r = asV1(precheckSubscriber(c.env.world.read(), c.get('user'), pre.value));
      return sendResult(c, r, 200, () => PRECHECK_OK);
    },
  );

  t.post(
    '/v1/wholesale/subscribers',
    {
      summary: 'Provision a Wholesale Subscriber',
      operationId: 'Provision a Wholesale Subscriber',
      responses: [200],
    },
    async (c) => {
      const body = await readJson(c);
      if (!body.ok) return sendError(c, body.error);
      const cmd = provisionCommand(body.value);
      if (!cmd.ok) return sendError(c, cmd.error);
      const r = asV1(
        c.env.world.transact((tx) => provisionSubscriber(tx, c.get('user'), cmd.value)),
      );
      if (!r.ok) return sendError(c, r.error);
      return sendJson(
        c,
        view(c.env.world.read())(r.value),
        r.value.status === 'provisioned' ? 200 : 202,
        { Location: url(c.env.base, r.value.id) },
      );
    },
  );

  t.get(
    '/v1/wholesale/subscribers/:id',
    {
      summary: 'Get a Wholesale Subscriber',
      operationId: 'Get a Wholesale Subscriber',
      responses: [200],
    },
    (c) => {
      const w = c.env.world.read();
      return sendResult(c, ownSubscriber(w, c.get('user'), c.req.param('id')), 200, view(w));
    },
  );

  t.put(
    '/v1/wholesale/subscribers/:id',
    {
      summary: 'Update a Wholesale Subscriber',
      operationId: 'Update a Wholesale Subscriber',
      responses: [200],
    },
    async (c) => {
      const body = await readJson(c);
      if (!body.ok) return sendError(c, body.error);
      const change = updateCommand(body.value);
      if (!change.ok) return sendError(c, change.error);
      const r = asV1(
        c.env.world.transact((tx) =>
          changeSubscriber(tx, c.get('user'), c.req.param('id'), change.value),
        ),
      );
      return sendResult(c, r, 200, view(c.env.world.read()), (x) => ({
        Location: url(c.env.base, x.id),
      }));
    },
  );

  t.delete(
    '/v1/wholesale/subscribers/:id',
    {
      summary: 'Remove a Wholesale Subscriber',
      operationId: 'Remove a Wholesale Subscriber',
      responses: [200],
    },
    (c) => {
      const r = c.env.world.transact((tx) =>
        removeSubscriber(tx, c.get('user'), c.req.param('id')),
      );
      return r.ok ? c.body(null, 204) : sendError(c, r.error);
    },
  );
};

/** `POST /v1/subscribers/{id}/emails/consentMove`: 204 and the consent mail again. */
export const addConsentMoveRoutes = (t: RouteTable): void => {
  t.post(
    '/v1/subscribers/:id/emails/consentMove',
    {
      summary: 'Send Consent User Move Email to Pending Wholesale Subscribers',
      operationId: 'Send Consent User Move Email to Pending Wholesale Subscribers',
      responses: [200],
    },
    (c) => {
      const r = c.env.world.transact((tx) => resendConsent(tx, c.get('user'), c.req.param('id')));
      return r.ok ? c.body(null, 204) : sendError(c, r.error);
    },
  );
};
