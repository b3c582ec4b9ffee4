import { describe, expect, it } from 'vitest';
import { startServer } from './node.ts';

describe('startServer (provisim/node)', () => {
  it('serves on a free loopback port and writes its public URL into the links', async () => {
    const sim = await startServer({ seed: 5, publicUrl: 'https://sim.example.com/' });
    try {
      expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(sim.publicUrl).toBe('https://sim.example.com');
      expect(sim.resumed).toBe(false);
      const world = await (await fetch(`${sim.url}/sim/world`)).json();
      expect(world).toMatchObject({ seed: 5, base: 'https://sim.example.com' });
      const made = await fetch(`${sim.url}/sim/worlds`, {
        method: 'POST',
        headers: { 'x-forwarded-host': 'ignored.example' },
      });
      expect(made.headers.get('location')).toMatch(/^https:\/\/sim\.example\.com\/w\/[0-9a-f]{8}$/);
    } finally {
      await sim.close();
    }
    await expect(fetch(`${sim.url}/sim/health`)).rejects.toThrow();
  });

  it('takes the origin from forwarded headers over a real socket when no public URL is set', async () => {
    const sim = await startServer();
    try {
      const made = await fetch(`${sim.url}/sim/worlds`, {
        method: 'POST',
        headers: { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'proxy.example' },
      });
      const { id, base } = await made.json();
      expect(base).toBe(`https://proxy.example/w/${id}`);
      const own = await (await fetch(`${sim.url}/w/${id}/sim/world`)).json();
      expect(own.base).toBe(`${sim.url}/w/${id}`);
    } finally {
      await sim.close();
    }
  });

  it('refuses a public URL that is not an origin, and a bad clock start, before listening', async () => {
    await expect(startServer({ publicUrl: 'https://sim.example.com/base' })).rejects.toThrow(
      /publicUrl: must be an http or https origin/,
    );
    await expect(startServer({ clock: { mode: 'frozen', start: 'soon' } })).rejects.toThrow(
      /clock\.start must be an ISO 8601 date-time/,
    );
  });
});
