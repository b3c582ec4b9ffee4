import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../store/memory-store.ts';
import { EVENT_HANDLERS, ON_COMMIT } from '../event-handlers.ts';
import type { PartnerUser } from '../kernel/model.ts';
import { ok } from '../kernel/result.ts';
import { canMove, illegalChanges, removal, transition } from '../kernel/state-table.ts';
import { World } from '../kernel/world.ts';
import { addFault } from '../sim/fault-ops.ts';
import type { ReportStatus } from './model.ts';
import { createBroadWorksReport, createWholesaleReport, deleteReport } from './reports.ts';
import { REPORT_STATES } from './states.ts';

const ALL = REPORT_STATES.statuses;
// webex-wholesale.json and webex-broadworks.json `Report.status`: generation ends one way or the other.
const ALLOWED: [ReportStatus, ReportStatus][] = [
  ['IN_PROGRESS', 'COMPLETED'],
  ['IN_PROGRESS', 'FAILED'],
];

describe('the billing report state table, cell by cell', () => {
  it.each(ALL.flatMap((from) => ALL.map((to) => [from, to] as const)))('%s → %s', (from, to) => {
    const allowed = ALLOWED.some(([f, t]) => f === from && t === to);
    expect(canMove(REPORT_STATES, from, to)).toBe(allowed);
    const r = transition(REPORT_STATES, from, to, 'Test');
    expect(r.ok).toBe(allowed);
    if (!r.ok) expect(r.error).toMatchObject({ status: 409, errors: [{ errorCode: 1202 }] });
  });

  it.each(ALL)('removal from %s', (from) => {
    expect(removal(REPORT_STATES, from, 'Delete').ok).toBe(true);
  });
});

const newWorld = () =>
  new World(new MemoryStore(), {
    seed: 3,
    clock: { mode: 'frozen', start: '2026-03-10T00:00:00Z' },
    wallClock: () => 0,
    handlers: EVENT_HANDLERS,
    onCommit: ON_COMMIT,
  });
const admin = (w: World, token = 'acme-admin'): PartnerUser =>
  w
    .read()
    .list('users')
    .find((u) => u.token === token)!;
const statuses = (w: World) =>
  new Map(
    w
      .read()
      .list('billingReports')
      .map((r) => [r.id, r.status] as const),
  );
const DELAY_MS = 2 * 60_000;

type Op =
  | { readonly kind: 'wholesale'; readonly type: 'PARTNER' | 'CUSTOMER' | 'USER' }
  | { readonly kind: 'broadworks'; readonly month: number }
  | { readonly kind: 'delete'; readonly pick: number }
  | { readonly kind: 'fault' }
  | { readonly kind: 'advance'; readonly seconds: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('wholesale' as const),
    type: fc.constantFrom('PARTNER' as const, 'CUSTOMER' as const, 'USER' as const),
  }),
  fc.record({ kind: fc.constant('broadworks' as const), month: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat(3) }),
  fc.record({ kind: fc.constant('fault' as const) }),
  fc.record({ kind: fc.constant('advance' as const), seconds: fc.integer({ min: 0, max: 180 }) }),
);

describe('generated walks over the billing report table (SIM-1)', () => {
  it('every change is a cell of the table; a report ends exactly when its delay has passed; deleted ones never come back', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 10, maxLength: 40 }), (ops) => {
        const w = newWorld();
        const user = admin(w);
        const deleted = new Set<string>();
        for (const o of ops) {
          const before = statuses(w);
          const ids = [...before.keys()];
          const pick = (i: number) => ids[ids.length - 1 - (i % Math.max(ids.length, 1))] ?? 'none';
          if (o.kind === 'wholesale') {
            const r = w.transact((tx) =>
              createWholesaleReport(tx, user, {
                billingStartDate: '2026-02-01',
                billingEndDate: '2026-02-28',
                type: o.type,
              }),
            );
            expect(r.ok).toBe(true);
          } else if (o.kind === 'broadworks') {
            const r = w.transact((tx) =>
              createBroadWorksReport(tx, user, { billingPeriod: `2026-0${o.month}` }),
            );
            expect(r.ok).toBe(true);
          } else if (o.kind === 'delete') {
            const id = pick(o.pick);
            const offer = w.read().get('billingReports', id)?.offer ?? 'wholesale';
            const r = w.transact((tx) => deleteReport(tx, user.partnerId, offer, id));
            if (r.ok) deleted.add(id);
          } else if (o.kind === 'fault') {
            w.transact((tx) => {
              addFault(tx, { on: 'billingReport', errorCode: 2024, description: 'x', times: 1 });
              return ok(undefined);
            });
          } else {
            expect(w.changeClock({ advance: `PT${o.seconds}S` }).ok).toBe(true);
          }
          const after = statuses(w);
          expect(illegalChanges(REPORT_STATES, before, after, ['IN_PROGRESS'])).toEqual([]);
          for (const id of deleted) expect(after.has(id)).toBe(false);
          const now = w.now();
          for (const r of w.read().list('billingReports')) {
            const due = Date.parse(r.created) + DELAY_MS <= now;
            expect(r.status === 'IN_PROGRESS').toBe(!due);
            expect(r.status === 'COMPLETED').toBe(r.downloadToken !== undefined);
            expect(r.status === 'FAILED').toBe(r.errors.length > 0);
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
