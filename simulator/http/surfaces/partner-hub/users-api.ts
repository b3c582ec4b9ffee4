import { invalidField } from '../../../core/kernel/errors.ts';
import { ok } from '../../../core/kernel/result.ts';
import { usersCsvLines } from '../../../core/subscribers/csv.ts';
import {
  importRows,
  openUsersImport,
  stoppedRows,
  summarize,
  type ImportBehavior,
  type RowReport,
} from '../../../core/subscribers/csv-import.ts';
import { IMPORT_CHUNK } from './import-jobs.ts';
import { bodyInTurns, inTurns, jsonItems, nextTurn } from '../../next-turn.ts';
import { readJson } from '../../body.ts';
import type { RouteTable } from '../../route-table.ts';
import { sendError, sendResult } from '../../respond.ts';
import { readCsvBytes } from '../../text-body.ts';
import {
  addPartnerHubUsers,
  addUsersSchema,
  customerUsers,
  patchUserSchema,
  deletePartnerHubUser,
  patchPartnerHubUser,
  usersCustomer,
  userView,
} from './users-door.ts';

/** `/partner-hub/api/customers/{id}/users…` (USR-1..6, ORG-3, ORG-4), mounted under `/customers`. */
export const addUserRoutes = (t: RouteTable): void => {
  t.get(
    '/partner-hub/api/customers/:id/users/csv',
    { summary: "Export the customer's users (CSV)", responses: [200, 404] },
    (c) => {
      const w = c.env.world.read();
      const found = usersCustomer(w, c.get('user'), c.req.param('id'));
      if (!found.ok) return sendError(c, found.error);
      // Written in turns as the client reads it (a customer may have a million users).
      const lines = usersCsvLines(w, customerUsers(w, found.value.id));
      const file = `${found.value.name.replace(/[^\w.-]+/g, '_')}-users.csv`;
      return c.body(bodyInTurns(lines), 200, {
        'content-type': 'text/csv; charset=UTF-8',
        'content-disposition': `attachment; filename="${file}"`,
      });
    },
  );
  t.post(
    '/partner-hub/api/customers/:id/users/csv',
    {
      summary: 'Import users from CSV (?behavior=default|add_and_remove_services; USR-2..4)',
      responses: [200, 400, 404, 409, 413, 415],
      body: 'text/csv',
    },
    async (c) => {
      const behavior = c.req.query('behavior') ?? 'default';
      if (behavior !== 'default' && behavior !== 'add_and_remove_services')
        return sendError(
          c,
          invalidField('behavior', 'must be one of "default", "add_and_remove_services"'),
        );
      const bytes = await readCsvBytes(c);
      if (!bytes.ok) return sendError(c, bytes.error);
      const { world } = c.env;
      const user = c.get('user');
      // The whole file is read and checked first, in steps: a file refused changes nothing (USR-2).
      const opened = await inTurns(
        openUsersImport(
          world.read(),
          user,
          c.req.param('id'),
          bytes.value,
          behavior as ImportBehavior,
        ),
      );
      if (!opened.ok) return sendError(c, opened.error);
      // Then the rows, each on its own, a chunk to a transaction as the page's import job does,
      // with a turn of the event loop between two chunks: other requests, of this world and of the
      // others, are answered meanwhile (issue 13). Should the customer stop taking users in
      // between (deleted, say), the rows left are reported failed with the reason.
      const rows: RowReport[] = [];
      const total = opened.value.records.length;
      for (let from = 0; from < total; from += IMPORT_CHUNK) {
        if (from > 0) await nextTurn();
        const to = Math.min(from + IMPORT_CHUNK, total);
        const r = world.transact((tx) => importRows(tx, user, opened.value, from, to));
        if (!r.ok && from === 0) return sendError(c, r.error);
        if (!r.ok) {
          rows.push(...stoppedRows(opened.value, from, r.error));
          break;
        }
        rows.push(...r.value);
      }
      return sendResult(c, ok({ summary: summarize(rows), rows }));
    },
  );
  t.get(
    '/partner-hub/api/customers/:id/users',
    { summary: "The customer's users", responses: [200, 404] },
    (c) => {
      const w = c.env.world.read();
      const found = usersCustomer(w, c.get('user'), c.req.param('id'));
      if (!found.ok) return sendError(c, found.error);
      // Unpaged (api.md), so written in turns as the client reads it, never one string.
      const users = customerUsers(w, found.value.id);
      return c.body(bodyInTurns(jsonItems(users, (s) => userView(w, s))), 200, {
        'content-type': 'application/json',
      });
    },
  );
  t.post(
    '/partner-hub/api/customers/:id/users',
    { summary: 'Add 1 to 25 users (USR-1)', responses: [201, 400, 404, 409], body: addUsersSchema },
    async (c) => {
      const body = await readJson(c);
      if (!body.ok) return sendError(c, body.error);
      const r = c.env.world.transact((tx) =>
        addPartnerHubUsers(tx, c.get('user'), c.req.param('id'), body.value),
      );
      const w = c.env.world.read();
      return sendResult(c, r, 201, (items) => ({ items: items.map((s) => userView(w, s)) }));
    },
  );
  t.patch(
    '/partner-hub/api/customers/:id/users/:userId',
    {
      summary: "Change a user's package (USR-5, USR-6, ORG-4)",
      responses: [200, 400, 404, 409],
      body: patchUserSchema,
    },
    async (c) => {
      const body = await readJson(c);
      if (!body.ok) return sendError(c, body.error);
      const r = c.env.world.transact((tx) =>
        patchPartnerHubUser(
          tx,
          c.get('user'),
          c.req.param('id'),
          c.req.param('userId'),
          body.value,
        ),
      );
      return sendResult(c, r, 200, (s) => userView(c.env.world.read(), s));
    },
  );
  t.delete(
    '/partner-hub/api/customers/:id/users/:userId',
    { summary: 'Remove a user (ORG-4)', responses: [204, 404, 409] },
    (c) => {
      const r = c.env.world.transact((tx) =>
        deletePartnerHubUser(tx, c.get('user'), c.req.param('id'), c.req.param('userId')),
      );
      return r.ok ? c.body(null, 204) : sendError(c, r.error);
    },
  );
};
