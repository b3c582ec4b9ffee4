import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { jsxRenderer, useRequestContext } from 'hono/jsx-renderer';
import { authenticate, authorize } from '../../core/identity.ts';
import type { PartnerUser } from '../../core/model.ts';
import type { SurfaceEnv } from '../env.ts';
import { Layout } from '../views/layout.tsx';
import { Nav, SignIn } from '../views/partner-hub/common.tsx';
import { customerPages } from './partner-hub-customer-pages.tsx';
import { templatePages } from './partner-hub-template-pages.tsx';

export const TOKEN_COOKIE = 'provisim_token';

/** The signed-in partner user of a page request (the cookie the sign-in page sets), if any. */
export const pageUser = (c: Context<SurfaceEnv>): PartnerUser | undefined => {
  const token = getCookie(c, TOKEN_COOKIE);
  const r = authenticate(c.env.world.read(), token ? `Bearer ${token}` : undefined);
  return r.ok ? r.value : undefined;
};

/**
 * Partner Hub's screens (TPL, ORG): server-rendered forms over the same core commands as
 * `/partner-hub/api`. A browser cannot send a bearer header on navigation, so the sign-in page keeps
 * the chosen token in a cookie scoped to this world's Partner Hub.
 */
export const partnerHubPages = (): Hono<SurfaceEnv> => {
  const app = new Hono<SurfaceEnv>();
  app.use(
    '*',
    jsxRenderer(
      ({ children, title }) => {
        const c = useRequestContext<SurfaceEnv>();
        const user = c.get('user') as PartnerUser | undefined;
        return (
          <Layout title={title}>
            {user ? <Nav base={c.env.base} who={`${user.email} (${user.role})`} /> : null}
            {children}
          </Layout>
        );
      },
      { docType: true },
    ),
  );
  const signInUrl = (c: Context<SurfaceEnv>) => `${c.env.base}/partner-hub/sign-in`;

  const signInPage = (c: Context<SurfaceEnv>, error?: string) => {
    const w = c.env.world.read();
    const users = w.list('users').map((u) => ({ partner: w.get('partners', u.partnerId)?.name ?? '', role: u.role, token: u.token, email: u.email }));
    return c.render(<SignIn view={{ action: signInUrl(c), users, ...(error ? { error } : {}) }} />, { title: 'Sign in · Partner Hub' });
  };

  app.get('/sign-in', (c) => signInPage(c));
  app.post('/sign-in', async (c) => {
    const token = String((await c.req.parseBody()).token ?? '').trim();
    const user = authenticate(c.env.world.read(), `Bearer ${token}`);
    if (!user.ok) {
      c.status(401);
      return signInPage(c, 'That token is not known to this world.');
    }
    if (!authorize(user.value, 'partnerHub', 'read').ok) {
      c.status(403);
      return signInPage(c, `The ${user.value.role} role cannot use Partner Hub (admin or readonly can).`);
    }
    setCookie(c, TOKEN_COOKIE, token, { path: `${new URL(c.env.base).pathname.replace(/\/$/, '')}/partner-hub`, httpOnly: true, sameSite: 'Lax' });
    return c.redirect(`${c.env.base}/partner-hub/customers`, 303);
  });
  app.post('/sign-out', (c) => {
    deleteCookie(c, TOKEN_COOKIE, { path: `${new URL(c.env.base).pathname.replace(/\/$/, '')}/partner-hub` });
    return c.redirect(signInUrl(c), 303);
  });

  app.use('*', async (c, next) => {
    const user = pageUser(c);
    if (!user) return c.redirect(signInUrl(c), 303);
    c.set('user', user);
    await next();
  });
  app.get('/', (c) => c.redirect(`${c.env.base}/partner-hub/customers`, 303));
  app.route('/templates', templatePages());
  app.route('/customers', customerPages());
  return app;
};
