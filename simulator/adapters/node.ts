import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { parseInstant, type ClockInit } from '../core/kernel/clock.ts';
import type { Store } from '../core/kernel/store-port.ts';
import { createApp } from '../http/create-app.ts';
import { nodeAssets } from './node-assets.ts';
import { parsePublicUrl } from '../http/origin.ts';
import { openDurableStore } from '../store/durable-store.ts';
import { createMemoryStore } from '../store/memory-store.ts';

export interface Listening {
  /** `http://host:port`, with the port actually bound (useful with port 0). */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** Serves any fetch handler (the simulator's Hono app) on a host and port. */
export const listen = (
  app: { fetch: (request: Request) => Response | Promise<Response> },
  options: { port: number; host: string },
): Promise<Listening> =>
  new Promise((resolve, reject) => {
    const server = serve(
      { fetch: app.fetch, port: options.port, hostname: options.host },
      (info: AddressInfo) => {
        const host = info.address.includes(':') ? `[${info.address}]` : info.address;
        resolve({
          url: `http://${host}:${info.port}`,
          port: info.port,
          close: () => new Promise<void>((done) => server.close(() => done())),
        });
      },
    );
    server.once('error', reject);
  });

export interface ServerOptions {
  /** The port (default 0: a free one; `url` tells which). */
  readonly port?: number;
  /** The address to bind (default 127.0.0.1). */
  readonly host?: string;
  /** The world's data file (lowdb snapshot plus journal), or `:memory:` (the default). */
  readonly data?: string;
  /** The seed of a new world (default 1; an existing data file keeps its own). */
  readonly seed?: number;
  /** How a new world's clock starts (default: frozen at 2026-01-01T00:00:00Z). */
  readonly clock?: ClockInit;
  /** The origin of every absolute URL the simulator writes, e.g. `https://sim.example.com`. */
  readonly publicUrl?: string;
  /** `false` turns `/sim` and `/w/{id}` off, as `--no-sim-api` (default true). */
  readonly simApi?: boolean;
  /** fsync every write of the data file (default false). */
  readonly fsync?: boolean;
  /** Journal entries before the data file is rewritten (default 10000). */
  readonly compactAfter?: number;
  /** Where unexpected errors are reported (default: console.error). */
  readonly log?: (line: string) => void;
}

export interface RunningServer {
  /** Where it listens, `http://127.0.0.1:PORT`. */
  readonly url: string;
  readonly port: number;
  /** The origin of the URLs it writes, when `publicUrl` was given. */
  readonly publicUrl?: string;
  /** The default world's store. */
  readonly store: Store;
  /** Whether the data file already held a world (kept as it was). */
  readonly resumed: boolean;
  /** Stops listening and closes the data file. */
  close(): Promise<void>;
}

/**
 * Starts the simulator on a port from code, as `provisim serve` does:
 * `const sim = await startServer({ seed: 7 }); … await sim.close();`.
 */
export const startServer = async (options: ServerOptions = {}): Promise<RunningServer> => {
  const clock = options.clock ?? { mode: 'frozen' };
  if (clock.start !== undefined && !parseInstant(clock.start, 'start').ok)
    throw new Error(
      `clock.start must be an ISO 8601 date-time, such as 2026-01-01T00:00:00Z (got ${clock.start}).`,
    );
  const publicUrl = options.publicUrl === undefined ? undefined : parsePublicUrl(options.publicUrl);
  if (publicUrl && !publicUrl.ok) throw new Error(publicUrl.error.message);
  const log = options.log ?? ((line: string) => console.error(line));
  const data = options.data ?? ':memory:';
  const store: Store =
    data === ':memory:'
      ? createMemoryStore()
      : await openDurableStore({
          file: resolve(data),
          fsync: options.fsync ?? false,
          ...(options.compactAfter !== undefined ? { compactAfter: options.compactAfter } : {}),
          onError: (e) =>
            log(`provisim: compaction failed, the journal keeps every write: ${String(e)}`),
        });
  const resumed = store.get('meta', 'world') !== undefined;
  const app = createApp({
    store,
    newStore: createMemoryStore,
    seed: options.seed ?? 1,
    clock,
    newWorldClock: { mode: 'frozen', ...(clock.start !== undefined ? { start: clock.start } : {}) },
    simApi: options.simApi ?? true,
    log,
    assets: nodeAssets(),
    ...(publicUrl ? { publicUrl: publicUrl.value } : {}),
  });
  let listening: Listening;
  try {
    listening = await listen(app, { port: options.port ?? 0, host: options.host ?? '127.0.0.1' });
  } catch (error) {
    await store.close();
    throw error;
  }
  return {
    url: listening.url,
    port: listening.port,
    ...(publicUrl ? { publicUrl: publicUrl.value } : {}),
    store,
    resumed,
    close: async () => {
      await listening.close();
      await store.close();
    },
  };
};
