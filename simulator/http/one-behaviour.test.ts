import { describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../adapters/testing.ts';
import {
  ADDRESS,
  ADMIN,
  advance,
  customerBody,
  provisionedCustomer,
  provisioningId,
} from '../../test/fixtures/wholesale.ts';
import { bwBody, bwWorld } from '../../test/fixtures/broadworks.ts';

// api.md, "Wave 2 pins / One behaviour whichever door": each point through every door it concerns.

const v1Subscribers = async (t: TestApp, customerId: string) =>
  (await t.call('GET', `/v1/wholesale/subscribers?customerId=${customerId}`, ADMIN)).body.items as {
    id: string;
    email: string;
    packages: string[];
    status: string;
  }[];

const phUsers = async (t: TestApp, customerId: string) =>
  (await t.call('GET', `/partner-hub/api/customers/${customerId}/users`, ADMIN)).body.items as {
    id: string;
    email: string;
    role: string;
    package: string;
  }[];

const HQ = { addressLine1: '1 Main St', city: 'Milpitas', country: 'US' };

/** A customer made in Partner Hub, provisioned; answers its id. */
const partnerHubCustomer = async (t: TestApp, packages = ['webex_calling', 'webex_meetings']) => {
  const r = await t.call('POST', '/partner-hub/api/customers', {
    ...ADMIN,
    json: {
      companyName: 'Hub Co',
      adminEmail: 'boss@hub.example',
      provisioningId: await provisioningId(t),
      packages,
      headquarters: HQ,
      supportedLocationAttested: true,
    },
  });
  expect(r.status).toBe(201);
  return r.body.id as string;
};

/** A customer made through CCW's Set Up Your Service; answers its id. */
const ccwCustomer = async (t: TestApp) => {
  const order = await t.call('POST', '/ccw/api/orders', {
    token: 'acme-orderer',
    json: {
      lines: [
        {
          offer: 'A-FLEX',
          provisioningContactEmail: 'pc@ccw.example',
          requestedStartDate: '2026-01-01T00:00:00Z',
          packages: ['webex_meetings'],
        },
      ],
    },
  });
  const mail = (await t.call('GET', '/sim/mail?to=pc@ccw.example')).body.items[0];
  const token = (mail.links[0].url as string).split('/').pop()!;
  const setup = await t.call('POST', `/ccw/api/setup/${token}`, {
    json: { companyName: 'CCW Co', adminEmail: 'boss@ccw.example', headquarters: HQ },
  });
  expect(order.status).toBe(201);
  expect(setup.status).toBe(201);
  return setup.body.id as string;
};

describe('the full administrator exists from the moment the customer is provisioned, on every door', () => {
  it('/v1: customerInfo.primaryEmail, holding the first package; not before provisioned', async () => {
    const t = createTestApp();
    const r = await t.call('POST', '/v1/wholesale/customers', {
      ...ADMIN,
      json: customerBody(await provisioningId(t)),
    });
    const id = (r.body.url as string).split('/').pop()!;
    expect(await v1Subscribers(t, id)).toEqual([]);
    await advance(t, 'PT5M');
    expect(await v1Subscribers(t, id)).toMatchObject([
      { email: 'john@pizza.example', packages: ['webex_calling'], status: 'provisioned' },
    ]);
    expect(await phUsers(t, id)).toMatchObject([
      { email: 'john@pizza.example', role: 'full_admin' },
    ]);
  });

  it('Partner Hub: adminEmail, listed by /v1 too', async () => {
    const t = createTestApp();
    const id = await partnerHubCustomer(t, ['webex_meetings', 'webex_calling']);
    expect(await phUsers(t, id)).toEqual([]);
    await advance(t, 'PT5M');
    expect(await v1Subscribers(t, id)).toMatchObject([
      { email: 'boss@hub.example', packages: ['webex_meetings'] },
    ]);
    expect(await phUsers(t, id)).toMatchObject([{ role: 'full_admin', package: 'webex_meetings' }]);
  });

  it('CCW: the setup form admin, listed by /v1 and Partner Hub', async () => {
    const t = createTestApp();
    const id = await ccwCustomer(t);
    await advance(t, 'PT5M');
    expect(await v1Subscribers(t, id)).toMatchObject([{ email: 'boss@ccw.example' }]);
    expect(await phUsers(t, id)).toMatchObject([{ email: 'boss@ccw.example', role: 'full_admin' }]);
  });
});

describe('ORG-4 holds on every door: a downgrade or removal of the full administrator answers 409', () => {
  const setUp = async () => {
    const t = createTestApp();
    const cid = await provisionedCustomer(t, 'ext-1', ['webex_suite', 'webex_meetings']);
    const admin = (await v1Subscribers(t, cid))[0]!;
    expect(admin.packages).toEqual(['webex_suite']);
    return { t, cid, admin };
  };
  const unchanged = async (t: TestApp, cid: string) =>
    expect((await v1Subscribers(t, cid))[0]!.packages).toEqual(['webex_suite']);

  it('/v1 PUT and DELETE', async () => {
    const { t, cid, admin } = await setUp();
    const put = await t.call('PUT', `/v1/wholesale/subscribers/${admin.id}`, {
      ...ADMIN,
      json: { packages: ['webex_meetings'] },
    });
    expect(put.status).toBe(409);
    expect(put.body.errors[0]).toMatchObject({ errorCode: 1200 });
    expect(put.body.errors[0].description).toMatch(/full administrator.*\(ORG-4\)/);
    const del = await t.call('DELETE', `/v1/wholesale/subscribers/${admin.id}`, ADMIN);
    expect(del.status).toBe(409);
    await unchanged(t, cid);
  });

  it('Partner Hub PATCH and DELETE', async () => {
    const { t, cid, admin } = await setUp();
    const patch = await t.call('PATCH', `/partner-hub/api/customers/${cid}/users/${admin.id}`, {
      ...ADMIN,
      json: { package: 'webex_meetings' },
    });
    expect(patch.status).toBe(409);
    expect(patch.body.errors[0].description).toMatch(/^package: .*full administrator/);
    const del = await t.call(
      'DELETE',
      `/partner-hub/api/customers/${cid}/users/${admin.id}`,
      ADMIN,
    );
    expect(del.status).toBe(409);
    await unchanged(t, cid);
  });

  it('CSV: a downgrade row and an all-FALSE row fail, changing nothing', async () => {
    const { t, cid } = await setUp();
    const csv = [
      'User ID/Email (Required),Webex Meetings [Wholesale],Webex Suite [Wholesale]',
      'john@pizza.example,TRUE,',
    ].join('\n');
    const r = await t.call('POST', `/partner-hub/api/customers/${cid}/users/csv`, {
      ...ADMIN,
      body: csv,
      headers: { 'content-type': 'text/csv' },
    });
    expect(r.body.rows[0]).toMatchObject({ outcome: 'failed', errors: [{ errorCode: 1200 }] });
    expect(r.body.rows[0].errors[0].description).toMatch(/^package columns: .*\(ORG-4\)/);
    const remove = await t.call('POST', `/partner-hub/api/customers/${cid}/users/csv`, {
      ...ADMIN,
      body: 'User ID/Email (Required),Webex Suite [Wholesale]\njohn@pizza.example,FALSE\n',
      headers: { 'content-type': 'text/csv' },
    });
    expect(remove.body.rows[0]).toMatchObject({ outcome: 'failed' });
    await unchanged(t, cid);
  });
});

describe('no GET, HEAD or page view changes anything', () => {
  it('reads every surface, pages included, and the store is byte for byte as it was', async () => {
    const t = createTestApp();
    const cid = await provisionedCustomer(t);
    const hub = await partnerHubCustomer(t);
    await advance(t, 'PT5M');
    const bw = await bwWorld(t);
    const before = JSON.stringify(t.store.dump());
    const reads = [
      '/v1/wholesale/customers',
      `/v1/wholesale/customers/${cid}`,
      '/v1/wholesale/subscribers',
      `/v1/wholesale/subscribers?customerId=${hub}`,
      '/v1/broadworks/subscribers',
      '/v1/broadworks/enterprises',
      '/v1/people/me',
      '/partner-hub/api/templates',
      '/partner-hub/api/customers',
      `/partner-hub/api/customers/${cid}`,
      `/partner-hub/api/customers/${cid}/users`,
      `/partner-hub/api/customers/${hub}/users`,
      `/partner-hub/api/customers/${hub}/users/csv`,
      `/partner-hub/api/templates/${bw.untrusted.id}/user-status`,
      `/partner-hub/api/templates/${bw.untrusted.id}/user-status.csv`,
      '/ccw/api/orders',
      '/ccw/api/subscriptions',
      '/partner-hub/customers',
      `/partner-hub/customers/${cid}`,
      `/partner-hub/customers/${hub}/users`,
      `/partner-hub/customers/${hub}/users/export.csv`,
      '/partner-hub/templates',
      '/ccw/orders',
      '/sim/world',
      '/sim/mail?to=john@pizza.example',
      '/',
      '/docs',
      '/openapi.json',
    ];
    for (const path of reads) {
      for (const method of ['GET', 'HEAD']) {
        const r = await t.call(method, path, {
          ...ADMIN,
          headers: { cookie: 'provisim_token=acme-admin' },
        });
        expect(r.status, `${method} ${path}`).toBe(200);
      }
    }
    expect(JSON.stringify(t.store.dump())).toBe(before);
  });
});

describe('a step scheduled for a status the resource has left does nothing', () => {
  it('a customer deleted while provisioning is never provisioned (/v1)', async () => {
    const t = createTestApp();
    const r = await t.call('POST', '/v1/wholesale/customers', {
      ...ADMIN,
      json: customerBody(await provisioningId(t)),
    });
    const id = (r.body.url as string).split('/').pop()!;
    await advance(t, 'PT4M30S');
    expect((await t.call('DELETE', `/v1/wholesale/customers/${id}`, ADMIN)).status).toBe(202);
    const seen: number[] = [];
    const statuses: string[] = [];
    for (let i = 0; i < 8; i++) {
      await advance(t, 'PT10S');
      const g = await t.call('GET', `/v1/wholesale/customers/${id}`, ADMIN);
      seen.push(g.status);
      if (g.status === 200) statuses.push(g.body.status);
    }
    expect(statuses).not.toContain('provisioned');
    expect(seen.at(-1)).toBe(404);
  });
});

describe('errors name the field as the caller sent it', () => {
  it('CCW setup names headquarters.country; /v1 names address.country', async () => {
    const t = createTestApp();
    await t.call('POST', '/ccw/api/orders', {
      token: 'acme-orderer',
      json: {
        lines: [
          {
            offer: 'EA',
            provisioningContactEmail: 'pc@ccw.example',
            requestedStartDate: '2026-01-01T00:00:00Z',
          },
        ],
      },
    });
    const mail = (await t.call('GET', '/sim/mail?to=pc@ccw.example')).body.items[0];
    const token = (mail.links[0].url as string).split('/').pop()!;
    const setup = await t.call('POST', `/ccw/api/setup/${token}`, {
      json: {
        companyName: 'CCW Co',
        adminEmail: 'boss@ccw.example',
        headquarters: { ...HQ, country: 'KP' },
      },
    });
    expect(setup.status).toBe(400);
    expect(setup.body.errors.map((e: { description: string }) => e.description)).toEqual([
      expect.stringMatching(/^headquarters\.country: KP is not a Webex-supported location/),
    ]);
    const v1 = await t.call('POST', '/v1/wholesale/customers', {
      ...ADMIN,
      json: customerBody(await provisioningId(t), { address: { ...ADDRESS, country: 'KP' } }),
    });
    expect(v1.body.errors[0].description).toMatch(/^address\.country: KP is not a Webex-supported/);
  });

  it('Partner Hub users name users[i].package; /v1 names packages', async () => {
    const t = createTestApp();
    const cid = await provisionedCustomer(t, 'ext-1', ['webex_meetings']);
    const loc = (await t.call('GET', `/partner-hub/api/customers/${cid}`, ADMIN)).body.locations[0]
      .id;
    const user = (email: string, pkg: string) => ({
      firstName: 'A',
      lastName: 'B',
      email,
      package: pkg,
      locationId: loc,
    });
    const ph = await t.call('POST', `/partner-hub/api/customers/${cid}/users`, {
      ...ADMIN,
      json: { users: [user('a@x.example', 'webex_meetings'), user('b@x.example', 'webex_suite')] },
    });
    expect(ph.status).toBe(400);
    expect(ph.body.errors[0].description).toMatch(
      /^users\[1\]\.package: the customer does not have/,
    );
    const v1 = await t.call('POST', '/v1/wholesale/subscribers', {
      ...ADMIN,
      json: {
        customerId: cid,
        email: 'c@x.example',
        packages: ['webex_suite'],
        provisioningParameters: {},
      },
    });
    expect(v1.body.errors[0].description).toMatch(/^packages: the customer does not have/);
  });
});

describe('an email in use answers 409 with 10022 on every door', () => {
  const taken = 'john@pizza.example';
  const expect10022 = (r: { status: number; body: { errors: { errorCode?: number }[] } }) => {
    expect(r.status).toBe(409);
    expect(r.body.errors.map((e) => e.errorCode)).toContain(10022);
  };

  it('/v1 wholesale, Partner Hub add, CSV row, /v1 BroadWorks, the activation portal', async () => {
    const t = createTestApp();
    const cid = await provisionedCustomer(t, 'ext-1', ['webex_meetings']);
    const other = await provisionedCustomer(t, 'ext-2', ['webex_meetings']);
    expect10022(
      await t.call('POST', '/v1/wholesale/subscribers', {
        ...ADMIN,
        json: {
          customerId: other,
          email: taken,
          packages: ['webex_meetings'],
          provisioningParameters: {},
        },
      }),
    );
    const loc = (await t.call('GET', `/partner-hub/api/customers/${other}`, ADMIN)).body
      .locations[0].id;
    expect10022(
      await t.call('POST', `/partner-hub/api/customers/${other}/users`, {
        ...ADMIN,
        json: {
          users: [
            {
              firstName: 'J',
              lastName: 'P',
              email: taken,
              package: 'webex_meetings',
              locationId: loc,
            },
          ],
        },
      }),
    );
    const csv = await t.call('POST', `/partner-hub/api/customers/${other}/users/csv`, {
      ...ADMIN,
      body: `User ID/Email (Required),Webex Meetings [Wholesale]\n${taken},TRUE\n`,
      headers: { 'content-type': 'text/csv' },
    });
    expect(csv.body.rows[0]).toMatchObject({ outcome: 'failed', errors: [{ errorCode: 10022 }] });
    const bw = await bwWorld(t);
    expect10022(
      await t.call('POST', '/v1/broadworks/subscribers', {
        ...ADMIN,
        json: bwBody(bw.trusted.provisioningId, bw.spEnterpriseId, { email: taken }),
      }),
    );
    const portal = await t.call('POST', `/activation/api/${bw.untrusted.linkId}`, {
      json: { userId: bw.directory[1]!.userId, email: taken },
    });
    expect10022(portal);
    expect(cid).not.toBe(other);
  });
});
