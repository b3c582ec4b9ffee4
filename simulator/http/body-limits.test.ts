import { describe, expect, it } from 'vitest';
import { createTestApp, TEST_ORIGIN, type TestAnswer, type TestApp } from '../adapters/testing.ts';
import { ADMIN } from '../../test/fixtures/wholesale.ts';
import { LARGE_BODY } from './body.ts';
import { BODY_LIMITS } from './middleware/body-limits.ts';

const TEMPLATES = '/partner-hub/api/templates';
const template = (extra: Record<string, unknown> = {}) => ({
  name: 'Deep',
  offer: 'wholesale',
  country: 'US',
  language: 'en',
  subscriptionId: 'sub',
  authMethod: 'webex',
  ...extra,
});

const expectWebexError = (r: TestAnswer) => {
  expect(r.body).toMatchObject({
    message: expect.any(String),
    errors: [expect.objectContaining({ description: expect.any(String) })],
  });
  expect(r.body.trackingId).toBe(r.headers.get('trackingid'));
};

const nested = (levels: number): unknown => {
  let v: unknown = 'bottom';
  for (let i = 0; i < levels; i += 1) v = { a: v };
  return v;
};

/** A body that streams `total` bytes of JSON-ish text in 64 KiB chunks, counting what was pulled. */
const streamingBody = (total: number) => {
  const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= total) return controller.close();
      pulled += chunk.length;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled: () => pulled };
};

const post = (t: TestApp, path: string, body: BodyInit, headers: Record<string, string> = {}) =>
  t.app.request(`${TEST_ORIGIN}${path}`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', authorization: 'Bearer acme-admin', ...headers },
    duplex: 'half',
  } as RequestInit);

describe('JSON bodies are bounded before anything reads them', () => {
  it('refuses a template nesting 4,000 levels (400, 1002), stores nothing, and lists still work', async () => {
    const t = createTestApp();
    const before = JSON.stringify(t.store.dump());
    const r = await t.call('POST', TEMPLATES, {
      ...ADMIN,
      json: template({ commonSettings: nested(4_000) as Record<string, unknown> }),
    });
    expect(r.status).toBe(400);
    expectWebexError(r);
    expect(r.body.errors[0]).toEqual({
      description: 'body: must nest at most 32 levels deep',
      errorCode: 1002,
    });
    expect(JSON.stringify(t.store.dump())).toBe(before);
    expect((await t.call('GET', TEMPLATES, ADMIN)).status).toBe(200);
  });

  it('takes 32 levels, refuses 33', async () => {
    const t = createTestApp();
    const subscriptionId = (await t.call('GET', '/sim/world')).body.partners[0].subscriptions[0].id;
    // The body is one level: 31 more fit.
    const fits = await t.call('POST', TEMPLATES, {
      ...ADMIN,
      json: template({ subscriptionId, commonSettings: nested(31) }),
    });
    expect(fits.status).toBe(201);
    const deep = await t.call('POST', TEMPLATES, {
      ...ADMIN,
      json: template({ subscriptionId, name: 'Deeper', commonSettings: nested(32) }),
    });
    expect(deep.status).toBe(400);
    expect(deep.body.errors[0].description).toBe('body: must nest at most 32 levels deep');
  });

  it('refuses a string over 16 KiB or an array over 1,000 items anywhere, naming it', async () => {
    const t = createTestApp();
    const before = JSON.stringify(t.store.dump());
    const long = await t.call('POST', TEMPLATES, {
      ...ADMIN,
      json: template({ commonSettings: { note: 'x'.repeat(16 * 1024 + 1) } }),
    });
    expect(long.status).toBe(400);
    expect(long.body.errors[0]).toEqual({
      description: 'commonSettings.note: must be at most 16384 characters',
      errorCode: 1002,
    });
    const many = await t.call('POST', TEMPLATES, {
      ...ADMIN,
      json: template({ callingSettings: { list: Array.from({ length: 1_001 }, () => 1) } }),
    });
    expect(many.status).toBe(400);
    expect(many.body.errors[0].description).toBe(
      'callingSettings.list: must be at most 1000 items',
    );
    expect(JSON.stringify(t.store.dump())).toBe(before);
  });

  it('answers invalid UTF-8 with 400 (1101) instead of storing U+FFFD', async () => {
    const t = createTestApp();
    const before = JSON.stringify(t.store.dump());
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('{"name":"Caf'),
      0xe9, // Latin-1 é: not UTF-8
      ...new TextEncoder().encode('","offer":"wholesale","country":"US","language":"en"}'),
    ]);
    const res = await post(t, TEMPLATES, bytes);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: unknown[] };
    expect(body.errors[0]).toEqual({ description: 'body: is not valid UTF-8', errorCode: 1101 });
    expect(JSON.stringify(t.store.dump())).toBe(before);
  });

  it('answers 413 in the error shape past 1 MiB, at the root and under /w/{id}', async () => {
    const t = createTestApp();
    const { id } = (await t.call('POST', '/sim/worlds', { json: {} })).body as { id: string };
    for (const prefix of ['', `/w/${id}`]) {
      const r = await t.call('POST', `${prefix}/sim/faults`, {
        body: JSON.stringify({ path: '/x', message: 'x'.repeat(BODY_LIMITS.other) }),
        headers: { 'content-type': 'application/json' },
      });
      expect(r.status).toBe(413);
      expectWebexError(r);
      // The rest of the body is never read: the client must not send another request on it.
      expect(r.headers.get('connection')).toBe('close');
    }
  });

  it('stops reading a streamed body at the limit, at the root and under /w/{id}', async () => {
    const t = createTestApp();
    const { id } = (await t.call('POST', '/sim/worlds', { json: {} })).body as { id: string };
    for (const prefix of ['', `/w/${id}`]) {
      const body = streamingBody(1024 ** 3); // 1 GiB, were it all read
      const res = await post(t, `${prefix}${TEMPLATES}`, body.stream);
      expect(res.status).toBe(413);
      expect(((await res.json()) as { message: string }).message).toBe(
        'The body is larger than 1 MiB (1048576 bytes).',
      );
      // Read no further than the limit and the chunk that crossed it (give or take the stream's buffer).
      expect(body.pulled()).toBeLessThanOrEqual(BODY_LIMITS.other + 4 * 64 * 1024);
    }
  });

  it('refuses a declared Content-Length over the limit without reading the body', async () => {
    const t = createTestApp();
    const { id } = (await t.call('POST', '/sim/worlds', { json: {} })).body as { id: string };
    for (const prefix of ['', `/w/${id}`]) {
      const body = streamingBody(1024 ** 3);
      const res = await post(t, `${prefix}${TEMPLATES}`, body.stream, {
        'content-length': String(1024 ** 3),
      });
      expect(res.status).toBe(413);
      expect(body.pulled()).toBeLessThanOrEqual(4 * 64 * 1024);
    }
  });

  it('lets the users CSV import up to 32 MiB and a CCW case up to 8 MiB', async () => {
    const t = createTestApp();
    const csv = await t.call('POST', '/partner-hub/api/customers/nope/users/csv', {
      ...ADMIN,
      body: `User ID/Email (Required)\n${'a@b.c\n'.repeat(300_000)}`,
      headers: { 'content-type': 'text/csv' },
    });
    expect(csv.status).toBe(404); // read whole (1.8 MB), then the customer is unknown
    const bigCase = await t.call('POST', '/ccw/api/cases', {
      ...ADMIN,
      json: {
        requestType: 'resend_provisioning_email',
        orderId: 'o',
        lineId: 'l',
        x: 'x'.repeat(BODY_LIMITS.caseFiles),
      },
    });
    expect(bigCase.status).toBe(413);
  });
});

