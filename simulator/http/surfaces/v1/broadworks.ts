import {
  deleteBroadWorks,
  precheckBroadWorks,
  provisionBroadWorks,
  updateBroadWorks,
} from '../../../core/broadworks/subscribers.ts';
import { TRANSITIONS } from '../../../core/broadworks/states.ts';
import { syncOf } from '../../../core/broadworks/directory-sync.ts';
import { parseInstant } from '../../../core/kernel/clock.ts';
import { invalidField } from '../../../core/kernel/errors.ts';
import type { BroadWorksStatus, BroadWorksSubscriber } from '../../../core/broadworks/model.ts';
import { ownedBy, ownList } from '../../../core/kernel/ownership.ts';
import { ok, type Result } from '../../../core/kernel/result.ts';
import { readCiscoJson } from './cisco-body.ts';
import type { RouteTable } from '../../route-table.ts';
import { cursorLinks, cursorPageOf, encodeCursor, multiValue, readCursor } from '../../paging.ts';
import { answerPage, walkedPageOf } from '../../walked-page.ts';
import { sendError, sendResult } from '../../respond.ts';
import { broadworksV1, enterpriseV1, PRECHECK_OK } from './views.ts';

const STATUSES = Object.keys(TRANSITIONS) as BroadWorksStatus[];

const instant = (text: string | undefined, name: string): Result<number | undefined> =>
  text === undefined
    ? ok(undefined)
    : /^\d+$/.test(text)
      ? ok(Number(text))
      : parseInstant(text, name);

