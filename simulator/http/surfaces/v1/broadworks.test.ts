import { describe, expect, it } from 'vitest';
import { bwBody, bwWorld, latestLink } from '../../../../test/fixtures/broadworks.ts';
import { createValidatingApp } from '../../../../test/openapi/validating-app.ts';
import type { TestApp } from '../../../adapters/testing.ts';

const ADMIN = { token: 'acme-admin' };
const get = async (t: TestApp, id: string) =>
  (await t.call('GET', `/v1/broadworks/subscribers/${id}`, ADMIN)).body;
const advance = (t: TestApp, by: string) => t.call('POST', '/sim/clock', { json: { advance: by } });
const post = (t: TestApp, body: unknown) =>
  t.call('POST', '/v1/broadworks/subscribers', { ...ADMIN, json: body });

describe('POST /v1/broadworks/subscribers: the transition table (rules.md)', () => {
  it('trusted template: provisioning → provisioned after the delay (email required)', async () => {
    const t = createValidatingApp();
    const w = await bwWorld(t);
    const noEmail = await post(t, bwBody(w.trusted.provisioningId, w.spEnterpriseId));
    expect(noEmail.status).toBe(400);
    expect(noEmail.body.errors).toEqual([
      { description: 'email: is required under a trusted-email template', errorCode: 1001 },
    ]);
    const r = await post(
      t,
      bwBody(w.trusted.provisioningId, w.spEnterpriseId, { email: 'ana@acme.example' }),
    );
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      status: 'provisioning',
      userId: '2405551212@bw.acme-wholesale.example',
      package: 'standard',
      selfActivated: false,
      provisioningId: w.trusted.provisioningId,
    });
    await advance(t, 'PT30S');
    expect(await get(t, r.body.id)).toMatchObject({
      status: 'provisioned',
      personId: expect.any(String),
    });
  });

  it('untrusted without email: pending_email_input (FT-1)', async () => {
    const t = createValidatingApp();
    const w = await bwWorld(t);
    const r = await post(t, bwBody(w.untrusted.provisioningId, w.spEnterpriseId));
    expect(r.body.status).toBe('pending_email_input');
  });

  it('untrusted with email: pending_email_validation, then the verify link: provisioning → provisioned', async () => {
    const t = createValidatingApp();
    const w = await bwWorld(t);
    const r = await post(
      t,
      bwBody(w.untrusted.provisioningId, w.spEnterpriseId, { email: 'bo@acme.example' }),
    );
    expect(r.body.status).toBe('pending_email_validation');
    const link = await latestLink(t, 'bo@acme.example');
    expect(link).toMatch(/^\/activation\/verify\/[0-9a-f]{32}$/);
    const verified = await t.call('POST', `/activation/api/verify/${link.split('/').pop()}`);
    expect(verified.body).toEqual({ subscriberId: r.body.id, status: 'provisioning' });
    expect((await t.call('POST', `/activation/api/verify/${link.split('/').pop()}`)).status).toBe(
      404,
    );
    await advance(t, 'PT30S');
    expect((await get(t, r.body.id)).status).toBe('provisioned');
  });

  it('a free-account email: pending_user_migration → consent → provisioning → provisioned', async () => {
    const t = createValidatingApp();
    const w = await bwWorld(t);
    const email = (await t.call('GET', '/sim/world')).body.freeAccounts[0];
    const r = await post(t, bwBody(w.trusted.provisioningId, w.spEnterpriseId, { email }));
    expect(r.body.status).toBe('pending_user_migration');
    expect(
      (await t.call('POST', `/v1/subscribers/${r.body.id}/emails/consentMove`, ADMIN)).status,
    ).toBe(204);
    const consent = await latestLink(t, email);
    const token = consent.split('/').pop()!;
    // The link's page names the account that moves, until the move is accepted.
    const asked = await t.call('GET', `/consent/${token}`, { headers: { accept: 'text/html' } });
    expect(asked.status).toBe(200);
    expect(asked.text).toContain(`<code>${email}</code>`);
    expect((await t.call('POST', `/consent/api/${token}`)).body).toEqual({
      subscriberId: r.body.id,
      status: 'provisioning',
    });
    const spent = await t.call('GET', `/consent/${token}`, { headers: { accept: 'text/html' } });
    expect(spent.status).toBe(404);
    expect((await t.call('GET', '/consent/', { headers: { accept: 'text/html' } })).status).toBe(
      404,
    );
    await advance(t, 'PT30S');
    expect((await get(t, r.body.id)).status).toBe('provisioned');
  });

  it('an injected step fault ends provisioning in error with the error in errors[] (SIM-4)', async () => {
    const t = createValidatingApp();
    const w = await bwWorld(t);
    await t.call('POST', '/sim/faults', {
      json: {
        on: 'broadworksSubscriber',
        errorCode: 6003,
        description: 'BroadWorks cluster unreachable',
        times: 1,
      },
    });
    const r = await post(
      t,
      bwBody(w.trusted.provisioningId, w.spEnterpriseId, { email: 'cy@acme.example' }),
    );
    await advance(t, 'PT30S');
    expect(await get(t, r.body.id)).toMatchObject({
      status: 'error',
      errors: [{ errorCode: 6003, description: 'BroadWorks cluster unreachable' }],
    });
  });

  it('PUT: provisioned → updating → provisioned; a pending subscriber changes and keeps its status', async () => {
    const t = createValidatingApp();
    const w = await bwWorld(t);
    const a = (
      await post(
        t,
        bwBody(w.trusted.provisioningId, w.spEnterpriseId, { email: 'dee@acme.example' }),
      )
    ).body;
    const busy = await t.call('PUT', `/v1/broadworks/subscribers/${a.id}`, {
      ...ADMIN,
      json: { package: 'premium' },
    });
    expect(busy.status).toBe(409);
    await advance(t, 'PT30S');
    const up = await t.call('PUT', `/v1/broadworks/subscribers/${a.id}`, {
      ...ADMIN,
      json: { package: 'premium' },
    });
    expect(up.body).toMatchObject({ status: 'updating', package: 'premium' });
    await advance(t, 'PT20S');
    expect((await get(t, a.id)).status).toBe('provisioned');
    const b = (
      await post(
        t,
        bwBody(w.untrusted.provisioningId, w.spEnterpriseId, { userId: 'b@bw.example' }),
      )
    ).body;
    const changed = await t.call('PUT', `/v1/broadworks/subscribers/${b.id}`, {
      ...ADMIN,
      json: { package: 'basic' },
    });
    expect(changed.body).toMatchObject({ status: 'pending_email_input', package: 'basic' });
  });

  it("PUT: an empty number removes it (as Cisco's description says); the primary number and the extension only while the other remains", async () => {
    const t = createValidatingApp();
    const w = await bwWorld(t);
    const s = (
      await post(
        t,
        bwBody(w.untrusted.provisioningId, w.spEnterpriseId, {
          mobilePhoneNumber: '+1-818-279-1234',
          extension: '1212',
        }),
      )
    ).body;
    const put = (json: unknown) =>
      t.call('PUT', `/v1/broadworks/subscribers/${s.id}`, { ...ADMIN, json });
    const cleared = await put({ mobilePhoneNumber: '' });
    expect(cleared.status).toBe(200);
    expect(cleared.body.mobilePhoneNumber).toBeUndefined();
    expect(cleared.body).toMatchObject({
      primaryPhoneNumber: '+1-240-555-1212',
      extension: '1212',
    });
    expect((await get(t, s.id)).mobilePhoneNumber).toBeUndefined();
    const noPrimary = await put({ primaryPhoneNumber: '' });
    expect(noPrimary.body.primaryPhoneNumber).toBeUndefined();
    expect(noPrimary.body.extension).toBe('1212');
    // Now the extension is all that is left: emptying it is refused, nothing changed.
    const before = JSON.stringify(t.store.dump());
    const refused = await put({ extension: '' });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      { description: expect.stringMatching(/^extension: cannot be emptied/), errorCode: 1001 },
    ]);
    expect(JSON.stringify(t.store.dump())).toBe(before);
    // Both at once: a new primary number with an empty extension is fine.
    const swapped = await put({ primaryPhoneNumber: '+1-240-555-9999', extension: '' });
    expect(swapped.body).toMatchObject({ primaryPhoneNumber: '+1-240-555-9999' });
    expect(swapped.body.extension).toBeUndefined();
    // A subscriber that never had either number is not refused for it.
    const bare = (
      await post(
        t,
        bwBody(w.untrusted.provisioningId, w.spEnterpriseId, {
          userId: 'bare@bw.example',
          primaryPhoneNumber: undefined,
        }),
      )
    ).body;
    expect(bare.primaryPhoneNumber).toBeUndefined();
    const changed = await t.call('PUT', `/v1/broadworks/subscribers/${bare.id}`, {
      ...ADMIN,
      json: { package: 'premium' },
    });
    expect(changed.status).toBe(200);
  });

  it('DELETE from any status: 204, then 404', async () => {
    const t = createValidatingApp();
    const w = await bwWorld(t);
    const r = (await post(t, bwBody(w.untrusted.provisioningId, w.spEnterpriseId))).body;
    expect(
      (await t.call('DELETE', `/v1/broadworks/subscribers/${r.id}`, { token: 'globex-admin' }))
        .status,
    ).toBe(404);
    expect((await t.call('DELETE', `/v1/broadworks/subscribers/${r.id}`, ADMIN)).status).toBe(204);
    expect((await t.call('GET', `/v1/broadworks/subscribers/${r.id}`, ADMIN)).status).toBe(404);
  });

  it('answers 409 with 10022 for a BroadWorks user ID or an email in use', async () => {
    const t = createValidatingApp();
    const w = await bwWorld(t);
    await post(
      t,
      bwBody(w.trusted.provisioningId, w.spEnterpriseId, { email: 'eve@acme.example' }),
    );
    const sameUser = await post(
      t,
      bwBody(w.trusted.provisioningId, w.spEnterpriseId, { email: 'other@acme.example' }),
    );
    expect(sameUser.status).toBe(409);
    expect(sameUser.body.errors[0].errorCode).toBe(10022);
    const sameEmail = await post(
      t,
      bwBody(w.trusted.provisioningId, w.spEnterpriseId, {
        userId: 'x@bw.example',
        email: 'EVE@acme.example',
      }),
    );
    expect(sameEmail.body.errors).toEqual([
      { description: 'The email is already associated with an existing user.', errorCode: 10022 },
    ]);
  });

  it('needs a broadworks template of the partner (TPL-1); an enterprise it lacks is made (flow-through)', async () => {
    const t = createValidatingApp();
    const w = await bwWorld(t);
    const pid = (await t.call('GET', '/sim/world')).body.partners[0].templates[0].provisioningId;
    expect((await post(t, bwBody(pid, w.spEnterpriseId))).status).toBe(400);
    expect((await post(t, bwBody('f'.repeat(32), w.spEnterpriseId))).status).toBe(404);
    // Another partner's spEnterpriseId names nothing of Acme's: Acme gets an enterprise of its own.
    expect((await post(t, bwBody(w.untrusted.provisioningId, 'GLOBEX-ENT-01'))).status).toBe(200);
    const missing = await post(t, {});
    expect(missing.body.errors.map((e: { description: string }) => e.description)).toEqual(
      expect.arrayContaining([
        'provisioningId: is required',
        'userId: is required',
        'spEnterpriseId: is required',
        'firstName: is required',
        'lastName: is required',
        'package: is required',
      ]),
    );
  });
});

