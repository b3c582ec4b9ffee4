import { describe, expect, it } from 'vitest';
import { TEST_ORIGIN, type TestApp } from '../../../adapters/testing.ts';
import { createTestApp } from '../../../adapters/testing.ts';
import { DELETE_BATCH } from '../../../core/organisations/customers.ts';
import { createValidatingApp } from '../../../../test/openapi/validating-app.ts';

import {
  ADDRESS,
  ADMIN,
  advance,
  customerBody,
  provisionedCustomer,
  provisioningId,
} from '../../../../test/fixtures/wholesale.ts';

const post = async (t: TestApp, extra: Record<string, unknown> = {}) =>
  t.call('POST', '/v1/wholesale/customers', {
    ...ADMIN,
    json: customerBody(await provisioningId(t), extra),
  });
const get = async (t: TestApp, id: string) =>
  (await t.call('GET', `/v1/wholesale/customers/${id}`, ADMIN)).body;
const idOf = (url: string) => url.split('/').pop()!;

describe('POST /v1/wholesale/customers', () => {
  it('answers 202 with the url and Location, then moves provisioning → provisioned on the virtual clock (SIM-1)', async () => {
    const t = createValidatingApp();
    const r = await post(t);
    expect(r.status).toBe(202);
    expect(r.body.url).toMatch(new RegExp(`^${TEST_ORIGIN}/v1/wholesale/customers/`));
    expect(r.headers.get('location')).toBe(r.body.url);
    const id = idOf(r.body.url);
    expect(Buffer.from(id, 'base64url').toString()).toMatch(
      /^ciscospark:\/\/us\/ENTERPRISE\/[0-9a-f-]{36}$/,
    );
    const before = await get(t, id);
    expect(before).toMatchObject({
      status: 'provisioning',
      externalId: 'ext-1',
      packages: ['webex_calling', 'webex_meetings'],
      errors: [],
    });
    expect(before.orgId).toBeUndefined();
    await advance(t, 'PT4M59S');
    expect((await get(t, id)).status).toBe('provisioning');
    await advance(t, 'PT1S');
    const after = await get(t, id);
    expect(after.status).toBe('provisioned');
    expect(after.orgId).toEqual(expect.any(String));
    expect(after.resourceDetails.packages).toEqual([
      { name: 'webex_calling', status: 'provisioned' },
      { name: 'webex_meetings', status: 'provisioned' },
    ]);
  });

  it('takes its delay from /sim/config', async () => {
    const t = createValidatingApp();
    await t.call('PATCH', '/sim/config', { json: { delays: { customer: 'PT10S' } } });
    const id = idOf((await post(t)).body.url);
    await advance(t, 'PT10S');
    expect((await get(t, id)).status).toBe('provisioned');
  });

  it('ends in error with the injected step fault in errors[] (SIM-4)', async () => {
    const t = createValidatingApp();
    await t.call('POST', '/sim/faults', {
      json: {
        on: 'customer',
        errorCode: 4003,
        description: 'Calling location could not be created',
        times: 1,
      },
    });
    const id = idOf((await post(t)).body.url);
    await advance(t, 'PT5M');
    expect(await get(t, id)).toMatchObject({
      status: 'error',
      errors: [{ errorCode: 4003, description: 'Calling location could not be created' }],
    });
  });

  it('needs a calling location for calling packages', async () => {
    const t = createValidatingApp();
    const r = await post(t, { provisioningParameters: {} });
    expect(r.status).toBe(400);
    expect(r.body.errors).toEqual([
      {
        description: 'provisioningParameters.calling.location: is required for calling packages',
        errorCode: 1001,
      },
    ]);
  });

  it('follows the published required fields: provisioningId, packages, externalId, address', async () => {
    const t = createValidatingApp();
    const r = await t.call('POST', '/v1/wholesale/customers', { ...ADMIN, json: {} });
    expect(r.status).toBe(400);
    expect(r.body.errors.map((e: { description: string }) => e.description)).toEqual(
      expect.arrayContaining([
        'provisioningId: is required',
        'packages: is required',
        'externalId: is required',
        'address: is required',
      ]),
    );
    expect(r.body.errors.every((e: { errorCode: number }) => e.errorCode === 1001)).toBe(true);
  });

  it('rejects an address line over 50 characters with 1002', async () => {
    const t = createValidatingApp();
    const r = await post(t, { address: { ...ADDRESS, addressLine1: 'x'.repeat(51) } });
    expect(r.body.errors).toEqual([
      { description: 'address.addressLine1: must be at most 50 characters', errorCode: 1002 },
    ]);
  });

  it('rejects an unknown provisioning ID (404) and a broadworks one (400) (TPL-1)', async () => {
    const t = createValidatingApp();
    expect(
      (
        await t.call('POST', '/v1/wholesale/customers', {
          ...ADMIN,
          json: customerBody('0'.repeat(32)),
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await t.call('POST', '/v1/wholesale/customers', {
          ...ADMIN,
          json: customerBody(await provisioningId(t, 'wholesale', 1)),
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await t.call('POST', '/v1/wholesale/customers', {
          ...ADMIN,
          json: customerBody(await provisioningId(t, 'broadworks')),
        })
      ).status,
    ).toBe(400);
  });

  it('refuses a second customer with the same externalId (409)', async () => {
    const t = createValidatingApp();
    expect((await post(t)).status).toBe(202);
    const again = await post(t);
    expect(again.status).toBe(409);
    expect(again.body.errors[0].errorCode).toBe(1200);
  });

  it('415 for a body that is not JSON; readonly may not provision (403)', async () => {
    const t = createValidatingApp();
    expect(
      (
        await t.call('POST', '/v1/wholesale/customers', {
          ...ADMIN,
          body: 'x',
          headers: { 'content-type': 'text/plain' },
        })
      ).status,
    ).toBe(415);
    expect(
      (
        await t.call('POST', '/v1/wholesale/customers', {
          token: 'acme-readonly',
          json: customerBody(await provisioningId(t)),
        })
      ).status,
    ).toBe(403);
  });

  it('answers injected 429s with Retry-After and creates nothing (SIM-4)', async () => {
    const t = createValidatingApp();
    await t.call('POST', '/sim/faults', {
      json: {
        method: 'POST',
        path: '/v1/wholesale/customers',
        status: 429,
        retryAfter: 5,
        times: 1,
      },
    });
    const limited = await post(t);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('5');
    expect((await t.call('GET', '/v1/wholesale/customers', ADMIN)).body.items).toEqual([]);
    expect((await post(t)).status).toBe(202);
  });
});

describe('GET /v1/wholesale/customers', () => {
  const three = async (t: TestApp) => {
    for (const n of [1, 2, 3]) await post(t, { externalId: `ext-${n}` });
  };

  it('pages with max and offset, and a Link to the next page with the same filters', async () => {
    const t = createValidatingApp();
    await three(t);
    const first = await t.call('GET', '/v1/wholesale/customers?max=2&status=provisioning', ADMIN);
    expect(first.body.items.map((c: { externalId: string }) => c.externalId)).toEqual([
      'ext-1',
      'ext-2',
    ]);
    const link = first.headers.get('link')!;
    expect(link).toMatch(/^<http:\/\/provisim\.test\/v1\/wholesale\/customers\?.*>; rel="next"$/);
    const next = new URL(link.slice(1, link.indexOf('>')));
    expect(next.searchParams.get('status')).toBe('provisioning');
    const second = await t.call('GET', `${next.pathname}${next.search}`, ADMIN);
    expect(second.body.items.map((c: { externalId: string }) => c.externalId)).toEqual(['ext-3']);
    // The last page links back: first and prev, no next (api.md, Wave 2 pins).
    const back = Object.fromEntries(
      [...second.headers.get('link')!.matchAll(/<([^>]+)>; rel="(\w+)"/g)].map((m) => [m[2], m[1]]),
    );
    expect(Object.keys(back)).toEqual(['first', 'prev']);
    expect(new URL(back.first!).searchParams.get('offset')).toBe('0');
    expect(new URL(back.prev!).searchParams.get('status')).toBe('provisioning');
  });

  it('filters by status (repeated and comma-separated), externalId and orgId', async () => {
    const t = createValidatingApp();
    await three(t);
    await advance(t, 'PT5M');
    await post(t, { externalId: 'ext-4' });
    const ids = async (q: string) =>
      (await t.call('GET', `/v1/wholesale/customers?${q}`, ADMIN)).body.items.map(
        (c: { externalId: string }) => c.externalId,
      );
    expect(await ids('status=provisioning')).toEqual(['ext-4']);
    expect(await ids('status=provisioned,provisioning')).toHaveLength(4);
    expect(await ids('status=error&status=provisioning')).toEqual(['ext-4']);
    expect(await ids('externalId=ext-2')).toEqual(['ext-2']);
    const orgId = (await t.call('GET', '/v1/wholesale/customers?externalId=ext-3', ADMIN)).body
      .items[0].orgId;
    expect(await ids(`orgId=${orgId}`)).toEqual(['ext-3']);
  });

  it('rejects a bad max or status naming the parameter', async () => {
    const t = createValidatingApp();
    const tooMany = await t.call('GET', '/v1/wholesale/customers?max=5000', ADMIN);
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors[0]).toEqual({
      description: 'max: must be at most 1000',
      errorCode: 1002,
    });
    expect(
      (await t.call('GET', '/v1/wholesale/customers?max=zero', ADMIN)).body.errors[0].description,
    ).toMatch(/^max: must be a whole number/);
    expect(
      (await t.call('GET', '/v1/wholesale/customers?status=sleeping', ADMIN)).body.errors[0]
        .description,
    ).toMatch(/^status: "sleeping" is not a customer status/);
  });

  it("lists only the partner's own customers; another partner's answers 404 (SIM-3)", async () => {
    const t = createValidatingApp();
    const id = idOf((await post(t)).body.url);
    expect(
      (await t.call('GET', '/v1/wholesale/customers', { token: 'globex-admin' })).body.items,
    ).toEqual([]);
    // Not through a filter's index either.
    const external = (await get(t, id)).externalId;
    expect(
      (
        await t.call('GET', `/v1/wholesale/customers?externalId=${external}`, {
          token: 'globex-admin',
        })
      ).body.items,
    ).toEqual([]);
    expect(
      (await t.call('GET', `/v1/wholesale/customers?externalId=${external}`, ADMIN)).body.items,
    ).toHaveLength(1);
    expect(
      (await t.call('GET', `/v1/wholesale/customers/${id}`, { token: 'globex-admin' })).status,
    ).toBe(404);
    expect(
      (await t.call('DELETE', `/v1/wholesale/customers/${id}`, { token: 'globex-admin' })).status,
    ).toBe(404);
    expect((await get(t, id)).status).toBe('provisioning');
  });
});

describe('PUT and DELETE /v1/wholesale/customers/{id}', () => {
  it('updates: 202, updating, then provisioned; refuses while provisioning (409)', async () => {
    const t = createValidatingApp();
    const id = idOf((await post(t)).body.url);
    const early = await t.call('PUT', `/v1/wholesale/customers/${id}`, {
      ...ADMIN,
      json: { packages: ['webex_calling'] },
    });
    expect(early.status).toBe(409);
    await advance(t, 'PT5M');
    const r = await t.call('PUT', `/v1/wholesale/customers/${id}`, {
      ...ADMIN,
      json: { packages: ['webex_calling', 'webex_suite'], externalId: 'ext-9' },
    });
    expect(r.status).toBe(202);
    expect(r.body.url).toBe(`${TEST_ORIGIN}/v1/wholesale/customers/${id}`);
    expect(await get(t, id)).toMatchObject({
      status: 'updating',
      packages: ['webex_calling', 'webex_suite'],
      externalId: 'ext-9',
    });
    await advance(t, 'PT2M');
    expect((await get(t, id)).status).toBe('provisioned');
  });

  it('deletes: 202, deleting, then gone (404)', async () => {
    const t = createValidatingApp();
    const id = idOf((await post(t)).body.url);
    await advance(t, 'PT5M');
    const r = await t.call('DELETE', `/v1/wholesale/customers/${id}`, ADMIN);
    expect(r.status).toBe(202);
    expect((await get(t, id)).status).toBe('deleting');
    expect((await t.call('DELETE', `/v1/wholesale/customers/${id}`, ADMIN)).status).toBe(409);
    await advance(t, 'PT1M');
    expect((await t.call('GET', `/v1/wholesale/customers/${id}`, ADMIN)).status).toBe(404);
  });

  it('removes a customer of more users than a step removes a batch at a time, each batch one bounded write', async () => {
    const t = createTestApp();
    const id = await provisionedCustomer(t);
    const users = DELETE_BATCH * 2 + 7;
    for (let i = 0; i < users; i += 1) {
      const r = await t.call('POST', '/v1/wholesale/subscribers', {
        ...ADMIN,
        json: {
          customerId: id,
          email: `u${i}@big.example`,
          packages: ['webex_meetings'],
          provisioningParameters: { firstName: 'U', lastName: String(i) },
        },
      });
      expect(r.status).toBe(200);
    }
    const ofCustomer = (s: object) => (s as { customerId?: string }).customerId === id;
    const others = t.store.list('subscribers').filter((s) => !ofCustomer(s));
    // Every write the store takes while the customer goes: how many users each removes.
    const removedPerWrite: number[] = [];
    const apply = t.store.apply.bind(t.store);
    t.store.apply = (changes) => {
      const removed = changes.filter((c) => c.op === 'delete' && c.collection === 'subscribers');
      if (removed.length > 0) removedPerWrite.push(removed.length);
      apply(changes);
    };
    expect((await t.call('DELETE', `/v1/wholesale/customers/${id}`, ADMIN)).status).toBe(202);
    await advance(t, 'PT1M');
    // The users, and the administrator made with the customer.
    expect(removedPerWrite).toEqual([DELETE_BATCH, DELETE_BATCH, 8]);
    expect((await t.call('GET', `/v1/wholesale/customers/${id}`, ADMIN)).status).toBe(404);
    expect(t.store.list('subscribers')).toEqual(others);
    expect(t.store.count('events')).toBe(0);
  });
});

describe('POST /v1/wholesale/customers/validate', () => {
  const V = '/v1/wholesale/customers/validate';
  const OK = {
    message: 'success',
    info: { infoCode: 100, description: 'Provisioning Precheck validation successful.' },
  };

  it("the address-and-email variant: Cisco's example passes (readonly may); a country Webex does not serve, or no customerInfo, is 400", async () => {
    const t = createValidatingApp();
    const before = JSON.stringify(t.store.dump());
    const short = { address: ADDRESS, customerInfo: { primaryEmail: 'x@x.example' } };
    const good = await t.call('POST', V, { token: 'acme-readonly', json: short });
    expect(good.status).toBe(200);
    expect(good.body).toEqual(OK);
    const bad = await t.call('POST', V, {
      ...ADMIN,
      json: { ...short, address: { ...ADDRESS, country: 'KP' } },
    });
    expect(bad.status).toBe(400);
    expect((await t.call('POST', V, { ...ADMIN, json: {} })).body.errors[0]).toEqual({
      description: 'address: is required',
      errorCode: 1001,
    });
    const noEmail = await t.call('POST', V, { ...ADMIN, json: { address: ADDRESS } });
    expect(noEmail.status).toBe(400);
    expect(noEmail.body.errors[0]).toMatchObject({
      description: expect.stringMatching(/^customerInfo: is required/),
      errorCode: 1001,
    });
    expect(JSON.stringify(t.store.dump())).toBe(before);
  });

  it('the provisioning variant: the full body passes; a provisioning field makes every required one needed, and the checks of provisioning apply', async () => {
    const t = createValidatingApp();
    const pid = await provisioningId(t);
    const before = JSON.stringify(t.store.dump());
    expect((await t.call('POST', V, { ...ADMIN, json: customerBody(pid) })).body).toEqual(OK);
    const partial = await t.call('POST', V, {
      ...ADMIN,
      json: {
        provisioningId: pid,
        address: ADDRESS,
        customerInfo: { primaryEmail: 'x@x.example' },
      },
    });
    expect(partial.status).toBe(400);
    expect(partial.body.errors.map((e: { description: string }) => e.description)).toEqual(
      expect.arrayContaining(['packages: is required', 'externalId: is required']),
    );
    // Calling without a calling location: refused by the precheck as by provisioning.
    const { provisioningParameters: _p, ...noLocation } = customerBody(pid);
    const refused = await t.call('POST', V, { ...ADMIN, json: noLocation });
    const provisioned = await t.call('POST', '/v1/wholesale/customers', {
      ...ADMIN,
      json: noLocation,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual(provisioned.body.errors);
    expect(JSON.stringify(t.store.dump())).toBe(before);
  });
});

describe('GET /v1/locations', () => {
  it("lists a provisioned customer's locations by orgId", async () => {
    const t = createValidatingApp();
    const id = idOf((await post(t)).body.url);
    await advance(t, 'PT5M');
    const orgId = (await get(t, id)).orgId;
    const r = await t.call('GET', `/v1/locations?orgId=${orgId}`, ADMIN);
    expect(r.body.items).toEqual([
      {
        id: expect.any(String),
        name: 'Head Office',
        orgId,
        timeZone: 'America/Los_Angeles',
        preferredLanguage: 'en_us',
        address: {
          address1: '771 Alder Drive',
          city: 'Milpitas',
          state: 'CA',
          postalCode: '95035',
          country: 'US',
        },
      },
    ]);
    expect((await t.call('GET', '/v1/locations', ADMIN)).body.errors[0].errorCode).toBe(1001);
    expect(
      (await t.call('GET', `/v1/locations?orgId=${orgId}`, { token: 'globex-admin' })).status,
    ).toBe(404);
  });
});
