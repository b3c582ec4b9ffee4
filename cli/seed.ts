import { closeSync, existsSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Entity } from '../simulator/core/kernel/store-port.ts';
import { isDataFile } from '../simulator/store/durable-store.ts';
import { SnapshotWriter } from '../simulator/store/snapshot-file.ts';
import {
  baseWorld,
  seedChunk,
  type ChunkOutput,
  type ChunkProgress,
  type ChunkSpec,
  type Collections,
} from './seed-chunk.ts';
import type { WorkerMessage } from './seed-worker.ts';

export interface SeedOptions {
  readonly customers: number;
  /** Subscribers per customer. */
  readonly users: number;
  readonly seed: number;
  readonly data: string;
  /** Replace an existing data file. */
  readonly force: boolean;
  /** Worker threads seeding chunks side by side (1: all in this thread). The world is the same. */
  readonly jobs?: number | undefined;
  /** Customers a chunk (default: about 10,000 subscribers' worth). Part of what the world is. */
  readonly chunkCustomers?: number | undefined;
  /**
   * Subscribers a chunk holds at most (default `CHUNK_SUBSCRIBERS`): a customer with more is
   * seeded in parts of this many, so its size never bounds what a seed can make. Part of what the
   * world is.
   */
  readonly chunkSubscribers?: number | undefined;
}

/** Subscribers in a chunk, about: small enough for a chunk's world to stay light. */
export const CHUNK_SUBSCRIBERS = 10_000;
/** Worker threads by default: one a core, at most four. */
export const defaultJobs = (): number => Math.max(1, Math.min(4, availableParallelism()));

/**
 * The chunks of a world, numbered from 0: consecutive customers, or, for customers with more
 * subscribers than a chunk holds, each customer in parts of that many subscribers.
 */
export const chunkPlan = (
  o: Pick<SeedOptions, 'customers' | 'users' | 'seed' | 'chunkCustomers' | 'chunkSubscribers'>,
): ChunkSpec[] => {
  const most = o.chunkSubscribers ?? CHUNK_SUBSCRIBERS;
  const plan: ChunkSpec[] = [];
  if (o.users > most) {
    for (let first = 0; first < o.customers; first += 1) {
      const creator = plan.length;
      for (let from = 0; from < o.users; from += most) {
        const to = Math.min(o.users, from + most);
        plan.push({
          seed: o.seed,
          users: o.users,
          index: plan.length,
          first,
          count: 1,
          part: { from, to, creator },
        });
      }
    }
    return plan;
  }
  const size = o.chunkCustomers ?? Math.max(1, Math.floor(most / Math.max(1, o.users)));
  for (let first = 0; first < o.customers; first += size)
    plan.push({
      seed: o.seed,
      users: o.users,
      index: plan.length,
      first,
      count: Math.min(size, o.customers - first),
    });
  return plan;
};

/**
 * `provisim seed`: a large world for the seed: customers of each partner under its wholesale
 * template, provisioned on the virtual clock, each with subscribers, all through the core commands
 * (so every rule holds), written into the data file. The world is built in chunks of customers
 * (cli/seed-chunk.ts), on worker threads side by side, and written as they come, so it is never
 * whole in memory. Prints progress every 5%, then the peak RSS.
 */
