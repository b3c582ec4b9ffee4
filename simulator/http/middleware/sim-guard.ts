import type { Context, MiddlewareHandler } from 'hono';
import { forbidden, unauthorized } from '../../core/kernel/errors.ts';
import { worldPath } from '../origin.ts';
import { errorResponse } from '../respond.ts';

/**
 * The health check (a container's HEALTHCHECK, a load balancer): it tells nothing of the world and
 * changes nothing, so it needs no token and waits for none of the world's due steps.
 */
export const isHealthCheck = (method: string, path: string): boolean =>
  worldPath(path) === '/sim/health' && (method === 'GET' || method === 'HEAD');

/** How `/sim` is guarded (architecture: `/sim` can wipe a world, so a web page must not reach it). */
export interface SimGuardOptions {
  /**
   * Host names `/sim` answers to, besides the loopback ones (DNS rebinding guard): the bound
   * address, the public URL's host. Unset: any (in-process apps, MSW).
   */
  readonly hosts?: readonly string[];
  /** Origins, besides loopback ones, whose pages may call `/sim` (the public URL's). */
  readonly origins?: readonly string[];
  /** A token every `/sim` request must carry as `Authorization: Bearer <token>`. */
  readonly token?: string;
}

export const isSimPath = (path: string): boolean => {
  const p = worldPath(path);
  return p === '/sim' || p.startsWith('/sim/');
};

/** `localhost`, `*.localhost`, 127.0.0.0/8 and ::1: names only this machine answers to. */
export const isLoopbackHost = (hostname: string): boolean => {
  const h = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return (
    h === 'localhost' ||
    h.endsWith('.localhost') ||
    h === '::1' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h) ||
    /^::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h)
  );
};

const hostnameOf = (host: string): string | undefined => {
  try {
    return new URL(`http://${host}`).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  } catch {
    return undefined;
  }
};

const originHostname = (origin: string): string | undefined => {
  try {
    const u = new URL(origin);
    return u.protocol === 'http:' || u.protocol === 'https:'
      ? u.hostname.replace(/^\[|\]$/g, '').toLowerCase()
      : undefined;
  } catch {
    return undefined;
  }
};

/** The content types a browser sends cross-origin without asking first (a CORS "simple" request). */
const SAFELISTED_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/** A request a browser would send cross-origin with no preflight: nothing the server could veto. */
export const isSimpleRequest = (c: Context): boolean => {
  const method = c.req.method;
  if (method !== 'GET' && method !== 'HEAD' && method !== 'POST') return false;
  if (c.req.header('authorization') !== undefined) return false;
  const type = c.req.header('content-type');
  if (type === undefined) return true;
  const essence = type.split(';')[0]!.trim().toLowerCase();
  return SAFELISTED_TYPES.includes(essence);
};

/** The query parameter a browser brings the token in once, and the cookie that keeps it. */
export const SIM_TOKEN_PARAM = 'sim-token';
export const SIM_TOKEN_COOKIE = 'provisim_sim_token';

const cookieOf = (header: string | undefined, name: string): string | undefined => {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
};

const sameText = (a: string, b: string): boolean => {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i += 1) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
};

/**
 * The origins `/sim` shares its answers with (CORS): its own, loopback pages (frontends on other
 * ports of this machine) and the configured ones. Other surfaces stay open to any origin.
 */
export const simCorsOrigin =
  (o: SimGuardOptions) =>
  (origin: string, c: Context): string | null => {
    if (!isSimPath(c.req.path)) return '*';
    if (origin === '' || origin === new URL(c.req.url).origin) return origin || null;
    const host = originHostname(origin);
    return host !== undefined && (isLoopbackHost(host) || (o.origins ?? []).includes(origin))
      ? origin
      : null;
  };

/**
 * Guards `/sim` (and `/w/{id}/sim`), in order: the Host must be one of the simulator's names (DNS
 * rebinding); the token, when one is set; and no cross-origin request a browser sends without a
 * preflight may change anything (a page elsewhere could otherwise wipe the world with a form post).
 */
export const guardSim =
  <E extends { Variables: { trackingId: string } }>(o: SimGuardOptions): MiddlewareHandler<E> =>
  async (c, next) => {
    if (!isSimPath(c.req.path) || c.req.method === 'OPTIONS') return next();
    const refuse = (e: Parameters<typeof errorResponse>[0]) =>
      errorResponse(e, c.get('trackingId'));
    const host = c.req.header('host') ?? new URL(c.req.url).host;
    const hostname = hostnameOf(host);
    if (
      o.hosts !== undefined &&
      (hostname === undefined || (!isLoopbackHost(hostname) && !o.hosts.includes(hostname)))
    )
      return refuse(
        forbidden(
          `The /sim API answers only to this simulator's own names (${['localhost', ...o.hosts].join(', ')}), not to Host ${host}.`,
        ),
      );
    // The health check (a container's HEALTHCHECK, a load balancer) tells nothing and changes
    // nothing, so it needs no token; it still answers only to the simulator's own names.
    const health = isHealthCheck(c.req.method, c.req.path);
    if (o.token !== undefined && !health) {
      // A browser opens the control panel once with `?sim-token=…` (the link printed at start):
      // the token moves to a same-site cookie and out of the address bar.
      const offered = c.req.query(SIM_TOKEN_PARAM);
      if (offered !== undefined && (c.req.method === 'GET' || c.req.method === 'HEAD')) {
        if (!sameText(offered, o.token))
          return refuse(unauthorized('That is not the simulator token (--sim-token).'));
        const u = new URL(c.req.url);
        u.searchParams.delete(SIM_TOKEN_PARAM);
        return new Response(null, {
          status: 303,
          headers: {
            location: `${u.pathname}${u.search}`,
            'set-cookie': `${SIM_TOKEN_COOKIE}=${encodeURIComponent(o.token)}; Path=/; HttpOnly; SameSite=Strict`,
          },
        });
      }
      const m = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '');
      const carried = m?.[1] ?? cookieOf(c.req.header('cookie'), SIM_TOKEN_COOKIE);
      if (!carried || !sameText(carried, o.token))
        return refuse(
          unauthorized(
            'The /sim API needs the simulator token (--sim-token) as Authorization: Bearer <token>; a browser opens /sim?sim-token=<token> once.',
          ),
        );
    }
    const origin = c.req.header('origin');
    if (
      origin !== undefined &&
      origin !== new URL(c.req.url).origin &&
      !(o.origins ?? []).includes(origin) &&
      c.req.method !== 'GET' &&
      c.req.method !== 'HEAD' &&
      isSimpleRequest(c)
    )
      return refuse(
        forbidden(
          `A page at ${origin} may not change the simulator with a request sent without a CORS preflight; send Content-Type: application/json.`,
        ),
      );
    return next();
  };
