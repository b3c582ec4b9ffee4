import { csvField } from '../kernel/csv.ts';
import { sortInSteps, STEP, TURN, type Steps } from '../kernel/steps.ts';
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

type Row = readonly (string | number)[];

/** The CSV's text, STEP lines a piece (each line ends with CRLF). */
function* csv(header: readonly string[], rows: readonly Row[]): Steps {
  let piece = `${header.map(quote).join(',')}\r\n`;
  for (let i = 0; i < rows.length; i += 1) {
    piece += `${rows[i]!.map(quote).join(',')}\r\n`;
    if ((i + 1) % STEP === 0) {
      yield piece;
      piece = '';
    }
  }
  yield piece;
}

/** Texts in order, one cell after the other (a shorter list first when one begins the other). */
const byText = (a: readonly string[], b: readonly string[]): number => {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.length - b.length;
};

/**
 * Rows sorted by some of their cells as text (`byText`), ties in the order given, in steps. Each
 * row's key is made once, not in each of a sort's n log n comparisons.
 */
function* sortedBy(rows: readonly Row[], keyOf: (row: Row) => Row): Steps<Row[]> {
  const keyed = yield* rowsOf(rows, (row) => ({ row, key: keyOf(row).map(String) }));
  const sorted = yield* sortInSteps(keyed, (a, b) => byText(a.key, b.key));
  return sorted.map((k) => k.row);
}

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

