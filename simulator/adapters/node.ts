import { serve } from '@hono/node-server';
import { randomBytes, randomUUID } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, readSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { hostname, networkInterfaces } from 'node:os';
import { resolve } from 'node:path';
import { parseInstant, type ClockInit } from '../core/kernel/clock.ts';
import type { Store } from '../core/kernel/store-port.ts';
import { createApp } from '../http/create-app.ts';
import { isLoopbackHost } from '../http/middleware/sim-guard.ts';
import { nodeAssets } from './node-assets.ts';
import { parsePublicUrl } from '../http/origin.ts';
import { openDurableStore } from '../store/durable-store.ts';
import { createMemoryStore, MemoryStore } from '../store/memory-store.ts';
import { installedCollections, parseWorldDocument } from '../core/sim/world-document.ts';

export interface Listening {
  /** `http://host:port`, with the port actually bound (useful with port 0). */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** How long a client may take to send a request (Node's own defaults keep a slow body 300 s). */
export interface ServerTimeouts {
  /** Until the request's headers are in. */
  readonly headersMs: number;
  /** Until the whole request, body included, is in (answering may take longer: latency faults). */
  readonly requestMs: number;
  /** How long an idle keep-alive connection stays open. */
  readonly keepAliveMs: number;
}

export const SERVER_TIMEOUTS: ServerTimeouts = {
  headersMs: 10_000,
  requestMs: 30_000,
  keepAliveMs: 5_000,
};

const REASONS: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  431: 'Request Header Fields Too Large',
};

/** What Node's HTTP parser refused, as a status and a sentence for the client. */
const describeClientError = (
  code: string | undefined,
  t: ServerTimeouts,
): { status: number; description: string } => {
  if (code === 'HPE_HEADER_OVERFLOW')
    return {
      status: 431,
      description: 'The request headers are larger than the server accepts (16 KiB in all).',
    };
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT')
    return {
      status: 408,
      description: `The request did not arrive in time: headers within ${t.headersMs / 1000} s, the whole request within ${t.requestMs / 1000} s.`,
    };
  return {
    status: 400,
    description: `The request is not well-formed HTTP/1.1${code ? ` (${code})` : ''}.`,
  };
};

/**
 * Answers what Node refuses before the app sees it (headers too large, a request too slow, bytes
 * that are not HTTP) in the Webex error shape with a TrackingID, where Node's own answer is bare.
 */
export const answerClientErrors = (server: Server, timeouts: ServerTimeouts): void => {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    const busy = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (error.code === 'ECONNRESET' || !socket.writable || busy?.headersSent) {
      socket.destroy();
      return;
    }
    const { status, description } = describeClientError(error.code, timeouts);
    const trackingId = `PROVISIM_${randomUUID()}`;
    const body = JSON.stringify({ message: description, errors: [{ description }], trackingId });
    socket.end(
      `HTTP/1.1 ${status} ${REASONS[status]}\r\n` +
        'Content-Type: application/json; charset=UTF-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        `TrackingID: ${trackingId}\r\n` +
        'Access-Control-Allow-Origin: *\r\n' +
        'Access-Control-Expose-Headers: TrackingID\r\n' +
        'Connection: close\r\n\r\n' +
        body,
    );
  });
};

/** Serves any fetch handler (the simulator's Hono app) on a host and port. */
export const listen = (
  app: { fetch: (request: Request) => Response | Promise<Response> },
  options: { port: number; host: string; timeouts?: Partial<ServerTimeouts> },
): Promise<Listening> =>
  new Promise((resolve, reject) => {
    const timeouts = { ...SERVER_TIMEOUTS, ...options.timeouts };
    const server = serve(
      {
        fetch: app.fetch,
        port: options.port,
        hostname: options.host,
        serverOptions: {
          headersTimeout: timeouts.headersMs,
          requestTimeout: timeouts.requestMs,
          keepAliveTimeout: timeouts.keepAliveMs,
          // How often Node looks for requests past those timeouts (its default is 30 s).
          connectionsCheckingInterval: Math.min(1_000, timeouts.headersMs),
        },
      },
      (info: AddressInfo) => {
        const host = info.address.includes(':') ? `[${info.address}]` : info.address;
        resolve({
          url: `http://${host}:${info.port}`,
          port: info.port,
          close: () => new Promise<void>((done) => server.close(() => done())),
        });
      },
    ) as Server;
    answerClientErrors(server, timeouts);
    server.once('error', reject);
  });

