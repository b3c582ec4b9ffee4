import { listen } from '../simulator/adapters/node.ts';
import type { Store } from '../simulator/core/kernel/store-port.ts';
import { createApp } from '../simulator/http/create-app.ts';
import { createMemoryStore } from '../simulator/store/memory-store.ts';
import { urlTarget, type Target } from './target.ts';

/**
 * The simulator itself, in this process, over a memory store: no port (the default target).
 * `newStore` makes each world's store (a test may watch them).
 */
export const inProcessTarget = (newStore: () => Store = createMemoryStore): Target => {
  const app = createApp({ store: newStore(), newStore, log: () => undefined });
  return {
    name: 'in-process',
    base: 'http://provisim.local',
    fetch: async (request) => app.fetch(request),
    serve: async () => {
      const server = await listen(app, { port: 0, host: '127.0.0.1' });
      return {
        target: { ...urlTarget(server.url), name: 'in-process' },
        close: () => server.close(),
      };
    },
  };
};
