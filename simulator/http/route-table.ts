import type { Handler, Hono, MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import type { SurfaceEnv } from './env.ts';

/**
 * The one route table of the JSON surfaces. Each surface's api module declares its routes here
 * (method, path, what it does, what it takes and answers, its handler); `mountRoutes` serves them
 * and `/openapi.json` is built from the same table, so the document cannot drift from what is
 * served (architecture.md, principle 3).
 */
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type Tag = 'v1' | 'partner-hub' | 'ccw' | 'activation' | 'sim';

export interface RouteMeta {
  readonly summary: string;
  /** The statuses it answers, success first. */
  readonly responses: readonly number[];
  /** What the body is: a schema of a JSON body, or another media type. */
  readonly body?: z.ZodType | 'json' | 'text/csv' | 'none';
  /** The success answer's schema, where the simulator defines one. */
  readonly answer?: z.ZodType;
  /** `/v1`: Cisco's operation, documented from Cisco's file. */
  readonly operationId?: string;
  /** No token needed (the activation portal, CCW setup, consent, `/sim`). */
  readonly public?: boolean;
}

export interface ApiRoute extends RouteMeta {
  readonly method: Method;
  /** The path inside a world, Hono style (`/partner-hub/api/templates/:id`). */
  readonly path: string;
  readonly tag: Tag;
  readonly middleware: readonly MiddlewareHandler<SurfaceEnv>[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly handler: Handler<SurfaceEnv, any>;
}

/** The same path in OpenAPI style (`/partner-hub/api/templates/{id}`). */
export const openApiPath = (path: string): string => path.replace(/:(\w+)/g, '{$1}');

/** Collects a surface's routes under a prefix, each with the surface's middleware (its auth). */
export class RouteTable {
  readonly routes: ApiRoute[] = [];
  readonly #prefix: string;
  readonly #tag: Tag;
  readonly #auth: readonly MiddlewareHandler<SurfaceEnv>[];

  constructor(prefix: string, tag: Tag, auth: readonly MiddlewareHandler<SurfaceEnv>[] = []) {
    this.#prefix = prefix;
    this.#tag = tag;
    this.#auth = auth;
  }

  add<P extends string>(
    method: Method,
    path: P,
    meta: RouteMeta,
    handler: Handler<SurfaceEnv, P>,
  ): this {
    const full = `${this.#prefix}${path === '/' ? '' : path}` || '/';
    this.routes.push({
      ...meta,
      method,
      path: full,
      tag: this.#tag,
      middleware: meta.public ? [] : this.#auth,
      handler,
    });
    return this;
  }

  get<P extends string>(path: P, meta: RouteMeta, handler: Handler<SurfaceEnv, P>): this {
    return this.add('GET', path, meta, handler);
  }

  post<P extends string>(path: P, meta: RouteMeta, handler: Handler<SurfaceEnv, P>): this {
    return this.add('POST', path, meta, handler);
  }

  put<P extends string>(path: P, meta: RouteMeta, handler: Handler<SurfaceEnv, P>): this {
    return this.add('PUT', path, meta, handler);
  }

  patch<P extends string>(path: P, meta: RouteMeta, handler: Handler<SurfaceEnv, P>): this {
    return this.add('PATCH', path, meta, handler);
  }

  delete<P extends string>(path: P, meta: RouteMeta, handler: Handler<SurfaceEnv, P>): this {
    return this.add('DELETE', path, meta, handler);
  }
}

/** Serves a table's routes on an app, in the order declared. */
export const mountRoutes = (app: Hono<SurfaceEnv>, routes: readonly ApiRoute[]): void => {
  for (const r of routes) app.on(r.method, [r.path], ...r.middleware, r.handler);
};
