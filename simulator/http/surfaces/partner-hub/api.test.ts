import { describe, expect, it } from 'vitest';
import { createTestApp, TEST_ORIGIN, type TestApp } from '../../../adapters/testing.ts';

const ADMIN = { token: 'acme-admin' };
const descriptions = (body: { errors: { description: string; errorCode?: number }[] }) =>
  body.errors.map((e) => e.description);

const world = async (t: TestApp) => (await t.call('GET', '/sim/world')).body;

const wholesaleTemplate = async (t: TestApp, extra: Record<string, unknown> = {}) => {
  const w = await world(t);
  return t.call('POST', '/partner-hub/api/templates', {
    ...ADMIN,
    json: {
      name: 'Retail',
      offer: 'wholesale',
      country: 'US',
      language: 'en_US',
      subscriptionId: w.partners[0].subscriptions[0].id,
      authMethod: 'webex',
      ...extra,
    },
  });
};

const HQ = {
  addressLine1: '771 Alder Drive',
  city: 'Milpitas',
  stateOrProvince: 'CA',
  zipOrPostalCode: '95035',
  country: 'US',
};

export const createCustomer = async (t: TestApp, extra: Record<string, unknown> = {}) => {
  const w = await world(t);
  const provisioningId = w.partners[0].templates.find(
    (x: { offer: string }) => x.offer === 'wholesale',
  ).provisioningId;
  return t.call('POST', '/partner-hub/api/customers', {
    ...ADMIN,
    json: {
      companyName: 'Pizza Planet',
      adminEmail: 'owner@pizza.example',
      provisioningId,
      packages: ['webex_calling'],
      headquarters: HQ,
      supportedLocationAttested: true,
      ...extra,
    },
  });
};

