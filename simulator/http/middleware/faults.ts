import type { MiddlewareHandler } from 'hono';
import { hitRequestFault } from '../../core/sim/fault-ops.ts';
import type { FaultEffect } from '../../core/sim/faults.ts';
import { ok } from '../../core/kernel/result.ts';
import type { SurfaceEnv } from '../env.ts';
import { sendError } from '../respond.ts';
import { errorHtml } from '../pages/error-pages.tsx';
import { wantsPage, pageUrl } from '../pages/page-renderer.tsx';

/** Sign-in and sign-out, the style sheets and the favicon are never hit: a fault tests the pages, not the way in. */
const exempt = (path: string): boolean =>
  path.startsWith('/assets/') ||
  path.startsWith('/favicon.') ||
  /^\/(partner-hub|ccw)\/sign-(in|out)$/.test(path);

/** A form post's text fields, to send again from the fault page (files cannot be kept). */
const formFields = async (req: Request): Promise<[string, string][]> => {
  const type = req.headers.get('content-type') ?? '';
  if (req.method === 'GET' || !/form-urlencoded|multipart\/form-data/.test(type)) return [];
  try {
    const data = await req.clone().formData();
    return [...data.entries()].flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : []));
  } catch {
    return [];
  }
};

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Injected request faults (SIM-4): every request outside `/sim` is matched against the world's
 * faults by method and path (relative to the world). A hit waits `latencyMs` of real time, then
 * answers the injected error (with `Retry-After` when asked), or lets the request through.
 */
export const injectFaults = (): MiddlewareHandler<SurfaceEnv> => async (c, next) => {
  if (
    c.req.path === '/sim' ||
    c.req.path.startsWith('/sim/') ||
    c.req.method === 'OPTIONS' ||
    exempt(c.req.path)
  )
    return next();
  // No fault set (the usual case): nothing to match, and no transaction to open.
  if (c.env.world.read().count('faults') === 0) return next();
  const hit = c.env.world.transact((tx) => ok(hitRequestFault(tx, c.req.method, c.req.path)));
  const effect: FaultEffect | undefined = hit.ok ? hit.value : undefined;
  if (!effect) return next();
  if (effect.latencyMs > 0) await sleep(effect.latencyMs);
  if (!effect.error) return next();
  const { status, errorCode, message, retryAfter } = effect.error;
  if (wantsPage(c.req.path, c.req.header('accept')))
    return errorHtml(
      c,
      { status, message, errorCode },
      {
        url: pageUrl(c),
        method: c.req.method === 'GET' || c.req.method === 'HEAD' ? 'GET' : 'POST',
        fields: await formFields(c.req.raw),
      },
      retryAfter !== undefined ? { 'Retry-After': String(retryAfter) } : {},
    );
  return sendError(c, {
    status,
    message,
    errors: [{ description: message, ...(errorCode !== undefined ? { errorCode } : {}) }],
    ...(retryAfter !== undefined ? { headers: { 'Retry-After': String(retryAfter) } } : {}),
  });
};
