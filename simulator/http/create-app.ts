import { Hono, type Context } from 'hono';
import type { HonoOptions } from 'hono/hono-base';
import { RegExpRouter } from 'hono/router/reg-exp-router';
import { getPath } from 'hono/utils/url';
import type { ClockInit } from '../core/kernel/clock.ts';
import { notFound } from '../core/kernel/errors.ts';
import type { Store } from '../core/kernel/store-port.ts';
import { EVENT_HANDLERS, ON_COMMIT } from '../core/event-handlers.ts';
import { apiRoutes, mountApi } from './api-routes.ts';
import type { ApiRoute } from './route-table.ts';
import type { SurfaceBindings, SurfaceEnv } from './env.ts';
import { limitBodies } from './middleware/body-limits.ts';
import { corsHeaders } from './middleware/cors.ts';
import { injectFaults } from './middleware/faults.ts';
import { journal } from './middleware/journal.ts';
import { atOrigin, parsePublicUrl, pathOf, requestOrigin, worldPath } from './origin.ts';
import {
  guardSim,
  isSimPath,
  simCorsOrigin,
  type SimGuardOptions,
} from './middleware/sim-guard.ts';
import { errorResponse, sendError } from './respond.ts';
import { closeFrame, EXPOSED_HEADERS, openFrame, type Frame } from './frame.ts';
import { activationRoutes } from './surfaces/activation/pages.tsx';
import { ccwPages } from './surfaces/ccw/pages.tsx';
import { mailboxPage } from './surfaces/sim/mailbox-pages.tsx';
import { consentRoutes } from './surfaces/activation/consent-pages.tsx';
import { pageRoutes } from './surfaces/home/pages.tsx';
import { openapiRoutes } from './surfaces/home/openapi-pages.tsx';
import { partnerHubPages } from './surfaces/partner-hub/pages.tsx';
import { WorldRegistry } from './world-registry.ts';
import type { AssetSource } from './pages/asset-source.ts';
import { assetRoutes } from './pages/asset-routes.ts';
import { errorHtml, notFoundHtml } from './pages/error-pages.tsx';
import { wantsPage, pageUrl } from './pages/page-renderer.tsx';
import { simPanelRoutes } from './surfaces/sim/pages.tsx';
import { runDueEvents } from './due-events.ts';
import { enterWorld, leaveWorld } from './world-gate.ts';
import { isHealthCheck } from './middleware/sim-guard.ts';

export interface AppDeps {
  /** The default world's store (the CLI passes the lowdb store; tests a memory store). */
  readonly store: Store;
  /** Makes the store of each world created with `POST /sim/worlds`. */
  readonly newStore: () => Store;
  /** The seed of a new default world (default 1). */
  readonly seed?: number;
  /** How a new default world's clock starts (default: frozen at 2026-01-01T00:00:00Z). */
  readonly clock?: ClockInit;
  /** How worlds made with `POST /sim/worlds` start when not told (default: frozen at the epoch). */
  readonly newWorldClock?: ClockInit;
  /** Wall-clock milliseconds (default `Date.now`); tests pass their own. */
  readonly wallClock?: () => number;
  /** `false` turns `/sim` off (`--no-sim-api`) for shared use. */
  readonly simApi?: boolean;
  /** Where unexpected errors are reported (default: console.error). */
  readonly log?: (line: string) => void;
  /** Ids of new worlds (default: 8 random hex digits). */
  readonly newWorldId?: () => string;
  /**
   * The origin of every absolute URL written (`--public-url`, e.g. `https://sim.example.com`);
   * without it, `X-Forwarded-Proto`/`X-Forwarded-Host`, else the request's own origin.
   */
  readonly publicUrl?: string;
  /** Files the pages need that the http layer does not hold (the Momentum font; node adapter). */
  readonly assets?: AssetSource;
  /** How many worlds `POST /sim/worlds` may make, besides the default one (default 256). */
  readonly maxWorlds?: number;
  /** Who may use `/sim`: Host names, browser origins, a token (middleware/sim-guard.ts). */
  readonly simGuard?: SimGuardOptions;
}

export const DEFAULT_MAX_WORLDS = 256;

const newTrackingId = (): string => `PROVISIM_${crypto.randomUUID()}`;

/**
 * The path a surface routes: a world's request keeps its URL (`/w/{id}/v1/…`), so nothing is built
 * again to forward it (issue 13); its routes see the path inside the world (`/v1/…`).
 */
const surfacePath: NonNullable<HonoOptions<SurfaceEnv>['getPath']> = (request, options) =>
  options?.env?.inWorld ? worldPath(getPath(request)) : getPath(request);

