import { describe, expect, it } from 'vitest';
import type { TestApp } from '../../../adapters/testing.ts';
import { bwBody, bwWorld } from '../../../../test/fixtures/broadworks.ts';
import { ciscoRequestExample } from '../../../../test/fixtures/cisco-examples.ts';
import { ADMIN, advance } from '../../../../test/fixtures/wholesale.ts';
import { createValidatingApp } from '../../../../test/openapi/validating-app.ts';
import { validateV1Response } from '../../../../test/openapi/validate-response.ts';

const SYNC = '/v1/broadworks/enterprises/{id}/broadworksDirectorySync';
const state = (t: TestApp) => JSON.stringify(t.store.dump());

/** Acme's first enterprise, its sync path and its directory. */
const acme = async (t: TestApp) => {
  const w = await bwWorld(t);
  const e = (await t.call('GET', '/v1/broadworks/enterprises', ADMIN)).body.items[0];
  const path = SYNC.replace('{id}', e.id);
  return { ...w, enterprise: e, path };
};
const status = async (t: TestApp, path: string) => (await t.call('GET', path, ADMIN)).body;
const enable = (t: TestApp, path: string) =>
  t.call('PUT', path, { ...ADMIN, json: ciscoRequestExample('PUT', SYNC) });
const trigger = (t: TestApp, path: string) =>
  t.call('POST', path, { ...ADMIN, json: ciscoRequestExample('POST', SYNC) });

