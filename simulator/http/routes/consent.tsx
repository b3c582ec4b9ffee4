import { Hono } from 'hono';
import { jsxRenderer } from 'hono/jsx-renderer';
import { acceptConsent, subscriberByConsentToken } from '../../core/wholesale-subscribers.ts';
import type { SurfaceEnv } from '../env.ts';
import { sendResult } from '../respond.ts';
import { ConsentPage } from '../views/consent.tsx';
import { Layout } from '../views/layout.tsx';

/** The link of the consent mail (api.md `/v1` subscribers): no token header; the link is the key. */
export const consentRoutes = (): Hono<SurfaceEnv> => {
  const app = new Hono<SurfaceEnv>();

  app.post('/api/:token', (c) => {
    const r = c.env.world.transact((tx) => acceptConsent(tx, c.req.param('token')));
    return sendResult(c, r, 200, (s) => ({ subscriberId: s.id, status: s.status }));
  });

  app.use('*', jsxRenderer(({ children, title }) => <Layout title={title}>{children}</Layout>, { docType: true }));
  app.get('/:token', async (c) => {
    const w = c.env.world.read();
    const s = subscriberByConsentToken(w, c.req.param('token'));
    if (!s.ok) {
      const page = await c.render(<ConsentPage view={{ state: 'error', message: s.error.message }} />, { title: 'Webex account move' });
      return new Response(page.body, { status: 404, headers: page.headers });
    }
    const company = w.get('customers', s.value.customerId)?.name ?? 'Your provider';
    return c.render(<ConsentPage view={{ state: 'ask', email: s.value.email, company, action: `${c.env.base}/consent/${c.req.param('token')}` }} />, { title: 'Move your Webex account' });
  });
  app.post('/:token', async (c) => {
    const r = c.env.world.transact((tx) => acceptConsent(tx, c.req.param('token')));
    if (!r.ok) {
      const page = await c.render(<ConsentPage view={{ state: 'error', message: r.error.message }} />, { title: 'Webex account move' });
      return new Response(page.body, { status: r.error.status, headers: page.headers });
    }
    const company = c.env.world.read().get('customers', r.value.customerId)?.name ?? 'Your provider';
    return c.render(<ConsentPage view={{ state: 'done', email: r.value.email, company }} />, { title: 'Your account has moved' });
  });
  return app;
};
