import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../store/memory-store.ts';
import { EVENT_HANDLERS } from '../event-handlers.ts';
import { placeOrder } from '../ccw/orders.ts';
import { provisionCustomer } from '../organisations/customers.ts';
import { World } from '../kernel/world.ts';
import { WorldReader } from '../kernel/world-tx.ts';
import { nextStepOf, nextStepsById, scheduledSteps } from './next-step.ts';

const world = (): World =>
  new World(new MemoryStore(), {
    seed: 1,
    clock: { mode: 'frozen' },
    wallClock: () => 0,
    handlers: EVENT_HANDLERS,
  });

const value = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe('next scheduled steps (SIM-1)', () => {
  it('tell when a provisioning customer and an order line move next, and forget them once done', () => {
    const w = world();
    const admin = w
      .read()
      .list('users')
      .find((u) => u.token === 'acme-admin')!;
    const pid = w
      .read()
      .list('templates')
      .find((t) => t.partnerId === admin.partnerId && t.offer === 'wholesale')!.provisioningId;
    const customer = value(
      w.transact((tx) =>
        provisionCustomer(tx, admin, {
          provisioningId: pid,
          packages: ['webex_meetings'],
          externalId: 'step-1',
          address: { addressLine1: '1 A St', city: 'Austin', country: 'US' },
          customerInfo: { name: 'Step Co', primaryEmail: 'a@step.example' },
          source: 'api',
        }),
      ),
    );
    const order = value(
      w.transact((tx) =>
        placeOrder(tx, admin, {
          lines: [
            {
              offer: 'EA',
              provisioningContactEmail: 'b@step.example',
              requestedStartDate: '2026-02-01',
            },
          ],
        }),
      ),
    );
    const line = order.lines[0]!.id;
    expect(nextStepOf(w.read(), customer.id)).toEqual({
      resource: 'customer',
      id: customer.id,
      step: 'provision',
      dueAt: '2026-01-01T00:05:00.000Z',
    });
    expect(nextStepOf(w.read(), line)).toEqual({
      resource: 'orderLine',
      id: line,
      orderId: order.id,
      step: 'rsd',
      dueAt: '2026-02-01T00:00:00.000Z',
    });
    expect(scheduledSteps(w.read()).map((s) => s.step)).toEqual(['provision', 'rsd']);

    value(w.changeClock({ advance: 'P31D' }));
    expect(nextStepOf(w.read(), customer.id)).toBeUndefined();
    // The mail went at the RSD; the line now waits for its 30-day window to close.
    expect(nextStepOf(w.read(), line)).toMatchObject({
      step: 'close',
      dueAt: '2026-03-03T00:00:00.000Z',
    });
  });

  it('give each resource its soonest step, ties by schedule order, as the list of every step sorted would', () => {
    const ids = ['c1', 'c2', 's1', 'l1'];
    const event = fc.record({
      kind: fc.constantFrom(
        'customer.step',
        'broadworks.step',
        'ccw.rsd',
        'ccw.close',
        'billing.step',
      ),
      id: fc.constantFrom(...ids),
      dueAt: fc.constantFrom(
        '2026-01-01T00:05:00.000Z',
        '2026-01-02T00:00:00.000Z',
        '2026-02-01T00:00:00.000Z',
      ),
      expect: fc.constantFrom('provisioning', 'updating', 'deleting'),
    });
    fc.assert(
      fc.property(fc.array(event, { maxLength: 30 }), (drawn) => {
        const events = drawn.map((e, i) => ({
          id: `e${i}`,
          // Schedule order apart from store order: ties of one instant go by `seq`.
          seq: (i * 7) % 31,
          dueAt: e.dueAt,
          kind: e.kind,
          payload: {
            customerId: e.id,
            subscriberId: e.id,
            orderId: 'o1',
            lineId: e.id,
            expect: e.expect,
          },
        }));
        const w = new WorldReader(new MemoryStore({ events }));
        const sorted = new Map<string, unknown>();
        for (const step of scheduledSteps(w)) if (!sorted.has(step.id)) sorted.set(step.id, step);
        expect(nextStepsById(w)).toEqual(sorted);
        for (const id of [...ids, 'nobody']) expect(nextStepOf(w, id)).toEqual(sorted.get(id));
      }),
      { numRuns: 300, seed: 5 },
    );
  });
});