/** A surface app with the simulator's error and not-found answers. */
const newSurfaceApp = (router?: HonoOptions<SurfaceEnv>['router']): Hono<SurfaceEnv> => {
  const app = new Hono<SurfaceEnv>(
    router ? { router, getPath: surfacePath } : { getPath: surfacePath },
  );
  app.onError((error, c) => {
    c.env.log(
      `[${c.env.trackingId}] ${c.req.method} ${c.req.path}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    const description = `The simulator failed unexpectedly; quote tracking id ${c.env.trackingId} when you report it.`;
    if (wantsPage(c.req.path, c.req.header('accept')))
      return errorHtml(
        c,
        { status: 500, message: description },
        { url: pageUrl(c), method: 'GET', fields: [] },
      );
    return sendError(c, { status: 500, message: description, errors: [{ description }] });
  });
  app.notFound((c) =>
    wantsPage(c.req.path, c.req.header('accept'))
      ? notFoundHtml(c, `There is no page at ${c.req.path}.`)
      : sendError(c, notFound(`No route for ${c.req.method} ${c.req.path}`)),
  );
  return app;
};

/** What every request of a world goes through before its route: body limits, the clock, the journal, faults. */
const useSurfaceMiddleware = (app: Hono<SurfaceEnv>): void => {
  app.use('*', limitBodies());
  app.use('*', async (c, next) => {
    if (!c.env.simApi && (c.req.path === '/sim' || c.req.path.startsWith('/sim/'))) {
      return sendError(c, notFound(`No route for ${c.req.method} ${c.req.path}`));
    }
    // A health check answers at once, whatever steps the world has yet to run (or a restore).
    if (isHealthCheck(c.req.method, c.req.path)) return next();
    const { world } = c.env;
    const entering = enterWorld(world);
    if (entering) await entering;
    try {
      const due = runDueEvents(world);
      if (due) await due;
      await next();
    } finally {
      leaveWorld(world);
    }
  });
  app.use('*', journal());
  app.use('*', injectFaults());
};

const isV1 = (path: string): boolean => path === '/v1' || path.startsWith('/v1/');

/** Every surface of one world, its JSON `routes` among them; `createApp` hands each request its world. */
const createSurfaceApp = (routes: readonly ApiRoute[]): Hono<SurfaceEnv> => {
  const app = newSurfaceApp();
  app.route('/', assetRoutes());
  useSurfaceMiddleware(app);
  app.route('/sim/mailbox', mailboxPage());
  app.route('/sim', simPanelRoutes());
  mountApi(app, routes);
  app.route('/partner-hub', partnerHubPages());
  app.route('/ccw', ccwPages());
  app.route('/consent', consentRoutes());
  app.route('/activation', activationRoutes());
  app.route('/', openapiRoutes(routes));
  app.route('/', pageRoutes());
  return app;
};

/**
 * `/v1` alone, with the same middleware and the same routes in the same order, on Hono's
 * RegExpRouter: one match a request. The whole surface needs the slower TrieRouter (some page
 * paths put a fixed segment and a parameter in the same place), and every `/v1` path finds nothing
 * else there, so answering `/v1` here changes nothing but the time it takes (issue 13).
 */
const createV1App = (routes: readonly ApiRoute[]): Hono<SurfaceEnv> => {
  const app = newSurfaceApp(new RegExpRouter());
  useSurfaceMiddleware(app);
  mountApi(
    app,
    routes.filter((r) => isV1(r.path)),
  );
  return app;
};

/** The surfaces of a world: `/v1` paths by the `/v1` app, every other one by the whole surface. */
const createSurfaces = (): {
  fetch(request: Request, env: SurfaceBindings): Response | Promise<Response>;
} => {
  const routes = apiRoutes();
  const all = createSurfaceApp(routes);
  const v1 = createV1App(routes);
  return {
    // A path with a percent sign is left to the whole surface, which decodes it before routing.
    fetch: (request, env) => {
      const path = env.inWorld ? worldPath(pathOf(request.url)) : pathOf(request.url);
      return isV1(path) && !path.includes('%') ? v1.fetch(request, env) : all.fetch(request, env);
    },
  };
};

/**
 * The simulator as a Hono app (architecture.md, principle 2): no singletons; every call builds an
 * independent set of worlds. The default world answers at the root, the others under `/w/{id}`.
 */
export type RootEnv = { Variables: { trackingId: string } };

export const createApp = (deps: AppDeps): Hono<RootEnv> => {
  const log = deps.log ?? ((line: string) => console.error(line));
  const simApi = deps.simApi ?? true;
  const publicUrl = deps.publicUrl === undefined ? undefined : parsePublicUrl(deps.publicUrl);
  if (publicUrl && !publicUrl.ok) throw new Error(publicUrl.error.message);
  // The public URL's pages may use /sim too (it is this simulator's own origin).
  const guard: SimGuardOptions = {
    ...deps.simGuard,
    origins: [
      ...(deps.simGuard?.origins ?? []),
      ...(publicUrl?.ok ? [new URL(publicUrl.value).origin] : []),
    ],
  };
  const publicOrigin = publicUrl?.value;
  const registry = new WorldRegistry({
    defaultStore: deps.store,
    newStore: deps.newStore,
    seed: deps.seed ?? 1,
    clock: deps.clock ?? { mode: 'frozen' },
    newWorldClock: deps.newWorldClock ?? { mode: 'frozen' },
    wallClock: deps.wallClock ?? (() => Date.now()),
    handlers: EVENT_HANDLERS,
    onCommit: ON_COMMIT,
    newId: deps.newWorldId ?? (() => crypto.randomUUID().slice(0, 8)),
    maxWorlds: deps.maxWorlds ?? DEFAULT_MAX_WORLDS,
  });
  const surface = createSurfaces();
  const app = new Hono<RootEnv>();
  const unexpected = (error: unknown, request: Request, trackingId: string): Response => {
    log(
      `[${trackingId}] ${request.method} ${pathOf(request.url)}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    const description = `The simulator failed unexpectedly; quote tracking id ${trackingId} when you report it.`;
    return errorResponse(
      { status: 500, message: description, errors: [{ description }] },
      trackingId,
    );
  };
  app.onError((error, c) => unexpected(error, c.req.raw, c.get('trackingId')));

  app.use('*', async (c, next) => {
    const trackingId = newTrackingId();
    c.set('trackingId', trackingId);
    await next();
    c.res.headers.set('TrackingID', trackingId);
  });
  app.use(
    '*',
    corsHeaders<RootEnv>({
      origin: simCorsOrigin(guard),
      exposeHeaders: EXPOSED_HEADERS,
      allowMethods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    }),
  );
  if (simApi) app.use('*', guardSim<RootEnv>(guard));

  /**
   * A request to a world made with `POST /sim/worlds`, as it came: its routes see the path inside
   * the world (`surfacePath`), and its body is read from where it is, as the default world's is.
   */
  const inWorld = (
    request: Request,
    worldId: string,
    trackingId: string,
    frame?: Frame,
  ): Response | Promise<Response> => {
    const world = registry.get(worldId);
    if (!world || !simApi) return errorResponse(notFound(`World ${worldId}`), trackingId, frame);
    const origin = requestOrigin(request, publicOrigin);
    if (!origin.ok) return errorResponse(origin.error, trackingId, frame);
    return surface.fetch(atOrigin(request, origin.value), {
      world,
      base: `${origin.value}/w/${worldId}`,
      worldId,
      inWorld: true,
      registry,
      trackingId,
      simApi,
      log,
      assets: deps.assets,
      frame,
    });
  };
  const forward = (c: Context<RootEnv>): Response | Promise<Response> =>
    inWorld(c.req.raw, c.req.param('wid') ?? '', c.get('trackingId'));
  app.all('/w/:wid', forward);
  app.all('/w/:wid/*', forward);
  const defaultWorld = (
    request: Request,
    trackingId: string,
    frame?: Frame,
  ): Response | Promise<Response> => {
    const origin = requestOrigin(request, publicOrigin);
    if (!origin.ok) return errorResponse(origin.error, trackingId, frame);
    return surface.fetch(atOrigin(request, origin.value), {
      world: registry.default,
      base: origin.value,
      worldId: 'default',
      registry,
      trackingId,
      simApi,
      log,
      assets: deps.assets,
      frame,
    });
  };
  app.all('*', (c) => defaultWorld(c.req.raw, c.get('trackingId')));

  // The hot path (issue 13): a request to any world outside `/sim`, other than a preflight,
  // skips the root app, whose middleware would only give it a tracking id and the CORS headers of
  // every such answer (`*`: only `/sim` is guarded). The world's answer takes them as it is made
  // (frame.ts, respond.ts), not after a second dispatch. A world id with a percent sign in the
  // path goes the routed way, whose router decodes it.
  const routed = app.fetch;
  const hot = async (request: Request, worldId: string | undefined): Promise<Response> => {
    const trackingId = newTrackingId();
    const frame = openFrame(trackingId);
    try {
      const res =
        worldId === undefined
          ? defaultWorld(request, trackingId, frame)
          : inWorld(request, worldId, trackingId, frame);
      return closeFrame(await res, frame);
    } catch (error) {
      return closeFrame(unexpected(error, request, trackingId), frame);
    }
  };
  app.fetch = (request, env, executionCtx) => {
    const path = pathOf(request.url);
    if (request.method === 'OPTIONS' || isSimPath(path)) return routed(request, env, executionCtx);
    if (!path.startsWith('/w/')) return hot(request, undefined);
    const end = path.indexOf('/', 3);
    const worldId = path.slice(3, end < 0 ? undefined : end);
    return worldId === '' || worldId.includes('%')
      ? routed(request, env, executionCtx)
      : hot(request, worldId);
  };
  return app;
};
