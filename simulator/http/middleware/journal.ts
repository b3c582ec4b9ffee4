import type { MiddlewareHandler } from 'hono';
import { authenticate } from '../../core/kernel/identity.ts';
import { declaredLength, isJson } from '../body.ts';
import type { SurfaceEnv } from '../env.ts';
import {
  BODY_PREFIX_BYTES,
  retryAfterSeconds,
  type JournalRecord,
  type JournalHeaders,
} from '../request-journal.ts';
import { bufferBody, requestStreamsWork, tapBody } from './body-tap.ts';
import { isFramed } from '../frame.ts';
import { searchOf } from '../origin.ts';

const headersOf = (h: Headers): JournalHeaders => {
  const kept: { -readonly [K in keyof JournalHeaders]: string } = {};
  const trackingId = h.get('tracking-id') ?? h.get('trackingid');
  if (trackingId !== null) kept['tracking-id'] = trackingId;
  const userAgent = h.get('user-agent');
  if (userAgent !== null) kept['user-agent'] = userAgent;
  const contentType = h.get('content-type');
  if (contentType !== null) kept['content-type'] = contentType;
  return kept;
};

const NO_BODY = { text: '', complete: true } as const;

/** JSON bodies up to this size (by `Content-Length`) are read at once rather than streamed. */
const EAGER_JSON_BYTES = 1024 * 1024;

const smallJsonBody = (h: Headers): boolean => {
  const length = declaredLength(h);
  return length !== undefined && length <= EAGER_JSON_BYTES && isJson(h.get('content-type') ?? '');
};

/**
 * The request journal (`GET /sim/requests`; api.md, "Verifying the client under test"): every
 * request of a world outside `/sim` is recorded with its answer's status and `Retry-After`, the
 * virtual and wall-clock times, the token's name, a few request headers and the first bytes of its
 * body, so a test can judge what a client did over time. The body passes through a tap that keeps
 * its first bytes as the handler reads it; nothing is cloned or read twice.
 */
export const journal = (): MiddlewareHandler<SurfaceEnv> => async (c, next) => {
  const path = c.req.path;
  if (path === '/sim' || path.startsWith('/sim/') || c.req.method === 'OPTIONS') return next();
  const { world, registry } = c.env;
  const requests = registry.journalOf(world);
  const seq = requests.begin();
  const at = world.now();
  const started = world.wall();
  const raw = c.req.raw;
  const headers = headersOf(raw.headers);
  const user = authenticate(world.read(), raw.headers.get('authorization') ?? undefined);
  // The body's first bytes: none, read at once, or as the handler streams it.
  let prefix: (() => Promise<{ text: string; complete: boolean }>) | undefined;
  // A GET or HEAD carries no body: asking for one would build the whole request object.
  const mayHaveBody = raw.method !== 'GET' && raw.method !== 'HEAD';
  if (mayHaveBody && smallJsonBody(raw.headers)) {
    // The usual write: a JSON body of a known, bounded size. Read it at once (on Node straight
    // from the socket, with no Request built for it), keep its first bytes, and hand the handler
    // the same bytes through Hono's body cache, which `c.req.arrayBuffer()`, `json()` and
    // `text()` read from.
    const read = await bufferBody(raw, BODY_PREFIX_BYTES);
    (c.req.bodyCache as Record<string, unknown>).arrayBuffer = Promise.resolve(read.bytes);
    prefix = async () => read;
  } else if (mayHaveBody && raw.body && requestStreamsWork) {
    const tap = tapBody(raw.body, BODY_PREFIX_BYTES);
    c.req.raw = new Request(raw, { body: tap.stream, duplex: 'half' } as RequestInit);
    prefix = tap.prefix;
  } else if (mayHaveBody && raw.body) {
    const read = await bufferBody(raw, BODY_PREFIX_BYTES);
    c.req.raw = new Request(raw, { body: read.bytes });
    prefix = async () => read;
  }
  try {
    await next();
  } finally {
    const body = prefix ? await prefix() : NO_BODY;
    const res = c.res;
    const ended = world.wall();
    // An answer made as a plain JSON success carries no Retry-After: reading its headers would
    // only build them (respond.ts).
    const retryAfter =
      isFramed(res) && res.status < 300
        ? undefined
        : retryAfterSeconds(res.headers.get('retry-after'), ended);
    // Built field by field, the optional ones only when set (this runs for every request).
    const entry: { -readonly [K in keyof JournalRecord]: JournalRecord[K] } = {
      seq,
      method: c.req.method,
      path,
      query: searchOf(c.req.url),
      status: res.status,
      at,
      wallAt: started,
      durationMs: Math.max(0, ended - started),
      headers,
    };
    if (user.ok) entry.token = user.value.token;
    if (retryAfter !== undefined) entry.retryAfter = retryAfter;
    if (body.text !== '') entry.body = body.text;
    if (body.text !== '' && !body.complete) entry.bodyTruncated = true;
    requests.add(entry);
  }
};
