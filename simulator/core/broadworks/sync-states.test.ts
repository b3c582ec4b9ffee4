import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../store/memory-store.ts';
import { EVENT_HANDLERS, ON_COMMIT } from '../event-handlers.ts';
import type { PartnerUser } from '../kernel/model.ts';
import { ok } from '../kernel/result.ts';
import { canMove, illegalChanges, removal, transition } from '../kernel/state-table.ts';
import { World } from '../kernel/world.ts';
import { addFault } from '../sim/fault-ops.ts';
import { setSync, syncUser, triggerSync } from './directory-sync.ts';
import type { SyncStatus } from './model.ts';
import { deleteBroadWorks, provisionBroadWorks } from './subscribers.ts';
import { SYNC_STATES } from './sync-states.ts';
import { provisionWorkspace, removeWorkspace } from './workspaces.ts';

const ALL = SYNC_STATES.statuses;
// webex-broadworks.json `syncStatus` (NOT_SYNCED, IN_PROGRESS, COMPLETE in its examples; FAILED: errors[]).
const ALLOWED: [SyncStatus, SyncStatus][] = [
  ['NOT_SYNCED', 'IN_PROGRESS'],
  ['IN_PROGRESS', 'COMPLETE'],
  ['IN_PROGRESS', 'FAILED'],
  ['COMPLETE', 'IN_PROGRESS'],
  ['FAILED', 'IN_PROGRESS'],
];

describe('the directory sync state table, cell by cell', () => {
  it.each(ALL.flatMap((from) => ALL.map((to) => [from, to] as const)))('%s → %s', (from, to) => {
    const allowed = ALLOWED.some(([f, t]) => f === from && t === to);
    expect(canMove(SYNC_STATES, from, to)).toBe(allowed);
    const r = transition(SYNC_STATES, from, to, 'Test');
    expect(r.ok).toBe(allowed);
    if (!r.ok) expect(r.error).toMatchObject({ status: 409, errors: [{ errorCode: 1202 }] });
  });

  it.each(ALL)('removal from %s: never (enterprises stay)', (from) => {
    expect(removal(SYNC_STATES, from, 'Remove').ok).toBe(false);
  });
});

const setUp = () => {
  const w = new World(new MemoryStore(), {
    seed: 4,
    clock: { mode: 'frozen' },
    wallClock: () => 0,
    handlers: EVENT_HANDLERS,
    onCommit: ON_COMMIT,
  });
  const r = w.read();
  const user = r.list('users').find((u) => u.token === 'acme-admin')! as PartnerUser;
  const e = r.list('enterprises').find((x) => x.partnerId === user.partnerId)!;
  const pid = r
    .list('templates')
    .find((t) => t.partnerId === user.partnerId && t.offer === 'broadworks')!.provisioningId;
  return { w, user, e, pid };
};

type Op =
  | { readonly kind: 'toggle'; readonly on: boolean }
  | { readonly kind: 'trigger' }
  | { readonly kind: 'fault' }
  | { readonly kind: 'subscriber'; readonly pick: number }
  | { readonly kind: 'unsubscribe'; readonly pick: number }
  | { readonly kind: 'workspace'; readonly n: number }
  | { readonly kind: 'unworkspace'; readonly pick: number }
  | { readonly kind: 'user'; readonly pick: number }
  | { readonly kind: 'advance'; readonly seconds: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('toggle' as const), on: fc.boolean() }),
  fc.record({ kind: fc.constant('trigger' as const) }),
  fc.record({ kind: fc.constant('fault' as const) }),
  fc.record({ kind: fc.constant('subscriber' as const), pick: fc.nat(5) }),
  fc.record({ kind: fc.constant('unsubscribe' as const), pick: fc.nat(5) }),
  fc.record({ kind: fc.constant('workspace' as const), n: fc.nat(3) }),
  fc.record({ kind: fc.constant('unworkspace' as const), pick: fc.nat(3) }),
  fc.record({ kind: fc.constant('user' as const), pick: fc.nat(6) }),
  fc.record({ kind: fc.constant('advance' as const), seconds: fc.integer({ min: 0, max: 90 }) }),
);

