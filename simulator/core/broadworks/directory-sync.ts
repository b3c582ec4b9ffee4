import { z } from 'zod';
import { invalidFields } from '../kernel/errors.ts';
import { ownedBy } from '../kernel/ownership.ts';
import type { PartnerUser } from '../kernel/model.ts';
import { fail, ok, type Result } from '../kernel/result.ts';
import { stepApplies, transition } from '../kernel/state-table.ts';
import { parseWith } from '../kernel/validation.ts';
import type { WorldReader, WorldTx } from '../kernel/world-tx.ts';
import { delayMs } from '../sim/config.ts';
import { takeStepFault } from '../sim/fault-ops.ts';
import type {
  DirectorySync,
  DirectoryUser,
  Enterprise,
  SyncCounts,
  SyncedMachine,
  SyncStatus,
} from './model.ts';
import { syncErrors } from './sync-errors.ts';
import { SYNC_STATES } from './sync-states.ts';

/**
 * BroadWorks directory sync (FT-*; webex-broadworks.json "Directory Sync"). A sync puts the
 * enterprise's BroadWorks directory into Common Identity as external users, so that Webex users
 * find them: the directory's users who are not Webex users (no BroadWorks subscriber of the partner
 * has their user ID), and the enterprise's workspaces as machines. It runs on the virtual clock
 * (`directorySync` delay) and counts what it added, updated and deleted since the last sync.
 */
export const SYNC_STEP = 'broadworks.directorySync';

/** An enterprise's sync as stored, or as it is before anything happened: off, never synced. */
export const syncOf = (w: WorldReader, e: Enterprise): DirectorySync =>
  w.get('directorySyncs', e.id) ?? {
    id: e.id,
    partnerId: e.partnerId,
    enabled: false,
    status: 'NOT_SYNCED',
    errors: [],
    users: [],
    machines: [],
  };

const enterprise = (w: WorldReader, user: PartnerUser, id: string): Result<Enterprise> =>
  ownedBy(w, 'enterprises', id, user.partnerId, 'Enterprise');

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** Whether a BroadWorks user of the enterprise is a Webex user (a subscriber of the partner). */
const isWebexUser = (w: WorldReader, e: Enterprise, userId: string): boolean =>
  w
    .lookup('broadworksSubscribers', 'userId', userId.toLowerCase())
    .some((s) => s.partnerId === e.partnerId && s.spEnterpriseId === e.spEnterpriseId);

/** What Common Identity should hold for the enterprise now. */
const target = (w: WorldReader, e: Enterprise) => ({
  users: e.directory.filter((u) => !isWebexUser(w, e, u.userId)),
  machines: w
    .list('broadworksWorkspaces')
    .filter((x) => x.partnerId === e.partnerId && x.spEnterpriseId === e.spEnterpriseId)
    .map((x): SyncedMachine => ({ userId: x.userId, displayName: x.displayName })),
});

const diff = <T extends { readonly userId: string }>(
  was: readonly T[],
  now: readonly T[],
  equal: (a: T, b: T) => boolean,
) => {
  const before = new Map(was.map((x) => [x.userId.toLowerCase(), x]));
  const after = new Map(now.map((x) => [x.userId.toLowerCase(), x]));
  let added = 0;
  let updated = 0;
  for (const [k, x] of after) {
    const old = before.get(k);
    if (!old) added += 1;
    else if (!equal(old, x)) updated += 1;
  }
  const deleted = [...before.keys()].filter((k) => !after.has(k)).length;
  return { added, updated, deleted };
};

const sameUser = (a: DirectoryUser, b: DirectoryUser): boolean =>
  a.firstName === b.firstName && a.lastName === b.lastName;

const needEnabled = (e: Enterprise, s: DirectorySync): Result<DirectorySync> =>
  s.enabled ? ok(s) : fail(syncErrors.disabled({ spEnterpriseId: e.spEnterpriseId }));

/** `GET …/broadworksDirectorySync`. */
export const getSync = (w: WorldReader, user: PartnerUser, id: string): Result<DirectorySync> => {
  const e = enterprise(w, user, id);
  return e.ok ? ok(syncOf(w, e.value)) : e;
};

/** `PUT …/broadworksDirectorySync` `{enableDirSync}`: turns it on or off (a running sync still ends). */
export const setSync = (
  tx: WorldTx,
  user: PartnerUser,
  id: string,
  body: unknown,
): Result<DirectorySync> => {
  const e = enterprise(tx, user, id);
  if (!e.ok) return e;
  const input = parseWith(z.object({ enableDirSync: z.boolean() }), body);
  if (!input.ok) return input;
  const next = { ...syncOf(tx, e.value), enabled: input.value.enableDirSync };
  tx.put('directorySyncs', next);
  return ok(next);
};

const move = (s: DirectorySync, to: SyncStatus, what: string): Result<SyncStatus> =>
  transition(SYNC_STATES, s.status, to, what);

