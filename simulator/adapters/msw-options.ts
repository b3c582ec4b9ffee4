import type { Hono } from 'hono';
import type { ClockInit } from '../core/kernel/clock.ts';
import type { RootEnv } from '../http/create-app.ts';

/** The options of `createHandlers` (`provisim/msw`); apart, so that naming them needs no MSW. */
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