describe('generated walks over directory sync (FT-1, SIM-1)', () => {
  it('every change is a cell of the table; a completed sync holds exactly the non-Webex directory users and the workspaces', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 10, maxLength: 40 }), (ops) => {
        const { w, user, e, pid } = setUp();
        const statuses = () =>
          new Map(
            w
              .read()
              .list('directorySyncs')
              .map((s) => [s.id, s.status] as const),
          );
        for (const o of ops) {
          const before = statuses();
          const subscribers = w.read().list('broadworksSubscribers');
          const workspaces = w.read().list('broadworksWorkspaces');
          if (o.kind === 'toggle') {
            w.transact((tx) => setSync(tx, user, e.id, { enableDirSync: o.on }));
          } else if (o.kind === 'trigger') {
            const r = w.transact((tx) =>
              triggerSync(tx, user, e.id, { syncStatus: 'SYNC_NOW' }, 'T'),
            );
            const s = w.read().get('directorySyncs', e.id);
            if (!r.ok) expect(s?.enabled !== true || before.get(e.id) === 'IN_PROGRESS').toBe(true);
          } else if (o.kind === 'fault') {
            w.transact((tx) => {
              addFault(tx, { on: 'directorySync', errorCode: 6003, description: 'x', times: 1 });
              return ok(undefined);
            });
          } else if (o.kind === 'subscriber') {
            const d = e.directory[o.pick % e.directory.length]!;
            w.transact((tx) =>
              provisionBroadWorks(tx, user, {
                provisioningId: pid,
                userId: d.userId,
                spEnterpriseId: e.spEnterpriseId,
                firstName: d.firstName,
                lastName: d.lastName,
                package: 'basic',
              }),
            );
          } else if (o.kind === 'unsubscribe') {
            const s = subscribers[o.pick % Math.max(subscribers.length, 1)];
            if (s) w.transact((tx) => deleteBroadWorks(tx, user.partnerId, s.id));
          } else if (o.kind === 'workspace') {
            w.transact((tx) =>
              provisionWorkspace(tx, user, {
                provisioningId: pid,
                userId: `room${o.n}@bw.example`,
                spEnterpriseId: e.spEnterpriseId,
                displayName: `Room ${o.n}`,
              }),
            );
          } else if (o.kind === 'unworkspace') {
            const x = workspaces[o.pick % Math.max(workspaces.length, 1)];
            if (x) w.transact((tx) => removeWorkspace(tx, user, x.id));
          } else if (o.kind === 'user') {
            const d = e.directory[o.pick % e.directory.length];
            w.transact((tx) => syncUser(tx, user, e.id, { userId: d?.userId ?? 'nobody' }));
          } else {
            expect(w.changeClock({ advance: `PT${o.seconds}S` }).ok).toBe(true);
          }
          const after = statuses();
          expect(illegalChanges(SYNC_STATES, before, after, ['NOT_SYNCED'])).toEqual([]);
          const s = w.read().get('directorySyncs', e.id);
          if (!s) continue;
          // In progress exactly while its step waits; counts only after a completed sync.
          const pending = w
            .read()
            .list('events')
            .some((x) => x.payload.syncId === e.id);
          expect(s.status === 'IN_PROGRESS').toBe(pending);
          expect(s.counts !== undefined).toBe(s.status === 'COMPLETE');
          expect(s.errors.length > 0).toBe(s.status === 'FAILED');
          if (
            o.kind === 'advance' &&
            before.get(e.id) === 'IN_PROGRESS' &&
            s.status === 'COMPLETE'
          ) {
            const webex = new Set(
              w
                .read()
                .list('broadworksSubscribers')
                .map((x) => x.userId),
            );
            expect(s.users.map((u) => u.userId).sort()).toEqual(
              e.directory
                .filter((u) => !webex.has(u.userId))
                .map((u) => u.userId)
                .sort(),
            );
            expect(s.machines.map((m) => m.userId).sort()).toEqual(
              w
                .read()
                .list('broadworksWorkspaces')
                .map((x) => x.userId)
                .sort(),
            );
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
