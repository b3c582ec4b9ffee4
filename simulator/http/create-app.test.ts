import { describe, expect, it } from 'vitest';
import { createTestApp, TEST_ORIGIN } from '../adapters/testing.ts';
import { PUBLISHED_OPERATIONS } from './surfaces/v1/published-operations.ts';
import { ADMIN, customerBody, provisioningId } from '../../test/fixtures/wholesale.ts';

const expectWebexError = (body: unknown, trackingId: string | null) => {
  expect(body).toMatchObject({
    message: expect.any(String),
    errors: expect.any(Array),
    trackingId: expect.stringMatching(/^PROVISIM_/),
  });
  expect((body as { trackingId: string }).trackingId).toBe(trackingId);
  for (const e of (body as { errors: unknown[] }).errors)
    expect(e).toMatchObject({ description: expect.any(String) });
};

describe('worlds (api.md, Worlds)', () => {
  it('creates an isolated world under /w/{id} with its own clock, faults and seed', async () => {
    const t = createTestApp();
    const created = await t.call('POST', '/sim/worlds', { json: { seed: 42 } });
    expect(created.status).toBe(201);
    expect(created.body.base).toBe(`${TEST_ORIGIN}/w/${created.body.id}`);
    expect(created.headers.get('location')).toBe(created.body.base);
    const w = `/w/${created.body.id}`;

    await t.call('POST', `${w}/sim/clock`, { json: { advance: 'P10D' } });
    await t.call('POST', `${w}/sim/faults`, { json: { path: '/v1/people/me', status: 503 } });
    expect((await t.call('GET', `${w}/sim/clock`)).body.now).toBe('2026-01-11T00:00:00.000Z');
    expect((await t.call('GET', '/sim/clock')).body.now).toBe('2026-01-01T00:00:00.000Z');
    expect((await t.call('GET', `${w}/v1/people/me`, { token: 'acme-admin' })).status).toBe(503);
    expect((await t.call('GET', '/v1/people/me', { token: 'acme-admin' })).status).toBe(200);
    expect((await t.call('GET', `${w}/sim/world`)).body.seed).toBe(42);
    expect((await t.call('GET', '/sim/world')).body.seed).toBe(1);
  });

  it('worlds of the same seed are the same world; links carry the world prefix', async () => {
    const t = createTestApp();
    const a = (await t.call('POST', '/sim/worlds', { json: { seed: 3 } })).body.id as string;
    const b = (await t.call('POST', '/sim/worlds', { json: { seed: 3 } })).body.id as string;
    const wa = (await t.call('GET', `/w/${a}/sim/world`)).body;
    const wb = (await t.call('GET', `/w/${b}/sim/world`)).body;
    expect(wa.partners).toEqual(
      wb.partners.map((p: { templates: { activationLink?: string }[] }) => ({
        ...p,
        templates: p.templates.map((tp) => ({
          ...tp,
          ...(tp.activationLink
            ? { activationLink: tp.activationLink.replace(`/w/${b}/`, `/w/${a}/`) }
            : {}),
        })),
      })),
    );
    const link = wa.partners[0].templates.find(
      (tp: { activationLink?: string }) => tp.activationLink,
    ).activationLink as string;
    expect(link.startsWith(`${TEST_ORIGIN}/w/${a}/activation/`)).toBe(true);
  });

  it('starts new worlds frozen at the epoch, or as asked', async () => {
    const t = createTestApp();
    const id = (
      await t.call('POST', '/sim/worlds', {
        json: { clock: { mode: 'frozen', now: '2026-06-01T08:00:00Z' } },
      })
    ).body.id;
    expect((await t.call('GET', `/w/${id}/sim/clock`)).body).toEqual({
      now: '2026-06-01T08:00:00.000Z',
      mode: 'frozen',
      speed: 1,
    });
    const plain = (await t.call('POST', '/sim/worlds')).body.id;
    expect((await t.call('GET', `/w/${plain}/sim/clock`)).body.now).toBe(
      '2026-01-01T00:00:00.000Z',
    );
  });

  it('deletes a world; afterwards it answers 404', async () => {
    const t = createTestApp();
    const id = (await t.call('POST', '/sim/worlds')).body.id;
    expect((await t.call('DELETE', `/sim/worlds/${id}`)).status).toBe(204);
    const gone = await t.call('GET', `/w/${id}/sim/health`);
    expect(gone.status).toBe(404);
    expectWebexError(gone.body, gone.headers.get('trackingid'));
    expect((await t.call('DELETE', `/sim/worlds/${id}`)).status).toBe(404);
  });

  it('makes at most --max-worlds worlds; dropping one makes room', async () => {
    const t = createTestApp({ maxWorlds: 2 });
    const a = (await t.call('POST', '/sim/worlds')).body.id as string;
    expect((await t.call('POST', '/sim/worlds')).status).toBe(201);
    const full = await t.call('POST', '/sim/worlds');
    expect(full.status).toBe(409);
    expectWebexError(full.body, full.headers.get('trackingid'));
    expect(full.body.message).toMatch(/^There are 2 worlds already/);
    expect((await t.call('GET', '/sim/worlds')).body.items).toHaveLength(2);
    expect((await t.call('DELETE', `/sim/worlds/${a}`)).status).toBe(204);
    expect((await t.call('POST', '/sim/worlds')).status).toBe(201);
  });

  it('only the root /sim makes and drops worlds: a world cannot reach its neighbours', async () => {
    const t = createTestApp();
    const a = (await t.call('POST', '/sim/worlds')).body.id as string;
    const b = (await t.call('POST', '/sim/worlds')).body.id as string;
    for (const [method, path] of [
      ['POST', `/w/${a}/sim/worlds`],
      ['DELETE', `/w/${a}/sim/worlds/${b}`],
      ['DELETE', `/w/${a}/sim/worlds/${a}`],
    ] as const) {
      const r = await t.call(method, path);
      expect(r.status).toBe(403);
      expectWebexError(r.body, r.headers.get('trackingid'));
    }
    expect(
      (await t.call('GET', '/sim/worlds')).body.items.map((w: { id: string }) => w.id),
    ).toEqual([a, b]);
    expect((await t.call('GET', `/w/${b}/sim/health`)).status).toBe(200);
  });

  it('rejects a bad world request naming the field, creating nothing', async () => {
    const t = createTestApp();
    const r = await t.call('POST', '/sim/worlds', { json: { seed: -1, clock: { mode: 'fast' } } });
    expect(r.status).toBe(400);
    expect(r.body.errors.map((e: { description: string }) => e.description)).toEqual([
      expect.stringMatching(/^seed: /),
      expect.stringMatching(/^clock\.mode: must be one of "frozen", "running"/),
    ]);
    expect((await t.call('GET', '/sim/worlds')).body.items).toEqual([]);
  });
});

