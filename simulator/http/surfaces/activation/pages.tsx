import { Hono, type Context } from 'hono';
import { selfActivate, templateByLinkId } from '../../../core/broadworks/activation.ts';
import { verifyEmail } from '../../../core/broadworks/subscribers.ts';
import { readJson } from '../../body.ts';
import type { SurfaceEnv } from '../../env.ts';
import { RouteTable, type ApiRoute } from '../../route-table.ts';
import { pickLang, portalProblem, problemText, TEXT } from './views/i18n.ts';
import { localizeVerificationMail } from '../../../core/broadworks/verification-mail-i18n.ts';
import { Portal, type PortalView } from './views/activation.tsx';
import { pageRenderer, pageUrl } from '../../pages/page-renderer.tsx';
import { sendError, sendResult } from '../../respond.ts';
import { formValues } from '../../pages/page-helpers.tsx';

/** `/activation`: the template's activation link, the verification link, and their JSON twins. No token. */
export const activationRoutes = (): Hono<SurfaceEnv> => {
  const app = new Hono<SurfaceEnv>();
  const lang = (c: Context<SurfaceEnv>) =>
    pickLang(c.req.query('lang'), c.req.header('accept-language'));
  app.use('*', pageRenderer({ product: 'Webex' }));
  const page = (c: Context<SurfaceEnv>, view: PortalView, status: number = 200) => {
    const l = lang(c);
    c.status(status as 200);
    return c.render(<Portal view={view} t={TEXT[l]} />, { title: TEXT[l].title, lang: l });
  };
  const here = (c: Context<SurfaceEnv>, linkId: string, extra: Record<string, string> = {}) => {
    const u = new URL(`${c.env.base}/activation/${linkId}`);
    u.searchParams.set('lang', lang(c));
    for (const [k, v] of Object.entries(extra)) u.searchParams.set(k, v);
    return u.toString();
  };

  const detail = (message: string, shown: string) => (message !== shown ? { detail: message } : {});
  app.get('/verify/:token', (c) => {
    const r = c.env.world.transact((tx) => verifyEmail(tx, c.req.param('token')));
    if (r.ok) return page(c, { state: 'verified' });
    const shown = TEXT[lang(c)].errors.verifyLinkInvalid;
    return page(
      c,
      { state: 'error', message: shown, ...detail(r.error.message, shown), retry: pageUrl(c) },
      r.error.status,
    );
  });
  app.get('/:linkId', (c) => {
    const linkId = c.req.param('linkId');
    const t = templateByLinkId(c.env.world.read(), linkId);
    if (!t.ok)
      return page(
        c,
        { state: 'error', message: TEXT[lang(c)].errors.linkNotFound, retry: pageUrl(c) },
        404,
      );
    return page(c, {
      state: 'form',
      action: here(c, linkId),
      userId: c.req.query('userId') ?? '',
      email: c.req.query('email') ?? '',
    });
  });
  app.post('/:linkId', async (c) => {
    const linkId = c.req.param('linkId');
    const v = await formValues(c);
    const l = lang(c);
    const r = c.env.world.transact((tx) => {
      const done = selfActivate(tx, linkId, { userId: v.userId ?? '', email: v.email ?? '' });
      if (done.ok && !done.value.failure) localizeVerificationMail(tx, done.value.subscriber.id, l);
      return done;
    });
    const outcome = r.ok ? r.value : undefined;
    const error = !r.ok ? r.error : outcome?.failure;
    if (error) {
      const text = templateByLinkId(c.env.world.read(), linkId).ok
        ? problemText(TEXT[l], portalProblem(error, (v.userId ?? '').trim()))
        : TEXT[l].errors.linkNotFound;
      const english = error.errors.map((e) => e.description).join(' ');
      return page(
        c,
        {
          state: 'error',
          message: text,
          ...detail(english, text),
          retry: here(c, linkId, { userId: v.userId ?? '', email: v.email ?? '' }),
        },
        error.status,
      );
    }
    return page(c, { state: 'sent', email: outcome?.subscriber.email ?? '' });
  });
  return app;
};

/** The JSON twins of the activation portal (FT-1, FT-2): no token; the link is the key. */
export const activationApi = (): ApiRoute[] => {
  const t = new RouteTable('', 'activation');

  t.post(
    '/activation/api/verify/:token',
    { summary: 'Verify the email (FT-1)', responses: [200, 404, 409], public: true },
    (c) =>
      sendResult(
        c,
        c.env.world.transact((tx) => verifyEmail(tx, c.req.param('token'))),
        200,
        (s) => ({ subscriberId: s.id, status: s.status }),
      ),
  );
  t.post(
    '/activation/api/:linkId',
    {
      summary: 'Self-activate {userId, email} (FT-1, FT-2)',
      responses: [202, 400, 404, 409],
      body: 'json',
      public: true,
    },
    async (c) => {
      const body = await readJson(c);
      if (!body.ok) return sendError(c, body.error);
      const r = c.env.world.transact((tx) => selfActivate(tx, c.req.param('linkId'), body.value));
      if (!r.ok) return sendError(c, r.error);
      return r.value.failure
        ? sendError(c, r.value.failure)
        : c.json({ subscriberId: r.value.subscriber.id, status: r.value.subscriber.status }, 202);
    },
  );

  return t.routes;
};
