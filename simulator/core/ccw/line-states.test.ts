import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../store/memory-store.ts';
import { EVENT_HANDLERS } from '../event-handlers.ts';
import type { PartnerUser } from '../kernel/model.ts';
import { canMove, illegalChanges, transition } from '../kernel/state-table.ts';
import { World } from '../kernel/world.ts';
import { LINE_STATES } from './line-states.ts';
import type { OrderLineStatus } from './model.ts';
import { changeContact, completeSetup, placeOrder, resendMail } from './orders.ts';

const ALLOWED: [OrderLineStatus, OrderLineStatus][] = [
  ['awaiting_provisioning_details', 'closed'],
  ['awaiting_provisioning_details', 'provisioned'],
  ['closed', 'provisioned'],
];
const ALL = LINE_STATES.statuses;

describe('the order line state table, cell by cell', () => {
  it.each(ALL.flatMap((from) => ALL.map((to) => [from, to] as const)))('%s → %s', (from, to) => {
    const allowed = ALLOWED.some(([f, t]) => f === from && t === to);
    expect(canMove(LINE_STATES, from, to)).toBe(allowed);
    expect(transition(LINE_STATES, from, to, 'Test').ok).toBe(allowed);
  });
});

const HQ = { addressLine1: '1 Main St', city: 'Milpitas', country: 'US' };

type Op =
  | { kind: 'order'; offer: 'A-FLEX' | 'EA'; rsdDays: number }
  | { kind: 'setup' | 'resend' | 'contact'; pick: number }
  | { kind: 'advance'; hours: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('order' as const),
    offer: fc.constantFrom('A-FLEX' as const, 'EA' as const),
    rsdDays: fc.integer({ min: -2, max: 5 }),
  }),
  fc.record({
    kind: fc.constantFrom('setup' as const, 'resend' as const, 'contact' as const),
    pick: fc.nat(4),
  }),
  fc.record({ kind: fc.constant('advance' as const), hours: fc.integer({ min: 0, max: 240 }) }),
);

describe('generated walks over the order line table', () => {
  it('every line change is a cell of the table; a line past PONR never closes; setup provisions every line', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 3, maxLength: 25 }), (ops) => {
        const w = new World(new MemoryStore(), {
          seed: 9,
          clock: { mode: 'frozen' },
          wallClock: () => 0,
          handlers: EVENT_HANDLERS,
        });
        const user: PartnerUser = w
          .read()
          .list('users')
          .find((u) => u.token === 'acme-orderer')!;
        const lines = () =>
          new Map(
            w
              .read()
              .list('orders')
              .flatMap((o) => o.lines.map((l) => [l.id, l.status] as const)),
          );
        for (const o of ops) {
          const before = lines();
          const orders = w.read().list('orders');
          const order =
            'pick' in o
              ? orders[orders.length - 1 - (o.pick % Math.max(orders.length, 1))]
              : undefined;
          if (o.kind === 'order') {
            const rsd = new Date(w.now() + o.rsdDays * 86_400_000).toISOString();
            w.transact((tx) =>
              placeOrder(tx, user, {
                lines: [
                  {
                    offer: o.offer,
                    provisioningContactEmail: 'pc@x.example',
                    requestedStartDate: rsd,
                  },
                ],
              }),
            );
          } else if (o.kind === 'advance') {
            w.changeClock({ advance: `PT${o.hours}H` });
          } else if (order) {
            const line = order.lines[0]!;
            if (o.kind === 'setup')
              w.transact((tx) =>
                completeSetup(tx, order.setupToken, {
                  companyName: 'Co',
                  adminEmail: `a${order.id.slice(-6)}@co.example`,
                  headquarters: HQ,
                }),
              );
            else if (o.kind === 'resend')
              w.transact((tx) => resendMail(tx, user, order.id, line.id));
            else
              w.transact((tx) =>
                changeContact(tx, user, order.id, line.id, {
                  provisioningContactEmail: 'n@x.example',
                }),
              );
          }
          const after = lines();
          expect(
            illegalChanges(LINE_STATES, before, after, ['awaiting_provisioning_details']),
          ).toEqual([]);
          for (const ord of w.read().list('orders')) {
            const customer = ord.customerId ? w.read().get('customers', ord.customerId) : undefined;
            for (const l of ord.lines) {
              if (ord.customerId !== undefined && before.get(l.id) !== 'closed')
                expect(l.status).not.toBe('closed');
              if (customer?.status === 'provisioned') expect(l.status).toBe('provisioned');
            }
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