describe('GET /v1/broadworks/subscribers and enterprises', () => {
  it('filters by status (comma-separated), selfActivated and email, and pages with an opaque cursor', async () => {
    const t = createValidatingApp();
    const w = await bwWorld(t);
    for (const [i, email] of ['a@x.example', 'b@x.example', undefined].entries()) {
      await post(
        t,
        bwBody(w.untrusted.provisioningId, w.spEnterpriseId, {
          userId: `u${i}@bw.example`,
          ...(email ? { email } : {}),
        }),
      );
    }
    const ids = async (q: string) =>
      (await t.call('GET', `/v1/broadworks/subscribers?${q}`, ADMIN)).body.items.map(
        (s: { userId: string }) => s.userId,
      );
    expect(await ids('status=pending_email_input')).toEqual(['u2@bw.example']);
    expect(await ids('status=pending_email_input,pending_email_validation')).toHaveLength(3);
    expect(await ids('email=B@x.example')).toEqual(['u1@bw.example']);
    expect(await ids('selfActivated=true')).toEqual([]);
    const first = await t.call('GET', '/v1/broadworks/subscribers?max=2', ADMIN);
    expect(first.body.items).toHaveLength(2);
    const link = first.headers.get('link')!;
    expect(link).toMatch(/cursor=/);
    const next = new URL(link.slice(1, link.indexOf('>')));
    expect(
      (await t.call('GET', `${next.pathname}${next.search}`, ADMIN)).body.items.map(
        (s: { userId: string }) => s.userId,
      ),
    ).toEqual(['u2@bw.example']);
    expect(
      (await t.call('GET', '/v1/broadworks/subscribers?max=101', ADMIN)).body.errors[0].errorCode,
    ).toBe(1002);
    expect((await t.call('GET', '/v1/broadworks/subscribers?status=lost', ADMIN)).status).toBe(400);
  });

  it("lists the partner's enterprises, filtered by spEnterpriseId and startsWith", async () => {
    const t = createValidatingApp();
    const all = (await t.call('GET', '/v1/broadworks/enterprises', ADMIN)).body.items;
    expect(all.map((e: { spEnterpriseId: string }) => e.spEnterpriseId)).toEqual([
      'ACME-ENT-01',
      'ACME-ENT-02',
    ]);
    expect(
      (await t.call('GET', '/v1/broadworks/enterprises?startsWith=ACME-ENT-02', ADMIN)).body.items,
    ).toHaveLength(1);
    expect(
      (await t.call('GET', '/v1/broadworks/enterprises', { token: 'acme-viewer' })).status,
    ).toBe(403);
  });

  it('prechecks an email (readonly may); an email in use is 10022', async () => {
    const t = createValidatingApp();
    const w = await bwWorld(t);
    const ok = await t.call('POST', '/v1/broadworks/subscribers/validate', {
      token: 'acme-readonly',
      json: { email: 'new@x.example', customerInfo: { primaryEmail: 'boss@x.example' } },
    });
    expect(ok.body).toEqual({
      message: 'success',
      info: { infoCode: 100, description: 'Provisioning Precheck validation successful.' },
    });
    await post(t, bwBody(w.trusted.provisioningId, w.spEnterpriseId, { email: 'used@x.example' }));
    expect(
      (
        await t.call('POST', '/v1/broadworks/subscribers/validate', {
          ...ADMIN,
          json: { email: 'used@x.example' },
        })
      ).body.errors[0].errorCode,
    ).toBe(10022);
  });

  it('the provisioning variant runs the checks of provisioning, writing nothing', async () => {
    const t = createValidatingApp();
    const w = await bwWorld(t);
    const precheck = (json: unknown) =>
      t.call('POST', '/v1/broadworks/subscribers/validate', { ...ADMIN, json });
    const full = bwBody(w.trusted.provisioningId, 'NEW-ENTERPRISE', { email: 'ana@x.example' });
    const before = JSON.stringify(t.store.dump());
    // A new spEnterpriseId passes: provisioning would create the enterprise (flow-through).
    expect((await precheck(full)).status).toBe(200);
    // A provisioning field makes it the provisioning request: what provisioning needs is needed.
    const partial = await precheck({
      email: 'ana@x.example',
      provisioningId: w.trusted.provisioningId,
    });
    expect(partial.status).toBe(400);
    expect(partial.body.errors.map((e: { description: string }) => e.description)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^userId: /),
        expect.stringMatching(/^package: /),
      ]),
    );
    expect((await precheck({ ...full, provisioningId: 'nope' })).status).toBe(404);
    expect(JSON.stringify(t.store.dump())).toBe(before);
    // What provisioning refuses, the precheck refuses: a user ID in use.
    expect(
      (await post(t, bwBody(w.trusted.provisioningId, w.spEnterpriseId, { email: 'a@x.example' })))
        .status,
    ).toBe(200);
    const taken = await precheck({ ...full, email: 'other@x.example' });
    expect(taken.status).toBe(409);
    expect(taken.body.errors[0].errorCode).toBe(10022);
    expect(
      (await precheck({ email: 'x@x.example', customerInfo: { primaryEmail: 'not-an-email' } }))
        .body.errors[0].description,
    ).toMatch(/^customerInfo\.primaryEmail: /);
  });
});

