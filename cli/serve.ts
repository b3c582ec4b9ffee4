import { resolve } from 'node:path';
import type { ClockInit } from '../simulator/core/kernel/clock.ts';
import { parseInstant } from '../simulator/core/kernel/clock.ts';
import type { Store } from '../simulator/core/kernel/store-port.ts';
import { worldSummary } from '../simulator/core/sim/world-summary.ts';
import { WorldReader } from '../simulator/core/kernel/world-tx.ts';
import { listen, type Listening } from '../simulator/adapters/node.ts';
import { nodeAssets } from '../simulator/adapters/node-assets.ts';
import { createApp } from '../simulator/http/create-app.ts';
import { openDurableStore } from '../simulator/store/durable-store.ts';
import { createMemoryStore } from '../simulator/store/memory-store.ts';

export interface ServeOptions {
  readonly port: number;
  readonly host: string;
  /** A data file, or `:memory:` for a world that lives only as long as the process. */
  readonly data: string;
  readonly seed: number;
  readonly clock: 'running' | 'frozen';
  readonly start?: string;
  readonly simApi: boolean;
  readonly compactAfter?: number;
  readonly fsync: boolean;
  readonly quiet: boolean;
}

export interface Served {
  readonly listening: Listening;
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
  const store: Store =
    o.data === ':memory:'
      ? createMemoryStore()
      : await openDurableStore({
          file: resolve(o.data),
          fsync: o.fsync,
          ...(o.compactAfter !== undefined ? { compactAfter: o.compactAfter } : {}),
          onError: (e) =>
            console.error(
              `provisim: compaction failed, the journal keeps every write: ${String(e)}`,
            ),
        });
  const existing = store.get('meta', 'world') !== undefined;
  const clock: ClockInit = { mode: o.clock, ...(o.start !== undefined ? { start: o.start } : {}) };
  const app = createApp({
    store,
    newStore: createMemoryStore,
    seed: o.seed,
    clock,
    newWorldClock: { mode: 'frozen', ...(o.start !== undefined ? { start: o.start } : {}) },
    simApi: o.simApi,
    assets: nodeAssets(),
  });
  const listening = await listen(app, { port: o.port, host: o.host });
  if (!o.quiet) {
    const summary = worldSummary(new WorldReader(store), Date.now(), listening.url);
    out(`provisim listening on ${listening.url}`);
    out(
      `data: ${o.data === ':memory:' ? 'in memory (nothing is saved)' : `${resolve(o.data)}${existing ? ' (existing world: its seed and clock are kept; POST /sim/reset to start over)' : ' (new world)'}`}`,
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
    out(
      `home page ${listening.url}/   world ${listening.url}/sim/world   mail ${listening.url}/sim/mail`,
    );
  }
  return {
    listening,
    store,
    stop: async () => {
      await listening.close();
      await store.close();
    },
  };
};
