import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { authenticate, authorize, type Surface } from '../../core/kernel/identity.ts';
import type { PartnerUser } from '../../core/kernel/model.ts';
import type { SurfaceEnv } from '../env.ts';
import type { IconName } from './assets/momentum.ts';
import { pageRenderer } from './page-renderer.tsx';
import { SignIn } from '../surfaces/partner-hub/views/common.tsx';

export const TOKEN_COOKIE = 'provisim_token';

/** A section of pages behind a sign-in: Partner Hub (`partner-hub`) or CCW (`ccw`). */
export interface PageSection {
  readonly surface: Surface;
  /** The path of the section below the world, without slashes: `partner-hub`, `ccw`. */
  readonly path: string;
  readonly title: string;
  /** Where signing in leads, below the section. */
  readonly landing: string;
  readonly links: readonly { label: string; path: string; icon: IconName }[];
}

const cookiePath = (c: Context<SurfaceEnv>, s: PageSection) =>
  `${new URL(c.env.base).pathname.replace(/\/$/, '')}/${s.path}`;

/**
 * Sign-in, sign-out, the layout with the section's navigation, and a guard for the rest. A browser
 * cannot send a bearer header on navigation, so the chosen token is kept in a cookie scoped to this
 * world's section.
 */
export const pageSession = (
  s: PageSection,
): { app: Hono<SurfaceEnv>; guard: MiddlewareHandler<SurfaceEnv> } => {
  const app = new Hono<SurfaceEnv>();
  app.use(
    '*',
    pageRenderer({
      product: s.title,
      nav: (c) => {
        const user = c.get('user') as PartnerUser | undefined;
        return user
          ? s.links.map((l) => ({
              label: l.label,
              icon: l.icon,
              href: `${c.env.base}/${s.path}/${l.path}`,
            }))
          : [];
      },
      who: (c) => {
        const user = c.get('user') as PartnerUser | undefined;
        return user
          ? { who: `${user.email} (${user.role})`, signOut: `${c.env.base}/${s.path}/sign-out` }
          : undefined;
      },
    }),
  );
  const signInUrl = (c: Context<SurfaceEnv>) => `${c.env.base}/${s.path}/sign-in`;
  const signInPage = (c: Context<SurfaceEnv>, error?: string) => {
    const w = c.env.world.read();
    // Shared use (--no-sim-api): the tokens are not shown to whoever opens the page.
    const users = (c.env.simApi ? w.list('users') : []).map((u) => ({
      partner: w.get('partners', u.partnerId)?.name ?? '',
      role: u.role,
      token: u.token,
      email: u.email,
    }));
    return c.render(
      <SignIn
        view={{
          title: `Sign in to ${s.title}`,
          action: signInUrl(c),
          users,
          ...(error ? { error } : {}),
        }}
      />,
      { title: `Sign in · ${s.title}` },
    );
  };
  app.get('/sign-in', (c) => signInPage(c));
  app.post('/sign-in', async (c) => {
    const token = String((await c.req.parseBody()).token ?? '').trim();
    const user = authenticate(c.env.world.read(), `Bearer ${token}`);
    if (!user.ok) {
      c.status(401);
      return signInPage(c, 'That token is not known to this world.');
    }
    if (!authorize(user.value, s.surface, 'read').ok) {
      c.status(403);
      return signInPage(c, `The ${user.value.role} role cannot use ${s.title}.`);
    }
    setCookie(c, TOKEN_COOKIE, token, { path: cookiePath(c, s), httpOnly: true, sameSite: 'Lax' });
    return c.redirect(`${c.env.base}/${s.path}/${s.landing}`, 303);
  });
  app.post('/sign-out', (c) => {
    deleteCookie(c, TOKEN_COOKIE, { path: cookiePath(c, s) });
    return c.redirect(signInUrl(c), 303);
  });
  const guard: MiddlewareHandler<SurfaceEnv> = async (c, next) => {
    const token = getCookie(c, TOKEN_COOKIE);
    const user = authenticate(c.env.world.read(), token ? `Bearer ${token}` : undefined);
    if (!user.ok || !authorize(user.value, s.surface, 'read').ok)
      return c.redirect(signInUrl(c), 303);
    c.set('user', user.value);
    await next();
  };
  return { app, guard };
};
