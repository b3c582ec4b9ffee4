import type { Context, MiddlewareHandler } from 'hono';
import type { Child } from 'hono/jsx';
import { jsxRenderer, useRequestContext } from 'hono/jsx-renderer';
import { describeClock } from '../../core/kernel/clock.ts';
import type { FaultRecord } from '../../core/sim/faults.ts';
import type { SurfaceEnv } from '../env.ts';
import { Layout, type BannerView, type NavItem } from './layout.tsx';

declare module 'hono' {
  interface ContextRenderer {
    (
      content: string | Promise<string>,
      props: { title: string; lang?: string; refresh?: number },
    ): Response | Promise<Response>;
  }
}

/** This request's URL as the browser sees it (with the world's `/w/{id}` prefix). */
export const pageUrl = (c: Context<SurfaceEnv>): string =>
  `${c.env.base}${c.req.path}${new URL(c.req.url).search}`;

/** A fault in a few words, for the banner and the control panel. */
export const describeFault = (f: FaultRecord): string => {
  const left = f.times !== undefined ? ` (${Math.max(f.times - f.hits, 0)} left)` : '';
  if (f.kind === 'step') return `next ${f.on} steps end in error ${f.errorCode}${left}`;
  const answer =
    f.status ??
    (f.retryAfter !== undefined ? 429 : f.latencyMs !== undefined ? undefined : 500) ??
    `+${f.latencyMs ?? 0} ms`;
  const odds = f.probability !== undefined ? `, p=${f.probability}` : '';
  return `${f.method ?? 'any'} ${f.path} → ${answer}${odds}${left}`;
};

export const bannerOf = (c: Context<SurfaceEnv>): BannerView => {
  const w = c.env.world.read();
  const clock = describeClock(w.meta.clock, c.env.world.wall());
  return {
    ...clock,
    faults: w.list('faults').map(describeFault),
    ...(c.env.simApi ? { panelHref: `${c.env.base}/sim` } : {}),
  };
};

/** A section's frame: its product name, its left navigation and who is signed in. */
export interface Section {
  readonly product?: string;
  readonly navLabel?: string;
  /** The navigation; `current` is worked out from the request path. */
  readonly nav?: (c: Context<SurfaceEnv>) => readonly Omit<NavItem, 'current'>[];
  readonly who?: (c: Context<SurfaceEnv>) => { who: string; signOut: string } | undefined;
}

/** The page frame of a section around content, for this request. */
export const frame = (
  c: Context<SurfaceEnv>,
  s: Section,
  props: {
    title: string;
    lang?: string | undefined;
    refresh?: number | undefined;
    children?: Child;
  },
) => {
  const here = new URL(pageUrl(c)).pathname;
  const items = s.nav?.(c) ?? [];
  // The longest matching link is the current one.
  const best = items
    .map((n) => new URL(n.href).pathname)
    .filter((p) => here === p || here.startsWith(`${p}/`))
    .sort((a, b) => b.length - a.length)[0];
  const nav = items.map((n) => ({ ...n, current: new URL(n.href).pathname === best }));
  const who = s.who?.(c);
  return (
    <Layout
      title={props.title}
      lang={props.lang ?? 'en'}
      base={c.env.base}
      {...(s.product ? { product: s.product } : {})}
      {...(s.navLabel ? { navLabel: s.navLabel } : {})}
      nav={nav}
      {...(who ? who : {})}
      banner={bannerOf(c)}
      refresh={props.refresh}
    >
      {props.children}
    </Layout>
  );
};

/** `c.render(content, {title, lang})` in the section's frame. */
export const pageRenderer = (s: Section = {}): MiddlewareHandler<SurfaceEnv> =>
  jsxRenderer(
    ({ children, title, lang, refresh }) => {
      const c = useRequestContext<SurfaceEnv>();
      return frame(c, s, { title, lang, refresh, children });
    },
    { docType: true },
  );

/** A whole page as a response, outside a renderer (error pages). */
export const pageResponse = (
  c: Context<SurfaceEnv>,
  status: number,
  title: string,
  children: Child,
  headers: Readonly<Record<string, string>> = {},
): Response =>
  new Response(`<!DOCTYPE html>${String(frame(c, {}, { title, children }))}`, {
    status,
    headers: { 'content-type': 'text/html; charset=UTF-8', ...headers },
  });

/** A browser asking for a page (not `/v1`, not a JSON `…/api/…` twin, not `/sim` JSON). */
export const wantsPage = (path: string, accept: string | undefined): boolean =>
  !path.startsWith('/v1/') && !/\/api(\/|$)/.test(path) && (accept ?? '').includes('text/html');
