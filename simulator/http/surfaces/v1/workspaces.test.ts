import { describe, expect, it } from 'vitest';
import type { TestApp } from '../../../adapters/testing.ts';
import { bwBody, bwWorld } from '../../../../test/fixtures/broadworks.ts';
import { ciscoRequestExample } from '../../../../test/fixtures/cisco-examples.ts';
import { ADMIN, provisioningId } from '../../../../test/fixtures/wholesale.ts';
import { createValidatingApp } from '../../../../test/openapi/validating-app.ts';

const WS = '/v1/broadworks/workspaces';
const state = (t: TestApp) => JSON.stringify(t.store.dump());

/** Cisco's example, its ids adapted to the world: a broadworks template and an enterprise of Acme. */
const example = async (
  t: TestApp,
  extra: Record<string, unknown> = {},
): Promise<Record<string, unknown>> => {
  const w = await bwWorld(t);
  return {
    ...ciscoRequestExample('POST', WS),
    provisioningId: w.untrusted.provisioningId,
    spEnterpriseId: w.spEnterpriseId,
    ...extra,
  };
};

describe('BroadWorks workspaces (webex-broadworks.json)', () => {
  it("POST Cisco's example: 200 with the workspace; PUT Cisco's example: 200; DELETE: 204, then 404", async () => {
    const t = createValidatingApp();
    const body = await example(t);
    const r = await t.call('POST', WS, { ...ADMIN, json: body });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      id: expect.stringMatching(/^[\w-]+$/),
      provisioningId: body.provisioningId,
      userId: '95547321@sp.com',
      spEnterpriseId: body.spEnterpriseId,
      displayName: 'Conference Room',
      primaryPhoneNumber: '+1-240-555-1212',
      extension: '51212',
      created: '2026-01-01T00:00:00.000Z',
    });
    expect(atob(r.body.id.replace(/-/g, '+').replace(/_/g, '/'))).toMatch(
      /^ciscospark:\/\/us\/PLACE\//,
    );
    const path = `${WS}/${r.body.id}`;
    const put = await t.call('PUT', path, {
      ...ADMIN,
      json: { ...ciscoRequestExample('PUT', `${WS}/{workspaceId}`), userId: '95547322@sp.com' },
    });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ ...r.body, userId: '95547322@sp.com' });
    expect((await t.call('DELETE', path, ADMIN)).status).toBe(204);
    expect((await t.call('DELETE', path, ADMIN)).status).toBe(404);
    expect((await t.call('PUT', path, { ...ADMIN, json: {} })).status).toBe(404);
  });

  it('PUT: an empty number or extension removes it, an empty body changes nothing', async () => {
    const t = createValidatingApp();
    const r = (await t.call('POST', WS, { ...ADMIN, json: await example(t) })).body;
    const path = `${WS}/${r.id}`;
    const same = await t.call('PUT', path, { ...ADMIN, json: {} });
    expect(same.body).toEqual(r);
    const cleared = await t.call('PUT', path, {
      ...ADMIN,
      json: { primaryPhoneNumber: '', extension: '4321' },
    });
    expect(cleared.status).toBe(200);
    expect(cleared.body.primaryPhoneNumber).toBeUndefined();
    expect(cleared.body.extension).toBe('4321');
  });

  it('needs a broadworks template (TPL-1) and an existing enterprise; a user ID in use is 409 10022', async () => {
    const t = createValidatingApp();
    const before = state(t);
    const post = async (extra: Record<string, unknown>) =>
      t.call('POST', WS, { ...ADMIN, json: await example(t, extra) });
    expect((await post({ provisioningId: 'f'.repeat(32) })).status).toBe(404);
    expect((await post({ provisioningId: await provisioningId(t) })).status).toBe(400);
    const noEnterprise = await post({ spEnterpriseId: 'Reseller1+acme' });
    expect(noEnterprise.status).toBe(404);
    expect(noEnterprise.body.errors[0].description).toMatch(/existing customer/);
    expect(state(t)).toBe(before);
    const w = await bwWorld(t);
    await t.call('POST', '/v1/broadworks/subscribers', {
      ...ADMIN,
      json: bwBody(w.untrusted.provisioningId, w.spEnterpriseId, { userId: 'taken@bw.example' }),
    });
    const taken = await post({ userId: 'TAKEN@bw.example' });
    expect(taken.status).toBe(409);
    expect(taken.body.errors[0].errorCode).toBe(10022);
    const first = (await post({})).body;
    expect((await post({ displayName: 'Lobby' })).body.errors[0].errorCode).toBe(10022);
    const second = (await post({ userId: 'lobby@sp.com', displayName: 'Lobby' })).body;
    const clash = await t.call('PUT', `${WS}/${second.id}`, {
      ...ADMIN,
      json: { userId: first.userId },
    });
    expect(clash.status).toBe(409);
  });

  it("another partner's workspace is not found; readonly may not provision (403)", async () => {
    const t = createValidatingApp();
    const r = (await t.call('POST', WS, { ...ADMIN, json: await example(t) })).body;
    const G = { token: 'globex-admin' };
    expect((await t.call('PUT', `${WS}/${r.id}`, { ...G, json: {} })).status).toBe(404);
    expect((await t.call('DELETE', `${WS}/${r.id}`, G)).status).toBe(404);
    expect(
      (await t.call('POST', WS, { token: 'acme-readonly', json: await example(t) })).status,
    ).toBe(403);
  });
});

describe('BroadWorks workspaces: schema-invalid requests (400 in the Webex shape, nothing changed)', () => {
  it.each(['provisioningId', 'userId', 'spEnterpriseId', 'displayName'])(
    'POST without the required %s',
    async (field) => {
      const t = createValidatingApp();
      const { [field]: _gone, ...body } = await example(t);
      const before = state(t);
      const r = await t.call('POST', WS, { ...ADMIN, json: body });
      expect(r.status).toBe(400);
      expect(r.body.errors).toEqual([{ description: `${field}: is required`, errorCode: 1001 }]);
      expect(state(t)).toBe(before);
    },
  );

  it('fields of the wrong type or format, on POST and PUT', async () => {
    const t = createValidatingApp();
    const id = (await t.call('POST', WS, { ...ADMIN, json: await example(t) })).body.id;
    const before = state(t);
    for (const [method, path, body, description] of [
      ['POST', WS, await example(t, { displayName: 7 }), 'displayName: must be a string'],
      ['POST', WS, await example(t, { userId: '' }), 'userId: must not be empty'],
      [
        'POST',
        WS,
        await example(t, { primaryPhoneNumber: 'call me' }),
        'primaryPhoneNumber: must be a phone number such as +12405551212',
      ],
      ['PUT', `${WS}/${id}`, { extension: 'x1' }, 'extension: must be 2 to 10 digits'],
      ['PUT', `${WS}/${id}`, { userId: '' }, 'userId: must not be empty'],
    ] as const) {
      const r = await t.call(method, path, { ...ADMIN, json: body });
      expect(r.status).toBe(400);
      expect(r.body.errors).toEqual([{ description, errorCode: 1100 }]);
    }
    expect(state(t)).toBe(before);
  });
});
