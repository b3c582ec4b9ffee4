import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { DomainError } from '../core/kernel/errors.ts';
import type { Result } from '../core/kernel/result.ts';
import type { SurfaceEnv } from './env.ts';
import { markFramed, type Frame } from './frame.ts';

/** The Webex error body (api.md, Errors; SIM-2). */
export const errorBody = (e: DomainError, trackingId: string) => ({
  message: e.message,
  errors: e.errors.map((i) =>
    i.errorCode === undefined
      ? { description: i.description }
      : { description: i.description, errorCode: i.errorCode },
  ),
  trackingId,
});

/** The one place a domain error becomes an HTTP answer (with its frame's headers, when given). */
export const errorResponse = (e: DomainError, trackingId: string, frame?: Frame): Response => {
  const res = new Response(JSON.stringify(errorBody(e, trackingId)), {
    status: e.status,
    headers: { 'content-type': 'application/json; charset=UTF-8', ...e.headers, ...frame },
  });
  return frame ? markFramed(res) : res;
};

export const sendError = (c: Context<SurfaceEnv>, e: DomainError): Response =>
  errorResponse(e, c.env.trackingId, c.env.frame);

/**
 * A value as a JSON answer. Its headers go in here, never through `c.header()` first: on the hot
 * path (a request with a frame) the answer is made at once with its frame's headers as a plain
 * record, which the Node adapter writes as it is, with no `Headers` object built for it.
 */
export const sendJson = (
  c: Context<SurfaceEnv>,
  value: unknown,
  status: ContentfulStatusCode = 200,
  headers?: Readonly<Record<string, string>>,
): Response => sendJsonText(c, JSON.stringify(value), status, headers);

/** JSON already written (a kept view, view-json.ts) as an answer, exactly as `sendJson` sends. */
export const sendJsonText = (
  c: Context<SurfaceEnv>,
  json: string,
  status: ContentfulStatusCode = 200,
  headers?: Readonly<Record<string, string>>,
): Response => {
  const frame = c.env.frame;
  if (!frame) return c.body(json, status, { 'Content-Type': 'application/json', ...headers });
  return markFramed(
    new Response(json, {
      status,
      headers: { 'content-type': 'application/json', ...headers, ...frame },
    }),
  );
};

/** A result as an answer: its value as JSON with a status, or its error in the Webex shape. */
export const sendResult = <T>(
  c: Context<SurfaceEnv>,
  r: Result<T>,
  status: ContentfulStatusCode = 200,
  view: (value: T) => unknown = (v) => v,
  headers?: (value: T) => Readonly<Record<string, string>>,
): Response =>
  r.ok ? sendJson(c, view(r.value), status, headers?.(r.value)) : sendError(c, r.error);
