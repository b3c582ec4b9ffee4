import { resolve } from 'node:path';
import { startServer as startNodeServer } from '../simulator/adapters/node.ts';
import { parseInstant } from '../simulator/core/kernel/clock.ts';
import type { Store } from '../simulator/core/kernel/store-port.ts';
import { worldSummary } from '../simulator/core/sim/world-summary.ts';
import { linkUrl } from '../simulator/http/links.ts';
import { WorldReader } from '../simulator/core/kernel/world-tx.ts';

export interface ServeOptions {
  readonly port: number;
  readonly host: string;
  /** A data file, or `:memory:` for a world that lives only as long as the process. */
  readonly data: string;
  readonly seed: number;
  readonly clock: 'running' | 'frozen';
  readonly start?: string;
  readonly simApi: boolean;
  /** The token `/sim` then needs (`auto`: a random one, printed at start). */
  readonly simToken?: string;
  /** Worlds `POST /sim/worlds` may make (default 256). */
  readonly maxWorlds?: number;
  readonly compactAfter?: number;
  /** The origin of every absolute URL written (`--public-url`). */
  readonly publicUrl?: string;
  readonly fsync: boolean;
  readonly quiet: boolean;
}

export interface Served {
  readonly url: string;
  readonly store: Store;
  stop(): Promise<void>;
}

/** `provisim serve`: the default world over the lowdb store (or memory), on a host and port. */
export const startServer = async (
  o: ServeOptions,
  out: (line: string) => void,
): Promise<Served> => {
  if (o.start !== undefined && !parseInstant(o.start, 'start').ok)
    throw new Error(
      `--start must be an ISO 8601 date-time, such as 2026-01-01T00:00:00Z (got ${o.start}).`,
    );
  const server = await startNodeServer({
    port: o.port,
    host: o.host,
    data: o.data,
    seed: o.seed,
    clock: { mode: o.clock, ...(o.start !== undefined ? { start: o.start } : {}) },
    simApi: o.simApi,
    fsync: o.fsync,
    ...(o.compactAfter !== undefined ? { compactAfter: o.compactAfter } : {}),
    ...(o.publicUrl !== undefined ? { publicUrl: o.publicUrl } : {}),
    ...(o.simToken !== undefined ? { simToken: o.simToken } : {}),
    ...(o.maxWorlds !== undefined ? { maxWorlds: o.maxWorlds } : {}),
  });
  // Printed even with --quiet: a generated token is known nowhere else.
  if (server.simToken !== undefined) {
    out(`sim token: ${server.simToken} (/sim needs Authorization: Bearer ${server.simToken})`);
    out(
      `control panel: ${server.publicUrl ?? server.url}/sim?sim-token=${encodeURIComponent(server.simToken)} (a browser opens it once; a cookie keeps the token)`,
    );
  }
  if (!o.quiet) {
    const base = server.publicUrl ?? server.url;
    const summary = worldSummary(new WorldReader(server.store), Date.now(), (l) =>
      linkUrl(base, l),
    );
    out(
      `provisim listening on ${server.url}${server.publicUrl ? ` (public URL ${server.publicUrl})` : ''}`,
    );
    out(
      `data: ${o.data === ':memory:' ? 'in memory (nothing is saved)' : server.fromExport ? `${resolve(o.data)} (an exported world: it starts from there and lives in memory; the file is not written, GET /sim/export saves it)` : `${resolve(o.data)}${server.resumed ? ' (existing world: its seed and clock are kept; POST /sim/reset to start over)' : ' (new world)'}`}`,
    );
    out(
      `seed ${summary.seed}, clock ${summary.clock.now} (${summary.clock.mode})${o.simApi ? '' : ', /sim API off'}`,
    );
    out('tokens (Authorization: Bearer <token>):');
    for (const p of summary.partners)
      out(
        `  ${p.name.padEnd(16)} ${Object.entries(p.tokens)
          .map(([role, t]) => `${role}=${t}`)
          .join('  ')}`,
      );
    out(`home page ${base}/   world ${base}/sim/world   mail ${base}/sim/mail`);
  }
  return { url: server.url, store: server.store, stop: server.close };
};
