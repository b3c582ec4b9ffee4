import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../store/memory-store.ts';
import { EVENT_HANDLERS } from '../event-handlers.ts';
import type { PartnerUser } from '../kernel/model.ts';
import { canMove, illegalChanges, removal, transition } from '../kernel/state-table.ts';
import { World } from '../kernel/world.ts';
import { addFault } from '../sim/fault-ops.ts';
import { CUSTOMER_STATES } from './customer-states.ts';
import {
  deleteCustomer,
  provisionCustomer,
  updateCustomer,
  type NewCustomer,
} from './customers.ts';
import type { CustomerStatus } from './model.ts';

const newWorld = () =>
  new World(new MemoryStore(), {
    seed: 1,
    clock: { mode: 'frozen' },
    wallClock: () => 0,
    handlers: EVENT_HANDLERS,
  });
const admin = (w: World): PartnerUser =>
  w
    .read()
    .list('users')
    .find((u) => u.token === 'acme-admin')!;
const ADDRESS = { addressLine1: '1 Main St', city: 'Milpitas', country: 'US' };

const newCustomer = (
  w: World,
  n: number,
  packages: string[] = ['webex_meetings'],
): NewCustomer => ({
  provisioningId: w
    .read()
    .list('templates')
    .find((t) => t.offer === 'wholesale' && t.partnerId === admin(w).partnerId)!.provisioningId,
  packages,
  externalId: `ext-${n}`,
  address: ADDRESS,
  customerInfo: { name: `Customer ${n}`, primaryEmail: `owner${n}@c${n}.example` },
  source: 'api',
});

const statuses = (w: World) =>
  new Map(
    w
      .read()
      .list('customers')
      .map((c) => [c.id, c.status] as const),
  );
const advance = (w: World, d: string) => expect(w.changeClock({ advance: d }).ok).toBe(true);

// webex-wholesale.json `Customer.status` and api.md "/v1: the Webex APIs": the whole table.
const ALLOWED: [CustomerStatus, CustomerStatus][] = [
  ['provisioning', 'provisioned'],
  ['provisioning', 'provisioned_with_errors'],
  ['provisioning', 'error'],
  ['provisioning', 'pending_rpl_review'],
  ['provisioning', 'deleting'],
  ['pending_rpl_review', 'provisioning'],
  ['pending_rpl_review', 'deleting'],
  ['provisioned', 'updating'],
  ['provisioned', 'deleting'],
  ['provisioned_with_errors', 'updating'],
  ['provisioned_with_errors', 'deleting'],
  ['updating', 'provisioned'],
  ['updating', 'provisioned_with_errors'],
  ['updating', 'error'],
  ['updating', 'deleting'],
  ['error', 'updating'],
  ['error', 'deleting'],
];
const ALL = CUSTOMER_STATES.statuses;

describe('the customer state table, cell by cell', () => {
  it.each(ALL.flatMap((from) => ALL.map((to) => [from, to] as const)))('%s → %s', (from, to) => {
    const allowed = ALLOWED.some(([f, t]) => f === from && t === to);
    expect(canMove(CUSTOMER_STATES, from, to)).toBe(allowed);
    const r = transition(CUSTOMER_STATES, from, to, 'Test');
    expect(r.ok).toBe(allowed);
    if (!r.ok) expect(r.error).toMatchObject({ status: 409, errors: [{ errorCode: 1202 }] });
  });

  it.each(ALL)('removal from %s', (from) => {
    expect(removal(CUSTOMER_STATES, from, 'Remove').ok).toBe(from === 'deleting');
  });
});

