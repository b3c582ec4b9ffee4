import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen, type Listening } from '../../simulator/adapters/node.ts';
import { createApp } from '../../simulator/http/create-app.ts';
import { createMemoryStore } from '../../simulator/store/memory-store.ts';
import { customerBody } from '../fixtures/wholesale.ts';

// A world made with `POST /sim/worlds` answers over a real socket as the default world does: its
// request reaches it as it came (no copy of it is built), and every URL it writes, its journal and
// its headers belong to that world.
let server: Listening;
beforeAll(async () => {
  const app = createApp({ store: createMemoryStore(), newStore: createMemoryStore, log: () => {} });
  server = await listen(app, { port: 0, host: '127.0.0.1' });
});
afterAll(() => server.close());

const admin = { authorization: 'Bearer acme-admin' };
const json = { ...admin, 'content-type': 'application/json' };

const getJson = async (url: string, headers: Record<string, string> = {}) => {
  const res = await fetch(url, { headers });
  return { res, body: (await res.json()) as Record<string, unknown> };
};

const provisioningIdAt = async (base: string): Promise<string> => {
  const { body } = await getJson(`${base}/sim/world`);
  const partners = body.partners as { templates: { offer: string; provisioningId: string }[] }[];
  return partners[0]!.templates.find((t) => t.offer === 'wholesale')!.provisioningId;
};

describe('worlds under /w/{id} behind a Node server', () => {
  it('take JSON bodies, write their own links and journal, and carry the tracking id and CORS headers', async () => {
    const made = await fetch(`${server.url}/sim/worlds`, { method: 'POST' });
    const { id, base } = (await made.json()) as { id: string; base: string };
    expect(base).toBe(`${server.url}/w/${id}`);
    const pid = await provisioningIdAt(base);
    for (const n of [1, 2]) {
      const posted = await fetch(`${base}/v1/wholesale/customers`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify(customerBody(pid, { externalId: `ext-${n}` })),
      });
      expect(posted.status).toBe(202);
      const { url } = (await posted.json()) as { url: string };
      expect(url).toMatch(new RegExp(`^${base}/v1/wholesale/customers/[\\w-]+$`));
      expect(posted.headers.get('location')).toBe(url);
      expect(posted.headers.get('trackingid')).toMatch(/^PROVISIM_/);
      expect(posted.headers.get('access-control-allow-origin')).toBe('*');
    }

    const page = await getJson(`${base}/v1/wholesale/customers?max=1`, admin);
    expect(page.res.status).toBe(200);
    expect(page.res.headers.get('link')).toBe(
      `<${base}/v1/wholesale/customers?max=1&offset=1>; rel="next"`,
    );
    // The world holds what was made there, the default world none of it.
    expect((await getJson(`${base}/v1/wholesale/customers`, admin)).body.items).toHaveLength(2);
    expect((await getJson(`${server.url}/v1/wholesale/customers`, admin)).body.items).toHaveLength(
      0,
    );

    const journal = (await getJson(`${base}/sim/requests`)).body.items as {
      method: string;
      path: string;
      query: string;
      body?: string;
    }[];
    // Newest first, with the paths inside the world.
    expect(journal.map((e) => `${e.method} ${e.path}${e.query}`)).toEqual([
      'GET /v1/wholesale/customers',
      'GET /v1/wholesale/customers?max=1',
      'POST /v1/wholesale/customers',
      'POST /v1/wholesale/customers',
    ]);
    expect(JSON.parse(journal[2]!.body!)).toMatchObject({ externalId: 'ext-2' });
    const own = (await getJson(`${server.url}/sim/requests`)).body.items as { path: string }[];
    expect(own.map((e) => e.path)).toEqual(['/v1/wholesale/customers']);
  });

  it('answers a world id spelt with percent escapes, and an unknown world, as before', async () => {
    const { id } = (await (await fetch(`${server.url}/sim/worlds`, { method: 'POST' })).json()) as {
      id: string;
    };
    const escaped = [...id].map((ch) => `%${ch.charCodeAt(0).toString(16)}`).join('');
    const me = await getJson(`${server.url}/w/${escaped}/v1/people/me`, admin);
    expect(me.res.status).toBe(200);
    expect(me.body).toMatchObject({ emails: ['admin@acme-wholesale.example'] });

    const unknown = await getJson(`${server.url}/w/00000000/v1/people/me`, admin);
    expect(unknown.res.status).toBe(404);
    expect(unknown.res.headers.get('trackingid')).toMatch(/^PROVISIM_/);
    expect(unknown.body).toMatchObject({
      message: expect.stringContaining('World 00000000'),
      trackingId: unknown.res.headers.get('trackingid'),
    });
  });

  it('answers in other worlds while a request is held in one (a latency fault)', async () => {
    const newWorld = async () =>
      (
        (await (await fetch(`${server.url}/sim/worlds`, { method: 'POST' })).json()) as {
          base: string;
        }
      ).base;
    const [held, other] = [await newWorld(), await newWorld()];
    await fetch(`${held}/sim/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ path: '/v1/people/me', latencyMs: 3000, times: 1 }),
    });
    let answered = false;
    const slow = fetch(`${held}/v1/people/me`, { headers: admin }).then((res) => {
      answered = true;
      return res;
    });
    // The fault is used up once the held request has reached it.
    for (;;) {
      const faults = (await getJson(`${held}/sim/faults`)).body.items as unknown[];
      if (faults.length === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    for (const base of [other, server.url]) {
      const me = await getJson(`${base}/v1/people/me`, admin);
      expect(me.res.status).toBe(200);
      // Reads and writes in the held world itself go on too.
      expect((await getJson(`${held}/sim/clock`)).res.status).toBe(200);
    }
    expect(answered).toBe(false);
    expect((await slow).status).toBe(200);
  });
});
