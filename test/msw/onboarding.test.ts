import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from 'provisim/msw';
import { createTestWorld } from 'provisim/testing';
import { customerBody } from '../fixtures/wholesale.ts';

const server = setupServer(...createHandlers());
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

type Fetch = (path: string, init?: RequestInit) => Promise<Response>;

/** A full onboarding as a frontend would do it; answers what the user would see at each step. */
const onboard = async (call: Fetch) => {
  const json = (method: string, body: unknown, token?: string): RequestInit => ({
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  await call('/sim/reset', json('POST', {}));
  const world = await (await call('/sim/world')).json();
  const token: string = world.partners[0].tokens.admin;
  const auth = { headers: { authorization: `Bearer ${token}` } };
  const pid: string = world.partners[0].templates.find(
    (t: { offer: string }) => t.offer === 'wholesale',
  ).provisioningId;
  const created = await call(
    '/v1/wholesale/customers',
    json('POST', customerBody(pid, { externalId: 'msw-1' }), token),
  );
  const id = ((await created.json()).url as string).split('/').pop()!;
  const before = (await (await call(`/v1/wholesale/customers/${id}`, auth)).json()).status;
  const clock = await (await call('/sim/clock', json('POST', { advance: 'PT5M' }))).json();
  const customer = await (await call(`/v1/wholesale/customers/${id}`, auth)).json();
  const sub = await call(
    '/v1/wholesale/subscribers',
    json(
      'POST',
      {
        customerId: id,
        email: 'ana@pizza.example',
        package: 'webex_meetings',
        provisioningParameters: { firstName: 'Ana', lastName: 'Lee' },
      },
      token,
    ),
  );
  const subscriber = await sub.json();
  const freeEmail: string = world.freeAccounts[0];
  const migrating = await call(
    '/v1/wholesale/subscribers',
    json(
      'POST',
      {
        customerId: id,
        email: freeEmail,
        package: 'webex_meetings',
        provisioningParameters: { firstName: 'Bo', lastName: 'Ng' },
      },
      token,
    ),
  );
  const mail = await (await call(`/sim/mail?to=${encodeURIComponent(freeEmail)}`)).json();
  const journal = await (await call('/sim/requests?method=POST&path=/v1/*')).json();
  return {
    createdStatus: created.status,
    before,
    clock: clock.now,
    customer: { status: customer.status, orgId: customer.orgId, externalId: customer.externalId },
    subscriber: {
      http: sub.status,
      status: subscriber.status,
      email: subscriber.email,
      customerId: subscriber.customerId,
    },
    migrating: migrating.status,
    mail: mail.items.map((m: { from: string; subject: string; links: { url: string }[] }) => ({
      from: m.from,
      subject: m.subject,
      link: m.links[0]?.url.replace(/^https?:\/\/[^/]+/, ''),
    })),
    journal: journal.items.map(
      (e: { method: string; path: string; status: number }) => `${e.method} ${e.path} ${e.status}`,
    ),
  };
};

describe('provisim/msw under setupServer', () => {
  it('answers /sim/world at https://webexapis.com', async () => {
    const res = await fetch('https://webexapis.com/sim/world');
    expect(res.status).toBe(200);
    expect((await res.json()).partners.map((p: { name: string }) => p.name)).toEqual([
      'Acme Wholesale',
      'Globex Telecom',
    ]);
  });

  it('runs a full onboarding through fetch with the same results as the in-process app', async () => {
    const viaMsw = await onboard((path, init) => fetch(`https://webexapis.com${path}`, init));
    const w = await createTestWorld();
    const viaApp = await onboard((path, init) => w.fetch(path, init));
    expect(viaMsw.createdStatus).toBe(202);
    expect(viaMsw.before).toBe('provisioning');
    expect(viaMsw.customer).toMatchObject({
      status: 'provisioned',
      externalId: 'msw-1',
      orgId: expect.any(String),
    });
    expect(viaMsw.subscriber).toMatchObject({
      http: 200,
      status: 'provisioned',
      email: 'ana@pizza.example',
    });
    expect(viaMsw.migrating).toBe(202);
    expect(viaMsw.mail).toHaveLength(1);
    expect(viaMsw.mail[0].link).toMatch(/^\/consent\//);
    expect(viaMsw.journal).toEqual([
      'POST /v1/wholesale/subscribers 202',
      'POST /v1/wholesale/subscribers 200',
      'POST /v1/wholesale/customers 202',
    ]);
    expect(viaMsw).toEqual(viaApp);
  });

  it('answers /v1 with a token as the server does (TrackingID header)', async () => {
    const res = await fetch('https://webexapis.com/v1/people/me', {
      headers: { authorization: 'Bearer acme-admin' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('trackingid')).toMatch(/^PROVISIM_/);
  });
});
