import type { Context } from 'hono';
import { billingErrors } from '../../../core/billing/errors.ts';
import type { BillingReport } from '../../../core/billing/model.ts';
import { REPORT_TYPES } from '../../../core/billing/model.ts';
import { dateStart, monthStart } from '../../../core/billing/period.ts';
import {
  createBroadWorksReport,
  createWholesaleReport,
  deleteReport,
  ownReport,
  reportByToken,
} from '../../../core/billing/reports.ts';
import { REPORT_STATES } from '../../../core/billing/states.ts';
import { parseInstant } from '../../../core/kernel/clock.ts';
import { invalidFields, type ErrorItem } from '../../../core/kernel/errors.ts';
import { ownList } from '../../../core/kernel/ownership.ts';
import { fail, ok, type Result } from '../../../core/kernel/result.ts';
import { reportCsvPieces } from '../../../core/billing/report-csv.ts';
import type { SurfaceEnv } from '../../env.ts';
import { linkUrl } from '../../links.ts';
import { bodyInTurns } from '../../next-turn.ts';
import { cursorPageOf, readCursor } from '../../paging.ts';
import { sendError, sendResult } from '../../respond.ts';
import type { RouteTable } from '../../route-table.ts';
import type {
  V1BroadWorksListReport,
  V1BroadWorksReport,
  V1WholesaleListReport,
  V1WholesaleReport,
  V1WholesaleReportId,
} from '../../openapi/v1-types.ts';
import { readCiscoJson } from './cisco-body.ts';

/** A report's errors as `ReportError` (`code`, `description`). */
const reportErrors = (r: BillingReport) =>
  r.errors.map((e) => ({ code: e.errorCode ?? 0, description: e.description }));

const downloadUrl = (base: string, r: BillingReport) =>
  r.downloadToken !== undefined && r.status === 'COMPLETED'
    ? { tempDownloadURL: linkUrl(base, { to: 'billing-report', token: r.downloadToken }) }
    : {};

const wholesaleId = (r: BillingReport): V1WholesaleReportId => ({
  id: r.id,
  billingStartDate: r.billingStartDate,
  billingEndDate: r.billingEndDate,
  type: r.type ?? 'PARTNER',
  category: 'RECONCILIATION',
});

const wholesaleItem = (r: BillingReport): V1WholesaleListReport => ({
  id: r.id,
  billingStartDate: r.billingStartDate,
  billingEndDate: r.billingEndDate,
  type: r.type ?? 'PARTNER',
  category: 'RECONCILIATION',
  status: r.status,
});

const wholesaleReport = (base: string, r: BillingReport): V1WholesaleReport => ({
  ...wholesaleId(r),
  created: r.created,
  createdBy: r.createdBy,
  status: r.status,
  ...downloadUrl(base, r),
  errors: reportErrors(r),
});

const broadworksItem = (r: BillingReport): V1BroadWorksListReport => ({
  id: r.id,
  billingPeriod: r.billingPeriod ?? r.billingStartDate.slice(0, 7),
  status: r.status,
});

const broadworksReport = (base: string, r: BillingReport): V1BroadWorksReport => ({
  ...broadworksItem(r),
  created: r.created,
  createdBy: r.createdBy,
  ...downloadUrl(base, r),
  errors: reportErrors(r),
});

/** A query value that must be one of a list, or a 400 naming the parameter. */
const oneOf = <T extends string>(
  c: Context<SurfaceEnv>,
  name: string,
  allowed: readonly T[],
): Result<T | undefined> => {
  const v = c.req.query(name);
  if (v === undefined || (allowed as readonly string[]).includes(v)) return ok(v as T | undefined);
  return fail(
    invalidFields([
      billingErrors.badFilter.at(name, {
        allowed: allowed.map((a) => `"${a}"`).join(', '),
        got: JSON.stringify(v),
      }),
    ]),
  );
};

