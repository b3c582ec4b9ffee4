import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { DomainError } from '../core/kernel/errors.ts';
import type { Result } from '../core/kernel/result.ts';
import type { SurfaceEnv } from './env.ts';

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

/** The one place a domain error becomes an HTTP answer. */
export const errorResponse = (e: DomainError, trackingId: string): Response =>
  new Response(JSON.stringify(errorBody(e, trackingId)), {
    status: e.status,
    headers: { 'content-type': 'application/json; charset=UTF-8', ...e.headers },
  });

export const sendError = (c: Context<SurfaceEnv>, e: DomainError): Response =>
  errorResponse(e, c.env.trackingId);

/** A result as an answer: its value as JSON with a status, or its error in the Webex shape. */
export const sendResult = <T>(
  c: Context<SurfaceEnv>,
  r: Result<T>,
  status: ContentfulStatusCode = 200,
  view: (value: T) => unknown = (v) => v,
): Response => (r.ok ? c.json(view(r.value) as object, status) : sendError(c, r.error));