function* holdings(
  records: readonly UsageRecord[],
  p: Period,
  key: (r: UsageRecord) => string,
): Steps<Map<string, Held>> {
  const held = new Map<string, Held>();
  for (let i = 0; i < records.length; i += 1) {
    if ((i + 1) % STEP === 0) yield TURN;
    const r = records[i]!;
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
}

const pkgOf = (key: string): string => key.slice(key.lastIndexOf('\u0000') + 1);
/** The date of each day of a period, made once per day (a report's rows name a few days many times). */
const daysOf = (p: Period): ((i: number) => string) => {
  const dates: string[] = [];
  return (i) => (dates[i] ??= isoDate(p.start + i * DAY_MS));
};

/** A user's package row ends alike in both offers: the package, its first and last day, its days. */
const heldCells = (k: string, h: Held, day: (i: number) => string): Row => [
  pkgOf(k),
  day(h.first),
  day(h.last),
  h.days,
];

/** Each of `items` made into a row, in steps. */
function* rowsOf<T, R>(items: Iterable<T>, row: (item: T) => R): Steps<R[]> {
  const rows: R[] = [];
  for (const item of items) {
    rows.push(row(item));
    if (rows.length % STEP === 0) yield TURN;
  }
  return rows;
}

function* wholesaleUsers(report: BillingReport, records: readonly UsageRecord[], p: Period): Steps {
  const day = daysOf(p);
  const held = yield* holdings(
    records.filter((r) => r.source === 'subscriber'),
    p,
    (r) => r.entityId,
  );
  const rows = yield* rowsOf(held, ([k, h]) => [
    report.billingStartDate,
    report.billingEndDate,
    h.record.customerOrgId ?? '',
    h.record.customerName ?? '',
    h.record.externalCustomerId ?? '',
    h.record.entityId,
    h.record.personId ?? '',
    h.record.email ?? '',
    ...heldCells(k, h, day),
  ]);
  yield* csv(
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
    yield* sortedBy(rows, (r) => [r[3]!, r[4]!, r[7]!, r[9]!, r[8]!]),
  );
}

/** Subscribers' stretches counted per day under a key of each stretch and package, in steps. */
function* dailyCounts<V>(
  records: readonly UsageRecord[],
  p: Period,
  keyOf: (r: UsageRecord, pkg: string) => string,
  start: (r: UsageRecord) => V,
  count: (v: V) => DailyCount,
): Steps<Map<string, V>> {
  const counts = new Map<string, V>();
  for (let i = 0; i < records.length; i += 1) {
    if ((i + 1) % STEP === 0) yield TURN;
    const r = records[i]!;
    if (r.source !== 'subscriber') continue;
    const span = coveredDays(r, p);
    if (!span) continue;
    for (const pkg of r.packages) {
      const k = keyOf(r, pkg);
      let c = counts.get(k);
      if (c === undefined) counts.set(k, (c = start(r)));
      count(c).add(span[0], span[1]);
    }
  }
  return counts;
}

/** Per customer and package: the days the org held it, and its subscribers' daily counts. */
function* customerPackages(records: readonly UsageRecord[], p: Period) {
  const orgDays = yield* holdings(
    records.filter((r) => r.source === 'customer'),
    p,
    (r) => r.customerId ?? r.entityId,
  );
  const counts = yield* dailyCounts(
    records,
    p,
    (r, pkg) => `${r.customerId ?? ''}\u0000${pkg}`,
    (record) => ({ record, count: new DailyCount(p.days) }),
    (c) => c.count,
  );
  const keys = new Set([...orgDays.keys(), ...counts.keys()]);
  return [...keys].map((k) => {
    const org = orgDays.get(k);
    const users = counts.get(k);
    const record = org?.record ?? users!.record;
    const { peak, sum } = users?.count.totals() ?? { peak: 0, sum: 0 };
    return { key: k, record, orgDays: org?.days ?? 0, peak, sum, package: pkgOf(k) };
  });
}

function* wholesaleCustomers(
  report: BillingReport,
  records: readonly UsageRecord[],
  p: Period,
): Steps {
  const packages = yield* customerPackages(records, p);
  yield* csv(
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
    yield* sortedBy(
      packages.map((c) => [
        report.billingStartDate,
        report.billingEndDate,
        c.record.customerOrgId ?? '',
        c.record.customerName ?? '',
        c.record.externalCustomerId ?? '',
        c.package,
        c.orgDays,
        c.peak,
        c.sum,
      ]),
      (r) => r.slice(3),
    ),
  );
}

function* wholesalePartner(
  w: WorldReader,
  report: BillingReport,
  records: readonly UsageRecord[],
  p: Period,
): Steps {
  const partner = w.get('partners', report.partnerId);
  const customers = new Map<string, Set<string>>();
  for (const c of yield* customerPackages(records, p)) {
    const set = customers.get(c.package) ?? new Set<string>();
    set.add(c.record.customerId ?? '');
    customers.set(c.package, set);
  }
  const counts = yield* dailyCounts(
    records,
    p,
    (_r, pkg) => pkg,
    () => new DailyCount(p.days),
    (c) => c,
  );
  yield* csv(
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
    yield* sortedBy(
      [...customers].map(([pkg, set]) => {
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
      }),
      (r) => r.slice(4),
    ),
  );
}

function* broadworksUsers(
  w: WorldReader,
  report: BillingReport,
  records: readonly UsageRecord[],
): Steps {
  const p = periodOf(report.billingStartDate, report.billingEndDate);
  const held = yield* holdings(records, p, (r) => r.entityId);
  const orgOf = new Map(
    w
      .list('enterprises')
      .filter((e) => e.partnerId === report.partnerId)
      .map((e) => [e.spEnterpriseId, e.orgId ?? ''] as const),
  );
  const day = daysOf(p);
  const rows = yield* rowsOf(held, ([k, h]) => [
    report.billingPeriod ?? '',
    h.record.spEnterpriseId ?? '',
    orgOf.get(h.record.spEnterpriseId ?? '') ?? '',
    h.record.entityId,
    h.record.userId ?? '',
    h.record.email ?? '',
    ...heldCells(k, h, day),
  ]);
  yield* csv(
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
    // By enterprise, then user, then when.
    yield* sortedBy(rows, (r) => [r[1]!, r[4]!, r[7]!, r[6]!]),
  );
}

/**
 * The report's CSV from the history as it is now (its period is over, so it no longer changes), as
 * pieces: together its text; an empty piece is a place to give the event loop a turn. The history
 * is read at the first piece: what changes after does not reach the pieces still to come.
 */
export function* reportCsvPieces(w: WorldReader, report: BillingReport): Steps {
  if (report.offer === 'broadworks') {
    const records = yield* usageOf(w, report.partnerId, ['broadworksSubscriber']);
    return yield* broadworksUsers(w, report, records);
  }
  // A report for a sub-partner counts only that sub-partner's customers.
  const records = (yield* usageOf(w, report.partnerId, ['customer', 'subscriber'])).filter(
    (r) => report.subPartnerOrgId === undefined || r.subPartnerOrgId === report.subPartnerOrgId,
  );
  const p = periodOf(report.billingStartDate, report.billingEndDate);
  if (report.type === 'USER') return yield* wholesaleUsers(report, records, p);
  if (report.type === 'CUSTOMER') return yield* wholesaleCustomers(report, records, p);
  return yield* wholesalePartner(w, report, records, p);
}

/** The report's CSV at once (`reportCsvPieces` joined). */
export const reportCsv = (w: WorldReader, report: BillingReport): string =>
  [...reportCsvPieces(w, report)].join('');
