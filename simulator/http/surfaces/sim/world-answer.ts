import type { Context } from 'hono';
import { worldSummary } from '../../../core/sim/world-summary.ts';
import type { SurfaceEnv } from '../../env.ts';
import { linkUrl } from '../../links.ts';

/** `GET /sim/world`'s answer: the world's id and base, its seed, partners, tokens and clock. */
export const worldAnswer = (c: Context<SurfaceEnv>) => ({
  id: c.env.worldId,
  base: c.env.base,
  ...worldSummary(c.env.world.read(), c.env.world.wall(), (l) => linkUrl(c.env.base, l)),
});
