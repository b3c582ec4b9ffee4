import { csvField } from '../kernel/csv.ts';
import type { WorldReader } from '../kernel/world-tx.ts';
import type { BillingReport, UsageRecord } from './model.ts';
import { coveredDays, DAY_MS, isoDate, periodOf, type Period } from './period.ts';
import { usageOf } from './usage.ts';

/**
 * The CSV of a billing report, from the world's usage history over its period (SIM-1). Columns by
 * report type (the README lists them); rows sorted so that the same history gives the same file.
 */
/** A text cell formula-escaped (OWASP: names and ids come from clients) and quoted; numbers as is. */
const quote = (v: string | number): string => (typeof v === 'number' ? String(v) : csvField(v));

const csv = (header: readonly string[], rows: readonly (readonly (string | number)[])[]): string =>
  [header, ...rows].map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';

const byText = (a: readonly (string | number)[], b: readonly (string | number)[]): number => {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = String(a[i]);
    const y = String(b[i]);
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.length - b.length;
};

/** Per key: the stretch last seen (for names), its days, the first and last day. */
interface Held {
  record: UsageRecord;
  days: number;
  first: number;
  last: number;
}

/** How many hold something on each day of the period. */
class DailyCount {
  readonly #delta: number[];
  constructor(days: number) {
    this.#delta = new Array<number>(days + 1).fill(0);
  }
  add(first: number, last: number): void {
    this.#delta[first]! += 1;
    this.#delta[last + 1]! -= 1;
  }
  /** The largest daily count, and the sum of the daily counts. */
  totals(): { peak: number; sum: number } {
    let n = 0;
    let peak = 0;
    let sum = 0;
    for (const d of this.#delta.slice(0, -1)) {
      n += d;
      peak = Math.max(peak, n);
      sum += n;
    }
    return { peak, sum };
  }
}

const holdings = (records: readonly UsageRecord[], p: Period, key: (r: UsageRecord) => string) => {
  const held = new Map<string, Held>();
  for (const r of records) {
    const span = coveredDays(r, p);
    if (!span) continue;
    for (const pkg of r.packages) {
      const k = `${key(r)}\u0000${pkg}`;
      const h = held.get(k);
      const days = span[1] - span[0] + 1;
      if (!h) held.set(k, { record: r, days, first: span[0], last: span[1] });
      else {
        if (r.from > h.record.from) h.record = r;
        h.days += days;
        h.first = Math.min(h.first, span[0]);
        h.last = Math.max(h.last, span[1]);
      }
    }
  }
  return held;
};

const pkgOf = (key: string): string => key.slice(key.lastIndexOf('\u0000') + 1);
const day = (p: Period, i: number): string => isoDate(p.start + i * DAY_MS);

const wholesaleUsers = (report: BillingReport, records: readonly UsageRecord[], p: Period) => {
  const held = holdings(
    records.filter((r) => r.source === 'subscriber'),
    p,
    (r) => r.entityId,
  );
  const rows = [...held].map(([k, h]) => [
    report.billingStartDate,
    report.billingEndDate,
    h.record.customerOrgId ?? '',
    h.record.customerName ?? '',
    h.record.externalCustomerId ?? '',
    h.record.entityId,
    h.record.personId ?? '',
    h.record.email ?? '',
    pkgOf(k),
    day(p, h.first),
    day(p, h.last),
    h.days,
  ]);
  return csv(
    [
      'Billing Start Date',
      'Billing End Date',
      'Customer Org ID',
      'Customer Name',
      'External Customer ID',
      'Subscriber ID',
      'Person ID',
      'Email',
      'Package',
      'First Day',
      'Last Day',
      'Days',
    ],
    // By customer, then user, then when.
    rows.sort((a, b) =>
      byText([a[3]!, a[4]!, a[7]!, a[9]!, a[8]!], [b[3]!, b[4]!, b[7]!, b[9]!, b[8]!]),
    ),
  );
};

/** Per customer and package: the days the org held it, and its subscribers' daily counts. */
const customerPackages = (records: readonly UsageRecord[], p: Period) => {
  const orgDays = holdings(
    records.filter((r) => r.source === 'customer'),
    p,
    (r) => r.customerId ?? r.entityId,
  );
  const counts = new Map<string, { record: UsageRecord; count: DailyCount }>();
  for (const r of records) {
    if (r.source !== 'subscriber') continue;
    const span = coveredDays(r, p);
    if (!span) continue;
    for (const pkg of r.packages) {
      const k = `${r.customerId ?? ''}\u0000${pkg}`;
      let c = counts.get(k);
      if (!c) counts.set(k, (c = { record: r, count: new DailyCount(p.days) }));
      c.count.add(span[0], span[1]);
    }
  }
  const keys = new Set([...orgDays.keys(), ...counts.keys()]);
  return [...keys].map((k) => {
    const org = orgDays.get(k);
    const users = counts.get(k);
    const record = org?.record ?? users!.record;
    const { peak, sum } = users?.count.totals() ?? { peak: 0, sum: 0 };
    return { key: k, record, orgDays: org?.days ?? 0, peak, sum, package: pkgOf(k) };
  });
};

