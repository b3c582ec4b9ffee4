import { describe, expect, it } from 'vitest';
import { createTestApp } from './testing.ts';
import { nodeAssets } from './node-assets.ts';

describe('page assets from the installed Momentum packages', () => {
  it('serves the Momentum font, the style sheets and the favicon; an unknown font is 404', async () => {
    const { call } = createTestApp({ assets: nodeAssets() });
    const font = await call('GET', '/assets/fonts/Inter.var.woff2');
    expect(font.status).toBe(200);
    expect(font.headers.get('content-type')).toBe('font/woff2');
    expect((await call('GET', '/assets/fonts/nope.woff2')).status).toBe(404);
    const css = await call('GET', '/assets/provisim.css');
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    expect(css.text).toContain('url("fonts/Inter.var.woff2")');
    // The style sheet is served as a file: quotes stay quotes (no &quot; as inside <style>).
    expect(css.text).not.toContain('&quot;');
    const momentum = await call('GET', '/assets/momentum.css');
    expect(momentum.text).toContain('.mds-theme-stable-lightWebex');
    expect(momentum.text).toContain('--mds-font-family-primary');
    const icon = await call('GET', '/favicon.ico');
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toBe('image/svg+xml');
  });

  it('without an adapter the font is 404 and the pages still have their style sheets', async () => {
    const { call } = createTestApp();
    expect((await call('GET', '/assets/fonts/Inter.var.woff2')).status).toBe(404);
    expect((await call('GET', '/assets/provisim.css')).status).toBe(200);
  });
});
