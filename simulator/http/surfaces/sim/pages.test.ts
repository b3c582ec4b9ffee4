import { describe, expect, it } from 'vitest';
import { createTestApp, TEST_ORIGIN, type TestApp } from '../../../adapters/testing.ts';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const HTML = { accept: 'text/html' };

describe('the control panel: worlds (made and dropped at the root only)', () => {
  it("posts a world's Create and Delete forms to the root, which makes and drops the world", async () => {
    const t = createTestApp();
    const made = await t.call('POST', '/sim/worlds', { json: {} });
    const id = made.body.id as string;
    const page = await t.call('GET', `/w/${id}/sim/panel/worlds`, { headers: HTML });
    expect(page.status).toBe(200);
    expect(page.text).toContain(`action="${TEST_ORIGIN}/sim/panel/worlds"`);
    expect(page.text).toContain(`action="${TEST_ORIGIN}/sim/panel/worlds/${id}/delete"`);
    expect(page.text).not.toContain(`action="${TEST_ORIGIN}/w/${id}/sim/panel/worlds"`);
    // The world itself still refuses to make one.
    const refused = await t.call('POST', `/w/${id}/sim/panel/worlds`, {
      body: 'seed=3',
      headers: { ...FORM, ...HTML },
    });
    expect(refused.status).toBe(403);
    const before = (await t.call('GET', '/sim/worlds')).body.items.length as number;
    const created = await t.call('POST', '/sim/panel/worlds', {
      body: 'seed=3',
      headers: { ...FORM, ...HTML },
    });
    expect(created.status).toBe(303);
    expect((await t.call('GET', '/sim/worlds')).body.items).toHaveLength(before + 1);
  });
});

describe('the control panel: scheduled steps, a page at a time', () => {
  const ADMIN = 'acme-admin';
  /** Customers made now, each waiting `delay` for its provisioning step. */
  const customers = async (t: TestApp, prefix: string, n: number, delay: string) => {
    expect(
      (await t.call('PATCH', '/sim/config', { json: { delays: { customer: delay } } })).status,
    ).toBe(200);
    const world = (await t.call('GET', '/sim/world')).body as {
      partners: { templates: { offer: string; provisioningId: string }[] }[];
    };
    const provisioningId = world.partners[0]!.templates.find(
      (x) => x.offer === 'wholesale',
    )!.provisioningId;
    for (let i = 0; i < n; i += 1) {
      const made = await t.call('POST', '/partner-hub/api/customers', {
        token: ADMIN,
        json: {
          companyName: `${prefix} ${i}`,
          adminEmail: `admin-${prefix.toLowerCase()}-${i}@steps.example`,
          provisioningId,
          packages: ['webex_meetings'],
          headquarters: { addressLine1: '1 Main St', city: 'Austin', country: 'US' },
          supportedLocationAttested: true,
        },
      });
      expect(made.status).toBe(201);
    }
  };
  /** The customers of the steps table, in its order, and the page's count line. */
  const shown = async (t: TestApp, query = '') => {
    const page = await t.call('GET', `/sim${query}`, { headers: HTML });
    expect(page.status).toBe(200);
    const table = /data-testid="scheduled-steps"[\s\S]*?<\/table>/.exec(page.text)?.[0] ?? '';
    return {
      rows: [...table.matchAll(/>Customer ([A-Za-z]+ \d+)</g)].map((m) => m[1]),
      count: /data-testid="list-count"[^>]*>([^<]*)</.exec(page.text)?.[1],
      text: page.text,
    };
  };
  const names = (prefix: string, from: number, to: number) =>
    Array.from({ length: to - from }, (_, i) => `${prefix} ${from + i}`);

  it('shows 25 steps soonest first (ties in the order made), then the next page, either way, and searched', async () => {
    const t = createTestApp();
    expect((await shown(t)).text).toContain('Nothing waits for the clock.');
    // Made first but due last: the page follows due times, not the order they were made in.
    await customers(t, 'Late', 15, 'PT10M');
    await customers(t, 'Soon', 15, 'PT1M');
    const first = await shown(t);
    expect(first.count).toBe('30 scheduled steps');
    expect(first.rows).toEqual([...names('Soon', 0, 15), ...names('Late', 0, 10)]);
    expect(first.text).toContain('href="http://provisim.test/sim?page=2" rel="next"');
    expect((await shown(t, '?page=2')).rows).toEqual(names('Late', 10, 15));
    expect((await shown(t, '?size=10&page=2')).rows).toEqual(
      names('Soon', 10, 15).concat(names('Late', 0, 5)),
    );
    expect((await shown(t, '?sort=dueAt&dir=desc')).rows).toEqual([
      ...names('Late', 0, 15),
      ...names('Soon', 0, 10),
    ]);
    const searched = await shown(t, '?q=late');
    expect(searched.count).toBe('15 of 30 scheduled steps match');
    expect(searched.rows).toEqual(names('Late', 0, 15));
  });
});
