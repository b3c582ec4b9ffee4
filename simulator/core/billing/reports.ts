import { z } from 'zod';
import { invalidFields, notFound, type ErrorItem } from '../kernel/errors.ts';
import { webexId } from '../kernel/ids.ts';
import type { PartnerUser } from '../kernel/model.ts';
import { ownedBy } from '../kernel/ownership.ts';
import { fail, ok, type Result } from '../kernel/result.ts';
import { removal, stepApplies, transition } from '../kernel/state-table.ts';
import { parseWith } from '../kernel/validation.ts';
import { subPartnerOf } from '../organisations/sub-partners.ts';
import type { WorldReader, WorldTx } from '../kernel/world-tx.ts';
import { delayMs } from '../sim/config.ts';
import { takeStepFault } from '../sim/fault-ops.ts';
import { billingErrors } from './errors.ts';
import { REPORT_TYPES, type BillingReport, type ReportStatus } from './model.ts';
import { dateStart, dayOf, DAY_MS, isoDate, monthStart } from './period.ts';
import { REPORT_STATES } from './states.ts';

/**
 * Billing reports (webex-wholesale.json and webex-broadworks.json "Billing Reports"; SIM-1): made
 * `IN_PROGRESS`, generated when the `billingReport` delay has passed on the virtual clock, from the
 * world's usage history over the requested period (`usage.ts`), then `COMPLETED` with a CSV behind
 * a download link, or `FAILED` under a step fault. The CSV is made when it is downloaded, a turn of
 * the event loop at a time (`reportCsvPieces`): the period is over, so its history no longer
 * changes, and a report of a million users is seconds of work that must not hold the server.
 */
export const REPORT_STEP = 'billing.report';

const wholesaleSchema = z.object({
  billingStartDate: z.string(),
  billingEndDate: z.string(),
  type: z.enum(REPORT_TYPES).optional(),
  subPartnerOrgId: z.string().min(1).optional(),
  internal: z.boolean().optional(),
});

const broadworksSchema = z.object({ billingPeriod: z.string() });

/** Today's first instant, and the earliest day a wholesale report may start (five years back). */
const limits = (now: number) => {
  const today = dayOf(now);
  const d = new Date(today);
  const earliest = Date.UTC(d.getUTCFullYear() - 5, d.getUTCMonth(), d.getUTCDate());
  return { today, earliest };
};

/**
 * A wholesale period: two calendar days, the end not before the start, before today (usage is
 * counted by whole days) and within the last five years (Cisco's help on billing reports).
 */
const checkWholesalePeriod = (start: string, end: string, now: number): ErrorItem[] => {
  const { today, earliest } = limits(now);
  const s = dateStart(start);
  const e = dateStart(end);
  const items: ErrorItem[] = [];
  if (s === undefined)
    items.push(billingErrors.notADate.at('billingStartDate', { got: JSON.stringify(start) }));
  else if (s < earliest)
    items.push(billingErrors.tooOld.at('billingStartDate', { earliest: isoDate(earliest) }));
  if (e === undefined)
    items.push(billingErrors.notADate.at('billingEndDate', { got: JSON.stringify(end) }));
  else if (s !== undefined && e < s)
    items.push(billingErrors.endBeforeStart.at('billingEndDate', { start }));
  else if (e >= today)
    items.push(billingErrors.notPast.at('billingEndDate', { today: isoDate(today) }));
  return items;
};

const newReport = (
  tx: WorldTx,
  user: PartnerUser,
  fields: Pick<BillingReport, 'offer' | 'billingStartDate' | 'billingEndDate'> &
    Partial<BillingReport>,
): BillingReport => {
  const report: BillingReport = {
    id: webexId('BILLING_REPORT', tx.uuid()),
    partnerId: user.partnerId,
    status: 'IN_PROGRESS',
    errors: [],
    created: tx.nowIso,
    createdBy: user.id,
    ...fields,
  };
  tx.put('billingReports', report);
  tx.schedule(REPORT_STEP, tx.now + delayMs(tx.meta.config, 'billingReport', tx.now), {
    reportId: report.id,
    expect: 'IN_PROGRESS',
  });
  return report;
};

