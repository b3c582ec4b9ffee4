import { describe, expect, it } from 'vitest';
import { createTestApp, TEST_ORIGIN } from '../../../adapters/testing.ts';
import { ADMIN, customerBody, provisioningId } from '../../../../test/fixtures/wholesale.ts';

const descriptions = (body: { errors: { description: string }[] }): string[] =>
  body.errors.map((e) => e.description);

describe('/sim/health and /sim/world', () => {
  it('health answers ok', async () => {
    expect((await createTestApp().call('GET', '/sim/health')).body).toEqual({ status: 'ok' });
  });

  it('health answers at once, running none of the steps that came due; the next request runs them', async () => {
    let wall = 1_000_000;
    const t = createTestApp({
      wallClock: () => wall,
      clock: { mode: 'running', start: '2026-01-01T00:00:00Z' },
    });
    const created = await t.call('POST', '/v1/wholesale/customers', {
      ...ADMIN,
      json: customerBody(await provisioningId(t)),
    });
    const id = (created.body.url as string).split('/').pop()!;
    const status = () => (t.store.get('customers', id) as unknown as { status: string }).status;
    // The customer's step (PT5M) comes due on the running clock, with no request in between.
    wall += 6 * 60_000;
    expect((await t.call('GET', '/sim/health')).status).toBe(200);
    expect((await t.call('HEAD', '/sim/health')).status).toBe(200);
    expect(status()).toBe('provisioning');
    expect((await t.call('GET', '/v1/people/me', ADMIN)).status).toBe(200);
    expect(status()).toBe('provisioned');
  });

  it('world lists two partners with their four tokens, subscriptions, templates and enterprises', async () => {
    const w = (await createTestApp().call('GET', '/sim/world')).body;
    expect(w.partners).toHaveLength(2);
    expect(w.partners[0]).toMatchObject({
      name: 'Acme Wholesale',
      tokens: {
        admin: 'acme-admin',
        readonly: 'acme-readonly',
        orderer: 'acme-orderer',
        viewer: 'acme-viewer',
      },
    });
    expect(w.partners[0].subscriptions[0]).toEqual({
      id: expect.any(String),
      name: expect.any(String),
    });
    expect(w.partners[0].templates.map((t: { offer: string }) => t.offer)).toEqual([
      'wholesale',
      'broadworks',
      'broadworks',
    ]);
    expect(w.partners[0].enterprises[0].directory[0]).toEqual({
      userId: expect.any(String),
      firstName: expect.any(String),
      lastName: expect.any(String),
    });
    expect(w.supportedCountries).toContain('US');
    expect(w.pstnProviders.length).toBeGreaterThan(0);
    expect(w.freeAccounts.length).toBeGreaterThan(0);
    expect(w.clock).toEqual({ now: '2026-01-01T00:00:00.000Z', mode: 'frozen', speed: 1 });
  });
});

describe('/sim/clock (SIM-1)', () => {
  it('advances, sets forward, refuses backwards, switches mode and speed', async () => {
    const t = createTestApp();
    expect((await t.call('POST', '/sim/clock', { json: { advance: 'P7D' } })).body.now).toBe(
      '2026-01-08T00:00:00.000Z',
    );
    expect(
      (await t.call('POST', '/sim/clock', { json: { set: '2026-02-01T00:00:00Z' } })).body.now,
    ).toBe('2026-02-01T00:00:00.000Z');
    const back = await t.call('POST', '/sim/clock', { json: { set: '2026-01-15T00:00:00Z' } });
    expect(back.status).toBe(409);
    expect(back.body.errors[0].errorCode).toBe(1201);
    expect(
      (await t.call('POST', '/sim/clock', { json: { mode: 'running', speed: 10 } })).body,
    ).toMatchObject({ mode: 'running', speed: 10 });
    expect((await t.call('GET', '/sim/clock')).body.mode).toBe('running');
  });

  it('a running clock moves with the wall clock at its speed', async () => {
    let wall = 1_000_000;
    const t = createTestApp({
      wallClock: () => wall,
      clock: { mode: 'running', start: '2026-01-01T00:00:00Z' },
    });
    await t.call('POST', '/sim/clock', { json: { speed: 60 } });
    wall += 2_000;
    expect((await t.call('GET', '/sim/clock')).body.now).toBe('2026-01-01T00:02:00.000Z');
  });

  it('rejects an empty, unknown or malformed command naming the field', async () => {
    const t = createTestApp();
    expect(descriptions((await t.call('POST', '/sim/clock', { json: {} })).body)).toEqual([
      expect.stringMatching(/give at least one of advance, set, mode, speed/),
    ]);
    expect(
      descriptions((await t.call('POST', '/sim/clock', { json: { forward: 'P1D' } })).body),
    ).toEqual(['forward: unknown field']);
    expect(
      descriptions((await t.call('POST', '/sim/clock', { json: { advance: 'one day' } })).body),
    ).toEqual([expect.stringMatching(/^advance: must be an ISO 8601 duration/)]);
    expect(
      descriptions((await t.call('POST', '/sim/clock', { json: { mode: 'paused' } })).body),
    ).toEqual(['mode: must be one of "frozen", "running"']);
    expect((await t.call('GET', '/sim/clock')).body.now).toBe('2026-01-01T00:00:00.000Z');
  });
});

