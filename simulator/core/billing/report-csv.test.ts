import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../store/memory-store.ts';
import { STEP, TURN } from '../kernel/steps.ts';
import { WorldReader } from '../kernel/world-tx.ts';
import type { BillingReport, UsageRecord } from './model.ts';
import { reportCsv, reportCsvPieces } from './report-csv.ts';

const USERS = STEP * 2 + 1_000;
const CUSTOMERS = ['Cyan Co', 'Amber Ltd', 'Birch Inc'];

/** A history of USERS subscribers' open stretches since the period began, across three customers. */
const history = (): UsageRecord[] =>
  Array.from({ length: USERS }, (_, i) => {
    const c = (i * 7) % CUSTOMERS.length;
    // Emails in no particular order, so the sort has work to do.
    const n = (i * 7_919) % USERS;
    return {
      id: `open:subscriber:s${i}`,
      partnerId: 'p1',
      packages: i % 5 === 0 ? ['webex_calling', 'webex_meetings'] : ['webex_meetings'],
      customerId: `c${c}`,
      customerOrgId: `org${c}`,
      customerName: CUSTOMERS[c]!,
      externalCustomerId: `ext${c}`,
      email: `user${String(n).padStart(5, '0')}@x.example`,
      personId: `person${i}`,
      source: 'subscriber',
      entityId: `s${i}`,
      from: '2026-01-01T00:00:00.000Z',
    };
  });

const report: BillingReport = {
  id: 'r',
  partnerId: 'p1',
  offer: 'wholesale',
  type: 'USER',
  billingStartDate: '2026-01-01',
  billingEndDate: '2026-01-03',
  status: 'COMPLETED',
  errors: [],
  created: '',
  createdBy: '',
};

describe('a billing report made in steps (report-csv.ts)', () => {
  it('is made in pieces of at most a step of lines, with turns, and reads as the whole report sorted', () => {
    const records = history();
    const w = new WorldReader(new MemoryStore({ usageRecords: records }));
    const pieces = [...reportCsvPieces(w, report)];
    expect(pieces.filter((p) => p === TURN).length).toBeGreaterThan(USERS / STEP);
    for (const p of pieces) expect(p.split('\r\n').length - 1).toBeLessThanOrEqual(STEP + 1);
    const text = pieces.join('');
    expect(text).toBe(reportCsv(w, report));
    // The same rows made here one by one, sorted by customer, user, first day and package.
    const rows = records.flatMap((r) =>
      r.packages.map((pkg) => [
        '2026-01-01',
        '2026-01-03',
        r.customerOrgId!,
        r.customerName!,
        r.externalCustomerId!,
        r.entityId,
        r.personId!,
        r.email!,
        pkg,
        '2026-01-01',
        '2026-01-03',
        '3',
      ]),
    );
    const key = (r: string[]) => [r[3], r[4], r[7], r[9], r[8]].join('\u0000');
    rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^Billing Start Date,Billing End Date,Customer Org ID/);
    expect(lines.slice(1)).toEqual(rows.map((r) => r.join(',')));
  });
});
