import type { MiddlewareHandler } from 'hono';
import { actingFor } from '../../core/organisations/sub-partners.ts';
import type { SurfaceEnv } from '../env.ts';
import { sendError } from '../respond.ts';

/**
 * `/v1` wholesale calls act for the partner itself, or for one of its sub-partners named by
 * `onBehalfOfSubPartnerOrgId` (webex-wholesale.json): the user is scoped to it (404 for a
 * sub-partner the partner does not have).
 */
export const onBehalfOf = (): MiddlewareHandler<SurfaceEnv> => async (c, next) => {
  const actor = actingFor(
    c.env.world.read(),
    c.get('user'),
    c.req.query('onBehalfOfSubPartnerOrgId'),
  );
  if (!actor.ok) return sendError(c, actor.error);
  c.set('user', actor.value);
  await next();
};