/** `POST …/broadworksDirectorySync` `{syncStatus: "SYNC_NOW"}`: a sync starts. */
export const triggerSync = (
  tx: WorldTx,
  user: PartnerUser,
  id: string,
  body: unknown,
  trackingId: string,
): Result<DirectorySync> => {
  const e = enterprise(tx, user, id);
  if (!e.ok) return e;
  const input = parseWith(z.object({ syncStatus: z.string() }), body);
  if (!input.ok) return input;
  if (input.value.syncStatus !== 'SYNC_NOW')
    return fail(
      invalidFields([
        syncErrors.onlySyncNow.at('syncStatus', { got: JSON.stringify(input.value.syncStatus) }),
      ]),
    );
  const s = needEnabled(e.value, syncOf(tx, e.value));
  if (!s.ok) return s;
  if (s.value.status === 'IN_PROGRESS')
    return fail(
      syncErrors.running({
        spEnterpriseId: e.value.spEnterpriseId,
        since: s.value.lastSyncStartTime ?? '',
      }),
    );
  const moved = move(s.value, 'IN_PROGRESS', 'Trigger Directory Sync');
  if (!moved.ok) return moved;
  const { lastSyncEndTime: _end, counts: _counts, ...rest } = s.value;
  const next: DirectorySync = {
    ...rest,
    status: 'IN_PROGRESS',
    lastSyncStartTime: tx.nowIso,
    lastSyncTrackingId: trackingId,
    errors: [],
  };
  tx.put('directorySyncs', next);
  tx.schedule(SYNC_STEP, tx.now + delayMs(tx.meta.config, 'directorySync', tx.now), {
    syncId: next.id,
    expect: 'IN_PROGRESS',
  });
  return ok(next);
};

/** The end of a sync: Common Identity takes the directory as it is now, or a step fault fails it. */
export const finishSyncStep = (tx: WorldTx, p: Readonly<Record<string, unknown>>): void => {
  const s = tx.get('directorySyncs', String(p.syncId));
  const e = tx.get('enterprises', String(p.syncId));
  if (!stepApplies(s, p) || !e) return;
  const fault = takeStepFault(tx, 'directorySync');
  const to: SyncStatus = fault ? 'FAILED' : 'COMPLETE';
  if (!move(s, to, 'Directory sync').ok) return;
  if (fault) {
    tx.put('directorySyncs', {
      ...s,
      status: to,
      lastSyncEndTime: tx.nowIso,
      errors: [{ errorCode: fault.errorCode, description: fault.description }],
    });
    return;
  }
  const now = target(tx, e);
  const users = diff(s.users, now.users, sameUser);
  const machines = diff(s.machines, now.machines, (a, b) => a.displayName === b.displayName);
  const counts: SyncCounts = {
    usersAdded: users.added,
    usersUpdated: users.updated,
    usersDeleted: users.deleted,
    machinesAdded: machines.added,
    machinesUpdated: machines.updated,
    machinesDeleted: machines.deleted,
  };
  tx.put('directorySyncs', {
    ...s,
    status: to,
    lastSyncEndTime: tx.nowIso,
    lastSuccessfulSyncTime: tx.nowIso,
    counts,
    users: now.users,
    machines: now.machines,
  });
};

export type UserSyncStatus = 'ADD' | 'UPDATE' | 'DELETE' | 'NO_OPERATION';

/**
 * `POST …/broadworksDirectorySync/externalUser` `{userId}`: syncs one user at once. `ADD` when the
 * directory has a non-Webex user Common Identity lacks, `UPDATE` when their name changed, `DELETE`
 * when Common Identity has someone the directory no longer has as a non-Webex user, otherwise
 * `NO_OPERATION`. A user neither in the directory nor synced is not found.
 */
export const syncUser = (
  tx: WorldTx,
  user: PartnerUser,
  id: string,
  body: unknown,
): Result<{ user: DirectoryUser; status: UserSyncStatus }> => {
  const e = enterprise(tx, user, id);
  if (!e.ok) return e;
  // The schema marks nothing required; the description names the user to sync, so it is needed.
  const input = parseWith(z.object({ userId: z.string().min(1, 'must not be empty') }), body);
  if (!input.ok) return input;
  const s = needEnabled(e.value, syncOf(tx, e.value));
  if (!s.ok) return s;
  const userId = input.value.userId;
  const inDirectory = e.value.directory.find((u) => same(u.userId, userId));
  const synced = s.value.users.find((u) => same(u.userId, userId));
  const external = inDirectory && !isWebexUser(tx, e.value, userId) ? inDirectory : undefined;
  const shown = inDirectory ?? synced;
  if (!shown)
    return fail(syncErrors.notInDirectory({ userId, spEnterpriseId: e.value.spEnterpriseId }));
  const status: UserSyncStatus = external
    ? !synced
      ? 'ADD'
      : sameUser(synced, external)
        ? 'NO_OPERATION'
        : 'UPDATE'
    : synced
      ? 'DELETE'
      : 'NO_OPERATION';
  if (status !== 'NO_OPERATION') {
    const others = s.value.users.filter((u) => !same(u.userId, userId));
    tx.put('directorySyncs', { ...s.value, users: external ? [...others, external] : others });
  }
  return ok({ user: shown, status });
};