/** `/v1/broadworks` (webex-broadworks.json): subscribers on the transition table, enterprises. */
export const addBroadWorksRoutes = (t: RouteTable): void => {
  const url = (base: string, id: string) => `${base}/v1/broadworks/subscribers/${id}`;

  t.get(
    '/v1/broadworks/enterprises',
    {
      summary: 'List BroadWorks Enterprises',
      operationId: 'List BroadWorks Enterprises',
      responses: [200],
    },
    (c) => {
      const page = readCursor(c, 100, 1000);
      if (!page.ok) return sendError(c, page.error);
      const { spEnterpriseId, startsWith } = c.req.query();
      const w = c.env.world.read();
      const items = ownList(w, 'enterprises', c.get('user').partnerId).filter(
        (e) =>
          (spEnterpriseId === undefined || e.spEnterpriseId === spEnterpriseId) &&
          (startsWith === undefined || e.spEnterpriseId.startsWith(startsWith)),
      );
      return c.json({
        items: cursorPageOf(c, items, page.value).map((e) => enterpriseV1(e, syncOf(w, e))),
      });
    },
  );

  t.get(
    '/v1/broadworks/subscribers',
    {
      summary: 'List BroadWorks Subscribers',
      operationId: 'List BroadWorks Subscribers',
      responses: [200],
    },
    (c) => {
      const page = readCursor(c, 50, 100);
      if (!page.ok) return sendError(c, page.error);
      const q = c.req.query();
      const status = multiValue(c, 'status');
      const bad = status?.find((s) => !STATUSES.includes(s as BroadWorksStatus));
      if (bad)
        return sendError(
          c,
          invalidField(
            'status',
            `${JSON.stringify(bad)} is not a subscriber status (${STATUSES.join(', ')})`,
          ),
        );
      const after = instant(q.after, 'after');
      if (!after.ok) return sendError(c, after.error);
      const changed = instant(q.lastStatusChange, 'lastStatusChange');
      if (!changed.ok) return sendError(c, changed.error);
      if (
        q.selfActivated !== undefined &&
        q.selfActivated !== 'true' &&
        q.selfActivated !== 'false'
      )
        return sendError(c, invalidField('selfActivated', 'must be true or false'));
      const w = c.env.world.read();
      const { partnerId } = c.get('user');
      const { from, max } = page.value;
      // The most selective index for the filters given; the page is taken as they are walked, in
      // store order, so a page costs what precedes it, not every subscriber of the partner.
      const candidates = () =>
        q.email !== undefined
          ? w.lookup('broadworksSubscribers', 'email', q.email.toLowerCase())
          : q.userId !== undefined
            ? w.lookup('broadworksSubscribers', 'userId', q.userId.toLowerCase())
            : w.walkKey('broadworksSubscribers', 'partnerId', partnerId);
      const items = walkedPageOf(
        c,
        candidates,
        (s) =>
          s.partnerId === partnerId &&
          (!status || status.includes(s.status)) &&
          (q.userId === undefined || s.userId.toLowerCase() === q.userId.toLowerCase()) &&
          (q.personId === undefined || (s.status === 'provisioned' && s.personId === q.personId)) &&
          (q.email === undefined || s.email?.toLowerCase() === q.email.toLowerCase()) &&
          (q.provisioningId === undefined || s.provisioningId === q.provisioningId) &&
          (q.spEnterpriseId === undefined || s.spEnterpriseId === q.spEnterpriseId) &&
          (q.selfActivated === undefined || String(s.selfActivated) === q.selfActivated) &&
          (after.value === undefined || Date.parse(s.created) > after.value) &&
          (changed.value === undefined || Date.parse(s.lastStatusChange) > changed.value),
        { offset: from, max },
        {
          position: 'cursor',
          links: (more, count) =>
            cursorLinks(c, encodeCursor, from, max, more ? from + max + 1 : from + count),
        },
      );
      const answer = (found: readonly BroadWorksSubscriber[]) =>
        c.json({ items: found.map(broadworksV1) });
      return answerPage(items, answer);
    },
  );

  t.post(
    '/v1/broadworks/subscribers/validate',
    {
      summary: 'Precheck a Broadworks Subscriber Provisioning',
      operationId: 'Precheck a Broadworks Subscriber Provisioning',
      responses: [200],
    },
    async (c) => {
      const body = await readCiscoJson(c, 'Precheck a Broadworks Subscriber Provisioning');
      if (!body.ok) return sendError(c, body.error);
      return sendResult(
        c,
        precheckBroadWorks(c.env.world.read(), c.get('user'), body.value),
        200,
        () => PRECHECK_OK,
      );
    },
  );
  t.post(
    '/v1/broadworks/subscribers',
    {
      summary: 'Provision a BroadWorks Subscriber',
      operationId: 'Provision a BroadWorks Subscriber',
      responses: [200],
    },
    async (c) => {
      const body = await readCiscoJson(c, 'Provision a BroadWorks Subscriber');
      if (!body.ok) return sendError(c, body.error);
      const r = c.env.world.transact((tx) => provisionBroadWorks(tx, c.get('user'), body.value));
      return sendResult(c, r, 200, broadworksV1, (x) => ({ Location: url(c.env.base, x.id) }));
    },
  );
  t.get(
    '/v1/broadworks/subscribers/:id',
    {
      summary: 'Get a BroadWorks Subscriber',
      operationId: 'Get a BroadWorks Subscriber',
      responses: [200],
    },
    (c) =>
      sendResult(
        c,
        ownedBy(
          c.env.world.read(),
          'broadworksSubscribers',
          c.req.param('id'),
          c.get('user').partnerId,
          'Subscriber',
        ),
        200,
        broadworksV1,
      ),
  );
  t.put(
    '/v1/broadworks/subscribers/:id',
    {
      summary: 'Update a BroadWorks Subscriber',
      operationId: 'Update a BroadWorks Subscriber',
      responses: [200],
    },
    async (c) => {
      const body = await readCiscoJson(c, 'Update a BroadWorks Subscriber');
      if (!body.ok) return sendError(c, body.error);
      return sendResult(
        c,
        c.env.world.transact((tx) =>
          updateBroadWorks(tx, c.get('user'), c.req.param('id'), body.value),
        ),
        200,
        broadworksV1,
      );
    },
  );
  t.delete(
    '/v1/broadworks/subscribers/:id',
    {
      summary: 'Remove a BroadWorks Subscriber',
      operationId: 'Remove a BroadWorks Subscriber',
      responses: [200],
    },
    (c) => {
      const r = c.env.world.transact((tx) =>
        deleteBroadWorks(tx, c.get('user').partnerId, c.req.param('id')),
      );
      return r.ok ? c.body(null, 204) : sendError(c, r.error);
    },
  );
};
