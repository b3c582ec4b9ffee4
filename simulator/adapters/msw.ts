import { http, type HttpHandler } from 'msw';
import type { Hono } from 'hono';
import { createApp, type RootEnv } from '../http/create-app.ts';
import { createMemoryStore } from '../store/memory-store.ts';
import type { HandlersOptions } from './msw-options.ts';

export type { HandlersOptions } from './msw-options.ts';

export const DEFAULT_BASE_URL = 'https://webexapis.com';

/** The simulator over a memory store, as `createHandlers` builds it; browser-safe. */
export const createMswApp = (
  options: Omit<HandlersOptions, 'baseUrl' | 'app'> = {},
): Hono<RootEnv> =>
  createApp({
    store: createMemoryStore(),
    newStore: createMemoryStore,
    seed: options.seed ?? 1,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.log ? { log: options.log } : {}),
  });

/**
 * MSW request handlers answering every surface (`/v1`, `/partner-hub`, `/ccw`, `/activation`,
 * `/consent`, `/sim`, pages) at an origin, from the same app and rules as the server, over a memory
 * store. Works with `setupServer` (Node) and `setupWorker` (browser).
 */
export const createHandlers = (options: HandlersOptions = {}): HttpHandler[] => {
  const base = new URL(options.baseUrl ?? DEFAULT_BASE_URL);
  if (base.pathname !== '/' || base.search !== '' || base.hash !== '') {
    throw new Error(
      `baseUrl must be an origin such as https://webexapis.com (got ${options.baseUrl ?? ''}).`,
    );
  }
  const app = options.app ?? createMswApp(options);
  return [http.all(`${base.origin}/*`, ({ request }) => app.fetch(request))];
};
