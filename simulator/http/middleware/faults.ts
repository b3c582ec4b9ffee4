import type { MiddlewareHandler } from 'hono';
import { hitRequestFault } from '../../core/fault-ops.ts';
import type { FaultEffect } from '../../core/faults.ts';
import { ok } from '../../core/result.ts';
import type { SurfaceEnv } from '../env.ts';
import { sendError } from '../respond.ts';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Injected request faults (SIM-4): every request outside `/sim` is matched against the world's
 * faults by method and path (relative to the world). A hit waits `latencyMs` of real time, then
 * answers the injected error (with `Retry-After` when asked), or lets the request through.
 */
export const injectFaults = (): MiddlewareHandler<SurfaceEnv> => async (c, next) => {
  if (c.req.path === '/sim' || c.req.path.startsWith('/sim/') || c.req.method === 'OPTIONS') return next();
  const hit = c.env.world.transact((tx) => ok(hitRequestFault(tx, c.req.method, c.req.path)));
  const effect: FaultEffect | undefined = hit.ok ? hit.value : undefined;
  if (!effect) return next();
  if (effect.latencyMs > 0) await sleep(effect.latencyMs);
  if (!effect.error) return next();
  const { status, errorCode, message, retryAfter } = effect.error;
  return sendError(c, {
    status,
    message,
    errors: [{ description: message, ...(errorCode !== undefined ? { errorCode } : {}) }],
    ...(retryAfter !== undefined ? { headers: { 'Retry-After': String(retryAfter) } } : {}),
  });
};
