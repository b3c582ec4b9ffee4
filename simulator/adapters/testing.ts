import type { Hono } from 'hono';
import { createApp, type AppDeps, type RootEnv } from '../http/create-app.ts';
import { createMemoryStore, type MemoryStore } from '../store/memory-store.ts';

export interface TestCall {
  readonly token?: string;
  /** Sent as a JSON body with `Content-Type: application/json`. */
  readonly json?: unknown;
  /** Sent as is (with the headers given). */
  readonly body?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface TestAnswer {
  readonly status: number;
  readonly headers: Headers;
  /** The parsed JSON body, the text otherwise (undefined when empty). */
  readonly body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  readonly text: string;
}

export interface TestApp {
  readonly app: Hono<RootEnv>;
  readonly store: MemoryStore;
  /** Calls the app in-process (no port): `call('POST', '/sim/clock', { json: { advance: 'P1D' } })`. */
  call(method: string, path: string, init?: TestCall): Promise<TestAnswer>;
}

export const TEST_ORIGIN = 'http://provisim.test';

/** An isolated in-process simulator over a memory store: frozen clock at the epoch, seed 1. */
export const createTestApp = (deps: Partial<AppDeps> = {}): TestApp => {
  const store = createMemoryStore();
  const app = createApp({ store, newStore: createMemoryStore, seed: 1, clock: { mode: 'frozen' }, log: () => undefined, ...deps });
  const call = async (method: string, path: string, init: TestCall = {}): Promise<TestAnswer> => {
    const headers: Record<string, string> = { ...init.headers };
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    let body: string | undefined = init.body;
    if (init.json !== undefined) {
      body = JSON.stringify(init.json);
      headers['content-type'] ??= 'application/json';
    }
    const res = await app.request(`${TEST_ORIGIN}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
    const text = await res.text();
    let parsed: unknown = text === '' ? undefined : text;
    if ((res.headers.get('content-type') ?? '').includes('json') && text !== '') parsed = JSON.parse(text);
    return { status: res.status, headers: res.headers, body: parsed, text };
  };
  return { app, store, call };
};
