import { describe, expect, it } from 'vitest';
import { createTestApp, TEST_ORIGIN, type TestApp } from '../../adapters/testing.ts';
import { worldPath } from '../origin.ts';
import { isLoopbackHost } from './sim-guard.ts';

const EVIL = 'http://evil.example';
const SIMPLE_TYPES = [
  undefined,
  'text/plain',
  'text/plain;charset=UTF-8',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
];

/** A template of Acme's, so a wiped world shows. */
const templateCount = async (t: TestApp, prefix = ''): Promise<number> =>
  (await t.call('GET', `${prefix}/partner-hub/api/templates`, { token: 'acme-admin' })).body.items
    .length;

const addTemplate = async (t: TestApp, prefix = ''): Promise<void> => {
  const world = (await t.call('GET', `${prefix}/sim/world`)).body;
  const r = await t.call('POST', `${prefix}/partner-hub/api/templates`, {
    token: 'acme-admin',
    json: {
      name: 'Kept',
      offer: 'wholesale',
      country: 'US',
      language: 'en',
      subscriptionId: world.partners[0].subscriptions[0].id,
      authMethod: 'webex',
    },
  });
  expect(r.status).toBe(201);
};

describe('/sim refuses what a page elsewhere could send without a preflight', () => {
  it.each(SIMPLE_TYPES)(
    'a cross-origin POST /sim/reset as %s is refused (403) and wipes nothing, at the root and under /w/{id}',
    async (type) => {
      const t = createTestApp();
      const { id } = (await t.call('POST', '/sim/worlds')).body as { id: string };
      for (const prefix of ['', `/w/${id}`]) {
        await addTemplate(t, prefix);
        const before = await templateCount(t, prefix);
        for (const origin of [EVIL, 'http://localhost:5173', 'null']) {
          const r = await t.call('POST', `${prefix}/sim/reset`, {
            body: '',
            headers: { origin, ...(type ? { 'content-type': type } : {}) },
          });
          expect(r.status).toBe(403);
          expect(r.body).toMatchObject({
            message: expect.stringMatching(/without a CORS preflight/),
            trackingId: r.headers.get('trackingid'),
          });
        }
        expect(await templateCount(t, prefix)).toBe(before);
      }
    },
  );

  it('takes the same request as JSON (a browser asks first), from itself, or from no page at all', async () => {
    const t = createTestApp();
    const seeded = await templateCount(t);
    for (const headers of [
      { origin: 'http://localhost:5173', 'content-type': 'application/json' },
      { origin: TEST_ORIGIN, 'content-type': 'text/plain' },
      { 'content-type': 'text/plain' },
    ]) {
      await addTemplate(t);
      const r = await t.call('POST', '/sim/reset', { body: '', headers });
      expect(r.status).toBe(200);
      expect(await templateCount(t)).toBe(seeded);
    }
  });

  it('leaves the other surfaces open to any origin (api.md)', async () => {
    const t = createTestApp();
    const r = await t.call('POST', '/activation/api/nope', {
      body: '{}',
      headers: { origin: EVIL, 'content-type': 'text/plain' },
    });
    expect(r.status).toBe(415);
    const pre = await t.call('OPTIONS', '/v1/wholesale/customers', {
      headers: { origin: EVIL, 'access-control-request-method': 'POST' },
    });
    expect(pre.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('shares /sim answers with loopback pages and itself only (CORS)', async () => {
    const t = createTestApp();
    const allowed = async (origin: string, method = 'OPTIONS') =>
      (
        await t.call(method, '/sim/reset', {
          headers: {
            origin,
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'content-type',
          },
        })
      ).headers.get('access-control-allow-origin');
    expect(await allowed(EVIL)).toBeNull();
    expect(await allowed('http://localhost:5173')).toBe('http://localhost:5173');
    expect(await allowed('http://127.0.0.1:3000')).toBe('http://127.0.0.1:3000');
    expect(await allowed('http://[::1]:3000')).toBe('http://[::1]:3000');
    const read = await t.call('GET', '/sim/world', { headers: { origin: EVIL } });
    expect(read.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('/sim answers only to the simulator own names (DNS rebinding)', () => {
  const get = (t: TestApp, origin: string, path: string, headers: Record<string, string> = {}) =>
    t.app.request(`${origin}${path}`, { headers });

  it('refuses another Host on /sim, in the error shape, and not elsewhere', async () => {
    const t = createTestApp({ simGuard: { hosts: ['192.0.2.7'] } });
    const res = await get(t, 'http://rebound.example:4010', '/sim/world');
    expect(res.status).toBe(403);
    const body = (await res.json()) as { message: string; trackingId: string };
    expect(body.message).toMatch(/not to Host rebound\.example:4010/);
    expect(body.trackingId).toBe(res.headers.get('trackingid'));
    expect((await get(t, 'http://rebound.example:4010', '/sim/reset')).status).toBe(403);
    const me = await get(t, 'http://rebound.example:4010', '/v1/people/me', {
      authorization: 'Bearer acme-admin',
    });
    expect(me.status).toBe(200);
  });

  it.each([
    'http://localhost:4010',
    'http://127.0.0.1:4010',
    'http://127.1.2.3',
    'http://[::1]:4010',
    'http://app.localhost:4010',
    'http://192.0.2.7:4010',
  ])('answers /sim at %s', async (origin) => {
    const t = createTestApp({ simGuard: { hosts: ['192.0.2.7'] } });
    expect((await get(t, origin, '/sim/health')).status).toBe(200);
  });
});

describe('--sim-token', () => {
  it('makes /sim need the token, and nothing else', async () => {
    const t = createTestApp({ simGuard: { token: 's3cret-token' } });
    for (const token of [undefined, 'wrong', 's3cret-tokeN']) {
      const r = await t.call('POST', '/sim/reset', token ? { token, json: {} } : { json: {} });
      expect(r.status).toBe(401);
      expect(r.body.errors[0].description).toMatch(/--sim-token/);
    }
    expect((await t.call('GET', '/sim/world', { token: 's3cret-token' })).status).toBe(200);
    expect((await t.call('GET', '/sim/world')).status).toBe(401);
    expect((await t.call('GET', '/v1/people/me', { token: 'acme-admin' })).status).toBe(200);
  });

  it('lets the health check through without the token (it tells nothing), and nothing beside it', async () => {
    const t = createTestApp({ simGuard: { token: 's3cret-token' } });
    const health = await t.call('GET', '/sim/health');
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'ok' });
    expect((await t.call('GET', '/sim/healthz')).status).toBe(401);
    expect((await t.call('POST', '/sim/health', { json: {} })).status).toBe(401);
  });
});

describe('--sim-token in a browser', () => {
  it('takes the token once from ?sim-token=, keeps it in a same-site cookie, and drops it from the address', async () => {
    const t = createTestApp({ simGuard: { token: 's3cret-token' } });
    expect((await t.call('GET', '/sim?sim-token=wrong-token')).status).toBe(401);
    const r = await t.call('GET', '/sim/requests?sim-token=s3cret-token&path=%2Fv1%2F*', {
      headers: { accept: 'text/html' },
    });
    expect(r.status).toBe(303);
    expect(r.headers.get('location')).toBe('/sim/requests?path=%2Fv1%2F*');
    const cookie = r.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^provisim_sim_token=s3cret-token; Path=\/; HttpOnly; SameSite=Strict$/);
    const jar = cookie.split(';')[0]!;
    expect((await t.call('GET', '/sim/world', { headers: { cookie: jar } })).status).toBe(200);
    expect(
      (await t.call('GET', '/sim/world', { headers: { cookie: 'provisim_sim_token=nope' } }))
        .status,
    ).toBe(401);
    // The cookie carries no weight cross-origin: a simple POST from elsewhere is still refused.
    const evil = await t.call('POST', '/sim/reset', {
      body: '{}',
      headers: { cookie: jar, origin: EVIL, 'content-type': 'text/plain' },
    });
    expect(evil.status).toBe(403);
    expect(await templateCount(t)).toBeGreaterThan(0);
  });
});

describe('names', () => {
  it('tells loopback names and the path inside a world', () => {
    for (const h of ['localhost', 'LOCALHOST', 'a.localhost', '127.0.0.1', '127.9.9.9', '[::1]'])
      expect(isLoopbackHost(h)).toBe(true);
    for (const h of ['localhost.example', '128.0.0.1', '0.0.0.0', 'evil.example', '::2'])
      expect(isLoopbackHost(h)).toBe(false);
    expect(worldPath('/w/abc/sim/clock')).toBe('/sim/clock');
    expect(worldPath('/w/abc')).toBe('/');
    expect(worldPath('/sim')).toBe('/sim');
  });
});
