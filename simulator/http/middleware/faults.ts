import type { MiddlewareHandler } from 'hono';
import { hitRequestFault } from '../../core/sim/fault-ops.ts';
import type { FaultEffect } from '../../core/sim/faults.ts';
import { ok } from '../../core/kernel/result.ts';
import type { SurfaceEnv } from '../env.ts';
import { sendError } from '../respond.ts';

/** A browser page (not `/v1`, not a JSON `…/api/…` twin) asking for HTML gets the fault as a page. */
const wantsPage = (path: string, accept: string | undefined): boolean =>
  !path.startsWith('/v1/') && !/\/api(\/|$)/.test(path) && (accept ?? '').includes('text/html');

const escape = (t: string): string => t.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** The injected error as a page, with Try again (FT-2: every portal failure offers it). */
const faultPage = (
  url: string,
  status: number,
  message: string,
  errorCode: number | undefined,
  trackingId: string,
  retryAfter: number | undefined,
): Response =>
  new Response(
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Error ${status}</title></head><body style="font:15px system-ui,sans-serif;margin:28px">` +
      `<h1>Something went wrong</h1><p role="alert" data-testid="fault-error">${escape(message)}${errorCode !== undefined ? ` (${errorCode})` : ''}</p>` +
      `<p class="muted">Tracking ID ${escape(trackingId)}</p><p><a href="${escape(url)}" data-testid="try-again">Try again</a></p></body></html>`,
    {
      status,
      headers: {
        'content-type': 'text/html; charset=UTF-8',
        ...(retryAfter !== undefined ? { 'Retry-After': String(retryAfter) } : {}),
      },
    },
  );

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Injected request faults (SIM-4): every request outside `/sim` is matched against the world's
 * faults by method and path (relative to the world). A hit waits `latencyMs` of real time, then
 * answers the injected error (with `Retry-After` when asked), or lets the request through.
 */
export const injectFaults = (): MiddlewareHandler<SurfaceEnv> => async (c, next) => {
  if (c.req.path === '/sim' || c.req.path.startsWith('/sim/') || c.req.method === 'OPTIONS')
    return next();
  const hit = c.env.world.transact((tx) => ok(hitRequestFault(tx, c.req.method, c.req.path)));
  const effect: FaultEffect | undefined = hit.ok ? hit.value : undefined;
  if (!effect) return next();
  if (effect.latencyMs > 0) await sleep(effect.latencyMs);
  if (!effect.error) return next();
  const { status, errorCode, message, retryAfter } = effect.error;
  if (wantsPage(c.req.path, c.req.header('accept')))
    return faultPage(c.req.url, status, message, errorCode, c.env.trackingId, retryAfter);
  return sendError(c, {
    status,
    message,
    errors: [{ description: message, ...(errorCode !== undefined ? { errorCode } : {}) }],
    ...(retryAfter !== undefined ? { headers: { 'Retry-After': String(retryAfter) } } : {}),
  });
};
