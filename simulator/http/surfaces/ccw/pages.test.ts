import { describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../adapters/testing.ts';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const signIn = async (t: TestApp, token: string) =>
  (await t.call('POST', '/ccw/sign-in', { body: `token=${token}`, headers: FORM })).headers
    .get('set-cookie')!
    .split(';')[0]!;
const placeOrder = async (t: TestApp, offer = 'A-FLEX') =>
  (
    await t.call('POST', '/ccw/api/orders', {
      token: 'acme-orderer',
      json: {
        lines: [
          {
            offer,
            provisioningContactEmail: 'buyer@shop.example',
            requestedStartDate: '2026-01-01',
          },
        ],
      },
    })
  ).body;

describe('CCW pages (CCW-1..7)', () => {
  it('lets all four roles of the partner in, scoped to /ccw', async () => {
    const t = createTestApp();
    const r = await t.call('POST', '/ccw/sign-in', { body: 'token=acme-viewer', headers: FORM });
    expect(r.status).toBe(303);
    expect(r.headers.get('set-cookie')).toContain('Path=/ccw');
    expect((await t.call('GET', '/ccw/orders')).status).toBe(303);
  });

  it('places an order from the page; a bad one shows the line errors and places nothing', async () => {
    const t = createTestApp();
    const cookie = await signIn(t, 'acme-orderer');
    const bad = await t.call('POST', '/ccw/orders', {
      body: 'offer=EA&provisioningContactEmail=nope&requestedStartDate=',
      headers: { ...FORM, cookie },
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('lines[0].provisioningContactEmail');
    const good = await t.call('POST', '/ccw/orders', {
      body: 'offer=EA&provisioningContactEmail=b%40shop.example&requestedStartDate=2026-01-03',
      headers: { ...FORM, cookie },
    });
    expect(good.status).toBe(303);
    expect(
      (await t.call('GET', '/ccw/api/orders', { token: 'acme-orderer' })).body.items,
    ).toHaveLength(1);
  });

  it('refuses a resend before the RSD with the reason on the page (409)', async () => {
    const t = createTestApp();
    const cookie = await signIn(t, 'acme-orderer');
    const o = (
      await t.call('POST', '/ccw/api/orders', {
        token: 'acme-orderer',
        json: {
          lines: [
            {
              offer: 'EA',
              provisioningContactEmail: 'x@shop.example',
              requestedStartDate: '2026-02-01',
            },
          ],
        },
      })
    ).body;
    const r = await t.call('POST', `/ccw/orders/${o.id}/lines/${o.lines[0].id}/resend`, {
      headers: { cookie },
    });
    expect(r.status).toBe(409);
    expect(r.text).toContain('goes out on the requested start date');
  });

  it('shows a closed line with its pending notice on the subscriptions page (CCW-6)', async () => {
    const t = createTestApp();
    const cookie = await signIn(t, 'acme-viewer');
    await placeOrder(t);
    await t.call('POST', '/sim/clock', { json: { advance: 'P7D' } });
    const page = await t.call('GET', '/ccw/subscriptions?status=closed', { headers: { cookie } });
    expect(page.text).toContain('>closed<');
    expect(page.text).toContain('Provisioning is still pending');
  });

  it('pages the subscriptions, 25 lines a page, in the order placed, filtered by status and searched', async () => {
    const t = createTestApp();
    const cookie = await signIn(t, 'acme-viewer');
    for (let i = 0; i < 30; i += 1) {
      const r = await t.call('POST', '/ccw/api/orders', {
        token: 'acme-orderer',
        json: {
          lines: [
            {
              offer: 'A-FLEX',
              provisioningContactEmail: `c${i}@shop.example`,
              // The first ten start a week later: still awaiting the provisioning email then.
              requestedStartDate: i < 10 ? '2026-01-08' : '2026-01-01',
            },
          ],
        },
      });
      expect(r.status).toBe(201);
    }
    const contacts = async (query: string) => {
      const page = await t.call('GET', `/ccw/subscriptions${query}`, { headers: { cookie } });
      expect(page.status).toBe(200);
      const table = /data-testid="subscriptions"[\s\S]*?<\/table>/.exec(page.text)?.[0] ?? '';
      return {
        rows: [...table.matchAll(/<td>(c\d+)@shop\.example<\/td>/g)].map((m) => m[1]),
        count: /data-testid="list-count"[^>]*>([^<]*)</.exec(page.text)?.[1],
      };
    };
    const cs = (from: number, to: number) =>
      Array.from({ length: to - from }, (_, i) => `c${from + i}`);
    const first = await contacts('');
    expect(first.count).toBe('30 subscriptions');
    expect(first.rows).toEqual(cs(0, 25));
    expect((await contacts('?page=2')).rows).toEqual(cs(25, 30));
    await t.call('POST', '/sim/clock', { json: { advance: 'P7D' } });
    const closed = await contacts('?status=closed');
    expect(closed.count).toBe('20 subscriptions');
    expect(closed.rows).toEqual(cs(10, 30));
    const searched = await contacts('?status=closed&q=c2');
    expect(searched.count).toBe('10 of 20 subscriptions match');
    expect(searched.rows).toEqual(cs(20, 30));
  });

  it('the setup page shows field errors, then onboards; a second visit is refused (CCW-4)', async () => {
    const t = createTestApp();
    await placeOrder(t);
    const link = new URL(
      (await t.call('GET', '/sim/mail?to=buyer@shop.example')).body.items[0].links[0].url,
    ).pathname;
    const form = await t.call('GET', link);
    expect(form.text).toContain('Set up your Webex service');
    const bad = await t.call('POST', link, {
      body: 'companyName=&adminEmail=x&addressLine1=&city=&country=US',
      headers: FORM,
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('data-testid="error-adminEmail"');
    expect(bad.text).toContain('data-testid="error-headquarters.addressLine1"');
    const done = await t.call('POST', link, {
      body: 'companyName=Shop&adminEmail=it%40shop.example&addressLine1=1+Main&city=Austin&country=US',
      headers: FORM,
    });
    expect(done.text).toContain('Shop is now onboarded');
    expect((await t.call('GET', link)).status).toBe(409);
    expect((await t.call('GET', '/ccw/setup/unknown')).status).toBe(404);
  });
});

describe('mailbox page', () => {
  it('lists each mail with its links as clickable, filtered by address', async () => {
    const t = createTestApp();
    await placeOrder(t);
    const page = await t.call('GET', '/sim/mailbox?to=buyer@shop.example');
    expect(page.text.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page.text).toMatch(
      /<a class="button" href="http:\/\/provisim\.test\/ccw\/setup\/[0-9a-f]{32}">Set Up Your Service<\/a>/,
    );
    expect((await t.call('GET', '/sim/mailbox?to=nobody@x.example')).text).toContain(
      'No mail yet.',
    );
  });
});
