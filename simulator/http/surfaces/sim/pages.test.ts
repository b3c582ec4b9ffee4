import { describe, expect, it } from 'vitest';
import { createTestApp, TEST_ORIGIN } from '../../../adapters/testing.ts';

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
