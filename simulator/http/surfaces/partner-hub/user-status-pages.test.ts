import { describe, expect, it } from 'vitest';
import { bwBody, bwWorld } from '../../../../test/fixtures/broadworks.ts';
import { createTestApp, type TestApp } from '../../../adapters/testing.ts';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const signIn = async (t: TestApp, token = 'acme-admin') =>
  (await t.call('POST', '/partner-hub/sign-in', { body: `token=${token}`, headers: FORM })).headers
    .get('set-cookie')!
    .split(';')[0]!;

describe('Show user status page (FT-3..7)', () => {
  it('lists users, filters provisioned ones out, exports what it shows, and acts from the menu', async () => {
    const t = createTestApp();
    const w = await bwWorld(t);
    const cookie = await signIn(t);
    const post = (extra: Record<string, unknown>) =>
      t.call('POST', '/v1/broadworks/subscribers', {
        token: 'acme-admin',
        json: bwBody(w.trusted.provisioningId, w.spEnterpriseId, extra),
      });
    await post({ userId: 'ok@bw.example', email: 'ok@x.example' });
    await t.call('POST', '/sim/clock', { json: { advance: 'PT30S' } });
    const pending = (
      await t.call('POST', '/v1/broadworks/subscribers', {
        token: 'acme-admin',
        json: bwBody(w.untrusted.provisioningId, w.spEnterpriseId, { userId: 'wait@bw.example' }),
      })
    ).body;
    const path = `/partner-hub/templates/${w.untrusted.id}/user-status`;
    expect(
      (await t.call('GET', `/partner-hub/templates/${w.untrusted.id}`, { headers: { cookie } }))
        .text,
    ).toContain('Show user status');
    const all = await t.call('GET', path, { headers: { cookie } });
    expect(all.text).toContain('wait@bw.example');
    expect(all.text).toContain('Retry activation');
    const trustedPage = await t.call(
      'GET',
      `/partner-hub/templates/${w.trusted.id}/user-status?excludeProvisioned=true`,
      { headers: { cookie } },
    );
    expect(trustedPage.text).not.toContain('ok@bw.example');
    const csv = await t.call('GET', `/partner-hub/templates/${w.trusted.id}/user-status.csv`, {
      headers: { cookie },
    });
    expect(csv.text).toBe(
      'BroadWorks ID,Package,Status,Error text\r\nok@bw.example,standard,provisioned,\r\n',
    );
    const retry = await t.call('POST', `${path}/${pending.id}/retry-activation`, {
      body: 'email=wait%40x.example',
      headers: { ...FORM, cookie },
    });
    expect(retry.status).toBe(303);
    expect(decodeURIComponent(retry.headers.get('location')!)).toContain(
      'A verification email was sent to wait@x.example.',
    );
    const bad = await t.call('POST', `${path}/${pending.id}/change-package`, {
      body: 'package=gold',
      headers: { ...FORM, cookie },
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('package: must be one of');
    expect(
      (await t.call('POST', `${path}/${pending.id}/delete`, { headers: { cookie } })).status,
    ).toBe(303);
    expect((await t.call('GET', path, { headers: { cookie } })).text).not.toContain(
      'wait@bw.example',
    );
  });

  it('lets readonly look but not act', async () => {
    const t = createTestApp();
    const w = await bwWorld(t);
    const cookie = await signIn(t, 'acme-readonly');
    const pending = (
      await t.call('POST', '/v1/broadworks/subscribers', {
        token: 'acme-admin',
        json: bwBody(w.untrusted.provisioningId, w.spEnterpriseId),
      })
    ).body;
    const path = `/partner-hub/templates/${w.untrusted.id}/user-status`;
    expect((await t.call('GET', path, { headers: { cookie } })).text).not.toContain(
      'Retry activation',
    );
    expect(
      (await t.call('POST', `${path}/${pending.id}/delete`, { headers: { cookie } })).status,
    ).toBe(403);
  });
});

describe("Show user status: a page of a template's users", () => {
  it("sorts by BroadWorks ID, pages, searches, and shows each shown user's next step", async () => {
    const t = createTestApp();
    const w = await bwWorld(t);
    const cookie = await signIn(t);
    // Made in reverse order of their ids, and still provisioning (the clock stands still).
    for (let i = 29; i >= 0; i -= 1) {
      const id = `u${String(i).padStart(2, '0')}@bw.example`;
      const r = await t.call('POST', '/v1/broadworks/subscribers', {
        token: 'acme-admin',
        json: bwBody(w.trusted.provisioningId, w.spEnterpriseId, {
          userId: id,
          email: `u${i}@x.example`,
        }),
      });
      expect(r.status).toBe(200);
    }
    const shown = async (query = '') => {
      const page = await t.call(
        'GET',
        `/partner-hub/templates/${w.trusted.id}/user-status${query}`,
        { headers: { cookie } },
      );
      expect(page.status).toBe(200);
      return {
        rows: [...page.text.matchAll(/data-testid="row-(u\d\d)@bw\.example"/g)].map((m) => m[1]),
        count: /data-testid="list-count"[^>]*>([^<]*)</.exec(page.text)?.[1],
        due: [...page.text.matchAll(/data-testid="next-step"/g)].length,
      };
    };
    const us = (from: number, to: number) =>
      Array.from({ length: to - from }, (_, i) => `u${String(from + i).padStart(2, '0')}`);
    const first = await shown();
    expect(first.count).toBe('30 users');
    expect(first.rows).toEqual(us(0, 25));
    expect(first.due).toBe(25);
    expect((await shown('?page=2')).rows).toEqual(us(25, 30));
    expect((await shown('?sort=broadworksId&dir=desc&size=10')).rows).toEqual(us(20, 30).reverse());
    const searched = await shown('?q=u1');
    expect(searched.count).toBe('10 of 30 users match');
    expect(searched.rows).toEqual(us(10, 20));
  });
});
