import { invalidField } from '../../../core/kernel/errors.ts';
import type { WholesaleSubscriber } from '../../../core/subscribers/model.ts';
import type { Customer } from '../../../core/organisations/model.ts';
import { parseInstant } from '../../../core/kernel/clock.ts';
import { groupEnd, pairKey } from '../../../core/kernel/indexes.ts';
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
import type { Context } from 'hono';
import type { SurfaceEnv } from '../../env.ts';
import { readJson } from '../../body.ts';
import type { RouteTable } from '../../route-table.ts';
import { multiValue, pageOf, readPage, type Page } from '../../paging.ts';
import { answerPage, walkedPageOf } from '../../walked-page.ts';
import { sendError, sendJson, sendJsonText, sendResult } from '../../respond.ts';
import { viewJson } from '../../view-json.ts';
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

/** A stored subscriber's `/v1` JSON, kept until it or its customer changes (view-json.ts). */
const storedJson = viewJson(subscriberV1);
const jsonOf = (w: WorldReader) => (s: WholesaleSubscriber) =>
  storedJson(s, w.get('customers', s.customerId));

/** The latest instant a stored time can hold (ISO 8601 with a four-digit year). */
const LAST_ISO_INSTANT = Date.parse('9999-12-31T23:59:59.999Z');

/**
 * A status, or a time filter off the sort key, that at most this many subscribers pass is listed
 * through its index, then sorted; more, and the list's own order is walked, the filter checked on
 * the way (a page then costs about what precedes it, not every subscriber the filter passes).
 */
const FEW = 2_000;

/** Whether `items` holds at most `limit` (reading at most `limit + 1` of them). */
const atMost = (items: Iterable<unknown>, limit: number): boolean => {
  let n = 0;
  for (const _ of items) if ((n += 1) > limit) return false;
  return true;
};

/** The filters of a subscriber list, read and checked. */
interface ListFilters {
  readonly q: Readonly<Record<string, string>>;
  readonly status: readonly string[] | undefined;
  readonly after: number | undefined;
  readonly changed: number | undefined;
  readonly sortBy: 'created' | 'lastStatusChange';
}

/**
 * The one customer a list is filtered to (`customerId`, or the partner's customer with that
 * `externalCustomerId`): its id; `null` when the external id is none of the partner's customers;
 * undefined when the list names no customer (or an external id several customers share).
 */
const listedCustomer = (w: WorldReader, partnerId: string, q: ListFilters['q']) => {
  if (q.customerId !== undefined) return q.customerId;
  if (q.externalCustomerId === undefined) return undefined;
  const customers = w
    .lookup('customers', 'externalId', q.externalCustomerId)
    .filter((x) => x.partnerId === partnerId);
  return customers.length === 0 ? null : customers.length === 1 ? customers[0]!.id : undefined;
};

/** Each sort key's ordered index within one customer (kernel/indexes.ts). */
const BY_CUSTOMER = {
  created: 'customerCreated',
  lastStatusChange: 'customerLastStatusChange',
} as const;

/**
 * The few subscribers a list can match, in store order, when a selective index finds them (email,
 * person, a time filter not on the sort key that few pass, a status with few subscribers);
 * undefined when the list is better walked in its order (see `subscriberPage`).
 */
const fewCandidates = (
  w: WorldReader,
  f: ListFilters,
): readonly WholesaleSubscriber[] | undefined => {
  const { q, status } = f;
  if (q.email !== undefined) return w.lookup('subscribers', 'email', q.email.toLowerCase());
  if (q.personId !== undefined) return w.lookup('subscribers', 'personId', q.personId);
  for (const [index, ms] of [
    ['created', f.after],
    ['lastStatusChange', f.changed],
  ] as const) {
    if (ms === undefined || index === f.sortBy) continue;
    // Stored times are ISO strings of one format: later ones sort after. Nothing is after the last.
    if (ms >= LAST_ISO_INSTANT) return [];
    const iso = new Date(ms).toISOString();
    if (atMost(w.ordered('subscribers', index, { descending: false, above: iso }), FEW))
      return w.above('subscribers', index, iso);
  }
  if (status?.length === 1 && w.countOf('subscribers', 'status', status[0]!) <= FEW)
    return w.lookup('subscribers', 'status', status[0]!);
  return undefined;
};

