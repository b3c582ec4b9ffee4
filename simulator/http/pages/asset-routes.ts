import { Hono } from 'hono';
import type { SurfaceEnv } from '../env.ts';
import { MOMENTUM_THEME_CSS, MOMENTUM_TYPOGRAPHY_CSS } from './assets/momentum.ts';
import { FAVICON_SVG, PROVISIM_CSS, PROVISIM_JS } from './assets/styles.ts';

const CACHE = 'public, max-age=3600';
const CSS = { 'content-type': 'text/css; charset=UTF-8', 'cache-control': CACHE };
const MOMENTUM_CSS = `${MOMENTUM_THEME_CSS}\n${MOMENTUM_TYPOGRAPHY_CSS}\n`;

/** `/assets/*` and the favicon: the pages' style sheets, Momentum's tokens and font, offline. */
export const assetRoutes = (): Hono<SurfaceEnv> => {
  const app = new Hono<SurfaceEnv>();
  app.get('/assets/provisim.css', (c) => c.body(PROVISIM_CSS, 200, CSS));
  app.get('/assets/provisim.js', (c) =>
    c.body(PROVISIM_JS, 200, {
      'content-type': 'text/javascript; charset=UTF-8',
      'cache-control': CACHE,
    }),
  );
  app.get('/assets/momentum.css', (c) => c.body(MOMENTUM_CSS, 200, CSS));
  for (const path of ['/favicon.svg', '/favicon.ico'])
    app.get(path, (c) =>
      c.body(FAVICON_SVG, 200, { 'content-type': 'image/svg+xml', 'cache-control': CACHE }),
    );
  app.get('/assets/fonts/:file', async (c) => {
    const found = await c.env.assets?.(`fonts/${c.req.param('file')}`);
    if (!found) return c.body('Not found', 404, { 'content-type': 'text/plain; charset=UTF-8' });
    return c.body(found.body as Uint8Array<ArrayBuffer>, 200, {
      'content-type': found.type,
      'cache-control': CACHE,
    });
  });
  return app;
};