export const seedData = async (
  o: SeedOptions,
  out: (line: string) => void,
): Promise<{ customers: number; subscribers: number }> => {
  const file = resolve(o.data);
  if (existsSync(file) || existsSync(`${file}.journal`)) {
    if (!o.force) throw new Error(`${file} exists; pass --force to replace it.`);
    if (existsSync(file) && !isDataFile(file))
      throw new Error(
        `${file} is not a provisim data file; --force replaces only those, so it was left untouched.`,
      );
  }
  const base = baseWorld(o.seed);
  const plan = chunkPlan(o);
  const jobs = Math.min(o.jobs ?? defaultJobs(), plan.length);
  let done = 0;
  let provisioned = 0;
  let shown = -1;
  const total = o.customers * o.users;
  // Every 5%, of the subscribers (of the customers, when they have none).
  const progress = (customers: number, subscribers: number): void => {
    done += customers;
    provisioned += subscribers;
    const share = total > 0 ? provisioned / total : done / o.customers;
    const pct = Math.floor((share * 100) / 5) * 5;
    if (pct === shown) return;
    shown = pct;
    const subs = total > 0 ? `, ${provisioned}/${total} subscribers` : '';
    out(`${String(pct).padStart(3)}%  ${done}/${o.customers} customers${subs}`);
  };
  const world = new SeedFile(file, base);
  // Interrupted (Ctrl-C, a stop), the seed leaves nothing behind: no spools, no half-written file.
  const interrupted = (signal: NodeJS.Signals, code: number) => () => {
    world.abandon();
    process.stderr.write(`provisim seed: ${signal}: stopped; ${file} was left as it was.\n`);
    process.exit(code);
  };
  const onInt = interrupted('SIGINT', 130);
  const onTerm = interrupted('SIGTERM', 143);
  process.once('SIGINT', onInt);
  process.once('SIGTERM', onTerm);
  try {
    if (jobs <= 1)
      for (const spec of plan) {
        world.add(seedChunk(base, spec, progress));
        // A turn of the event loop between chunks, so a signal is heard.
        await new Promise((r) => setImmediate(r));
      }
    else await onWorkers(base, plan, jobs, (c) => world.add(c), progress);
    rmSync(`${file}.journal`, { force: true });
    world.finish();
  } catch (error) {
    world.abandon();
    throw error;
  } finally {
    process.off('SIGINT', onInt);
    process.off('SIGTERM', onTerm);
  }
  out(
    `seeded ${o.customers} customers and ${world.subscribers} subscribers (seed ${o.seed}) into ${file}`,
  );
  out(`peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
  return { customers: o.customers, subscribers: world.subscribers };
};

/**
 * How to start a worker: its module beside this one, compiled or bundled; from the TypeScript
 * source (tests, `tsx`), a script that registers tsx in the worker first, then loads it.
 */
const workerEntry = (): { readonly source: URL | string; readonly eval: boolean } => {
  for (const near of ['./seed-worker.js', '../seed-worker.js']) {
    const url = new URL(near, import.meta.url);
    if (existsSync(fileURLToPath(url))) return { source: url, eval: false };
  }
  const tsx = import.meta.resolve('tsx/esm/api');
  const worker = new URL('./seed-worker.ts', import.meta.url).href;
  return {
    source: `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(worker)}); });`,
    eval: true,
  };
};

/** Seeds the chunks on `jobs` worker threads, each taking the next chunk when it is free. */
const onWorkers = (
  base: Collections,
  plan: readonly ChunkSpec[],
  jobs: number,
  add: (c: ChunkOutput) => void,
  progress: ChunkProgress,
): Promise<void> =>
  new Promise((resolvePlan, reject) => {
    const entry = workerEntry();
    const workers: Worker[] = [];
    let next = 0;
    let finished = 0;
    let settled = false;
    const stop = (error?: unknown): void => {
      if (settled) return;
      settled = true;
      for (const w of workers) void w.terminate();
      if (error === undefined) resolvePlan();
      else reject(error instanceof Error ? error : new Error(String(error)));
    };
    const give = (w: Worker): void => {
      if (next < plan.length) w.postMessage(plan[next++]);
    };
    for (let j = 0; j < jobs; j++) {
      const w = new Worker(entry.source, {
        workerData: { base },
        eval: entry.eval,
      });
      workers.push(w);
      w.on('error', (error) => stop(error));
      // A worker that ends before the plan does (killed, out of memory) ends the seed.
      w.on('exit', (code) => stop(new Error(`a seed worker stopped early (exit code ${code})`)));
      w.on('message', (m: WorkerMessage) => {
        if (settled) return;
        if (m.kind === 'progress') return progress(m.customers, m.subscribers);
        if (m.kind === 'error') return stop(new Error(m.message));
        try {
          add(m.out);
        } catch (error) {
          return stop(error);
        }
        if (++finished === plan.length) return stop();
        give(w);
      });
      give(w);
    }
  });

/**
 * The data file being seeded: chunks are taken in any order and written in theirs. The first
 * chunk's largest new collection (the subscribers) goes straight into the file as chunks come;
 * every other collection's new lines wait in a spool of its own beside the file. `finish` adds
 * the seeded world's collections and the spools after it, the world's meta last (its state is the
 * last chunk's), and puts the file in place.
 */
class SeedFile {
  readonly #file: string;
  readonly #base: Collections;
  readonly #dir: string;
  readonly #spools = new Map<string, { fd: number; path: string; count: number }>();
  readonly #waiting = new Map<number, ChunkOutput>();
  #writer: SnapshotWriter | undefined;
  #live: string | undefined;
  #next = 0;
  #state: Entity | undefined;
  subscribers = 0;

  constructor(file: string, base: Collections) {
    this.#file = file;
    this.#base = base;
    this.#dir = mkdtempSync(join(dirname(file), `.${basename(file)}.seed-`));
  }

  add(chunk: ChunkOutput): void {
    this.#waiting.set(chunk.index, chunk);
    for (let c = this.#waiting.get(this.#next); c; c = this.#waiting.get(this.#next)) {
      this.#waiting.delete(this.#next++);
      const writer = this.#open(c);
      for (const [name, lines] of Object.entries(c.lines)) {
        if (name === this.#live) {
          writer.lines(lines.bytes, lines.count);
          continue;
        }
        let spool = this.#spools.get(name);
        if (!spool) {
          const path = join(this.#dir, `${this.#spools.size}.lines`);
          this.#spools.set(name, (spool = { fd: openSync(path, 'w'), path, count: 0 }));
        }
        const bytes = lines.bytes;
        for (let at = 0; at < bytes.length;) at += writeSync(spool.fd, bytes, at);
        spool.count += lines.count;
      }
      this.#state = c.state;
      this.subscribers += c.subscribers;
    }
  }

  finish(): void {
    if (this.#waiting.size > 0) throw new Error('the seed lost a chunk');
    const writer = this.#open(undefined);
    const names = new Set([...Object.keys(this.#base), ...this.#spools.keys()]);
    names.delete('meta');
    for (const name of [...names, ...('meta' in this.#base ? ['meta'] : [])]) {
      if (name === this.#live) continue;
      writer.collection(name);
      for (const e of this.#base[name] ?? [])
        writer.entity(name === 'meta' && e.id === 'state' && this.#state ? this.#state : e);
      const spool = this.#spools.get(name);
      if (spool) {
        closeSync(spool.fd);
        spool.fd = -1;
        writer.spool(spool.path, spool.count);
      }
    }
    writer.finish();
    this.#writer = undefined;
    this.abandon();
  }

  /** Removes the spools and an unfinished file (a data file already there is left as it was). */
  abandon(): void {
    this.#writer?.abandon();
    this.#writer = undefined;
    for (const s of this.#spools.values()) if (s.fd >= 0) closeSync(s.fd);
    this.#spools.clear();
    rmSync(this.#dir, { recursive: true, force: true });
  }

  /** The file's writer, opened on the first chunk with its largest new collection as the live one. */
  #open(first: ChunkOutput | undefined): SnapshotWriter {
    if (this.#writer) return this.#writer;
    this.#writer = new SnapshotWriter(this.#file, 0);
    const fresh = Object.entries(first?.lines ?? {}).filter(([name]) => !(name in this.#base));
    fresh.sort((a, b) => b[1].count - a[1].count);
    this.#live = fresh[0]?.[0];
    if (this.#live !== undefined) this.#writer.collection(this.#live);
    return this.#writer;
  }
}

export const SEED_HELP = `Usage of seed:
  provisim seed --customers N --users M [--seed S] [--data FILE] [--force] [--jobs J]
  --customers N      customers, spread over the partners' wholesale templates (default 100)
  --users M          subscribers per customer (default 10); more than 10,000 are seeded
                     in parts of 10,000, so memory stays the same whatever M
  --seed S           the seed (default 1); the same seed makes the same world
  --data FILE        the data file to write (default .provisim/world.json)
  --force            replace an existing data file
  --jobs J           worker threads seeding side by side (default: one a core, at most 4);
                     the world is the same whatever J
`;

const whole = (name: string, text: string | undefined, fallback: number): number => {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`--${name} must be a whole number (got ${text}).`);
  return n;
};

const atLeastOne = (name: string, text: string | undefined): number | undefined => {
  if (text === undefined) return undefined;
  const n = whole(name, text, 1);
  if (n < 1) throw new Error(`--${name} must be at least 1 (got ${text}).`);
  return n;
};

export const parseSeedArgs = (
  values: Readonly<Record<string, string | boolean | undefined>>,
): SeedOptions => ({
  customers: whole('customers', values.customers as string | undefined, 100),
  users: whole('users', values.users as string | undefined, 10),
  seed: whole('seed', values.seed as string | undefined, 1),
  data: (values.data as string | undefined) ?? '.provisim/world.json',
  force: values.force === true,
  jobs: atLeastOne('jobs', values.jobs as string | undefined),
});