describe('errors (api.md, Errors; SIM-2)', () => {
  it('every response carries a TrackingID header, and an error body repeats it', async () => {
    const t = createTestApp();
    const okAnswer = await t.call('GET', '/sim/health');
    expect(okAnswer.headers.get('trackingid')).toMatch(/^PROVISIM_[0-9a-f-]{36}$/);
    const missing = await t.call('GET', '/no/such/route');
    expect(missing.status).toBe(404);
    expectWebexError(missing.body, missing.headers.get('trackingid'));
  });

  it('415 for a body that is not JSON, 400 with 1101 for malformed JSON', async () => {
    const t = createTestApp();
    const notJson = await t.call('POST', '/sim/clock', {
      body: 'advance=P1D',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(notJson.status).toBe(415);
    expect(notJson.body.message).toMatch(/Content-Type must be application\/json/);
    const malformed = await t.call('POST', '/sim/clock', {
      body: '{"advance": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors[0]).toMatchObject({
      errorCode: 1101,
      description: expect.stringMatching(/^body: is not well-formed JSON/),
    });
  });

  it('413 for a body over the limit', async () => {
    const t = createTestApp();
    const r = await t.call('POST', '/sim/faults', {
      body: JSON.stringify({ path: '/x', message: 'x'.repeat(1_100_000) }),
      headers: { 'content-type': 'application/json' },
    });
    expect(r.status).toBe(413);
    expectWebexError(r.body, r.headers.get('trackingid'));
  });

  it('a rejected request changes nothing', async () => {
    const t = createTestApp();
    const before = JSON.stringify(t.store.dump());
    for (const body of [{ path: '/x', status: 99 }, { path: '/x', times: 0 }, { on: 'customer' }]) {
      expect((await t.call('POST', '/sim/faults', { json: body })).status).toBe(400);
    }
    expect(
      (
        await t.call('PATCH', '/sim/config', {
          json: { delays: { customer: 'PT1M', nope: 'PT1M' } },
        })
      ).status,
    ).toBe(400);
    expect(
      (await t.call('POST', '/sim/clock', { json: { set: '2020-01-01T00:00:00Z' } })).status,
    ).toBe(409);
    expect(JSON.stringify(t.store.dump())).toBe(before);
  });
});

describe('identity on /v1 (api.md, Identity and roles; SIM-3)', () => {
  it('401 without a token or with an unknown one', async () => {
    const t = createTestApp();
    for (const token of [undefined, 'not-a-token']) {
      const r = await t.call('GET', '/v1/people/me', token ? { token } : {});
      expect(r.status).toBe(401);
      expectWebexError(r.body, r.headers.get('trackingid'));
    }
  });

  it('/v1/people/me tells who the token is', async () => {
    const t = createTestApp();
    const r = await t.call('GET', '/v1/people/me', { token: 'globex-readonly' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      emails: ['readonly@globex-telecom.example'],
      roles: ['readonly'],
    });
  });

  it('orderer and viewer may not read /v1; readonly may not write, but may precheck', async () => {
    const t = createTestApp();
    expect((await t.call('GET', '/v1/people/me', { token: 'acme-orderer' })).status).toBe(403);
    expect((await t.call('GET', '/v1/people/me', { token: 'acme-viewer' })).status).toBe(403);
    expect(
      (await t.call('POST', '/v1/wholesale/billing/reports', { token: 'acme-readonly', json: {} }))
        .status,
    ).toBe(403);
    expect(
      (await t.call('POST', '/v1/broadworks/workspaces', { token: 'acme-readonly', json: {} }))
        .status,
    ).toBe(403);
  });

  it('every operation Cisco publishes is served (none answers 501); an unpublished one 404', async () => {
    const t = createTestApp();
    for (const op of PUBLISHED_OPERATIONS) {
      const path = op.path.replace(/\{\w+\}/g, 'no-such-id');
      const r = await t.call(op.method, path, {
        token: 'acme-admin',
        ...(op.method === 'POST' || op.method === 'PUT' ? { json: {} } : {}),
      });
      expect([405, 501], `${op.method} ${op.path}`).not.toContain(r.status);
      expect(String(r.body?.message), `${op.method} ${op.path}`).not.toMatch(/^No \/v1 operation/);
    }
    expect((await t.call('GET', '/v1/nothing/here', { token: 'acme-admin' })).status).toBe(404);
  });

  it('a /v1 path answers alike with its letters percent-encoded, and so do its 404 and 405', async () => {
    const t = createTestApp();
    const me = await t.call('GET', '/v1/people/me', { token: 'acme-admin' });
    for (const path of ['/v1/people/%6De', '/%76%31/people/me']) {
      const r = await t.call('GET', path, { token: 'acme-admin' });
      expect(r.status, path).toBe(200);
      expect(r.body, path).toEqual(me.body);
    }
    for (const path of ['/v1/nothing/here', '/v1/n%6Fthing/here'])
      expect((await t.call('GET', path, { token: 'acme-admin' })).status, path).toBe(404);
    const allowed = await Promise.all(
      ['/v1/wholesale/subscribers', '/v1/wholesale/sub%73cribers'].map(async (path) => {
        const r = await t.call('DELETE', path, { token: 'acme-admin' });
        expect(r.status, path).toBe(405);
        return r.headers.get('allow');
      }),
    );
    expect(allowed[0]).toMatch(/GET/);
    expect(allowed[1]).toBe(allowed[0]);
  });

  it('a /v1 path with a slash at its end answers 404 saying so, not a 405 naming its own method', async () => {
    const t = createTestApp();
    for (const [method, path] of [
      ['GET', '/v1/wholesale/subscribers/'],
      ['POST', '/v1/wholesale/customers/'],
      ['HEAD', '/v1/wholesale/subscribers/'],
    ] as const) {
      const r = await t.call(method, path, { token: 'acme-admin' });
      expect(r.status, `${method} ${path}`).toBe(404);
      if (method !== 'HEAD')
        expect(r.body.errors[0].description).toBe(
          `${path} is not a /v1 path: it ends in a slash (${method} ${path.slice(0, -1)} is one).`,
        );
    }
    // A method the path does not have is still 405, slash or not.
    const r = await t.call('DELETE', '/v1/wholesale/subscribers/', { token: 'acme-admin' });
    expect(r.status).toBe(405);
    expect(r.headers.get('allow')).toBe('GET, POST, HEAD');
  });
});

describe('CORS (api.md: open to any origin)', () => {
  it('answers a preflight from any origin without a token, and exposes the tracking headers', async () => {
    const t = createTestApp();
    const pre = await t.call('OPTIONS', '/v1/people/me', {
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization',
      },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('*');
    expect(pre.headers.get('access-control-allow-headers')?.toLowerCase()).toContain(
      'authorization',
    );
    const r = await t.call('GET', '/v1/people/me', {
      token: 'acme-admin',
      headers: { origin: 'http://localhost:5173' },
    });
    expect(r.headers.get('access-control-allow-origin')).toBe('*');
    expect(r.headers.get('access-control-expose-headers')).toContain('TrackingID');
    // /sim shares its answers with loopback pages only (middleware/sim-guard.test.ts).
    const sim = await t.call('GET', '/sim/health', {
      headers: { origin: 'http://localhost:5173' },
    });
    expect(sim.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
  });
});

describe('the headers of every answer outside /sim (frame.ts)', () => {
  const once = (value: string | null, item: string): number =>
    (value ?? '').split(',').filter((v) => v.trim() === item).length;

  it('a JSON answer, a list, a created resource, an error and a page each carry them once', async () => {
    const t = createTestApp();
    const created = await t.call('POST', '/v1/wholesale/customers', {
      ...ADMIN,
      json: customerBody(await provisioningId(t)),
    });
    expect(created.status).toBe(202);
    expect(created.headers.get('location')).toBe(created.body.url);
    const answers = [
      created,
      await t.call('GET', '/v1/people/me', { token: 'acme-admin' }),
      await t.call('GET', '/v1/wholesale/customers?max=1', { token: 'acme-admin' }),
      await t.call('GET', '/v1/wholesale/customers/nope', { token: 'acme-admin' }),
      await t.call('GET', '/v1/people/me'),
      await t.call('GET', '/partner-hub/sign-in'),
    ];
    expect(answers.map((a) => a.status)).toEqual([202, 200, 200, 404, 401, 200]);
    const ids = new Set<string>();
    for (const a of answers) {
      const id = a.headers.get('trackingid') ?? '';
      expect(id).toMatch(/^PROVISIM_[0-9a-f-]{36}$/);
      ids.add(id);
      expect(a.headers.get('access-control-allow-origin')).toBe('*');
      expect(a.headers.get('access-control-expose-headers')).toBe(
        'TrackingID,Location,Link,Retry-After,Content-Disposition',
      );
      expect(once(a.headers.get('vary'), 'Origin')).toBe(1);
    }
    expect(ids.size).toBe(answers.length);
    // The error body repeats its own tracking id.
    expectWebexError(answers[3]!.body, answers[3]!.headers.get('trackingid'));
  });

  it('a list keeps its Link header beside them', async () => {
    const t = createTestApp();
    const pid = await provisioningId(t);
    for (const externalId of ['link-1', 'link-2'])
      await t.call('POST', '/v1/wholesale/customers', {
        ...ADMIN,
        json: customerBody(pid, {
          externalId,
          customerInfo: { name: externalId, primaryEmail: `it@${externalId}.example` },
        }),
      });
    const page = await t.call('GET', '/v1/wholesale/customers?max=1', { token: 'acme-admin' });
    expect(page.headers.get('link')).toContain('rel="next"');
    expect(page.headers.get('trackingid')).toMatch(/^PROVISIM_/);
  });
});

describe('--no-sim-api', () => {
  it('turns off /sim and the /w worlds, and nothing else', async () => {
    const t = createTestApp({ simApi: false });
    expect((await t.call('GET', '/sim/health')).status).toBe(404);
    expect((await t.call('POST', '/sim/worlds')).status).toBe(404);
    expect((await t.call('GET', '/v1/people/me', { token: 'acme-admin' })).status).toBe(200);
  });

  it('stops advertising /sim and the tokens: home page, sign-in pages, /openapi.json, /docs', async () => {
    for (const simApi of [true, false]) {
      const t = createTestApp({ simApi });
      const pages = await Promise.all(
        ['/', '/partner-hub/sign-in', '/ccw/sign-in'].map(
          async (p) => (await t.call('GET', p)).text,
        ),
      );
      const doc = (await t.call('GET', '/openapi.json')).body;
      const docs = (await t.call('GET', '/docs')).text;
      const simPaths = Object.keys(doc.paths).filter((p) => p.startsWith('/sim'));
      if (simApi) {
        for (const page of pages) expect(page).toContain('acme-admin');
        expect(pages[0]).toContain(`${TEST_ORIGIN}/sim/world`);
        expect(simPaths.length).toBeGreaterThan(0);
        expect(docs).toContain('group-sim');
      } else {
        for (const page of pages) {
          expect(page).not.toContain('acme-admin');
          expect(page).not.toContain('globex-');
          expect(page).not.toContain('/sim/');
        }
        expect(simPaths).toEqual([]);
        expect(doc.tags.map((x: { name: string }) => x.name)).not.toContain('sim');
        expect(docs).not.toContain('group-sim');
        expect(docs).not.toContain('/sim/');
        // Signing in with a token one knows still works.
        const signIn = await t.call('POST', '/partner-hub/sign-in', {
          body: 'token=acme-admin',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        });
        expect(signIn.status).toBe(303);
      }
    }
  });
});

describe('home page', () => {
  it('is an HTML5 page listing the surfaces and the tokens', async () => {
    const t = createTestApp();
    const r = await t.call('GET', '/');
    expect(r.status).toBe(200);
    expect(r.text.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(r.text).toContain('<html lang="en">');
    expect(r.text).toContain('acme-admin');
    expect(r.text).toContain(`${TEST_ORIGIN}/sim/world`);
  });
});
