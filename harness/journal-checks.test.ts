import { describe, expect, it } from 'vitest';
import { bodyField, judgeRequests, shortPath, type Journaled } from './journal-checks.ts';
import type { RequestsSpec } from './scenario-schema.ts';

let seq = 0;
/** An entry `s` seconds (real) and `v` minutes (virtual) after the start. */
const e = (
  s: number,
  fields: { [K in keyof Journaled]?: Journaled[K] | undefined } = {},
  v = 0,
): Journaled => ({
  seq: ++seq,
  method: 'GET',
  path: '/v1/wholesale/customers/c1',
  query: '',
  status: 200,
  time: new Date(Date.parse('2026-01-01T00:00:00Z') + v * 60_000).toISOString(),
  wallTime: new Date(Date.parse('2030-01-01T00:00:00Z') + s * 1000).toISOString(),
  durationMs: 5,
  token: 'acme-admin',
  ...(fields as Partial<Journaled>),
});
const judge = (spec: Partial<RequestsSpec>, entries: Journaled[]) =>
  judgeRequests({ match: {}, ...spec } as RequestsSpec, entries);

describe('judging the journal (requests steps)', () => {
  it('counts matching requests: exactly, at least, at most', () => {
    const list = [e(0), e(1), e(2, { method: 'POST', path: '/v1/wholesale/customers' })];
    expect(judge({ match: { method: 'GET' }, count: 2 }, list)).toEqual([]);
    expect(judge({ match: { path: '/v1/*' }, count: { max: 1 } }, list)).toEqual([
      'expected at most 1 /v1/*, got 3',
    ]);
    expect(judge({ match: { status: '4xx' }, count: { min: 1 }, because: 'why' }, list)).toEqual([
      'expected at least 1 → 4xx, got 0 (why)',
    ]);
  });

  it('finds requests without a known token (token: none) and of one token', () => {
    const list = [e(0), e(1, { token: undefined, status: 401 }), e(2, { token: 'acme-viewer' })];
    expect(judge({ match: { token: 'none' }, count: 0 }, list)).toEqual([
      'expected 0 (token none), got 1',
    ]);
    expect(judge({ match: { token: '*' }, count: 2 }, list)).toEqual([]);
    expect(judge({ match: { token: 'acme-viewer' }, count: 1 }, list)).toEqual([]);
  });

  it('checks an order among the matching requests, others allowed between', () => {
    const list = [e(0, { status: 429 }), e(1, { status: 404 }), e(2, { status: 200 })];
    expect(judge({ order: [{ status: 429 }, { status: 200 }] }, list)).toEqual([]);
    expect(judge({ order: [{ status: 200 }, { status: 429 }] }, list)).toEqual([
      'order: expected → 429 after → 200 among any request, found none',
    ]);
  });

  it('measures gaps in real time and in virtual time, each named', () => {
    const list = [e(0, {}, 0), e(2, {}, 0.25), e(2.5, {}, 1)];
    expect(judge({ minGap: { wall: 'PT0.5S' } }, list)).toEqual([]);
    expect(judge({ minGap: { wall: 'PT1S' } }, list)).toEqual([
      'minGap wall PT1S: 1 of 2 gaps are shorter: GET /v1/wholesale/customers/c1 at +2.50 s came 0.50 s (real) after the one before',
    ]);
    expect(judge({ minGap: { virtual: 'PT30S' } }, list)).toEqual([
      'minGap virtual PT30S: 1 of 2 gaps are shorter: GET /v1/wholesale/customers/c1 at +2.00 s came 15.00 s (virtual) after the one before',
    ]);
  });

  it('checks Retry-After from the answer, per method and path, in real time', () => {
    const asked = e(0, { status: 503, retryAfter: 2, durationMs: 500 });
    const other = e(0.6, { path: '/v1/people/me' });
    expect(judge({ honoursRetryAfter: true }, [asked, other, e(2.5)])).toEqual([]);
    expect(judge({ honoursRetryAfter: true }, [asked, other, e(2.4)])).toEqual([
      'Retry-After: the 503 at +0.00 s asked for 2 s; the next GET /v1/wholesale/customers/c1 came 1.90 s after the answer',
    ]);
    expect(judge({ honoursRetryAfter: true }, [asked])).toEqual([]);
  });

  it('finds the same create sent again after an answer that may have created it', () => {
    const post = (s: number, status: number, externalId = 'x-1') =>
      e(s, {
        method: 'POST',
        path: '/v1/wholesale/customers',
        status,
        body: JSON.stringify({ provisioningId: 'p', externalId }),
      });
    const spec = { match: { method: 'POST' as const }, unique: 'externalId' };
    expect(judge(spec, [post(0, 429), post(1, 503), post(2, 400), post(3, 202)])).toEqual([]);
    expect(judge(spec, [post(0, 202, 'a'), post(1, 202, 'b')])).toEqual([]);
    expect(judge(spec, [post(0, 202), post(1, 409)])).toEqual([
      'POST /v1/wholesale/customers at +1.00 s sent externalId "x-1" again, after the one at +0.00 s answered 202',
    ]);
    expect(judge(spec, [post(0, 500), post(1, 202)])).toHaveLength(1);
    // The first timed out at the client and was still running when it was sent again.
    const slow = { ...post(0, 409), durationMs: 3000 };
    expect(judge(spec, [slow, post(2, 202)])).toEqual([
      'POST /v1/wholesale/customers at +2.00 s sent externalId "x-1" again while the one at +0.00 s had no answer yet (it was answered 409 at +3.00 s)',
    ]);
  });

  it('reads a field from a body cut at the prefix, and matches bodies as JSON subsets or texts', () => {
    const cut = e(0, {
      method: 'POST',
      body: '{"a":1,"externalId":"x\\"y","b":"zzz',
      bodyTruncated: true,
    });
    expect(bodyField(cut, 'externalId')).toBe('x\\"y');
    expect(judge({ body: 're:"externalId"' }, [cut])).toEqual([]);
    expect(judge({ body: { a: 1 } }, [cut])).toEqual([
      'POST /v1/wholesale/customers/c1 at +0.00 s: body: longer than the journal keeps (2048 bytes): match a text instead',
    ]);
    const whole = e(0, { method: 'POST', body: '{"customerInfo":{"primaryEmail":"a@b.c"}}' });
    expect(bodyField(whole, 'customerInfo.primaryEmail')).toBe('a@b.c');
    expect(judge({ body: { customerInfo: { primaryEmail: 'a@b.c' } } }, [whole])).toEqual([]);
  });

  it('shows long ids in paths by their last characters', () => {
    expect(shortPath('/v1/wholesale/customers/Y2lzY29zcGFyazovL3VzL0VOVEVSUFJJU0UvMWJmODVl')).toBe(
      '/v1/wholesale/customers/…MWJmODVl',
    );
    expect(shortPath('/v1/wholesale/customers/c1')).toBe('/v1/wholesale/customers/c1');
  });
});
