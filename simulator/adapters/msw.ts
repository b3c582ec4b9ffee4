import { http, type HttpHandler } from 'msw';
import type { Hono } from 'hono';
import type { ClockInit } from '../core/kernel/clock.ts';
import { createApp, type RootEnv } from '../http/create-app.ts';
import { createMemoryStore } from '../store/memory-store.ts';

export interface HandlersOptions {
  /** The seed of the world (default 1). */
  readonly seed?: number;
  /** The origin the handlers answer at (default `https://webexapis.com`). */
  readonly baseUrl?: string;
  /** How the clock starts (default: frozen at 2026-01-01T00:00:00Z). */
  readonly clock?: ClockInit;
  /** An app to answer from instead of a new one (to share one world among several handler sets). */
  readonly app?: Hono<RootEnv>;
  /** Where unexpected errors are reported (default: console.error). */
  readonly log?: (line: string) => void;
}

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
