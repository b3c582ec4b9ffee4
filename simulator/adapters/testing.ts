import type { Hono } from 'hono';
import type { MailView } from '../http/links.ts';
import { createApp, type AppDeps, type RootEnv } from '../http/create-app.ts';
import type { JournalEntry } from '../http/request-journal.ts';
import { createMemoryStore, type MemoryStore } from '../store/memory-store.ts';
import type {
  ClockView,
  Fault,
  FaultView,
  RequestsFilter,
  SimWorld,
  SnapshotView,
  WorldExport,
} from './sim-types.ts';

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
  const app = createApp({
    store,
    newStore: createMemoryStore,
    seed: 1,
    clock: { mode: 'frozen' },
    log: () => undefined,
    ...deps,
  });
  const call = async (method: string, path: string, init: TestCall = {}): Promise<TestAnswer> => {
    const headers: Record<string, string> = { ...init.headers };
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    let body: string | undefined = init.body;
    if (init.json !== undefined) {
      body = JSON.stringify(init.json);
      headers['content-type'] ??= 'application/json';
    }
    const res = await app.request(`${TEST_ORIGIN}${path}`, {
      method,
      headers,
      ...(body !== undefined ? { body } : {}),
    });
    const text = await res.text();
    let parsed: unknown = text === '' ? undefined : text;
    if ((res.headers.get('content-type') ?? '').includes('json') && text !== '')
      parsed = JSON.parse(text);
    return { status: res.status, headers: res.headers, body: parsed, text };
  };
  return { app, store, call };
};

export type Tokens = Readonly<Record<string, Readonly<Record<string, string>>>>;

export interface TestWorld extends TestApp {
  /** The origin every URL of this world starts with. */
  readonly origin: string;
  /** `GET /sim/world` as the world started. */
  readonly world: SimWorld;
  /** Tokens by partner key and role: `tokens.acme.admin`. */
  readonly tokens: Tokens;
  /** `fetch` bound to this world: relative paths start at `origin`. */
  fetch(input: string | URL | Request, init?: RequestInit): Promise<Response>;
  readonly clock: {
    /** The virtual time, ISO 8601. */
    now(): Promise<string>;
    /** Moves the clock by an ISO 8601 duration (`PT5M`), running what falls due; the new time. */
    advance(duration: string): Promise<string>;
    /** Sets the clock to a later instant; the new time. */
    set(iso: string): Promise<string>;
    /** `GET /sim/clock` in full (time, mode, speed). */
    get(): Promise<ClockView>;
  };
  /** The outbox, newest first (`to` filters by one address). */
  mail(to?: string): Promise<MailView[]>;
  readonly faults: {
    /** Adds a request fault or a step fault; the fault as the world holds it. */
    add(fault: Fault): Promise<FaultView>;
    list(): Promise<FaultView[]>;
    /** Removes one fault. */
    remove(id: string): Promise<void>;
    clear(): Promise<void>;
  };
  /** The request journal, newest first (`GET /sim/requests`). */
  requests(filter?: RequestsFilter): Promise<JournalEntry[]>;
  /** Starts the world over (`POST /sim/reset`), with its seed or another. */
  reset(seed?: number): Promise<void>;
  /** Takes a snapshot of the whole world (`POST /sim/snapshots`); a name may stand for its id. */
  snapshot(name?: string): Promise<SnapshotView>;
  /** Puts the world back exactly as a snapshot (by id or name) held it, pending steps included. */
  restore(idOrName: string): Promise<void>;
  /** The whole world as one versioned document (`GET /sim/export`). */
  export(): Promise<WorldExport>;
  /** Replaces the world with an exported document (`POST /sim/import`). */
  import(doc: WorldExport): Promise<void>;
}

const expectOk = (what: string, a: TestAnswer): TestAnswer => {
  if (a.status >= 300) throw new Error(`${what} answered ${a.status}: ${a.text}`);
  return a;
};

/**
 * An isolated in-process world for one test (Vitest-friendly, no port): its tokens, clock, mail,
 * faults, request journal and a `fetch` bound to it. `const w = await createTestWorld({ seed: 7 })`.
 */
export const createTestWorld = async (deps: Partial<AppDeps> = {}): Promise<TestWorld> => {
  const t = createTestApp(deps);
  const world: SimWorld = expectOk('GET /sim/world', await t.call('GET', '/sim/world')).body;
  const tokens: Record<string, Record<string, string>> = {};
  for (const p of world.partners) {
    const key = (p.tokens.admin ?? '').split('-')[0] ?? '';
    tokens[key] = p.tokens;
  }
  const clock = async (json: unknown): Promise<string> =>
    (expectOk('POST /sim/clock', await t.call('POST', '/sim/clock', { json })).body as ClockView)
      .now;
  const getClock = async (): Promise<ClockView> =>
    expectOk('GET /sim/clock', await t.call('GET', '/sim/clock')).body;
  return {
    ...t,
    origin: TEST_ORIGIN,
    world,
    tokens,
    fetch: (input, init) => {
      const request =
        input instanceof Request ? input : new Request(new URL(String(input), TEST_ORIGIN), init);
      return Promise.resolve(t.app.fetch(request));
    },
    clock: {
      now: async () => (await getClock()).now,
      get: getClock,
      advance: (duration) => clock({ advance: duration }),
      set: (iso) => clock({ set: iso }),
    },
    mail: async (to) =>
      expectOk(
        'GET /sim/mail',
        await t.call('GET', `/sim/mail${to ? `?to=${encodeURIComponent(to)}` : ''}`),
      ).body.items,
    faults: {
      add: async (fault) =>
        expectOk('POST /sim/faults', await t.call('POST', '/sim/faults', { json: fault })).body,
      list: async () => expectOk('GET /sim/faults', await t.call('GET', '/sim/faults')).body.items,
      remove: async (id) =>
        void expectOk(
          `DELETE /sim/faults/${id}`,
          await t.call('DELETE', `/sim/faults/${encodeURIComponent(id)}`),
        ),
      clear: async () => void expectOk('DELETE /sim/faults', await t.call('DELETE', '/sim/faults')),
    },
    requests: async (filter = {}) => {
      const q = new URLSearchParams(Object.entries(filter).map(([k, v]) => [k, String(v)]));
      return expectOk(
        'GET /sim/requests',
        await t.call('GET', `/sim/requests${q.size ? `?${q}` : ''}`),
      ).body.items;
    },
    reset: async (seed) =>
      void expectOk(
        'POST /sim/reset',
        await t.call('POST', '/sim/reset', { json: seed === undefined ? {} : { seed } }),
      ),
    snapshot: async (name) =>
      expectOk(
        'POST /sim/snapshots',
        await t.call('POST', '/sim/snapshots', { json: name === undefined ? {} : { name } }),
      ).body,
    restore: async (idOrName) =>
      void expectOk(
        `POST /sim/snapshots/${idOrName}/restore`,
        await t.call('POST', `/sim/snapshots/${encodeURIComponent(idOrName)}/restore`),
      ),
    export: async () => expectOk('GET /sim/export', await t.call('GET', '/sim/export')).body,
    import: async (doc) =>
      void expectOk('POST /sim/import', await t.call('POST', '/sim/import', { json: doc })),
  };
};
