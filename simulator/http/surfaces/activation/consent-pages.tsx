import { Hono } from 'hono';
import {
  acceptBroadWorksConsent,
  broadWorksSubscriberByConsentToken,
} from '../../../core/broadworks/subscribers.ts';
import type { Result } from '../../../core/kernel/result.ts';
import { acceptConsent, subscriberByConsentToken } from '../../../core/subscribers/consent.ts';
import type { WorldReader, WorldTx } from '../../../core/kernel/world-tx.ts';

/** The move of a free account, for a wholesale or a BroadWorks subscriber. */
const accept = (
  tx: WorldTx,
  token: string,
): Result<{ id: string; status: string; email: string; company: string }> => {
  const bw = acceptBroadWorksConsent(tx, token);
  if (bw)
    return bw.ok
      ? {
          ok: true,
          value: {
            id: bw.value.id,
            status: bw.value.status,
            email: bw.value.email ?? '',
            company: tx.get('partners', bw.value.partnerId)?.name ?? 'Your provider',
          },
        }
      : bw;
  const w = acceptConsent(tx, token);
  return w.ok
    ? {
        ok: true,
        value: {
          id: w.value.id,
          status: w.value.status,
          email: w.value.email,
          company: tx.get('customers', w.value.customerId)?.name ?? 'Your provider',
        },
      }
    : w;
};

const pending = (w: WorldReader, token: string): { email: string; company: string } | undefined => {
  const bw = broadWorksSubscriberByConsentToken(w, token);
  if (bw)
    return {
      email: bw.email ?? '',
      company: w.get('partners', bw.partnerId)?.name ?? 'Your provider',
    };
  const s = subscriberByConsentToken(w, token);
  return s.ok
    ? {
        email: s.value.email,
        company: w.get('customers', s.value.customerId)?.name ?? 'Your provider',
      }
    : undefined;
};
import type { SurfaceEnv } from '../../env.ts';
import { RouteTable, type ApiRoute } from '../../route-table.ts';
import { sendResult } from '../../respond.ts';
import { ConsentPage } from './views/consent.tsx';
import { pageRenderer } from '../../pages/page-renderer.tsx';

/** The link of the consent mail (api.md `/v1` subscribers): no token header; the link is the key. */
export const consentRoutes = (): Hono<SurfaceEnv> => {
  const app = new Hono<SurfaceEnv>();

  app.use('*', pageRenderer());
  app.get('/:token', async (c) => {
    const p = pending(c.env.world.read(), c.req.param('token'));
    if (!p) {
      const page = await c.render(
        <ConsentPage
          view={{
            state: 'error',
            message: 'Consent link not found (it may have been used already).',
          }}
        />,
        { title: 'Webex account move' },
      );
      return new Response(page.body, { status: 404, headers: page.headers });
    }
    return c.render(
      <ConsentPage
        view={{
          state: 'ask',
          email: p.email,
          company: p.company,
          action: `${c.env.base}/consent/${c.req.param('token')}`,
        }}
      />,
      { title: 'Move your Webex account' },
    );
  });
  app.post('/:token', async (c) => {
    const r = c.env.world.transact((tx) => accept(tx, c.req.param('token')));
    if (!r.ok) {
      const page = await c.render(
        <ConsentPage view={{ state: 'error', message: r.error.message }} />,
        { title: 'Webex account move' },
      );
      return new Response(page.body, { status: r.error.status, headers: page.headers });
    }
    return c.render(
      <ConsentPage view={{ state: 'done', email: r.value.email, company: r.value.company }} />,
      { title: 'Your account has moved' },
    );
  });
  return app;
};

/** The JSON twin of the consent page: no token; the link is the key. */
export const consentApi = (): ApiRoute[] => {
  const t = new RouteTable('', 'activation');

  t.post(
    '/consent/api/:token',
    { summary: 'Accept the move of a free account', responses: [200, 404, 409], public: true },
    (c) => {
      const r = c.env.world.transact((tx) => accept(tx, c.req.param('token')));
      return sendResult(c, r, 200, (s) => ({ subscriberId: s.id, status: s.status }));
    },
  );
  return t.routes;
};