describe('a large JSON body is read without holding the server', () => {
  it('checks and parses a world document of several MiB with turns of the event loop between the passes', async () => {
    const t = createTestApp();
    const doc = (await t.call('GET', '/sim/export')).body as {
      collections: Record<string, unknown[]>;
    };
    // Padded past LARGE_BODY with CCW cases (a document checks only that each has an id), the
    // last one's id a second time: the document is refused once parsed and checked.
    const cases = Array.from({ length: 20_000 }, (_, i) => ({
      id: `n${i}`,
      text: 'x'.repeat(100),
    }));
    doc.collections.cases = [...cases, { id: 'n0' }];
    const body = JSON.stringify(doc);
    expect(body.length).toBeGreaterThan(LARGE_BODY);
    const before = JSON.stringify(t.store.dump());
    // Turns of the event loop counted while the import is read and refused.
    let turns = 0;
    let counting = true;
    const count = () => {
      turns += 1;
      if (counting) setImmediate(count);
    };
    setImmediate(count);
    const refused = await t.call('POST', '/sim/import', {
      body,
      headers: { 'content-type': 'application/json' },
    });
    counting = false;
    expect(refused.status).toBe(400);
    expect(refused.body.message).toContain('"n0" appears twice in cases');
    expect(JSON.stringify(t.store.dump())).toBe(before);
    // A turn before each pass over the body (nesting, parse, bounds) and before the document's check.
    expect(turns).toBeGreaterThanOrEqual(4);
    doc.collections.cases = cases;
    const imported = await t.call('POST', '/sim/import', {
      body: JSON.stringify(doc),
      headers: { 'content-type': 'application/json' },
    });
    expect(imported.status).toBe(200);
    expect(t.store.count('cases')).toBe(20_000);
  });
});
