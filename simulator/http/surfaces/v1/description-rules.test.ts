import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TestApp } from '../../../adapters/testing.ts';
import {
  ADDRESS,
  ADMIN,
  advance,
  customerBody,
  provisionedCustomer,
  provisioningId,
} from '../../../../test/fixtures/wholesale.ts';
import { createValidatingApp } from '../../../../test/openapi/validating-app.ts';

// README, "Where Cisco's description overrides the schema": each place where the text of Cisco's
// file says more than its schema, shown on `/v1` as a client would meet it. Every refusal is 400 in
// the Webex shape and changes nothing.

const state = (t: TestApp) => JSON.stringify(t.store.dump());
const S = '/v1/wholesale/subscribers';
const C = '/v1/wholesale/customers';

/** A 400 whose errors include one starting with `start`, the store as it was. */
const refused = async (
  t: TestApp,
  method: string,
  path: string,
  json: unknown,
  start: string,
  errorCode?: number,
) => {
  const before = state(t);
  const r = await t.call(method, path, { ...ADMIN, json });
  expect(r.status, JSON.stringify(r.body)).toBe(400);
  expect(r.body.trackingId).toMatch(/^PROVISIM_/);
  expect(r.body.errors).toContainEqual(
    expect.objectContaining({
      description: expect.stringMatching(
        new RegExp(`^${start.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
      ),
      ...(errorCode !== undefined ? { errorCode } : {}),
    }),
  );
  expect(state(t)).toBe(before);
  return r;
};

const subscriber = (customerId: string, extra: Record<string, unknown> = {}) => ({
  customerId,
  email: 'ana@pizza.example',
  packages: ['webex_meetings'],
  provisioningParameters: {},
  ...extra,
});

describe('wholesale subscribers: package and packages', () => {
  it('"Either packages or package field is required but not both": both is 400', async () => {
    const t = createValidatingApp();
    const cid = await provisionedCustomer(t);
    await refused(
      t,
      'POST',
      S,
      subscriber(cid, { package: 'webex_meetings' }),
      'packages: give packages or package (deprecated), not both',
    );
    await refused(
      t,
      'POST',
      S,
      { ...subscriber(cid), packages: undefined },
      'packages: is required',
      1001,
    );
    // The deprecated package alone is still taken.
    const { packages: _p, ...alone } = subscriber(cid);
    const r = await t.call('POST', S, { ...ADMIN, json: { ...alone, package: 'webex_meetings' } });
    expect(r.status).toBe(200);
  });

  it('"Currently accepts only one package in the list": two are 400', async () => {
    const t = createValidatingApp();
    const cid = await provisionedCustomer(t);
    await refused(
      t,
      'POST',
      S,
      subscriber(cid, { packages: ['webex_meetings', 'webex_calling'] }),
      'packages: must hold exactly one package',
    );
  });

  it('a PUT names a package (the schema requires nothing): PUT {} is 400', async () => {
    const t = createValidatingApp();
    const cid = await provisionedCustomer(t);
    const made = await t.call('POST', S, { ...ADMIN, json: subscriber(cid) });
    expect(made.status).toBe(200);
    await refused(t, 'PUT', `${S}/${made.body.id}`, {}, 'packages: is required', 1001);
  });
});

describe('required unless', () => {
  it('a new customer needs customerInfo unless it names an orgId', async () => {
    const t = createValidatingApp();
    const { customerInfo: _c, ...noInfo } = customerBody(await provisioningId(t));
    await refused(t, 'POST', C, noInfo, 'customerInfo: ');
  });

  it('the subscriber precheck: provisioningId and customerInfo come together', async () => {
    const t = createValidatingApp();
    await refused(
      t,
      'POST',
      `${S}/validate`,
      { email: 'x@x.example', provisioningId: await provisioningId(t) },
      'customerInfo: is required with provisioningId',
      1001,
    );
    await refused(
      t,
      'POST',
      `${S}/validate`,
      { email: 'x@x.example', customerInfo: { primaryEmail: 'boss@x.example' } },
      'provisioningId: is required with customerInfo',
      1001,
    );
  });

  it('a calling subscriber needs a primary phone number or an extension', async () => {
    const t = createValidatingApp();
    const cid = await provisionedCustomer(t);
    const before = state(t);
    const r = await t.call('POST', S, {
      ...ADMIN,
      json: subscriber(cid, { packages: ['webex_calling'] }),
    });
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body.errors)).toMatch(/phone number or (an )?extension/i);
    expect(state(t)).toBe(before);
  });
});

describe("the prechecks' variants (their descriptions name them; the schema requires only email or address)", () => {
  it('the subscriber precheck: {email}, {customerId, email}, {provisioningId, customerInfo, email}', async () => {
    const t = createValidatingApp();
    const cid = await provisionedCustomer(t);
    const before = state(t);
    for (const json of [
      { email: 'a@x.example' },
      { customerId: cid, email: 'b@x.example' },
      {
        provisioningId: await provisioningId(t),
        customerInfo: { primaryEmail: 'boss@x.example' },
        email: 'c@x.example',
      },
    ]) {
      const r = await t.call('POST', `${S}/validate`, { ...ADMIN, json });
      expect(r.status, JSON.stringify(json)).toBe(200);
      expect(r.body.info.infoCode).toBe(100);
    }
    expect(state(t)).toBe(before);
  });
});

describe('package dependencies ("cisco_calling_plan is dependent on: …")', () => {
  it('cisco_calling_plan needs a calling package; with common_area_calling it is taken', async () => {
    const t = createValidatingApp();
    const pid = await provisioningId(t);
    const before = state(t);
    const alone = await t.call('POST', C, {
      ...ADMIN,
      json: customerBody(pid, { packages: ['webex_meetings', 'cisco_calling_plan'] }),
    });
    expect(alone.status).toBe(400);
    expect(JSON.stringify(alone.body.errors)).toContain('cisco_calling_plan');
    expect(state(t)).toBe(before);
    const withBase = await t.call('POST', C, {
      ...ADMIN,
      json: customerBody(pid, { packages: ['common_area_calling', 'cisco_calling_plan'] }),
    });
    expect(withBase.status, JSON.stringify(withBase.body)).toBe(202);
  });

  it('attendant_console needs webex_calling, webex_suite or cx_essentials', async () => {
    const t = createValidatingApp();
    const pid = await provisioningId(t);
    const before = state(t);
    const r = await t.call('POST', C, {
      ...ADMIN,
      json: customerBody(pid, { packages: ['webex_meetings', 'attendant_console'] }),
    });
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body.errors)).toContain('attendant_console');
    expect(state(t)).toBe(before);
  });
});

describe("formats the descriptions give (and the quotes of Cisco's examples)", () => {
  it('address.country is an ISO 3166 code: the example\'s quoted "\\"US\\"" is refused, US is taken', async () => {
    const doc = JSON.parse(readFileSync('openapi/webex-wholesale.json', 'utf8'));
    const example = doc.paths['/wholesale/customers'].post.requestBody.content['application/json']
      .example as { address: { country: string } };
    expect(example.address.country).toBe('"US"');
    const t = createValidatingApp();
    const pid = await provisioningId(t);
    await refused(
      t,
      'POST',
      C,
      customerBody(pid, { address: { ...ADDRESS, country: example.address.country } }),
      'address.country: ',
    );
    expect((await t.call('POST', C, { ...ADMIN, json: customerBody(pid) })).status).toBe(202);
  });

  it('orgId is a Webex organization id, not any string', async () => {
    const t = createValidatingApp();
    await refused(
      t,
      'POST',
      C,
      customerBody(await provisioningId(t), { orgId: 'any-string' }),
      'orgId: must be a Webex organization id',
    );
  });

  it('an email is an email', async () => {
    const t = createValidatingApp();
    const cid = await provisionedCustomer(t);
    await refused(t, 'POST', S, subscriber(cid, { email: 'not-an-email' }), 'email: ');
  });
});

describe("unknown fields: /v1 ignores them, as Webex does; the simulator's own surfaces refuse them", () => {
  it('/v1 takes a body with a field Cisco does not publish, and does not keep it', async () => {
    const t = createValidatingApp();
    const r = await t.call('POST', C, {
      ...ADMIN,
      json: customerBody(await provisioningId(t), { colour: 'red' }),
    });
    expect(r.status).toBe(202);
    await advance(t, 'PT5M');
    const got = await t.call('GET', new URL(r.body.url).pathname, ADMIN);
    expect(got.body.colour).toBeUndefined();
  });

  it('/sim answers 400 with 1102, naming the field', async () => {
    const t = createValidatingApp();
    const before = state(t);
    const r = await t.call('POST', '/sim/faults', {
      json: { path: '/v1/*', status: 503, colour: 'red' },
    });
    expect(r.status).toBe(400);
    expect(r.body.errors).toContainEqual(
      expect.objectContaining({
        description: expect.stringMatching(/^colour: unknown field/),
        errorCode: 1102,
      }),
    );
    expect(state(t)).toBe(before);
  });
});