/** `before` and `after` of the BroadWorks list: a month, a day or a date-time, as its first instant. */
const instantOf = (c: Context<SurfaceEnv>, name: string): Result<number | undefined> => {
  const v = c.req.query(name);
  if (v === undefined) return ok(undefined);
  const at = monthStart(v) ?? dateStart(v);
  if (at !== undefined) return ok(at);
  const parsed = parseInstant(v, name);
  return parsed.ok
    ? parsed
    : fail(invalidFields([billingErrors.badInstant.at(name, { got: JSON.stringify(v) })]));
};

/** Ascending by one field, then by creation: the order is the same on every call. */
const sortBy =
  (field: (r: BillingReport) => string) =>
  (a: BillingReport, b: BillingReport): number => {
    const x = field(a);
    const y = field(b);
    return x !== y
      ? x < y
        ? -1
        : 1
      : a.created !== b.created
        ? a.created < b.created
          ? -1
          : 1
        : 0;
  };

/** Every problem of a request's parameters, in one answer. */
const problems = (...results: Result<unknown>[]): ErrorItem[] =>
  results.flatMap((r) => (r.ok ? [] : r.error.errors));

const WHOLESALE_SORT = {
  id: (r: BillingReport) => r.id,
  billingStartDate: (r: BillingReport) => r.billingStartDate,
  billingEndDate: (r: BillingReport) => r.billingEndDate,
  status: (r: BillingReport) => r.status,
} as const;

const BROADWORKS_SORT = {
  id: (r: BillingReport) => r.id,
  status: (r: BillingReport) => r.status,
  billingPeriod: (r: BillingReport) => r.billingPeriod ?? r.billingStartDate,
} as const;

const keysOf = <T extends object>(o: T) => Object.keys(o) as (keyof T & string)[];

/** `GET` and `DELETE …/billing/reports/{id}` of one offer (the two files publish the same pair). */
const addOneReportRoutes = (
  t: RouteTable,
  offer: BillingReport['offer'],
  name: 'Wholesale' | 'BroadWorks',
  view: (base: string, r: BillingReport) => unknown,
): void => {
  const path = `/v1/${offer}/billing/reports/:id`;
  const id = (c: Context<SurfaceEnv>): string => c.req.param('id') ?? '';
  t.get(
    path,
    {
      summary: `Get a ${name} Billing Report`,
      operationId: `Get a ${name} Billing Report`,
      responses: [200],
    },
    (c) =>
      sendResult(
        c,
        ownReport(c.env.world.read(), c.get('user').partnerId, offer, id(c)),
        200,
        (r) => view(c.env.base, r),
      ),
  );
  t.delete(
    path,
    {
      summary: `Delete a ${name} Billing Report`,
      operationId: `Delete a ${name} Billing Report`,
      responses: [204],
    },
    (c) => {
      const r = c.env.world.transact((tx) =>
        deleteReport(tx, c.get('user').partnerId, offer, id(c)),
      );
      return r.ok ? c.body(null, 204) : sendError(c, r.error);
    },
  );
};

/**
 * Billing reports (webex-wholesale.json "Wholesale Billing Reports", webex-broadworks.json
 * "BroadWorks Billing Reports"; SIM-1): made at once, `COMPLETED` on the virtual clock, the CSV
 * served by the simulator at the report's `tempDownloadURL` (no token needed: the link is its own
 * secret, as Cisco's signed links are).
 */