describe('customer moves through the domain', () => {
  it('provisioning → provisioned after the delay; → updating by PUT; → provisioned again', () => {
    const w = newWorld();
    const c = w.transact((tx) => provisionCustomer(tx, admin(w), newCustomer(w, 1)));
    expect(c.ok && c.value.status).toBe('provisioning');
    const id = c.ok ? c.value.id : '';
    advance(w, 'PT5M');
    expect(statuses(w).get(id)).toBe('provisioned');
    const u = w.transact((tx) =>
      updateCustomer(tx, admin(w), id, { packages: ['webex_meetings', 'common_area_calling'] }),
    );
    expect(u.ok && u.value.status).toBe('updating');
    advance(w, 'PT2M');
    expect(statuses(w).get(id)).toBe('provisioned');
  });

  it('a step fault ends provisioning in error; PUT retries from error', () => {
    const w = newWorld();
    w.transact((tx) => {
      addFault(tx, { on: 'customer', errorCode: 4003, description: 'No calling' });
      return { ok: true, value: undefined };
    });
    const c = w.transact((tx) => provisionCustomer(tx, admin(w), newCustomer(w, 1)));
    const id = c.ok ? c.value.id : '';
    advance(w, 'PT5M');
    expect(w.read().get('customers', id)).toMatchObject({
      status: 'error',
      errors: [{ errorCode: 4003, description: 'No calling' }],
    });
    const u = w.transact((tx) =>
      updateCustomer(tx, admin(w), id, { packages: ['webex_meetings'] }),
    );
    expect(u.ok && u.value.status).toBe('updating');
  });

  it('a customer deleted while provisioning is never provisioned (the step expects provisioning)', () => {
    const w = newWorld();
    const c = w.transact((tx) => provisionCustomer(tx, admin(w), newCustomer(w, 1)));
    const id = c.ok ? c.value.id : '';
    advance(w, 'PT4M30S');
    expect(w.transact((tx) => deleteCustomer(tx, admin(w), id)).ok).toBe(true);
    const seen: (CustomerStatus | undefined)[] = [];
    for (let i = 0; i < 8; i++) {
      advance(w, 'PT10S');
      seen.push(statuses(w).get(id));
    }
    expect(seen).not.toContain('provisioned');
    expect(seen.at(-1)).toBeUndefined();
    // Its full administrator was never made either.
    expect(
      w
        .read()
        .list('subscribers')
        .filter((s) => s.customerId === id),
    ).toEqual([]);
  });

  it('refuses what its status forbids: PUT while provisioning, DELETE while deleting', () => {
    const w = newWorld();
    const c = w.transact((tx) => provisionCustomer(tx, admin(w), newCustomer(w, 1)));
    const id = c.ok ? c.value.id : '';
    const put = w.transact((tx) =>
      updateCustomer(tx, admin(w), id, { packages: ['webex_meetings'] }),
    );
    expect(put).toMatchObject({ ok: false, error: { status: 409 } });
    expect(w.transact((tx) => deleteCustomer(tx, admin(w), id)).ok).toBe(true);
    const again = w.transact((tx) => deleteCustomer(tx, admin(w), id));
    expect(again).toMatchObject({
      ok: false,
      error: { status: 409, errors: [{ errorCode: 1202 }] },
    });
  });
});

type Op =
  | { readonly kind: 'provision'; readonly calling: boolean }
  | { readonly kind: 'update'; readonly pick: number; readonly suite: boolean }
  | { readonly kind: 'delete'; readonly pick: number }
  | { readonly kind: 'fault' }
  | { readonly kind: 'advance'; readonly seconds: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('provision' as const), calling: fc.boolean() }),
  fc.record({ kind: fc.constant('update' as const), pick: fc.nat(3), suite: fc.boolean() }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat(3) }),
  fc.record({ kind: fc.constant('fault' as const) }),
  fc.record({ kind: fc.constant('advance' as const), seconds: fc.integer({ min: 0, max: 120 }) }),
);

describe('generated walks over the customer table', () => {
  it('every change is a cell of the table; deleted customers never come back; provisioned ones have their admin', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 10, maxLength: 40 }), (ops) => {
        const w = newWorld();
        const user = admin(w);
        const deleted = new Set<string>();
        let n = 0;
        for (const o of ops) {
          const before = statuses(w);
          const ids = [...before.keys()];
          // Mostly the newest customers, so steps race with the requests that follow them.
          const pick = (i: number) => ids[ids.length - 1 - (i % Math.max(ids.length, 1))] ?? 'none';
          if (o.kind === 'provision') {
            n += 1;
            const packages = o.calling ? ['webex_meetings', 'webex_calling'] : ['webex_meetings'];
            const cmd = newCustomer(w, n, packages);
            const calling = o.calling
              ? {
                  callingLocation: {
                    name: 'HQ',
                    address: ADDRESS,
                    timezone: 'America/New_York',
                    language: 'en_US',
                  },
                }
              : {};
            w.transact((tx) => provisionCustomer(tx, user, { ...cmd, ...calling }));
          } else if (o.kind === 'update') {
            const packages = o.suite ? ['webex_meetings', 'webex_suite'] : ['webex_meetings'];
            w.transact((tx) => updateCustomer(tx, user, pick(o.pick), { packages }));
          } else if (o.kind === 'delete') {
            const r = w.transact((tx) => deleteCustomer(tx, user, pick(o.pick)));
            if (r.ok) deleted.add(r.value.id);
          } else if (o.kind === 'fault') {
            w.transact((tx) => {
              addFault(tx, { on: 'customer', errorCode: 4001, description: 'fault', times: 1 });
              return { ok: true, value: undefined };
            });
          } else {
            advance(w, `PT${o.seconds}S`);
          }
          const after = statuses(w);
          expect(illegalChanges(CUSTOMER_STATES, before, after, ['provisioning'])).toEqual([]);
          for (const id of deleted) expect(['deleting', undefined]).toContain(after.get(id));
          for (const c of w.read().list('customers')) {
            if (c.status !== 'provisioned') continue;
            const adminUser = w
              .read()
              .list('subscribers')
              .find((s) => s.customerId === c.id && s.role === 'full_admin');
            expect(adminUser?.email).toBe(c.primaryEmail);
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});
