// A worker thread of `provisim seed` (cli/seed.ts): it seeds the chunks it is given, one at a time,
// over the seeded world it was started with, and posts each back as lines of the data file.
import { parentPort, workerData } from 'node:worker_threads';
import { seedChunk, type ChunkSpec, type Collections } from './seed-chunk.ts';

export type WorkerMessage =
  | { readonly kind: 'customer' }
  | { readonly kind: 'chunk'; readonly out: ReturnType<typeof seedChunk> }
  | { readonly kind: 'error'; readonly message: string };

const port = parentPort;
if (port) {
  const base = (workerData as { base: Collections }).base;
  const post = (m: WorkerMessage): void => port.postMessage(m);
  port.on('message', (spec: ChunkSpec) => {
    try {
      const out = seedChunk(base, spec, () => post({ kind: 'customer' }));
      // The lines' buffers move to the main thread; nothing is copied.
      const buffers = Object.values(out.lines).map((l) => l.bytes.buffer as ArrayBuffer);
      port.postMessage({ kind: 'chunk', out } satisfies WorkerMessage, buffers);
    } catch (error) {
      post({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  });
}