describe('/sim/config', () => {
  it('has every delay as an ISO duration between seconds and ten minutes, and takes changes', async () => {
    const t = createTestApp();
    const { delays } = (await t.call('GET', '/sim/config')).body;
    expect(Object.keys(delays)).toEqual(
      expect.arrayContaining([
        'customer',
        'customerUpdate',
        'customerDelete',
        'broadworksSubscriber',
      ]),
    );
    for (const d of Object.values(delays)) expect(d).toMatch(/^PT(\d+M)?(\d+S)?$/);
    const patched = await t.call('PATCH', '/sim/config', {
      json: { delays: { customer: 'PT30S' } },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.delays).toEqual({ ...delays, customer: 'PT30S' });
    expect((await t.call('GET', '/sim/config')).body.delays.customer).toBe('PT30S');
  });

  it('rejects unknown delays and bad durations whole', async () => {
    const t = createTestApp();
    const r = await t.call('PATCH', '/sim/config', {
      json: { delays: { customer: 'PT1M', broadworksSubscriber: '5 minutes', warp: 'PT1S' } },
    });
    expect(r.status).toBe(400);
    expect(descriptions(r.body)).toEqual([
      expect.stringMatching(/^delays\.broadworksSubscriber: must be an ISO 8601 duration/),
      expect.stringMatching(/^delays\.warp: unknown delay/),
    ]);
    expect((await t.call('GET', '/sim/config')).body.delays.customer).toBe('PT5M');
  });
});

describe('/sim/faults (SIM-4)', () => {
  it('injects a request fault with Retry-After, lists it, and removes it after `times` hits', async () => {
    const t = createTestApp();
    const f = await t.call('POST', '/sim/faults', {
      json: {
        method: 'GET',
        path: '/v1/people/*',
        status: 429,
        retryAfter: 2,
        times: 2,
        errorCode: 9001,
        message: 'Slow down',
      },
    });
    expect(f.status).toBe(201);
    expect(f.body).toMatchObject({
      id: expect.any(String),
      path: '/v1/people/*',
      status: 429,
      hits: 0,
    });
    expect((await t.call('GET', '/sim/faults')).body.items).toHaveLength(1);
    for (let i = 0; i < 2; i++) {
      const r = await t.call('GET', '/v1/people/me', { token: 'acme-admin' });
      expect(r.status).toBe(429);
      expect(r.headers.get('retry-after')).toBe('2');
      expect(r.body).toMatchObject({
        message: 'Slow down',
        errors: [{ description: 'Slow down', errorCode: 9001 }],
      });
      expect(r.body.trackingId).toBe(r.headers.get('trackingid'));
    }
    expect((await t.call('GET', '/v1/people/me', { token: 'acme-admin' })).status).toBe(200);
    expect((await t.call('GET', '/sim/faults')).body.items).toEqual([]);
  });

  it('never faults /sim itself, so a fault can always be removed', async () => {
    const t = createTestApp();
    await t.call('POST', '/sim/faults', { json: { path: '/*', status: 503 } });
    expect((await t.call('GET', '/v1/people/me', { token: 'acme-admin' })).status).toBe(503);
    expect((await t.call('GET', '/sim/faults')).status).toBe(200);
    expect((await t.call('DELETE', '/sim/faults')).status).toBe(204);
    expect((await t.call('GET', '/v1/people/me', { token: 'acme-admin' })).status).toBe(200);
  });

  it('adds real latency, then answers normally when only latency is asked', async () => {
    const t = createTestApp();
    await t.call('POST', '/sim/faults', {
      json: { path: '/v1/people/me', latencyMs: 150, times: 1 },
    });
    const started = performance.now();
    const r = await t.call('GET', '/v1/people/me', { token: 'acme-admin' });
    expect(r.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('deletes one fault by id; an unknown id is 404', async () => {
    const t = createTestApp();
    const id = (await t.call('POST', '/sim/faults', { json: { path: '/x' } })).body.id;
    expect((await t.call('DELETE', `/sim/faults/${id}`)).status).toBe(204);
    expect((await t.call('DELETE', `/sim/faults/${id}`)).status).toBe(404);
  });

  it('takes step faults for asynchronous steps', async () => {
    const t = createTestApp();
    const r = await t.call('POST', '/sim/faults', {
      json: {
        on: 'broadworksSubscriber',
        errorCode: 4008,
        description: 'Directory lookup failed',
        times: 1,
      },
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ on: 'broadworksSubscriber', errorCode: 4008, times: 1 });
  });

  it('the same seed draws the same probabilistic hits', async () => {
    const run = async () => {
      const t = createTestApp({ seed: 9 });
      await t.call('POST', '/sim/faults', {
        json: { path: '/v1/people/me', status: 503, probability: 0.3 },
      });
      const out: number[] = [];
      for (let i = 0; i < 20; i++)
        out.push((await t.call('GET', '/v1/people/me', { token: 'acme-admin' })).status);
      return out;
    };
    const first = await run();
    expect(first).toContain(503);
    expect(first).toContain(200);
    expect(await run()).toEqual(first);
  });
});

describe('/sim/mail', () => {
  const withMail = () => {
    const t = createTestApp();
    const mail = (seq: number, to: string, sentAt: string) => ({
      op: 'put' as const,
      collection: 'mail',
      value: {
        id: `m${seq}`,
        seq,
        from: 'webex_comm@webex.com',
        to: [to],
        subject: `Mail ${seq}`,
        text: 'Open {{link:0}}',
        links: [{ label: 'Set Up Your Service', path: `/ccw/setup/t${seq}` }],
        sentAt,
      },
    });
    t.store.apply([
      mail(1, 'Ana@Example.com', '2026-01-01T00:00:00.000Z'),
      mail(2, 'bo@example.com', '2026-01-02T00:00:00.000Z'),
      mail(3, 'ana@example.com', '2026-01-03T00:00:00.000Z'),
    ]);
    return t;
  };

  it('lists mail newest first with absolute links, filtered by one address (any case)', async () => {
    const t = withMail();
    const all = (await t.call('GET', '/sim/mail')).body.items;
    expect(all.map((m: { subject: string }) => m.subject)).toEqual(['Mail 3', 'Mail 2', 'Mail 1']);
    const ana = (await t.call('GET', '/sim/mail?to=ana@example.com')).body.items;
    expect(ana.map((m: { id: string }) => m.id)).toEqual(['m3', 'm1']);
    expect(ana[0].links).toEqual([
      { label: 'Set Up Your Service', url: `${TEST_ORIGIN}/ccw/setup/t3` },
    ]);
    expect(ana[0].text).toBe(`Open ${TEST_ORIGIN}/ccw/setup/t3`);
  });

  it('lists newest first however the world holds them (a world document written by hand)', async () => {
    const t = withMail();
    const later = (seq: number, sentAt: string) => ({
      op: 'put' as const,
      collection: 'mail',
      value: { ...(t.store.get('mail', 'm1') as object), id: `m${seq}`, seq, sentAt },
    });
    // Held after the three of withMail, but sent before them, or at the same instant as m3.
    t.store.apply([later(0, '2025-12-31T00:00:00.000Z'), later(4, '2026-01-03T00:00:00.000Z')]);
    const ids = (items: { id: string }[]) => items.map((m) => m.id);
    expect(ids((await t.call('GET', '/sim/mail')).body.items)).toEqual([
      'm4',
      'm3',
      'm2',
      'm1',
      'm0',
    ]);
    const page = await t.call('GET', '/sim/mailbox?size=25', { headers: { accept: 'text/html' } });
    expect([...page.text.matchAll(/at <code>([^<]+)<\/code>/g)].map((m) => m[1])).toEqual([
      '2026-01-03T00:00:00.000Z',
      '2026-01-03T00:00:00.000Z',
      '2026-01-02T00:00:00.000Z',
      '2026-01-01T00:00:00.000Z',
      '2025-12-31T00:00:00.000Z',
    ]);
  });

  it('rejects a `to` that is not one address', async () => {
    const r = await withMail().call('GET', '/sim/mail?to=a@x.example,b@x.example');
    expect(r.status).toBe(400);
    expect(r.body.errors[0].description).toMatch(/^to: must be one email address/);
  });
});

describe('/sim/reset', () => {
  it('restores the seeded world, clock, faults and mail; with a seed, a new world', async () => {
    const t = createTestApp();
    const seeded = (await t.call('GET', '/sim/world')).body;
    await t.call('POST', '/sim/clock', { json: { advance: 'P30D' } });
    await t.call('POST', '/sim/faults', { json: { path: '/x' } });
    await t.call('PATCH', '/sim/config', { json: { delays: { customer: 'PT1S' } } });
    const r = await t.call('POST', '/sim/reset');
    expect(r.status).toBe(200);
    expect((await t.call('GET', '/sim/world')).body).toEqual(seeded);
    expect((await t.call('GET', '/sim/faults')).body.items).toEqual([]);
    expect((await t.call('GET', '/sim/config')).body.delays.customer).toBe('PT5M');
    const reseeded = (await t.call('POST', '/sim/reset', { json: { seed: 77 } })).body;
    expect(reseeded.seed).toBe(77);
    expect(reseeded.partners[0].id).not.toBe(seeded.partners[0].id);
    expect(reseeded.partners[0].tokens).toEqual(seeded.partners[0].tokens);
  });
});

describe('bounded clock and delays (issue 16)', () => {
  it('refuses a clock or delay beyond the bounds with 400, and the world goes on answering', async () => {
    const t = createTestApp();
    const refused = [
      ['POST', '/sim/clock', { advance: 'P300000Y' }, /^advance: must be at most 100 years/],
      [
        'POST',
        '/sim/clock',
        { speed: 1e308 },
        /^speed: must be a number greater than 0 and at most 1000000/,
      ],
      [
        'POST',
        '/sim/clock',
        { set: '2200-01-01T00:00:00Z' },
        /^set: may move the clock at most 100 years ahead/,
      ],
      [
        'PATCH',
        '/sim/config',
        { delays: { customer: 'P300000Y' } },
        /^delays\.customer: must be at most 100 years/,
      ],
      ['POST', '/sim/worlds', { clock: { mode: 'running', speed: 1e308 } }, /^clock\.speed: /],
    ] as const;
    for (const [method, path, json, message] of refused) {
      const r = await t.call(method, path, { json });
      expect(r.status).toBe(400);
      expect(r.body.errors[0].description).toMatch(message);
    }
    expect((await t.call('GET', '/sim/clock')).body.now).toBe('2026-01-01T00:00:00.000Z');
    expect((await t.call('GET', '/sim/config')).body.delays.customer).toBe('PT5M');
    const customers = await t.call('GET', '/v1/wholesale/customers', { token: 'acme-admin' });
    expect(customers.status).toBe(200);
    expect((await t.call('POST', '/sim/clock', { json: { advance: 'P100Y' } })).body.now).toBe(
      '2126-01-01T00:00:00.000Z',
    );
  });
});
