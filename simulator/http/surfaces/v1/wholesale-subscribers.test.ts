import { describe, expect, it } from 'vitest';
import { TEST_ORIGIN, type TestApp } from '../../../adapters/testing.ts';
import { createValidatingApp } from '../../../../test/openapi/validating-app.ts';
import {
  ADMIN,
  customerBody,
  provisionedCustomer,
  provisioningId,
} from '../../../../test/fixtures/wholesale.ts';

const subscriber = (
  customerId: string,
  extra: Record<string, unknown> = {},
  params: Record<string, unknown> = {},
) => ({
  customerId,
  email: 'ana@pizza.example',
  packages: ['webex_calling'],
  provisioningParameters: {
    firstName: 'Ana',
    lastName: 'Lima',
    primaryPhoneNumber: '+12405551212',
    extension: '5121',
    ...params,
  },
  ...extra,
});

describe('POST /v1/wholesale/subscribers', () => {
  it("provisions at once: 200, provisioned, Location, the customer's calling location", async () => {
    const t = createValidatingApp();
    const cid = await provisionedCustomer(t);
    const r = await t.call('POST', '/v1/wholesale/subscribers', {
      ...ADMIN,
      json: subscriber(cid),
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      email: 'ana@pizza.example',
      customerId: cid,
      externalCustomerId: 'ext-1',
      package: 'webex_calling',
      packages: ['webex_calling'],
      status: 'provisioned',
      personId: expect.any(String),
      errors: [],
    });
    expect(r.headers.get('location')).toBe(`${TEST_ORIGIN}/v1/wholesale/subscribers/${r.body.id}`);
    expect(Buffer.from(r.body.id, 'base64url').toString()).toMatch(
      /^ciscospark:\/\/us\/SUBSCRIBER\//,
    );
    expect((await t.call('GET', `/v1/wholesale/subscribers/${r.body.id}`, ADMIN)).body.id).toBe(
      r.body.id,
    );
  });

  it('accepts the deprecated single `package` field', async () => {
    const t = createValidatingApp();
    const cid = await provisionedCustomer(t);
    const r = await t.call('POST', '/v1/wholesale/subscribers', {
      ...ADMIN,
      json: {
        customerId: cid,
        email: 'bo@pizza.example',
        package: 'webex_meetings',
        provisioningParameters: {},
      },
    });
    expect(r.status).toBe(200);
    expect(r.body.packages).toEqual(['webex_meetings']);
  });

  it('needs the customer to be provisioned (409)', async () => {
    const t = createValidatingApp();
    const url = (
      await t.call('POST', '/v1/wholesale/customers', {
        ...ADMIN,
        json: customerBody(await provisioningId(t)),
      })
    ).body.url as string;
    const r = await t.call('POST', '/v1/wholesale/subscribers', {
      ...ADMIN,
      json: subscriber(url.split('/').pop()!),
    });
    expect(r.status).toBe(409);
    expect(r.body.message).toMatch(/is provisioning/);
  });

  it('needs the customer to own the package', async () => {
    const t = createValidatingApp();
    const cid = await provisionedCustomer(t);
    const r = await t.call('POST', '/v1/wholesale/subscribers', {
      ...ADMIN,
      json: subscriber(cid, { packages: ['webex_suite'] }),
    });
    expect(r.status).toBe(400);
    expect(r.body.errors[0].description).toMatch(
      /^packages: the customer does not have webex_suite \(it has /,
    );
  });

  it('needs a phone number or extension for a calling package (USR-5)', async () => {
    const t = createValidatingApp();
    const cid = await provisionedCustomer(t);
    const r = await t.call('POST', '/v1/wholesale/subscribers', {
      ...ADMIN,
      json: subscriber(cid, {}, { primaryPhoneNumber: undefined, extension: undefined }),
    });
    expect(r.status).toBe(400);
    expect(r.body.errors[0]).toMatchObject({
      errorCode: 1001,
      description: expect.stringMatching(
        /^provisioningParameters.primaryPhoneNumber: a calling package needs a phone number or an extension/,
      ),
    });
  });

  it('answers 409 with 10022 for an email already in use', async () => {
    const t = createValidatingApp();
    const cid = await provisionedCustomer(t);
    await t.call('POST', '/v1/wholesale/subscribers', { ...ADMIN, json: subscriber(cid) });
    const r = await t.call('POST', '/v1/wholesale/subscribers', {
      ...ADMIN,
      json: subscriber(
        cid,
        { email: 'ANA@pizza.example' },
        { primaryPhoneNumber: '+12405550000', extension: '9999' },
      ),
    });
    expect(r.status).toBe(409);
    expect(r.body.errors).toEqual([
      { description: 'The email is already associated with an existing user.', errorCode: 10022 },
    ]);
  });

  it("answers 404 for another partner's customer or an unknown location (SIM-3)", async () => {
    const t = createValidatingApp();
    const cid = await provisionedCustomer(t);
    expect(
      (
        await t.call('POST', '/v1/wholesale/subscribers', {
          token: 'globex-admin',
          json: subscriber(cid),
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await t.call('POST', '/v1/wholesale/subscribers', {
          ...ADMIN,
          json: subscriber(cid, {}, { locationId: 'nowhere' }),
        })
      ).status,
    ).toBe(404);
  });
});

describe('free accounts: pending_user_migration and consent', () => {
  it('answers 202 pending, mails a consent link whose page moves the account', async () => {
    const t = createValidatingApp();
    const cid = await provisionedCustomer(t);
    const email = (await t.call('GET', '/sim/world')).body.freeAccounts[0];
    const r = await t.call('POST', '/v1/wholesale/subscribers', {
      ...ADMIN,
      json: subscriber(cid, { email, packages: ['webex_meetings'] }),
    });
    expect(r.status).toBe(202);
    expect(r.body.status).toBe('pending_user_migration');
    expect(r.body.personId).toBeUndefined();
    const mail = (await t.call('GET', `/sim/mail?to=${email}`)).body.items;
    expect(mail).toHaveLength(1);
    expect(mail[0].subject).toMatch(/John's Pizza/);
    const link = mail[0].links[0].url as string;
    expect(link).toMatch(new RegExp(`^${TEST_ORIGIN}/consent/`));
    const path = new URL(link).pathname;
    const page = await t.call('GET', path);
    expect(page.text).toContain('Accept and move my account');
    expect(page.text).toContain(email);
    const accepted = await t.call('POST', path);
    expect(accepted.status).toBe(200);
    expect(accepted.text).toContain('Your account has moved');
    expect((await t.call('GET', `/v1/wholesale/subscribers/${r.body.id}`, ADMIN)).body.status).toBe(
      'provisioned',
    );
    const spent = await t.call('POST', path);
    expect(spent.status).toBe(404);
  });

  it('resends the consent mail with consentMove (204), only while pending (409)', async () => {
    const t = createValidatingApp();
    const cid = await provisionedCustomer(t);
    const email = (await t.call('GET', '/sim/world')).body.freeAccounts[1];
    const id = (
      await t.call('POST', '/v1/wholesale/subscribers', {
        ...ADMIN,
        json: subscriber(cid, { email, packages: ['webex_meetings'] }),
      })
    ).body.id;
    expect((await t.call('POST', `/v1/subscribers/${id}/emails/consentMove`, ADMIN)).status).toBe(
      204,
    );
    const mails = (await t.call('GET', `/sim/mail?to=${email}`)).body.items;
    expect(mails).toHaveLength(2);
    const token = new URL(mails[0].links[0].url).pathname.split('/').pop();
    const json = await t.call('POST', `/consent/api/${token}`);
    expect(json.body).toEqual({ subscriberId: id, status: 'provisioned' });
    expect((await t.call('POST', `/v1/subscribers/${id}/emails/consentMove`, ADMIN)).status).toBe(
      409,
    );
  });
});

describe('GET, PUT, DELETE /v1/wholesale/subscribers', () => {
  const three = async (t: TestApp) => {
    const cid = await provisionedCustomer(t);
    for (const [i, email] of ['a@x.example', 'b@x.example', 'c@x.example'].entries()) {
      await t.call('POST', '/v1/wholesale/subscribers', {
        ...ADMIN,
        json: subscriber(
          cid,
          { email },
          { primaryPhoneNumber: `+1240555000${i}`, extension: `10${i}` },
        ),
      });
      await t.call('POST', '/sim/clock', { json: { advance: 'PT1M' } });
    }
    return cid;
  };

  it('pages (default 50, up to 100), filters and sorts', async () => {
    const t = createValidatingApp();
    const cid = await three(t);
    // The customer's full administrator is a subscriber from the moment it is provisioned.
    const first = await t.call('GET', '/v1/wholesale/subscribers?max=2', ADMIN);
    expect(first.body.items.map((s: { email: string }) => s.email)).toEqual([
      'john@pizza.example',
      'a@x.example',
    ]);
    expect(first.headers.get('link')).toContain('offset=2');
    expect(
      (await t.call('GET', '/v1/wholesale/subscribers?max=101', ADMIN)).body.errors[0],
    ).toEqual({ description: 'max: must be at most 100', errorCode: 1002 });
    const emails = async (q: string) =>
      (await t.call('GET', `/v1/wholesale/subscribers?${q}`, ADMIN)).body.items.map(
        (s: { email: string }) => s.email,
      );
    expect(await emails('sortOrder=DESC')).toEqual([
      'c@x.example',
      'b@x.example',
      'a@x.example',
      'john@pizza.example',
    ]);
    expect(await emails('email=B@x.example')).toEqual(['b@x.example']);
    expect(await emails(`customerId=${cid}&externalCustomerId=ext-1`)).toHaveLength(4);
    expect(await emails('after=2026-01-01T00:05:30Z')).toEqual(['b@x.example', 'c@x.example']);
    expect(await emails('status=pending_user_migration')).toEqual([]);
    expect((await t.call('GET', '/v1/wholesale/subscribers?sortBy=name', ADMIN)).status).toBe(400);
    expect(
      (await t.call('GET', '/v1/wholesale/subscribers', { token: 'globex-admin' })).body.items,
    ).toEqual([]);
  });

  it('answers what is stored now after a subscriber or its customer changes (views are kept)', async () => {
    const t = createValidatingApp();
    const cid = await three(t);
    const list = async () =>
      (await t.call('GET', `/v1/wholesale/subscribers?customerId=${cid}`, ADMIN)).body.items;
    const before = await list();
    const a = before.find((s: { email: string }) => s.email === 'a@x.example');
    expect(a.externalCustomerId).toBe('ext-1');
    // Read twice, then change the subscriber: its list entry and its GET follow.
    expect((await t.call('GET', `/v1/wholesale/subscribers/${a.id}`, ADMIN)).body).toEqual(a);
    const changed = await t.call('PUT', `/v1/wholesale/subscribers/${a.id}`, {
      ...ADMIN,
      json: { packages: ['webex_meetings'] },
    });
    expect(changed.status).toBe(200);
    const got = (await t.call('GET', `/v1/wholesale/subscribers/${a.id}`, ADMIN)).body;
    expect(got.packages).toEqual(['webex_meetings']);
    expect((await list()).find((s: { id: string }) => s.id === a.id)).toEqual(got);
    // The customer's new external id reaches every subscriber it holds.
    const moved = await t.call('PUT', `/v1/wholesale/customers/${cid}`, {
      ...ADMIN,
      json: { packages: ['webex_calling', 'webex_meetings'], externalId: 'ext-9' },
    });
    expect(moved.status).toBe(202);
    const after = await list();
    expect(after.map((s: { externalCustomerId: string }) => s.externalCustomerId)).toEqual(
      before.map(() => 'ext-9'),
    );
    expect(
      (await t.call('GET', `/v1/wholesale/subscribers/${a.id}`, ADMIN)).body.externalCustomerId,
    ).toBe('ext-9');
  });

  it('changes the package; a change to calling needs number information (USR-5)', async () => {
    const t = createValidatingApp();
    const cid = await provisionedCustomer(t);
    const id = (
      await t.call('POST', '/v1/wholesale/subscribers', {
        ...ADMIN,
        json: {
          customerId: cid,
          email: 'm@x.example',
          packages: ['webex_meetings'],
          provisioningParameters: {},
        },
      })
    ).body.id;
    const refused = await t.call('PUT', `/v1/wholesale/subscribers/${id}`, {
      ...ADMIN,
      json: { packages: ['webex_calling'] },
    });
    expect(refused.status).toBe(400);
    expect((await t.call('GET', `/v1/wholesale/subscribers/${id}`, ADMIN)).body.packages).toEqual([
      'webex_meetings',
    ]);
    const ok = await t.call('PUT', `/v1/wholesale/subscribers/${id}`, {
      ...ADMIN,
      json: { packages: ['webex_calling'], provisioningParameters: { extension: '4321' } },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.packages).toEqual(['webex_calling']);
  });

  it('deletes with 204; then 404', async () => {
    const t = createValidatingApp();
    const cid = await provisionedCustomer(t);
    const id = (
      await t.call('POST', '/v1/wholesale/subscribers', { ...ADMIN, json: subscriber(cid) })
    ).body.id;
    expect(
      (await t.call('DELETE', `/v1/wholesale/subscribers/${id}`, { token: 'globex-admin' })).status,
    ).toBe(404);
    expect((await t.call('DELETE', `/v1/wholesale/subscribers/${id}`, ADMIN)).status).toBe(204);
    expect((await t.call('GET', `/v1/wholesale/subscribers/${id}`, ADMIN)).status).toBe(404);
  });

  it('prechecks without provisioning; a customer with subscribers keeps their packages', async () => {
    const t = createValidatingApp();
    const cid = await provisionedCustomer(t);
    const pre = await t.call('POST', '/v1/wholesale/subscribers/validate', {
      token: 'acme-readonly',
      json: { customerId: cid, email: 'new@x.example', packages: ['webex_meetings'] },
    });
    expect(pre.body).toEqual({
      message: 'success',
      info: { infoCode: 100, description: 'Provisioning Precheck validation successful.' },
    });
    const emails = async () =>
      (await t.call('GET', '/v1/wholesale/subscribers', ADMIN)).body.items.map(
        (s: { email: string }) => s.email,
      );
    expect(await emails()).toEqual(['john@pizza.example']);
    await t.call('POST', '/v1/wholesale/subscribers', { ...ADMIN, json: subscriber(cid) });
    const drop = await t.call('PUT', `/v1/wholesale/customers/${cid}`, {
      ...ADMIN,
      json: { packages: ['webex_meetings'] },
    });
    expect(drop.status).toBe(409);
    expect(drop.body.message).toMatch(/webex_calling still assigned/);
  });
});