const wholesaleCustomers = (report: BillingReport, records: readonly UsageRecord[], p: Period) =>
  csv(
    [
      'Billing Start Date',
      'Billing End Date',
      'Customer Org ID',
      'Customer Name',
      'External Customer ID',
      'Package',
      'Customer Days',
      'Peak Quantity',
      'Quantity Days',
    ],
    customerPackages(records, p)
      .map((c) => [
        report.billingStartDate,
        report.billingEndDate,
        c.record.customerOrgId ?? '',
        c.record.customerName ?? '',
        c.record.externalCustomerId ?? '',
        c.package,
        c.orgDays,
        c.peak,
        c.sum,
      ])
      .sort((a, b) => byText(a.slice(3), b.slice(3))),
  );

const wholesalePartner = (
  w: WorldReader,
  report: BillingReport,
  records: readonly UsageRecord[],
  p: Period,
) => {
  const partner = w.get('partners', report.partnerId);
  const customers = new Map<string, Set<string>>();
  for (const c of customerPackages(records, p)) {
    const set = customers.get(c.package) ?? new Set<string>();
    set.add(c.record.customerId ?? '');
    customers.set(c.package, set);
  }
  const counts = new Map<string, DailyCount>();
  for (const r of records) {
    if (r.source !== 'subscriber') continue;
    const span = coveredDays(r, p);
    if (!span) continue;
    for (const pkg of r.packages) {
      let c = counts.get(pkg);
      if (!c) counts.set(pkg, (c = new DailyCount(p.days)));
      c.add(span[0], span[1]);
    }
  }
  return csv(
    [
      'Billing Start Date',
      'Billing End Date',
      'Partner Org ID',
      'Partner Name',
      'Package',
      'Customers',
      'Peak Quantity',
      'Quantity Days',
    ],
    [...customers]
      .map(([pkg, set]) => {
        const { peak, sum } = counts.get(pkg)?.totals() ?? { peak: 0, sum: 0 };
        return [
          report.billingStartDate,
          report.billingEndDate,
          partner?.orgId ?? report.partnerId,
          partner?.name ?? '',
          pkg,
          set.size,
          peak,
          sum,
        ];
      })
      .sort((a, b) => byText(a.slice(4), b.slice(4))),
  );
};

const broadworksUsers = (
  w: WorldReader,
  report: BillingReport,
  records: readonly UsageRecord[],
) => {
  const p = periodOf(report.billingStartDate, report.billingEndDate);
  const held = holdings(records, p, (r) => r.entityId);
  const orgOf = new Map(
    w
      .list('enterprises')
      .filter((e) => e.partnerId === report.partnerId)
      .map((e) => [e.spEnterpriseId, e.orgId ?? ''] as const),
  );
  return csv(
    [
      'Billing Period',
      'Enterprise',
      'Enterprise Org ID',
      'Subscriber ID',
      'User ID',
      'Email',
      'Package',
      'First Day',
      'Last Day',
      'Days',
    ],
    [...held]
      .map(([k, h]) => [
        report.billingPeriod ?? '',
        h.record.spEnterpriseId ?? '',
        orgOf.get(h.record.spEnterpriseId ?? '') ?? '',
        h.record.entityId,
        h.record.userId ?? '',
        h.record.email ?? '',
        pkgOf(k),
        day(p, h.first),
        day(p, h.last),
        h.days,
      ])
      // By enterprise, then user, then when.
      .sort((a, b) => byText([a[1]!, a[4]!, a[7]!, a[6]!], [b[1]!, b[4]!, b[7]!, b[6]!])),
  );
};

/** The report's CSV from the history as it is now (its period is over, so it no longer changes). */
export const reportCsv = (w: WorldReader, report: BillingReport): string => {
  if (report.offer === 'broadworks')
    return broadworksUsers(w, report, usageOf(w, report.partnerId, ['broadworksSubscriber']));
  // A report for a sub-partner counts only that sub-partner's customers.
  const records = usageOf(w, report.partnerId, ['customer', 'subscriber']).filter(
    (r) => report.subPartnerOrgId === undefined || r.subPartnerOrgId === report.subPartnerOrgId,
  );
  const p = periodOf(report.billingStartDate, report.billingEndDate);
  if (report.type === 'USER') return wholesaleUsers(report, records, p);
  if (report.type === 'CUSTOMER') return wholesaleCustomers(report, records, p);
  return wholesalePartner(w, report, records, p);
};
