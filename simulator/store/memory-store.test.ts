import { createMemoryStore } from './memory-store.ts';
import { runStoreContract } from './store-contract.ts';

runStoreContract('MemoryStore', () =>
  Promise.resolve({ store: createMemoryStore(), cleanup: () => Promise.resolve() }),
);