export const addBillingReportRoutes = (t: RouteTable): void => {
  t.get(
    '/v1/wholesale/billing/reports',
    {
      summary: 'List Wholesale Billing Reports',
      operationId: 'List Wholesale Billing Reports',
      responses: [200],
    },
    (c) => {
      const page = readCursor(c, 100, 100);
      const type = oneOf(c, 'type', REPORT_TYPES);
      const status = oneOf(c, 'status', REPORT_STATES.statuses);
      const sort = oneOf(c, 'sortBy', keysOf(WHOLESALE_SORT));
      if (!page.ok || !type.ok || !status.ok || !sort.ok)
        return sendError(c, invalidFields(problems(page, type, status, sort)));
      const q = c.req.query();
      const items = ownList(c.env.world.read(), 'billingReports', c.get('user').partnerId)
        .filter(
          (r) =>
            r.offer === 'wholesale' &&
            (q.billingStartDate === undefined || r.billingStartDate === q.billingStartDate) &&
            (q.billingEndDate === undefined || r.billingEndDate === q.billingEndDate) &&
            (type.value === undefined || r.type === type.value) &&
            (status.value === undefined || r.status === status.value) &&
            (q.subPartnerOrgId === undefined || r.subPartnerOrgId === q.subPartnerOrgId),
        )
        .sort(sortBy(WHOLESALE_SORT[sort.value ?? 'billingStartDate']));
      return c.json({ items: cursorPageOf(c, items, page.value).map(wholesaleItem) });
    },
  );

  t.post(
    '/v1/wholesale/billing/reports',
    {
      summary: 'Create a Wholesale Billing Report',
      operationId: 'Create a Wholesale Billing Report',
      responses: [200],
    },
    async (c) => {
      const body = await readCiscoJson(c, 'Create a Wholesale Billing Report');
      if (!body.ok) return sendError(c, body.error);
      const r = c.env.world.transact((tx) => createWholesaleReport(tx, c.get('user'), body.value));
      return sendResult(c, r, 200, wholesaleId);
    },
  );

  addOneReportRoutes(t, 'wholesale', 'Wholesale', (base, r) => wholesaleReport(base, r));

  t.get(
    '/v1/broadworks/billing/reports',
    {
      summary: 'List BroadWorks Billing Reports',
      operationId: 'List BroadWorks Billing Reports',
      responses: [200],
    },
    (c) => {
      const before = instantOf(c, 'before');
      const after = instantOf(c, 'after');
      const sort = oneOf(c, 'sortBy', keysOf(BROADWORKS_SORT));
      if (!before.ok || !after.ok || !sort.ok)
        return sendError(c, invalidFields(problems(before, after, sort)));
      const items = ownList(c.env.world.read(), 'billingReports', c.get('user').partnerId)
        .filter(
          (r) =>
            r.offer === 'broadworks' &&
            (before.value === undefined || Date.parse(r.created) < before.value) &&
            (after.value === undefined || Date.parse(r.created) > after.value),
        )
        .sort(sortBy(BROADWORKS_SORT[sort.value ?? 'billingPeriod']));
      return c.json({ items: items.map(broadworksItem) });
    },
  );

  t.post(
    '/v1/broadworks/billing/reports',
    {
      summary: 'Create a BroadWorks Billing Report',
      operationId: 'Create a BroadWorks Billing Report',
      responses: [200],
    },
    async (c) => {
      const body = await readCiscoJson(c, 'Create a BroadWorks Billing Report');
      if (!body.ok) return sendError(c, body.error);
      const r = c.env.world.transact((tx) => createBroadWorksReport(tx, c.get('user'), body.value));
      return sendResult(c, r, 200, (x) => ({ id: x.id }));
    },
  );

  addOneReportRoutes(t, 'broadworks', 'BroadWorks', (base, r) => broadworksReport(base, r));

  t.get(
    '/billing-reports/:file',
    {
      summary:
        "A completed billing report's CSV: the report's tempDownloadURL (no token: the link is its own secret)",
      responses: [200, 404],
      public: true,
    },
    (c) => {
      const file = c.req.param('file');
      const r = reportByToken(c.env.world.read(), file.replace(/\.csv$/, ''));
      if (!r.ok || !file.endsWith('.csv')) return sendError(c, billingErrors.gone({}));
      const name =
        r.value.offer === 'broadworks'
          ? `broadworks-billing-${r.value.billingPeriod ?? ''}.csv`
          : `wholesale-billing-${(r.value.type ?? 'PARTNER').toLowerCase()}-${r.value.billingStartDate}-${r.value.billingEndDate}.csv`;
      // Made from the history as the client reads it, a turn of the event loop between pieces.
      const csv = r.value.csv ?? bodyInTurns(reportCsvPieces(c.env.world.read(), r.value), 1);
      return c.body(csv, 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${name}"`,
      });
    },
  );
};
