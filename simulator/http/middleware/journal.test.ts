import { describe, expect, it } from 'vitest';
import { createTestApp, createTestWorld } from '../../adapters/testing.ts';
import { ADMIN, customerBody, provisioningId } from '../../../test/fixtures/wholesale.ts';
import {
  BODY_PREFIX_BYTES,
  JOURNAL_BUDGET_BYTES,
  RequestJournal,
  type JournalEntry,
} from '../request-journal.ts';

describe('GET /sim/requests (the request journal)', () => {
  it('records method, path, query, status, times, token, headers and a body prefix, newest first', async () => {
    const t = createTestApp({ wallClock: () => Date.parse('2030-05-05T10:00:00Z') });
    const pid = await provisioningId(t);
    await t.call('POST', '/sim/clock', { json: { advance: 'P1D' } });
    await t.call('GET', '/v1/wholesale/customers?max=5', {
      ...ADMIN,
      headers: { 'user-agent': 'my-provisioner/1.0', TrackingID: 'mine_1' },
    });
    const sent = JSON.stringify(customerBody(pid));
    await t.call('POST', '/v1/wholesale/customers', { ...ADMIN, json: customerBody(pid) });
    const r = await t.call('GET', '/sim/requests');
    expect(r.status).toBe(200);
    expect(r.body.items).toHaveLength(2);
    const [post, list] = r.body.items;
    expect(post).toEqual({
      seq: 2,
      method: 'POST',
      path: '/v1/wholesale/customers',
      query: '',
      status: 202,
      time: '2026-01-02T00:00:00.000Z',
      wallTime: '2030-05-05T10:00:00.000Z',
      durationMs: 0,
      token: 'acme-admin',
      headers: { 'content-type': 'application/json' },
      body: sent,
    });
    expect(list).toEqual({
      seq: 1,
      method: 'GET',
      path: '/v1/wholesale/customers',
      query: '?max=5',
      status: 200,
      time: '2026-01-02T00:00:00.000Z',
      wallTime: '2030-05-05T10:00:00.000Z',
      durationMs: 0,
      token: 'acme-admin',
      headers: { 'tracking-id': 'mine_1', 'user-agent': 'my-provisioner/1.0' },
    });
  });

  it("keeps the first 2048 bytes of a long body (cut on a whole character), and the answer's Retry-After", async () => {
    const t = createTestApp();
    await t.call('POST', '/sim/faults', {
      json: { method: 'POST', path: '/partner-hub/api/templates', retryAfter: 7, times: 1 },
    });
    const name = `${'x'.repeat(2038)}é${'y'.repeat(10_000)}`;
    await t.call('POST', '/partner-hub/api/templates', { ...ADMIN, json: { name } });
    await t.call('POST', '/partner-hub/api/templates', { ...ADMIN, json: { name } });
    const [read, faulted] = (await t.call('GET', '/sim/requests')).body.items;
    expect(faulted).toMatchObject({ status: 429, retryAfter: 7, bodyTruncated: true });
    expect(read).toMatchObject({ status: 400, bodyTruncated: true });
    expect(read.retryAfter).toBeUndefined();
    for (const e of [read, faulted]) {
      expect(e.body).toBe(`{"name":"${'x'.repeat(2038)}`);
    }
  });

  it('does not record unknown tokens as names', async () => {
    const t = createTestApp();
    await t.call('GET', '/v1/people/me', { token: 'stolen-or-typo' });
    const [e] = (await t.call('GET', '/sim/requests')).body.items;
    expect(e.status).toBe(401);
    expect(e.token).toBeUndefined();
  });

  it('leaves /sim out, records errors and injected faults with their status', async () => {
    const t = createTestApp();
    await t.call('POST', '/sim/faults', { json: { path: '/v1/people/me', status: 503, times: 1 } });
    await t.call('GET', '/v1/people/me', ADMIN);
    await t.call('GET', '/v1/people/me');
    await t.call('GET', '/v1/nowhere', ADMIN);
    const items = (await t.call('GET', '/sim/requests')).body.items;
    expect(items.map((e: { path: string; status: number }) => `${e.status} ${e.path}`)).toEqual([
      '404 /v1/nowhere',
      '401 /v1/people/me',
      '503 /v1/people/me',
    ]);
  });

  it('filters by method, path pattern and status (exact or class)', async () => {
    const t = createTestApp();
    await t.call('GET', '/v1/people/me', ADMIN);
    await t.call('GET', '/v1/wholesale/customers', ADMIN);
    await t.call('POST', '/v1/wholesale/customers', { ...ADMIN, json: {} });
    await t.call('GET', '/partner-hub/api/templates', ADMIN);
    const paths = async (q: string) =>
      (await t.call('GET', `/sim/requests${q}`)).body.items.map(
        (e: { method: string; path: string }) => `${e.method} ${e.path}`,
      );
    expect(await paths('?method=post')).toEqual(['POST /v1/wholesale/customers']);
    expect(await paths('?path=/v1/*')).toEqual([
      'POST /v1/wholesale/customers',
      'GET /v1/wholesale/customers',
      'GET /v1/people/me',
    ]);
    expect(await paths('?path=/v1/wholesale/customers&method=GET')).toEqual([
      'GET /v1/wholesale/customers',
    ]);
    expect(await paths('?status=4xx')).toEqual(['POST /v1/wholesale/customers']);
    expect(await paths('?status=200&path=/partner-hub/*')).toEqual([
      'GET /partner-hub/api/templates',
    ]);
    expect((await t.call('GET', '/sim/requests?status=abc')).status).toBe(400);
  });

  it("keeps a world's latest requests within its byte budget, dropping the oldest", () => {
    const j = new RequestJournal(64 * 1024);
    const entry = (i: number) => ({
      method: 'POST',
      path: '/v1/wholesale/customers',
      query: `?i=${i}`,
      status: 202,
      at: 0,
      wallAt: 0,
      durationMs: 0,
      headers: {},
      body: 'b'.repeat(BODY_PREFIX_BYTES),
    });
    for (let i = 0; i < 5000; i++) j.add({ seq: j.begin(), ...entry(i) });
    expect(j.bytes).toBeLessThanOrEqual(64 * 1024);
    const kept = j.list();
    expect(kept.length).toBe(j.size);
    expect(kept.length).toBeGreaterThan(20);
    expect(kept.length).toBeLessThan(40);
    expect(kept[0]?.query).toBe('?i=4999');
    expect(kept.at(-1)?.seq).toBe(5000 - kept.length + 1);
    expect(JOURNAL_BUDGET_BYTES).toBe(4 * 1024 * 1024);
  });

  it('numbers requests as they arrive, lists them once answered, and counts those still pending', async () => {
    const t = createTestApp();
    await t.call('POST', '/sim/faults', {
      json: { path: '/v1/people/me', latencyMs: 300, times: 1 },
    });
    const slow = t.call('GET', '/v1/people/me', ADMIN);
    await t.call('GET', '/v1/wholesale/customers', ADMIN);
    const during = (await t.call('GET', '/sim/requests')).body;
    expect(during).toMatchObject({ lastSeq: 2, pending: 1 });
    expect(during.items.map((e: { seq: number }) => e.seq)).toEqual([2]);
    await slow;
    const after = (await t.call('GET', '/sim/requests')).body;
    expect(after).toMatchObject({ lastSeq: 2, pending: 0 });
    expect(after.items.map((e: { seq: number; path: string }) => `${e.seq} ${e.path}`)).toEqual([
      '2 /v1/wholesale/customers',
      '1 /v1/people/me',
    ]);
  });

  it('refuses an over-long path pattern', async () => {
    const t = createTestApp();
    const r = await t.call('GET', `/sim/requests?path=/${'*'.repeat(2000)}`);
    expect(r.status).toBe(400);
    expect(r.body.errors[0].description).toMatch(/^path: must be at most 2000 characters/);
  });

  it('is cleared by DELETE /sim/requests and by POST /sim/reset', async () => {
    const t = createTestApp();
    await t.call('GET', '/v1/people/me', ADMIN);
    expect((await t.call('DELETE', '/sim/requests')).status).toBe(204);
    expect((await t.call('GET', '/sim/requests')).body.items).toEqual([]);
    await t.call('GET', '/v1/people/me', ADMIN);
    await t.call('POST', '/sim/reset');
    expect((await t.call('GET', '/sim/requests')).body.items).toEqual([]);
  });

  it('belongs to its world: /w/{id} requests are journaled there with paths inside the world', async () => {
    const t = createTestApp();
    const { id } = (await t.call('POST', '/sim/worlds')).body;
    await t.call('GET', `/w/${id}/v1/people/me`, ADMIN);
    expect((await t.call('GET', '/sim/requests')).body.items).toEqual([]);
    const items = (await t.call('GET', `/w/${id}/sim/requests`)).body.items;
    expect(items).toMatchObject([{ method: 'GET', path: '/v1/people/me', status: 200 }]);
  });

  it('shows that a client honoured Retry-After', async () => {
    let wall = Date.parse('2026-01-01T00:00:00Z');
    const w = await createTestWorld({ wallClock: () => wall });
    await w.faults.add({ method: 'GET', path: '/v1/wholesale/customers', retryAfter: 3, times: 1 });
    // A client that waits as told before it retries (its sleep moves the test's wall clock).
    const sleep = async (ms: number) => void (wall += ms);
    const getWithRetry = async (): Promise<Response> => {
      for (;;) {
        const res = await w.fetch('/v1/wholesale/customers', {
          headers: { authorization: `Bearer ${w.tokens.acme!.admin}` },
        });
        if (res.status !== 429) return res;
        await sleep(Number(res.headers.get('retry-after')) * 1000);
      }
    };
    expect((await getWithRetry()).status).toBe(200);
    const journal = await w.requests({ path: '/v1/wholesale/customers' });
    expect(journal).toHaveLength(2);
    const [retry, first] = journal as [JournalEntry, JournalEntry];
    expect(first.status).toBe(429);
    expect(retry.status).toBe(200);
    expect(Date.parse(retry.wallTime) - Date.parse(first.wallTime)).toBeGreaterThanOrEqual(3000);
  });
});