/** `POST /v1/wholesale/billing/reports`: a reconciliation report of a type, `PARTNER` by default. */
export const createWholesaleReport = (
  tx: WorldTx,
  user: PartnerUser,
  body: unknown,
): Result<BillingReport> => {
  const input = parseWith(wholesaleSchema, body);
  if (!input.ok) return input;
  const v = input.value;
  const problems = checkWholesalePeriod(v.billingStartDate, v.billingEndDate, tx.now);
  if (problems.length > 0) return fail(invalidFields(problems));
  if (v.subPartnerOrgId !== undefined) {
    const sub = subPartnerOf(tx, user.partnerId, v.subPartnerOrgId);
    if (!sub.ok) return sub;
  }
  return ok(
    newReport(tx, user, {
      offer: 'wholesale',
      billingStartDate: v.billingStartDate,
      billingEndDate: v.billingEndDate,
      type: v.type ?? 'PARTNER',
      ...(v.subPartnerOrgId !== undefined ? { subPartnerOrgId: v.subPartnerOrgId } : {}),
      ...(v.internal !== undefined ? { internal: v.internal } : {}),
    }),
  );
};

/**
 * `POST /v1/broadworks/billing/reports`: a month's report. The month may be the current one (its
 * days before today count); a later one is refused.
 */
export const createBroadWorksReport = (
  tx: WorldTx,
  user: PartnerUser,
  body: unknown,
): Result<BillingReport> => {
  const input = parseWith(broadworksSchema, body);
  if (!input.ok) return input;
  const period = input.value.billingPeriod;
  const start = monthStart(period);
  if (start === undefined)
    return fail(
      invalidFields([billingErrors.notAMonth.at('billingPeriod', { got: JSON.stringify(period) })]),
    );
  const current = isoDate(tx.now).slice(0, 7);
  if (period > current)
    return fail(invalidFields([billingErrors.futureMonth.at('billingPeriod', { month: current })]));
  const d = new Date(start);
  const end = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) - DAY_MS;
  return ok(
    newReport(tx, user, {
      offer: 'broadworks',
      billingPeriod: period,
      billingStartDate: isoDate(start),
      // The current month counts up to yesterday.
      billingEndDate: isoDate(Math.min(end, dayOf(tx.now) - DAY_MS)),
    }),
  );
};

/** A partner's report of an offer (another partner's, or the other offer's, is not found). */
export const ownReport = (
  w: WorldReader,
  partnerId: string,
  offer: BillingReport['offer'],
  id: string,
): Result<BillingReport> => {
  const r = ownedBy(w, 'billingReports', id, partnerId, 'Billing report');
  return r.ok && r.value.offer !== offer ? fail(notFound(`Billing report ${id}`)) : r;
};

export const deleteReport = (
  tx: WorldTx,
  partnerId: string,
  offer: BillingReport['offer'],
  id: string,
): Result<BillingReport> => {
  const found = ownReport(tx, partnerId, offer, id);
  if (!found.ok) return found;
  const allowed = removal(REPORT_STATES, found.value.status, 'Delete');
  if (!allowed.ok) return allowed;
  tx.delete('billingReports', id);
  return found;
};

const move = (
  tx: WorldTx,
  r: BillingReport,
  to: ReportStatus,
  patch: Partial<BillingReport>,
): void => {
  if (transition(REPORT_STATES, r.status, to, 'Generate').ok)
    tx.put('billingReports', { ...r, ...patch, status: to });
};

/** The generation step: the CSV from the history, or the error of a waiting step fault. */
export const finishReportStep = (tx: WorldTx, p: Readonly<Record<string, unknown>>): void => {
  const r = tx.get('billingReports', String(p.reportId));
  if (!stepApplies(r, p)) return;
  const fault = takeStepFault(tx, 'billingReport');
  if (fault)
    move(tx, r, 'FAILED', {
      errors: [{ errorCode: fault.errorCode, description: fault.description }],
    });
  else move(tx, r, 'COMPLETED', { downloadToken: tx.uuid().replace(/-/g, '') });
};

/** The completed report a download link names, whoever asks (the link is its own secret, like Cisco's). */
export const reportByToken = (w: WorldReader, token: string): Result<BillingReport> => {
  const r = w.list('billingReports').find((x) => x.downloadToken === token);
  return r?.status === 'COMPLETED' ? ok(r) : fail(billingErrors.gone({}));
};
