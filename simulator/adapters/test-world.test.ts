import { describe, expect, it } from 'vitest';
import { createTestWorld } from './testing.ts';
import { customerBody } from '../../test/fixtures/wholesale.ts';

describe('createTestWorld (provisim/testing)', () => {
  it('gives each test its own world with tokens, clock, mail, faults and a bound fetch', async () => {
    const a = await createTestWorld();
    const b = await createTestWorld();
    expect(a.tokens.acme).toEqual({
      admin: 'acme-admin',
      readonly: 'acme-readonly',
      orderer: 'acme-orderer',
      viewer: 'acme-viewer',
    });
    const pid: string = a.world.partners[0].templates.find(
      (t: { offer: string }) => t.offer === 'wholesale',
    ).provisioningId;
    const auth = {
      authorization: `Bearer ${a.tokens.acme!.admin}`,
      'content-type': 'application/json',
    };
    const res = await a.fetch('/v1/wholesale/customers', {
      method: 'POST',
      headers: auth,
      body: JSON.stringify(customerBody(pid)),
    });
    expect(res.status).toBe(202);
    expect(await a.clock.advance('PT5M')).toBe('2026-01-01T00:05:00.000Z');
    const list = await (await a.fetch('/v1/wholesale/customers', { headers: auth })).json();
    expect(list.items.map((c: { status: string }) => c.status)).toEqual(['provisioned']);
    expect(await b.clock.now()).toBe('2026-01-01T00:00:00.000Z');
    expect(
      (await (await b.fetch('/v1/wholesale/customers', { headers: auth })).json()).items,
    ).toEqual([]);
    await a.faults.add({ path: '/v1/people/me', status: 503, times: 1 });
    expect((await a.fetch('/v1/people/me', { headers: auth })).status).toBe(503);
    expect((await b.fetch('/v1/people/me', { headers: auth })).status).toBe(200);
    expect(await a.requests({ status: 503 })).toMatchObject([{ path: '/v1/people/me' }]);
    expect(await b.requests({ status: 503 })).toEqual([]);
    expect(await a.mail()).toEqual([]);
    await a.reset();
    expect(await a.clock.now()).toBe('2026-01-01T00:00:00.000Z');
    expect(await a.requests()).toEqual([]);
  });
});
