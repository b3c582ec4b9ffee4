import { listen } from '../simulator/adapters/node.ts';
import { createApp } from '../simulator/http/create-app.ts';
import { createMemoryStore } from '../simulator/store/memory-store.ts';
import { urlTarget, type Target } from './target.ts';

/** The simulator itself, in this process, over a memory store: no port (the default target). */
export const inProcessTarget = (): Target => {
  const app = createApp({
    store: createMemoryStore(),
    newStore: createMemoryStore,
    log: () => undefined,
  });
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
