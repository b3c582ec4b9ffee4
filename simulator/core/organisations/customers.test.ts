import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../store/memory-store.ts';
import { EVENT_HANDLERS } from '../event-handlers.ts';
import type { Entity } from '../kernel/store-port.ts';
import { World } from '../kernel/world.ts';
import { provisionCustomer, updateCustomer } from './customers.ts';

/** Customer packages without the calling service (no calling location to set up). */
const PACKAGES = ['webex_meetings', 'common_area_calling', 'cx_premium_agent'] as const;

/** A world with two provisioned customers of Acme's, holding every one of PACKAGES. */
const twoCustomers = () => {
  const store = new MemoryStore();
  const w = new World(store, {
    seed: 1,
    clock: { mode: 'frozen' },
    wallClock: () => 0,
    handlers: EVENT_HANDLERS,
  });
  const admin = w
    .read()
    .list('users')
    .find((u) => u.token === 'acme-admin')!;
  const { provisioningId } = w
    .read()
    .list('templates')
    .find((t) => t.offer === 'wholesale' && t.partnerId === admin.partnerId)!;
  const ids = [1, 2].map((n) => {
    const c = w.transact((tx) =>
      provisionCustomer(tx, admin, {
        provisioningId,
        packages: [...PACKAGES],
        externalId: `ext-${n}`,
        address: { addressLine1: '1 Main St', city: 'Milpitas', country: 'US' },
        customerInfo: { name: `Customer ${n}`, primaryEmail: `owner${n}@c${n}.example` },
        source: 'api',
      }),
    );
    if (!c.ok) throw new Error(c.error.message);
    return c.value.id;
  });
  expect(w.changeClock({ advance: 'PT1H' }).ok).toBe(true);
  return { w, store, admin, ids };
};

describe('updateCustomer: packages its subscribers still hold stay (ORG-4)', () => {
  it('refuses to drop exactly the packages a subscriber of the customer holds, naming them in order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.subarray([...PACKAGES])), { maxLength: 12 }),
        fc.subarray([...PACKAGES], { minLength: 1 }),
        (subscribers, kept) => {
          const { w, store, admin, ids } = twoCustomers();
          // Subscribers of either customer, as stored; the other customer's must not count.
          store.apply(
            subscribers.map(([ours, packages], i) => ({
              op: 'put',
              collection: 'subscribers',
              value: { id: `s${i}`, customerId: ids[ours ? 0 : 1], packages } as Entity,
            })),
          );
          // The customer's own subscribers: those above, and its admin's, made as it was provisioned.
          const own = store
            .list('subscribers')
            .filter((s) => (s as unknown as { customerId: string }).customerId === ids[0])
            .map((s) => (s as unknown as { packages: readonly string[] }).packages);
          expect(own.length).toBeGreaterThanOrEqual(subscribers.filter(([ours]) => ours).length);
          const held = PACKAGES.filter(
            (p) => !kept.includes(p) && own.some((packages) => packages.includes(p)),
          );
          const r = w.transact((tx) => updateCustomer(tx, admin, ids[0]!, { packages: kept }));
          if (held.length === 0) expect(r.ok).toBe(true);
          else {
            expect(r.ok).toBe(false);
            if (!r.ok) expect(r.error.message).toContain(`${held.join(', ')} still assigned`);
          }
        },
      ),
      { numRuns: 60, endOnFailure: true },
    );
  });
});
