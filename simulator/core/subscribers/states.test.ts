import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../store/memory-store.ts';
import { EVENT_HANDLERS } from '../event-handlers.ts';
import type { PartnerUser } from '../kernel/model.ts';
import { canMove, illegalChanges, removal, transition } from '../kernel/state-table.ts';
import { World } from '../kernel/world.ts';
import { provisionCustomer } from '../organisations/customers.ts';
import { lostServices, type PackageName } from '../organisations/packages.ts';
import { addFault } from '../sim/fault-ops.ts';
import { addUsers, changeSubscriber, provisionSubscriber, removeSubscriber } from './commands.ts';
import { acceptConsent } from './consent.ts';
import { importUsersCsv } from './csv-import.ts';
import type { WholesaleSubscriberStatus } from './model.ts';
import { basePackage } from './rules.ts';
import { SUBSCRIBER_STATES } from './states.ts';

const ALLOWED: [WholesaleSubscriberStatus, WholesaleSubscriberStatus][] = [
  ['pending_user_migration', 'provisioned'],
  ['provisioned', 'provisioned'],
];
const ALL = SUBSCRIBER_STATES.statuses;

describe('the wholesale subscriber state table, cell by cell', () => {
  it.each(ALL.flatMap((from) => ALL.map((to) => [from, to] as const)))('%s → %s', (from, to) => {
    const allowed = ALLOWED.some(([f, t]) => f === from && t === to);
    expect(canMove(SUBSCRIBER_STATES, from, to)).toBe(allowed);
    expect(transition(SUBSCRIBER_STATES, from, to, 'Test').ok).toBe(allowed);
  });

  it.each(ALL)('removal from %s', (from) => {
    expect(removal(SUBSCRIBER_STATES, from, 'Remove').ok).toBe(true);
  });
});

const ADDRESS = { addressLine1: '1 Main St', city: 'Milpitas', country: 'US' };

/** A world with one provisioned customer (meetings and calling) and its full administrator. */
const setUp = () => {
  const w = new World(new MemoryStore(), {
    seed: 3,
    clock: { mode: 'frozen' },
    wallClock: () => 0,
    handlers: EVENT_HANDLERS,
  });
  const user: PartnerUser = w
    .read()
    .list('users')
    .find((u) => u.token === 'acme-admin')!;
  const pid = w
    .read()
    .list('templates')
    .find((t) => t.offer === 'wholesale' && t.partnerId === user.partnerId)!.provisioningId;
  const c = w.transact((tx) =>
    provisionCustomer(tx, user, {
      provisioningId: pid,
      packages: ['webex_suite', 'webex_meetings', 'webex_calling'],
      externalId: 'x',
      address: ADDRESS,
      customerInfo: { name: 'Walk Co', primaryEmail: 'boss@walk.example' },
      callingLocation: { name: 'HQ', address: ADDRESS, timezone: 'UTC', language: 'en_US' },
      source: 'api',
    }),
  );
  if (!c.ok) throw new Error(c.error.message);
  w.changeClock({ advance: 'PT5M' });
  return { w, user, customerId: c.value.id };
};

const EMAILS = ['boss@walk.example', 'a@walk.example', 'b@walk.example', 'c@walk.example'];
const PACKAGES: PackageName[] = ['webex_suite', 'webex_meetings', 'webex_calling'];
const free = (w: World) => w.read().meta.freeAccounts[0]!;

type Op =
  | { kind: 'v1'; email: number; pkg: number; ext: number }
  | { kind: 'add'; email: number; pkg: number; ext: number }
  | { kind: 'csv'; email: number; pkg: number; on: boolean }
  | { kind: 'change'; pick: number; pkg: number; ext: number }
  | { kind: 'remove'; pick: number }
  | { kind: 'consent' }
  | { kind: 'fault' };