describe('the rest of the transition table', () => {
  it('untrusted + a free-account email: the verify link leads to pending_user_migration; Retry activation leaves it', async () => {
    const t = createValidatingApp();
    const w = await bwWorld(t);
    const email = (await t.call('GET', '/sim/world')).body.freeAccounts[1];
    const s = (await post(t, bwBody(w.untrusted.provisioningId, w.spEnterpriseId, { email }))).body;
    const verified = await t.call(
      'POST',
      `/activation/api/verify/${(await latestLink(t, email)).split('/').pop()}`,
    );
    expect(verified.body.status).toBe('pending_user_migration');
    const retry = await t.call(
      'POST',
      `/partner-hub/api/templates/${w.untrusted.id}/user-status/${s.id}/retry-activation`,
      { ...ADMIN, json: { email: 'fresh@x.example' } },
    );
    expect(retry.body.status).toBe('pending_email_validation');
  });

  it('a step fault during an update ends in error', async () => {
    const t = createValidatingApp();
    const w = await bwWorld(t);
    const s = (
      await post(t, bwBody(w.trusted.provisioningId, w.spEnterpriseId, { email: 'upd@x.example' }))
    ).body;
    await advance(t, 'PT30S');
    await t.call('POST', '/sim/faults', {
      json: {
        on: 'broadworksSubscriber',
        errorCode: 6010,
        description: 'Package change failed',
        times: 1,
      },
    });
    await t.call('PUT', `/v1/broadworks/subscribers/${s.id}`, {
      ...ADMIN,
      json: { package: 'premium' },
    });
    await advance(t, 'PT20S');
    expect(await get(t, s.id)).toMatchObject({ status: 'error', errors: [{ errorCode: 6010 }] });
  });
});
