// A worker thread of `provisim seed` (cli/seed.ts): it seeds the chunks it is given, one at a time,
// over the seeded world it was started with, and posts each back as lines of the data file.
import { parentPort, workerData } from 'node:worker_threads';
import { seedChunk, type ChunkSpec, type Collections } from './seed-chunk.ts';

export type WorkerMessage =
  /** Customers finished and subscribers provisioned since the last such message. */
  | { readonly kind: 'progress'; readonly customers: number; readonly subscribers: number }
  | { readonly kind: 'chunk'; readonly out: ReturnType<typeof seedChunk> }
  | { readonly kind: 'error'; readonly message: string };

/** Customers (or parts of one) between two progress messages. */
const PROGRESS_EVERY = 10;

const port = parentPort;
if (port) {
  const base = (workerData as { base: Collections }).base;
  const post = (m: WorkerMessage): void => port.postMessage(m);
  // Progress goes out every few customers (or parts of one), not one message each.
  let steps = 0;
  let customers = 0;
  let subscribers = 0;
  const report = (): void => {
    if (steps > 0) post({ kind: 'progress', customers, subscribers });
    steps = 0;
    customers = 0;
    subscribers = 0;
  };
  port.on('message', (spec: ChunkSpec) => {
    try {
      const out = seedChunk(base, spec, (c, n) => {
        customers += c;
        subscribers += n;
        if (++steps === PROGRESS_EVERY) report();
      });
      report();
      // The lines' buffers move to the main thread; nothing is copied.
      const buffers = Object.values(out.lines).map((l) => l.bytes.buffer as ArrayBuffer);
      port.postMessage({ kind: 'chunk', out } satisfies WorkerMessage, buffers);
    } catch (error) {
      post({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  });
}