describe('templates (TPL-1..4)', () => {
  it('creates a wholesale template with a provisioning ID (TPL-3)', async () => {
    const t = createTestApp();
    const r = await wholesaleTemplate(t);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      name: 'Retail',
      offer: 'wholesale',
      provisioningId: expect.stringMatching(/^[0-9a-f]{32}$/),
      warnings: [],
    });
    expect(r.headers.get('location')).toBe(`${TEST_ORIGIN}/partner-hub/api/templates/${r.body.id}`);
    expect(
      (await t.call('GET', `/partner-hub/api/templates/${r.body.id}`, ADMIN)).body.provisioningId,
    ).toBe(r.body.provisioningId);
  });

  it('accepts a cloud-connected PSTN provider but warns (TPL-3)', async () => {
    const t = createTestApp();
    const w = await world(t);
    const r = await wholesaleTemplate(t, { pstnProvider: w.pstnProviders[0] });
    expect(r.status).toBe(201);
    expect(r.body.warnings).toEqual([{ description: expect.stringMatching(/not recommend/) }]);
    expect(
      (await wholesaleTemplate(t, { name: 'Other', pstnProvider: 'Nobody PSTN' })).status,
    ).toBe(400);
  });

  it("needs a subscription of the partner's own: another partner's answers 404 (TPL-3, SIM-3)", async () => {
    const t = createTestApp();
    const w = await world(t);
    const r = await wholesaleTemplate(t, { subscriptionId: w.partners[1].subscriptions[0].id });
    expect(r.status).toBe(404);
  });

  it('rejects missing fields one by one, naming each (TPL-3)', async () => {
    const t = createTestApp();
    const r = await t.call('POST', '/partner-hub/api/templates', {
      ...ADMIN,
      json: { offer: 'wholesale' },
    });
    expect(r.status).toBe(400);
    expect(r.body.errors).toEqual(
      expect.arrayContaining([
        { description: 'name: is required', errorCode: 1001 },
        { description: 'country: is required', errorCode: 1001 },
        { description: 'language: is required', errorCode: 1001 },
      ]),
    );
    const wholesale = await t.call('POST', '/partner-hub/api/templates', {
      ...ADMIN,
      json: { name: 'X', offer: 'wholesale', country: 'US', language: 'en' },
    });
    expect(descriptions(wholesale.body)).toEqual([
      'subscriptionId: is required for a wholesale template',
      'authMethod: is required for a wholesale template',
    ]);
  });

  it('creates a broadworks template whose share link defaults to its activation link (TPL-4)', async () => {
    const t = createTestApp();
    const r = await t.call('POST', '/partner-hub/api/templates', {
      ...ADMIN,
      json: {
        name: 'BW',
        offer: 'broadworks',
        country: 'US',
        language: 'en_US',
        userVerification: { emailTrust: 'untrusted' },
      },
    });
    expect(r.status).toBe(201);
    expect(r.body.activationLink).toMatch(new RegExp(`^${TEST_ORIGIN}/activation/[a-z0-9]{16}$`));
    expect(r.body.userVerification).toEqual({
      emailTrust: 'untrusted',
      shareLink: r.body.activationLink,
    });
    const none = await t.call('POST', '/partner-hub/api/templates', {
      ...ADMIN,
      json: { name: 'BW2', offer: 'broadworks', country: 'US', language: 'en_US' },
    });
    expect(descriptions(none.body)).toEqual([
      'userVerification.emailTrust: is required for a broadworks template',
    ]);
  });

  it('keeps many templates per partner; names are unique per offer (TPL-2)', async () => {
    const t = createTestApp();
    expect((await wholesaleTemplate(t, { name: 'A' })).status).toBe(201);
    expect((await wholesaleTemplate(t, { name: 'B' })).status).toBe(201);
    expect((await wholesaleTemplate(t, { name: 'a' })).status).toBe(409);
    const mine = (
      await t.call('GET', '/partner-hub/api/templates?offer=wholesale', ADMIN)
    ).body.items.map((x: { name: string }) => x.name);
    expect(mine).toEqual(expect.arrayContaining(['A', 'B']));
  });

  it('changes a template with PATCH, but never its offer', async () => {
    const t = createTestApp();
    const id = (await wholesaleTemplate(t)).body.id;
    const p = await t.call('PATCH', `/partner-hub/api/templates/${id}`, {
      ...ADMIN,
      json: { name: 'Renamed', language: 'es_ES' },
    });
    expect(p.body).toMatchObject({ name: 'Renamed', language: 'es_ES' });
    const o = await t.call('PATCH', `/partner-hub/api/templates/${id}`, {
      ...ADMIN,
      json: { offer: 'broadworks' },
    });
    expect(o.status).toBe(400);
    expect(descriptions(o.body)[0]).toMatch(/^offer: cannot change/);
  });

  it('deletes an unused template; one in use answers 409 (TPL-2)', async () => {
    const t = createTestApp();
    const unused = (await wholesaleTemplate(t)).body.id;
    expect((await t.call('DELETE', `/partner-hub/api/templates/${unused}`, ADMIN)).status).toBe(
      204,
    );
    expect((await t.call('GET', `/partner-hub/api/templates/${unused}`, ADMIN)).status).toBe(404);
    const customer = (await createCustomer(t)).body;
    const r = await t.call('DELETE', `/partner-hub/api/templates/${customer.templateId}`, ADMIN);
    expect(r.status).toBe(409);
    expect(r.body.message).toMatch(/in use by 1 customer/);
  });

  it('shows a partner only its own templates (SIM-3)', async () => {
    const t = createTestApp();
    const id = (await wholesaleTemplate(t)).body.id;
    expect(
      (await t.call('GET', `/partner-hub/api/templates/${id}`, { token: 'globex-admin' })).status,
    ).toBe(404);
    expect(
      (
        await t.call('PATCH', `/partner-hub/api/templates/${id}`, {
          token: 'globex-admin',
          json: { name: 'Mine' },
        })
      ).status,
    ).toBe(404);
    const theirs = (await t.call('GET', '/partner-hub/api/templates', { token: 'globex-admin' }))
      .body.items;
    expect(theirs.some((x: { id: string }) => x.id === id)).toBe(false);
  });

  it('lets readonly read but not write; orderer and viewer not even read', async () => {
    const t = createTestApp();
    expect(
      (await t.call('GET', '/partner-hub/api/templates', { token: 'acme-readonly' })).status,
    ).toBe(200);
    expect(
      (await t.call('POST', '/partner-hub/api/templates', { token: 'acme-readonly', json: {} }))
        .status,
    ).toBe(403);
    expect(
      (await t.call('GET', '/partner-hub/api/templates', { token: 'acme-viewer' })).status,
    ).toBe(403);
  });
});

