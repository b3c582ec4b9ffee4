import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../store/memory-store.ts';
import { EVENT_HANDLERS } from '../event-handlers.ts';
import { notFound } from '../kernel/errors.ts';
import type { PartnerUser } from '../kernel/model.ts';
import { fail, ok } from '../kernel/result.ts';
import { illegalChanges } from '../kernel/state-table.ts';
import { World } from '../kernel/world.ts';
import { addFault } from '../sim/fault-ops.ts';
import { selfActivate } from './activation.ts';
import { BW_STATES, canMove, transition, TRANSITIONS } from './states.ts';
import {
  acceptBroadWorksConsent,
  deleteBroadWorks,
  provisionBroadWorks,
  updateBroadWorks,
  verifyEmail,
} from './subscribers.ts';
import { changePackage, retryActivation } from './user-status.ts';
import type { BroadWorksStatus } from './model.ts';

const ALL = Object.keys(TRANSITIONS) as BroadWorksStatus[];

// rules.md, "Sim: BroadWorks subscriber transitions": the whole table, and nothing else.
const ALLOWED: [BroadWorksStatus, BroadWorksStatus][] = [
  ['pending_email_input', 'pending_email_validation'],
  ['pending_email_input', 'error'],
  ['pending_email_validation', 'provisioning'],
  ['pending_email_validation', 'pending_user_migration'],
  ['pending_email_validation', 'pending_email_validation'],
  ['pending_user_migration', 'provisioning'],
  ['pending_user_migration', 'pending_email_validation'],
  ['provisioning', 'provisioned'],
  ['provisioning', 'error'],
  ['provisioned', 'updating'],
  ['updating', 'provisioned'],
  ['updating', 'error'],
  ['error', 'pending_email_validation'],
  ['error', 'error'],
];

describe('BroadWorks transition table', () => {
  it.each(ALL.flatMap((from) => ALL.map((to) => [from, to] as const)))('%s → %s', (from, to) => {
    const allowed = ALLOWED.some(([f, t]) => f === from && t === to);
    expect(canMove(from, to)).toBe(allowed);
    const r = transition(from, to, 'Test');
    expect(r.ok).toBe(allowed);
    if (!r.ok) expect(r.error).toMatchObject({ status: 409, errors: [{ errorCode: 1202 }] });
  });
});

const setUp = () => {
  const w = new World(new MemoryStore(), {
    seed: 5,
    clock: { mode: 'frozen' },
    wallClock: () => 0,
    handlers: EVENT_HANDLERS,
  });
  const r = w.read();
  const user: PartnerUser = r.list('users').find((u) => u.token === 'acme-admin')!;
  const mine = r.list('templates').filter((t) => t.partnerId === user.partnerId);
  const untrusted = mine.find((t) => t.userVerification?.emailTrust === 'untrusted')!;
  const trusted = mine.find((t) => t.userVerification?.emailTrust === 'trusted')!;
  const enterprise = r.list('enterprises').find((e) => e.partnerId === user.partnerId)!;
  return { w, user, untrusted, trusted, enterprise };
};

type Op =
  | { kind: 'provision'; trusted: boolean; email: number; user: number }
  | { kind: 'portal'; user: number; email: number }
  | { kind: 'verify' | 'consent' | 'fault' }
  | { kind: 'retry' | 'update' | 'package' | 'delete'; pick: number; email: number }
  | { kind: 'advance'; seconds: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('provision' as const),
    trusted: fc.boolean(),
    email: fc.nat(4),
    user: fc.nat(5),
  }),
  fc.record({ kind: fc.constant('portal' as const), user: fc.nat(5), email: fc.nat(4) }),
  fc.record({ kind: fc.constantFrom('verify' as const, 'consent' as const, 'fault' as const) }),
  fc.record({
    kind: fc.constantFrom(
      'retry' as const,
      'update' as const,
      'package' as const,
      'delete' as const,
    ),
    pick: fc.nat(5),
    email: fc.nat(4),
  }),
  fc.record({ kind: fc.constant('advance' as const), seconds: fc.integer({ min: 0, max: 60 }) }),
);

describe('generated walks over the BroadWorks table', () => {
  it('every status change is a cell of the table; emails and user ids stay unique', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 5, maxLength: 40 }), (ops) => {
        const { w, user, untrusted, trusted, enterprise } = setUp();
        const emailOf = (i: number) =>
          i === 4 ? w.read().meta.freeAccounts[0]! : `user${i}@bw.example`;
        for (const o of ops) {
          const list = () => w.read().list('broadworksSubscribers');
          const before = new Map(list().map((s) => [s.id, s.status] as const));
          const pick = (i: number) => list()[list().length - 1 - (i % Math.max(list().length, 1))];
          const directoryUser = (i: number) =>
            enterprise.directory[i % enterprise.directory.length]!;
          if (o.kind === 'provision') {
            const d = directoryUser(o.user);
            w.transact((tx) =>
              provisionBroadWorks(tx, user, {
                provisioningId: (o.trusted ? trusted : untrusted).provisioningId,
                userId: d.userId,
                spEnterpriseId: enterprise.spEnterpriseId,
                firstName: d.firstName,
                lastName: d.lastName,
                package: 'standard',
                ...(o.trusted || o.email < 2 ? { email: emailOf(o.email) } : {}),
              }),
            );
          } else if (o.kind === 'portal') {
            w.transact((tx) =>
              selfActivate(tx, untrusted.activationLinkId!, {
                userId: directoryUser(o.user).userId,
                email: emailOf(o.email),
              }),
            );
          } else if (o.kind === 'verify') {
            const token = list().find((s) => s.verifyToken)?.verifyToken;
            if (token) w.transact((tx) => verifyEmail(tx, token));
          } else if (o.kind === 'consent') {
            const token = list().find((s) => s.consentToken)?.consentToken;
            if (token)
              w.transact((tx) => acceptBroadWorksConsent(tx, token) ?? fail(notFound('x')));
          } else if (o.kind === 'fault') {
            w.transact((tx) => {
              addFault(tx, {
                on: 'broadworksSubscriber',
                errorCode: 9,
                description: 'x',
                times: 1,
              });
              return ok(undefined);
            });
          } else if (o.kind === 'advance') {
            w.changeClock({ advance: `PT${o.seconds}S` });
          } else if ('pick' in o) {
            const s = pick(o.pick);
            if (!s) continue;
            const t = s.templateId === trusted.id ? trusted : untrusted;
            w.transact((tx) =>
              o.kind === 'retry'
                ? retryActivation(tx, t, s.id, { email: emailOf(o.email) })
                : o.kind === 'package'
                  ? changePackage(tx, user, t, s.id, { package: 'premium' })
                  : o.kind === 'update'
                    ? updateBroadWorks(tx, user, s.id, { firstName: `N${o.email}` })
                    : deleteBroadWorks(tx, user.partnerId, s.id),
            );
          }
          const after = new Map(list().map((s) => [s.id, s.status] as const));
          expect(illegalChanges(BW_STATES, before, after, BW_STATES.statuses)).toEqual([]);
          const emails = list().flatMap((s) => (s.email ? [s.email.toLowerCase()] : []));
          expect(new Set(emails).size).toBe(emails.length);
          const ids = list().map((s) => s.userId.toLowerCase());
          expect(new Set(ids).size).toBe(ids.length);
        }
      }),
      { numRuns: 80 },
    );
  });
});
