import { invalidField } from '../core/kernel/errors.ts';
import { fail, ok, type Result } from '../core/kernel/result.ts';

/**
 * The origin every absolute URL is written from (api.md, "Deployment"): the public URL when one is
 * set; otherwise `X-Forwarded-Proto` and `X-Forwarded-Host` when a request carries them (each
 * replaces its part of the request's own origin); otherwise the request's own origin.
 */

const MAX_HOST = 300;
const PROTO = /^https?$/i;
// A host name or an IPv4 address, or a bracketed IPv6 address, and an optional port. Bounded in
// length before it is matched, and free of nested repetition, so it runs in linear time.
const HOST = /^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

const publicUrlProblem = (text: string): string =>
  `must be an http or https origin such as https://sim.example.com, with no path, query or credentials (got ${JSON.stringify(text)})`;

/** `--public-url` / `publicUrl`: an http(s) origin (a trailing `/` is allowed); its normal form. */
export const parsePublicUrl = (text: string, field = 'publicUrl'): Result<string> => {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return fail(invalidField(field, publicUrlProblem(text)));
  }
  const bare =
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    url.username === '' &&
    url.password === '' &&
    url.pathname === '/' &&
    url.search === '' &&
    url.hash === '' &&
    !text.includes('?') &&
    !text.includes('#');
  return bare ? ok(url.origin) : fail(invalidField(field, publicUrlProblem(text)));
};

/** The first of a comma-separated list (a chain of proxies appends; the first is the client's). */
const first = (value: string | null): string | undefined => {
  if (value === null) return undefined;
  const comma = value.indexOf(',');
  const v = (comma < 0 ? value : value.slice(0, comma)).trim();
  return v === '' ? undefined : v;
};

interface UrlHead {
  readonly origin: string;
  readonly protocol: string;
  readonly host: string;
}

const headOfUrl = (u: URL): UrlHead => ({ origin: u.origin, protocol: u.protocol, host: u.host });

/** The last `scheme://authority` parsed, and what it gave (a server sees the same one over and over). */
let lastPrefix: string | undefined;
let lastHead: UrlHead | undefined;

/**
 * The origin, scheme and host of an absolute URL, as `new URL(url)` gives them. They depend only on
 * its `scheme://authority`, so that part alone is parsed, and only when it differs from the last one.
 */
export const headOf = (url: string): UrlHead => {
  const scheme = url.indexOf('://');
  const end = scheme < 0 ? -1 : url.indexOf('/', scheme + 3);
  // No `/` after the authority (a URL with no path): parse it all.
  if (end < 0) return headOfUrl(new URL(url));
  const prefix = url.slice(0, end);
  if (prefix === lastPrefix) return lastHead!;
  const head = headOfUrl(new URL(prefix));
  lastPrefix = prefix;
  lastHead = head;
  return head;
};

/**
 * The origin for one request. `publicOrigin` (already parsed) wins; a malformed forwarded header
 * is a 400 rather than a link to somewhere else.
 */
export const requestOrigin = (request: Request, publicOrigin?: string): Result<string> => {
  if (publicOrigin !== undefined) return ok(publicOrigin);
  const own = headOf(request.url);
  const proto = first(request.headers.get('x-forwarded-proto'));
  const host = first(request.headers.get('x-forwarded-host'));
  if (proto === undefined && host === undefined) return ok(own.origin);
  if (proto !== undefined && !PROTO.test(proto))
    return fail(
      invalidField(
        'X-Forwarded-Proto',
        `must be http or https (got ${JSON.stringify(proto.slice(0, 20))})`,
      ),
    );
  if (host !== undefined && (host.length > MAX_HOST || !HOST.test(host)))
    return fail(
      invalidField(
        'X-Forwarded-Host',
        `must be a host name or address with an optional port, such as sim.example.com:8443 (got ${JSON.stringify(host.slice(0, 80))})`,
      ),
    );
  const scheme = proto === undefined ? own.protocol.slice(0, -1) : proto.toLowerCase();
  try {
    return ok(new URL(`${scheme}://${host ?? own.host}`).origin);
  } catch {
    return fail(
      invalidField('X-Forwarded-Host', `is not a valid host (got ${JSON.stringify(host ?? '')})`),
    );
  }
};

/** The request as if it had been made at `origin` (the same request when it already was). */
export const atOrigin = (request: Request, origin: string): Request => {
  if (headOf(request.url).origin === origin) return request;
  const url = new URL(request.url);
  const moved = new URL(`${url.pathname}${url.search}`, origin);
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD' && request.body !== null;
  // `duplex: 'half'` streams the body on (undici requires it for a stream body).
  const init: RequestInit & { duplex?: 'half' } = {
    method: request.method,
    headers: request.headers,
    signal: request.signal,
    ...(hasBody ? { body: request.body, duplex: 'half' } : {}),
  };
  return new Request(moved, init);
};

/** The path of an absolute URL, without parsing it (`http://h:1/a/b?q` → `/a/b`). */
export const pathOf = (url: string): string => {
  const scheme = url.indexOf('://');
  const start = url.indexOf('/', scheme < 0 ? 0 : scheme + 3);
  if (start < 0) return '/';
  const q = url.indexOf('?', start);
  const h = url.indexOf('#', start);
  const end = q < 0 ? (h < 0 ? url.length : h) : h < 0 ? q : Math.min(q, h);
  return url.slice(start, end);
};

/** The query of an absolute URL, `?…`, or empty (as `URL.search`, without parsing the URL). */
export const searchOf = (url: string): string => {
  const h = url.indexOf('#');
  const end = h < 0 ? url.length : h;
  const q = url.indexOf('?');
  return q < 0 || q >= end - 1 ? '' : url.slice(q, end);
};

/** The path inside its world: `/w/{id}/sim/clock` → `/sim/clock` (others as they are). */
export const worldPath = (path: string): string => {
  if (!path.startsWith('/w/')) return path;
  const slash = path.indexOf('/', 3);
  return slash < 0 ? '/' : path.slice(slash);
};