const idx = (n: number) => fc.nat(n);
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('v1' as const), email: idx(4), pkg: idx(2), ext: idx(3) }),
  fc.record({ kind: fc.constant('add' as const), email: idx(4), pkg: idx(2), ext: idx(3) }),
  fc.record({ kind: fc.constant('csv' as const), email: idx(4), pkg: idx(2), on: fc.boolean() }),
  fc.record({ kind: fc.constant('change' as const), pick: idx(4), pkg: idx(2), ext: idx(3) }),
  fc.record({ kind: fc.constant('remove' as const), pick: idx(4) }),
  fc.record({ kind: fc.constant('consent' as const) }),
  fc.record({ kind: fc.constant('fault' as const) }),
);

const CSV_COLUMN: Record<string, string> = {
  webex_suite: 'Webex Suite [Wholesale]',
  webex_meetings: 'Webex Meetings [Wholesale]',
  webex_calling: 'Webex Calling [Wholesale]',
};

describe('generated walks through every door of the subscriber rule set', () => {
  it('statuses move only by the table; emails, numbers stay unique; the full administrator keeps its package', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 5, maxLength: 30 }), (ops) => {
        const { w, user, customerId } = setUp();
        const emailOf = (i: number) => (i === 4 ? free(w) : EMAILS[i]!);
        const adminBase = () =>
          basePackage(
            w
              .read()
              .list('subscribers')
              .find((s) => s.role === 'full_admin')!.packages,
          );
        const firstAdminBase = adminBase()!;
        for (const o of ops) {
          const list = () => w.read().list('subscribers');
          const before = new Map(list().map((s) => [s.id, s.status] as const));
          const pick = (i: number) => list()[i % list().length]?.id ?? 'none';
          if (o.kind === 'v1' || o.kind === 'add') {
            const cmd = {
              email: emailOf(o.email),
              packages: [PACKAGES[o.pkg]!],
              extension: `20${o.ext}`,
              locationId: w.read().get('customers', customerId)!.callingLocationId,
            };
            if (o.kind === 'v1')
              w.transact((tx) =>
                provisionSubscriber(tx, user, { ...cmd, customerId, defaultLocation: true }),
              );
            else w.transact((tx) => addUsers(tx, user, customerId, [cmd]));
          } else if (o.kind === 'csv') {
            const col = CSV_COLUMN[PACKAGES[o.pkg]!]!;
            const csv = `User ID/Email (Required),Extension,Location,${col}\n${emailOf(o.email)},30${o.pkg},HQ,${o.on ? 'TRUE' : 'FALSE'}\n`;
            w.transact((tx) =>
              importUsersCsv(tx, user, customerId, new TextEncoder().encode(csv), 'default'),
            );
          } else if (o.kind === 'change') {
            w.transact((tx) =>
              changeSubscriber(tx, user, pick(o.pick), {
                packages: [PACKAGES[o.pkg]!],
                extension: `40${o.ext}`,
              }),
            );
          } else if (o.kind === 'remove') {
            w.transact((tx) => removeSubscriber(tx, user, pick(o.pick)));
          } else if (o.kind === 'consent') {
            const token = list().find((s) => s.consentToken)?.consentToken;
            if (token) w.transact((tx) => acceptConsent(tx, token));
          } else {
            w.transact((tx) => {
              addFault(tx, { on: 'subscriber', errorCode: 7001, description: 'pkg', times: 1 });
              return { ok: true, value: undefined };
            });
          }
          const after = new Map(list().map((s) => [s.id, s.status] as const));
          expect(illegalChanges(SUBSCRIBER_STATES, before, after, ALL)).toEqual([]);
          const emails = list().map((s) => s.email.toLowerCase());
          expect(new Set(emails).size).toBe(emails.length);
          const exts = list().flatMap((s) => (s.extension ? [s.extension] : []));
          expect(new Set(exts).size).toBe(exts.length);
          const admins = list().filter((s) => s.role === 'full_admin');
          expect(admins).toHaveLength(1);
          expect(lostServices(firstAdminBase, adminBase()!)).toEqual([]);
        }
      }),
      { numRuns: 80 },
    );
  });
});