describe('customers (ORG-1, ORG-2, TPL-1)', () => {
  it('creates a customer under a template, with the headquarters as first and calling location', async () => {
    const t = createTestApp();
    const r = await createCustomer(t);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      companyName: 'Pizza Planet',
      adminEmail: 'owner@pizza.example',
      packages: ['webex_calling'],
      status: 'provisioning',
      supportedLocationAttested: true,
    });
    expect(r.body.locations).toEqual([
      {
        id: r.body.headquartersLocationId,
        name: 'Headquarters',
        address: HQ,
        timezone: 'America/New_York',
        language: 'en_US',
      },
    ]);
    expect(r.body.callingLocationId).toBe(r.body.headquartersLocationId);
    await t.call('POST', '/sim/clock', { json: { advance: 'PT5M' } });
    const after = (await t.call('GET', `/partner-hub/api/customers/${r.body.id}`, ADMIN)).body;
    expect(after.status).toBe('provisioned');
    expect(after.orgId).toEqual(expect.any(String));
    const v1 = await t.call('GET', `/v1/wholesale/customers/${r.body.id}`, ADMIN);
    expect(v1.body).toMatchObject({
      id: r.body.id,
      status: 'provisioned',
      packages: ['webex_calling'],
    });
  });

  it('rejects missing and malformed fields, field by field, creating nothing (ORG-1)', async () => {
    const t = createTestApp();
    const r = await t.call('POST', '/partner-hub/api/customers', {
      ...ADMIN,
      json: {
        adminEmail: 'not-an-email',
        packages: [],
        headquarters: { city: 'X', country: 'usa' },
      },
    });
    expect(r.status).toBe(400);
    expect(descriptions(r.body)).toEqual(
      expect.arrayContaining([
        'companyName: is required',
        'adminEmail: must be an email address such as ana@example.com',
        'provisioningId: is required',
        'packages: must name at least one package',
        'headquarters.addressLine1: is required',
        'headquarters.country: must be an ISO 3166 alpha-2 code such as US',
        'supportedLocationAttested: is required',
      ]),
    );
    expect((await t.call('GET', '/partner-hub/api/customers', ADMIN)).body.items).toEqual([]);
  });

  it("needs the template to be a wholesale one of the partner's (TPL-1)", async () => {
    const t = createTestApp();
    const w = await world(t);
    expect((await createCustomer(t, { provisioningId: 'f'.repeat(32) })).status).toBe(404);
    expect(
      (await createCustomer(t, { provisioningId: w.partners[1].templates[0].provisioningId }))
        .status,
    ).toBe(404);
    const bw = await createCustomer(t, {
      provisioningId: w.partners[0].templates.find(
        (x: { offer: string }) => x.offer === 'broadworks',
      ).provisioningId,
    });
    expect(bw.status).toBe(400);
    expect(descriptions(bw.body)[0]).toMatch(/^provisioningId: names the broadworks template/);
  });

  it('needs the supported-location attestation, and a supported country even with it (ORG-2)', async () => {
    const t = createTestApp();
    const unattested = await createCustomer(t, { supportedLocationAttested: false });
    expect(unattested.status).toBe(400);
    expect(descriptions(unattested.body)).toEqual([
      'supportedLocationAttested: the partner must attest that the headquarters is in a Webex-supported location (ORG-2)',
    ]);
    const unsupported = await createCustomer(t, { headquarters: { ...HQ, country: 'KP' } });
    expect(unsupported.status).toBe(400);
    // Named as the caller sent it, once (api.md, Wave 2 pins): not `/v1`'s address.country.
    expect(descriptions(unsupported.body)).toHaveLength(1);
    expect(descriptions(unsupported.body)[0]).toMatch(
      /^headquarters\.country: KP is not a Webex-supported location/,
    );
    expect((await t.call('GET', '/partner-hub/api/customers', ADMIN)).body.items).toEqual([]);
  });

  it('checks package dependencies (api.md, Packages)', async () => {
    const t = createTestApp();
    const r = await createCustomer(t, { packages: ['webex_meetings', 'attendant_console'] });
    expect(descriptions(r.body)).toEqual([
      'packages: attendant_console needs one of webex_calling, webex_suite, cx_essentials beside it',
    ]);
    expect(
      (
        await createCustomer(t, {
          packages: ['webex_calling', 'attendant_console', 'cisco_calling_plan'],
        })
      ).status,
    ).toBe(201);
    expect(
      descriptions((await createCustomer(t, { packages: ['webex_teleport'] })).body)[0],
    ).toMatch(/^packages\[0\]: "webex_teleport" is not a customer package/);
  });

  it('one template serves many customers (TPL-2)', async () => {
    const t = createTestApp();
    const a = (await createCustomer(t)).body;
    const b = (await createCustomer(t, { companyName: 'Second' })).body;
    expect(a.templateId).toBe(b.templateId);
    expect((await t.call('GET', '/partner-hub/api/customers', ADMIN)).body.items).toHaveLength(2);
  });

  it('adds more locations, unique by name (ORG-3)', async () => {
    const t = createTestApp();
    const c = (await createCustomer(t)).body;
    const branch = {
      name: 'Branch',
      address: { addressLine1: '1 Main St', city: 'Austin', country: 'US' },
    };
    const r = await t.call('POST', `/partner-hub/api/customers/${c.id}/locations`, {
      ...ADMIN,
      json: branch,
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ name: 'Branch', timezone: 'America/New_York' });
    expect(
      (
        await t.call('POST', `/partner-hub/api/customers/${c.id}/locations`, {
          ...ADMIN,
          json: branch,
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await t.call('POST', `/partner-hub/api/customers/${c.id}/locations`, {
          ...ADMIN,
          json: { name: 'X' },
        })
      ).status,
    ).toBe(400);
    const detail = (await t.call('GET', `/partner-hub/api/customers/${c.id}`, ADMIN)).body;
    expect(detail.locations.map((l: { name: string }) => l.name)).toEqual([
      'Headquarters',
      'Branch',
    ]);
    expect(
      (
        await t.call('POST', `/partner-hub/api/customers/${c.id}/locations`, {
          token: 'globex-admin',
          json: branch,
        })
      ).status,
    ).toBe(404);
  });
});
