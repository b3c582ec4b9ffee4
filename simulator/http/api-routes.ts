import type { Hono } from 'hono';
import type { SurfaceEnv } from './env.ts';
import { mountRoutes, type ApiRoute } from './route-table.ts';
import { activationApi } from './surfaces/activation/pages.tsx';
import { consentApi } from './surfaces/activation/consent-pages.tsx';
import { ccwApi } from './surfaces/ccw/api.ts';
import { partnerHubApi } from './surfaces/partner-hub/api.ts';
import { simApi } from './surfaces/sim/api.ts';
import { v1Api, v1Fallback } from './surfaces/v1/api.ts';

/** Every JSON route of every surface, `/sim` included: what is served, and what `/openapi.json` shows. */
export const apiRoutes = (): readonly ApiRoute[] => [
  ...v1Api(),
  ...partnerHubApi(),
  ...ccwApi(),
  ...activationApi(),
  ...consentApi(),
  ...simApi(),
];

/** Serves the route table, then `/v1`'s fallback (401 without a token, else 404). */
export const mountApi = (app: Hono<SurfaceEnv>, routes: readonly ApiRoute[]): void => {
  mountRoutes(app, routes);
  app.all('/v1/*', v1Fallback);
};