export interface ServerOptions {
  /** The port (default 0: a free one; `url` tells which). */
  readonly port?: number;
  /** The address to bind (default 127.0.0.1). */
  readonly host?: string;
  /**
   * The world's data file (lowdb snapshot plus journal), or `:memory:` (the default), or a document
   * written by `GET /sim/export`: the world starts from it, in memory (the file is not written).
   */
  readonly data?: string;
  /** The seed of a new world (default 1; an existing data file keeps its own). */
  readonly seed?: number;
  /** How a new world's clock starts (default: frozen at 2026-01-01T00:00:00Z). */
  readonly clock?: ClockInit;
  /** The origin of every absolute URL the simulator writes, e.g. `https://sim.example.com`. */
  readonly publicUrl?: string;
  /** `false` turns `/sim` and `/w/{id}` off, as `--no-sim-api` (default true). */
  readonly simApi?: boolean;
  /**
   * A token `/sim` then needs as `Authorization: Bearer <token>` (`--sim-token`); `auto` makes a
   * random one (`simToken` of the answer tells it). A host other than loopback needs one, or
   * `simApi: false`.
   */
  readonly simToken?: string;
  /** Worlds `POST /sim/worlds` may make, besides the default one (default 256). */
  readonly maxWorlds?: number;
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
  /** The token `/sim` needs, when one was asked for (made up when `auto`). */
  readonly simToken?: string;
  /** Whether `data` was an exported document (`GET /sim/export`): the world starts from it, in memory. */
  readonly fromExport: boolean;
  /** Stops listening and closes the data file. */
  close(): Promise<void>;
}

/** Whether a file is a world document as `GET /sim/export` writes it (its first key is the format). */
const isExport = (file: string): boolean => {
  if (!existsSync(file)) return false;
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(256);
    const n = readSync(fd, head, 0, head.length, 0);
    return /^\s*\{\s*"format"\s*:\s*"provisim-world"/.test(head.subarray(0, n).toString('utf8'));
  } finally {
    closeSync(fd);
  }
};

/** A memory store holding an exported world; a document the simulator cannot read is an error. */
const storeFromExport = (file: string, wall: number): MemoryStore => {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: the exported world is not JSON (${String(error)}).`, {
      cause: error,
    });
  }
  const doc = parseWorldDocument(json);
  if (!doc.ok)
    throw new Error(
      `${file}: not a world this simulator can start from: ${doc.error.errors.map((e) => e.description).join('; ')}`,
    );
  return new MemoryStore(installedCollections(doc.value, wall));
};

/**
 * The names `/sim` answers to besides loopback ones (DNS rebinding guard): the address bound, or,
 * bound to every interface, each interface's address and the machine's name.
 */
export const hostNames = (host: string): string[] => {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h !== '0.0.0.0' && h !== '::' && h !== '') return [h];
  const addresses = Object.values(networkInterfaces()).flatMap((list) =>
    (list ?? []).map((a) => a.address.toLowerCase()),
  );
  return [...new Set([...addresses, hostname().toLowerCase()])];
};

/** `/sim` can reset or rewrite the world: on an address others reach, it needs a token or is off. */
export const checkExposure = (host: string, simApi: boolean, simToken: string | undefined) => {
  if (simApi && simToken === undefined && !isLoopbackHost(host))
    throw new Error(
      `--host ${host} opens /sim, which can reset or rewrite the world, to the network: add --sim-token TOKEN (or --sim-token auto), or --no-sim-api.`,
    );
};

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
  const host = options.host ?? '127.0.0.1';
  const simApi = options.simApi ?? true;
  checkExposure(host, simApi, options.simToken);
  const simToken =
    options.simToken === 'auto' ? randomBytes(24).toString('base64url') : options.simToken;
  const log = options.log ?? ((line: string) => console.error(line));
  const data = options.data ?? ':memory:';
  const fromExport = data !== ':memory:' && isExport(resolve(data));
  const store: Store =
    data === ':memory:'
      ? createMemoryStore()
      : fromExport
        ? storeFromExport(resolve(data), Date.now())
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
    simApi,
    log,
    assets: nodeAssets(),
    ...(publicUrl ? { publicUrl: publicUrl.value } : {}),
    ...(options.maxWorlds !== undefined ? { maxWorlds: options.maxWorlds } : {}),
    simGuard: {
      hosts: [...hostNames(host), ...(publicUrl ? [new URL(publicUrl.value).hostname] : [])],
      ...(simToken !== undefined ? { token: simToken } : {}),
    },
  });
  let listening: Listening;
  try {
    listening = await listen(app, { port: options.port ?? 0, host });
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
    ...(simToken !== undefined ? { simToken } : {}),
    fromExport,
    close: async () => {
      await listening.close();
      await store.close();
    },
  };
};