describe('GET /v1/broadworks/enterprises: orgId, provisioningId and the sync (webex-broadworks.json)', () => {
  it("lists each enterprise with its org (same uuid as the enterprise, as in Cisco's example) and template", async () => {
    const t = createValidatingApp();
    const r = await t.call('GET', '/v1/broadworks/enterprises', ADMIN);
    const world = (await t.call('GET', '/sim/world')).body.partners[0];
    const broadworks = world.templates
      .filter((x: { offer: string }) => x.offer === 'broadworks')
      .map((x: { provisioningId: string }) => x.provisioningId);
    for (const e of r.body.items) {
      expect(validateV1Response('GET', '/v1/broadworks/enterprises', 200, e)).toEqual({ ok: true });
      const uuid = (id: string) => atob(id.replace(/-/g, '+').replace(/_/g, '/')).split('/').pop();
      expect(atob(e.orgId.replace(/-/g, '+').replace(/_/g, '/'))).toMatch(/\/ORGANIZATION\//);
      expect(uuid(e.orgId)).toBe(uuid(e.id));
      expect(broadworks).toContain(e.provisioningId);
      expect(e.broadworksDirectorySync).toEqual({
        enableDirSync: false,
        directorySyncStatus: { syncStatus: 'NOT_SYNCED' },
      });
    }
  });

  it('a subscriber naming an spEnterpriseId the partner lacks creates that enterprise (flow-through)', async () => {
    const t = createValidatingApp();
    const w = await bwWorld(t);
    const s = await t.call('POST', '/v1/broadworks/subscribers', {
      ...ADMIN,
      json: bwBody(w.untrusted.provisioningId, 'Reseller1+acme'),
    });
    expect(s.status).toBe(200);
    const made = (
      await t.call('GET', '/v1/broadworks/enterprises?spEnterpriseId=Reseller1%2Bacme', ADMIN)
    ).body.items;
    expect(made).toEqual([
      expect.objectContaining({
        spEnterpriseId: 'Reseller1+acme',
        provisioningId: w.untrusted.provisioningId,
        orgId: expect.any(String),
      }),
    ]);
    // Once: a second subscriber of it reuses it. Another partner neither sees it nor is blocked by it.
    await t.call('POST', '/v1/broadworks/subscribers', {
      ...ADMIN,
      json: bwBody(w.untrusted.provisioningId, 'Reseller1+acme', { userId: 'two@bw.example' }),
    });
    expect(
      (await t.call('GET', '/v1/broadworks/enterprises?startsWith=Reseller1', ADMIN)).body.items,
    ).toHaveLength(1);
    expect(
      (
        await t.call('GET', '/v1/broadworks/enterprises?startsWith=Reseller1', {
          token: 'globex-admin',
        })
      ).body.items,
    ).toEqual([]);
    // A refused subscriber makes no enterprise.
    const before = state(t);
    const refused = await t.call('POST', '/v1/broadworks/subscribers', {
      ...ADMIN,
      json: bwBody(w.untrusted.provisioningId, 'Other+co', { package: 'gold' }),
    });
    expect(refused.status).toBe(400);
    expect(state(t)).toBe(before);
  });
});

describe('directory sync (webex-broadworks.json; FT-1, SIM-1)', () => {
  it("Cisco's examples: enable, trigger (IN_PROGRESS), then COMPLETE after the directorySync delay with what it added", async () => {
    const t = createValidatingApp();
    const a = await acme(t);
    const on = await enable(t, a.path);
    expect(on.status).toBe(200);
    expect(on.body).toEqual({
      enableDirSync: true,
      directorySyncStatus: { syncStatus: 'NOT_SYNCED' },
    });
    const started = await trigger(t, a.path);
    expect(started.status).toBe(200);
    expect(started.body).toEqual({
      enableDirSync: true,
      directorySyncStatus: { syncStatus: 'IN_PROGRESS' },
    });
    const running = await status(t, a.path);
    expect(running.directorySyncStatus).toMatchObject({
      syncStatus: 'IN_PROGRESS',
      lastSyncStartTime: '2026-01-01T00:00:00.000Z',
      lastSyncTrackingId: started.headers.get('trackingid'),
    });
    const again = await trigger(t, a.path);
    expect(again.status).toBe(409);
    expect(again.body.errors[0]).toMatchObject({ errorCode: 1200 });
    await advance(t, 'PT59S');
    expect((await status(t, a.path)).directorySyncStatus.syncStatus).toBe('IN_PROGRESS');
    await advance(t, 'PT1S');
    expect(await status(t, a.path)).toEqual({
      enableDirSync: true,
      directorySyncStatus: {
        syncStatus: 'COMPLETE',
        lastSyncStartTime: '2026-01-01T00:00:00.000Z',
        lastSyncEndTime: '2026-01-01T00:01:00.000Z',
        lastSuccessfulSyncTime: '2026-01-01T00:01:00.000Z',
        lastSyncTrackingId: started.headers.get('trackingid'),
        usersAdded: a.directory.length,
        usersUpdated: 0,
        usersDeleted: 0,
        machinesAdded: 0,
        machinesUpdated: 0,
        machinesDeleted: 0,
        totalExternalUsersInCI: a.directory.length,
        totalExternalMachinesInCI: 0,
      },
    });
    // The enterprise list shows the same.
    const listed = (await t.call('GET', '/v1/broadworks/enterprises', ADMIN)).body.items[0];
    expect(listed.broadworksDirectorySync).toEqual(await status(t, a.path));
  });

  it('counts what changed since the last sync: a user who became a Webex user leaves, a workspace arrives', async () => {
    const t = createValidatingApp();
    const a = await acme(t);
    await enable(t, a.path);
    await trigger(t, a.path);
    await advance(t, 'PT1M');
    const moved = a.directory[0]!;
    await t.call('POST', '/v1/broadworks/subscribers', {
      ...ADMIN,
      json: bwBody(a.untrusted.provisioningId, a.spEnterpriseId, { userId: moved.userId }),
    });
    const ws = ciscoRequestExample('POST', '/v1/broadworks/workspaces');
    await t.call('POST', '/v1/broadworks/workspaces', {
      ...ADMIN,
      json: { ...ws, provisioningId: a.untrusted.provisioningId, spEnterpriseId: a.spEnterpriseId },
    });
    await trigger(t, a.path);
    await advance(t, 'PT1M');
    expect((await status(t, a.path)).directorySyncStatus).toMatchObject({
      syncStatus: 'COMPLETE',
      usersAdded: 0,
      usersDeleted: 1,
      machinesAdded: 1,
      totalExternalUsersInCI: a.directory.length - 1,
      totalExternalMachinesInCI: 1,
    });
    await trigger(t, a.path);
    await advance(t, 'PT1M');
    expect((await status(t, a.path)).directorySyncStatus).toMatchObject({
      usersAdded: 0,
      usersDeleted: 0,
      machinesAdded: 0,
    });
  });

  it('a step fault on directorySync ends the sync FAILED with its error; Common Identity keeps what it had', async () => {
    const t = createValidatingApp();
    const a = await acme(t);
    await enable(t, a.path);
    await trigger(t, a.path);
    await advance(t, 'PT1M');
    await t.call('POST', '/sim/faults', {
      json: {
        on: 'directorySync',
        errorCode: 6003,
        description:
          'Broadworks External Directory User Sync failed while trying to connect to Broadworks cluster.',
        times: 1,
      },
    });
    await advance(t, 'PT1H');
    await trigger(t, a.path);
    await advance(t, 'PT1M');
    const failed = (await status(t, a.path)).directorySyncStatus;
    expect(failed).toMatchObject({
      syncStatus: 'FAILED',
      lastSyncStartTime: '2026-01-01T01:01:00.000Z',
      lastSyncEndTime: '2026-01-01T01:02:00.000Z',
      lastSuccessfulSyncTime: '2026-01-01T00:01:00.000Z',
      totalExternalUsersInCI: a.directory.length,
      errors: [{ errorCode: 6003, description: expect.stringMatching(/cluster/) }],
    });
    expect(failed.usersAdded).toBeUndefined();
    // A retry succeeds.
    await trigger(t, a.path);
    await advance(t, 'PT1M');
    expect((await status(t, a.path)).directorySyncStatus.syncStatus).toBe('COMPLETE');
  });

  it('disabled: trigger and user sync answer 409 and change nothing; a running sync still ends when disabled', async () => {
    const t = createValidatingApp();
    const a = await acme(t);
    const before = state(t);
    const refused = await trigger(t, a.path);
    expect(refused.status).toBe(409);
    expect(refused.body.errors[0].description).toMatch(/disabled.*enable it first/);
    expect(
      (
        await t.call('POST', `${a.path}/externalUser`, {
          ...ADMIN,
          json: { userId: a.directory[0]!.userId },
        })
      ).status,
    ).toBe(409);
    expect(state(t)).toBe(before);
    await enable(t, a.path);
    await trigger(t, a.path);
    const off = await t.call('PUT', a.path, { ...ADMIN, json: { enableDirSync: false } });
    expect(off.body).toEqual({
      enableDirSync: false,
      directorySyncStatus: { syncStatus: 'IN_PROGRESS' },
    });
    await advance(t, 'PT1M');
    expect((await status(t, a.path)).directorySyncStatus.syncStatus).toBe('COMPLETE');
  });

  it("one user (Cisco's example, with a directory user's id): ADD, then NO_OPERATION; DELETE once they are a Webex user; unknown 404", async () => {
    const t = createValidatingApp();
    const a = await acme(t);
    await enable(t, a.path);
    const user = a.directory[1]!;
    const sync = (userId: string) =>
      t.call('POST', `${a.path}/externalUser`, {
        ...ADMIN,
        json: { ...ciscoRequestExample('POST', `${SYNC}/externalUser`), userId },
      });
    const added = await sync(user.userId);
    expect(added.status).toBe(200);
    expect(added.body).toEqual({
      userResponse: { userId: user.userId, firstName: user.firstName, lastName: user.lastName },
      status: 'ADD',
    });
    expect((await status(t, a.path)).enableDirSync).toBe(true);
    expect((await sync(user.userId.toUpperCase())).body.status).toBe('NO_OPERATION');
    await t.call('POST', '/v1/broadworks/subscribers', {
      ...ADMIN,
      json: bwBody(a.untrusted.provisioningId, a.spEnterpriseId, { userId: user.userId }),
    });
    expect((await sync(user.userId)).body.status).toBe('DELETE');
    expect((await sync(user.userId)).body.status).toBe('NO_OPERATION');
    const unknown = await sync('nobody@bw.example');
    expect(unknown.status).toBe(404);
    expect(unknown.body.errors[0].description).toMatch(/neither in the directory/);
    // The full sync that follows counts only the others as added.
    await trigger(t, a.path);
    await advance(t, 'PT1M');
    expect((await status(t, a.path)).directorySyncStatus).toMatchObject({
      usersAdded: a.directory.length - 1,
      usersDeleted: 0,
    });
  });

  it("another partner's enterprise is not found; readonly reads but may not change (403)", async () => {
    const t = createValidatingApp();
    const a = await acme(t);
    const G = { token: 'globex-admin' };
    expect((await t.call('GET', a.path, G)).status).toBe(404);
    expect((await t.call('PUT', a.path, { ...G, json: { enableDirSync: true } })).status).toBe(404);
    const RO = { token: 'acme-readonly' };
    expect((await t.call('GET', a.path, RO)).status).toBe(200);
    expect((await t.call('PUT', a.path, { ...RO, json: { enableDirSync: true } })).status).toBe(
      403,
    );
    expect(
      (await t.call('GET', SYNC.replace('{id}', 'nope'), ADMIN)).body.errors[0].description,
    ).toBe('Enterprise nope not found.');
  });
});

describe('directory sync: schema-invalid requests (400 in the Webex shape, nothing changed)', () => {
  it.each([
    ['PUT', '', {}, 'enableDirSync: is required', 1001],
    ['PUT', '', { enableDirSync: 'yes' }, 'enableDirSync: must be a boolean', 1100],
    ['POST', '', {}, 'syncStatus: is required', 1001],
    [
      'POST',
      '',
      { syncStatus: 'LATER' },
      'syncStatus: must be "SYNC_NOW", the only value Webex takes (got "LATER")',
      1100,
    ],
    ['POST', '/externalUser', {}, 'userId: is required', 1001],
    ['POST', '/externalUser', { userId: 42 }, 'userId: must be a string', 1100],
  ] as const)('%s …%s %j', async (method, tail, body, description, errorCode) => {
    const t = createValidatingApp();
    const a = await acme(t);
    await enable(t, a.path);
    const before = state(t);
    const r = await t.call(method, `${a.path}${tail}`, { ...ADMIN, json: body });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({
      message: description,
      errors: [{ description, errorCode }],
      trackingId: r.headers.get('trackingid'),
    });
    expect(state(t)).toBe(before);
  });
});