/** Whether subscribers are already in ascending order of a key (ties in any order). */
const inOrder = (xs: readonly WholesaleSubscriber[], key: 'created' | 'lastStatusChange') => {
  for (let i = 1; i < xs.length; i += 1) if (xs[i - 1]![key] > xs[i]![key]) return false;
  return true;
};

/**
 * One page of a partner's subscribers that pass the list's filters, in its order (`sortBy`, ties in
 * store order; DESC the exact reverse). A few candidates are sorted; otherwise the sort key's
 * ordered index is walked (from the time filter on that key, if any) until the page is full, so a
 * page costs about what precedes it whatever the world holds, never a sort of every subscriber.
 */
const subscriberPage = (
  c: Context<SurfaceEnv>,
  f: ListFilters,
  order: 'ASC' | 'DESC',
  page: Page,
): readonly WholesaleSubscriber[] | Promise<readonly WholesaleSubscriber[]> => {
  const w = c.env.world.read();
  const user = c.get('user');
  const { q, status, after, changed, sortBy } = f;
  // Neighbours in a list mostly share a customer: it is read once for a run of them.
  let lastId: string | undefined;
  let last: Customer | undefined;
  const customerOf = (id: string): Customer | undefined => {
    if (id !== lastId) {
      lastId = id;
      last = w.get('customers', id);
    }
    return last;
  };
  const matches = (s: WholesaleSubscriber): boolean =>
    s.partnerId === user.partnerId &&
    (!status || status.includes(s.status)) &&
    (q.customerId === undefined || s.customerId === q.customerId) &&
    (q.personId === undefined || (s.status === 'provisioned' && s.personId === q.personId)) &&
    (q.email === undefined || s.email.toLowerCase() === q.email.toLowerCase()) &&
    (q.externalCustomerId === undefined ||
      customerOf(s.customerId)?.externalId === q.externalCustomerId) &&
    (after === undefined || Date.parse(s.created) > after) &&
    (changed === undefined || Date.parse(s.lastStatusChange) > changed) &&
    inScope(user, customerOf(s.customerId)!);
  const from = sortBy === 'created' ? after : changed;
  if (from !== undefined && from >= LAST_ISO_INSTANT) return pageOf(c, [], page);
  const above = from === undefined ? undefined : new Date(from).toISOString();
  // One customer's subscribers: its own ordered index, walked a page at a time however many it has.
  const customerId = listedCustomer(w, user.partnerId, q);
  if (customerId === null) return pageOf(c, [], page);
  if (customerId !== undefined) {
    const walk = () =>
      w.ordered('subscribers', BY_CUSTOMER[sortBy], {
        descending: order === 'DESC',
        above: pairKey(customerId, above ?? ''),
        below: groupEnd(customerId),
      });
    return walkedPageOf(c, walk, matches, page);
  }
  const few = fewCandidates(w, f);
  if (few) {
    const found = few.filter(matches);
    // Store order is mostly creation order already: then ASC is that order, DESC its reverse.
    if (inOrder(found, sortBy)) return pageOf(c, order === 'DESC' ? found.reverse() : found, page);
    const sorted = found
      .map((s, i) => ({ s, i }))
      .sort(
        (a, b) =>
          (a.s[sortBy] === b.s[sortBy] ? a.i - b.i : a.s[sortBy] < b.s[sortBy] ? -1 : 1) *
          (order === 'DESC' ? -1 : 1),
      )
      .map((x) => x.s);
    return pageOf(c, sorted, page);
  }
  const walk = () => w.ordered('subscribers', sortBy, { descending: order === 'DESC', above });
  return walkedPageOf(c, walk, matches, page);
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
      const filters: ListFilters = {
        q,
        status,
        after: after?.value,
        changed: changed?.value,
        sortBy,
      };
      // The same bytes as c.json({ items: items.map(view) }), from each subscriber's kept JSON.
      const answer = (items: readonly WholesaleSubscriber[]) =>
        c.body(`{"items":[${items.map(jsonOf(c.env.world.read())).join(',')}]}`, 200, {
          'Content-Type': 'application/json',
        });
      const items = subscriberPage(c, filters, order, page.value);
      return answerPage(items, answer);
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
      const r = ownSubscriber(w, c.get('user'), c.req.param('id'));
      return r.ok ? sendJsonText(c, jsonOf(w)(r.value)) : sendError(c, r.error);
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
