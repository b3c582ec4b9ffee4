import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';
import type { Entity } from '../core/kernel/store-port.ts';
import { eachLine } from './file-lines.ts';
import { valueSharer } from './value-sharer.ts';

/** The header every data file starts with: a file without it is not the simulator's. */
export const DATA_FILE_HEADER = { provisim: 'world-snapshot', version: 1 } as const;

/** The snapshot a data file holds: every collection as of journal entry `lastSeq`. */
export interface Snapshot {
  readonly provisim: typeof DATA_FILE_HEADER.provisim;
  readonly version: 1;
  readonly lastSeq: number;
  readonly collections: Readonly<Record<string, readonly Entity[]>>;
}

export const snapshot = (lastSeq: number, collections: Snapshot['collections']): Snapshot => ({
  ...DATA_FILE_HEADER,
  lastSeq,
  collections,
});

/*
 * The file is JSON, written a line at a time so that no single string ever holds the whole world
 * (a world of a million subscribers is over 500 MB, past the longest string V8 makes):
 *
 *   {"provisim":"world-snapshot","version":1,"lastSeq":7,"collections":{
 *   "customers":[
 *   {"id":"…",…}
 *   ,{"id":"…",…}
 *   ]
 *   ,"subscribers":[
 *   ]
 *   }}
 *
 * JSON.stringify never writes a raw line break inside a value, so every entity is one line. Files
 * written as one JSON text (by earlier versions, or by hand) are read whole, as before.
 */
const HEAD_LINE = /^\{"provisim":"world-snapshot","version":1,"lastSeq":(\d+),"collections":\{$/;
const OPEN_LINE = /^,?("(?:[^"\\]|\\.){1,200}"):\[$/;
/** Bytes written at a time, and lines between two turns of the event loop in the background. */
const CHUNK_BYTES = 1 << 20;
const YIELD_EVERY = 2_000;

const headLine = (lastSeq: number): string =>
  `${JSON.stringify({ ...DATA_FILE_HEADER, lastSeq }).slice(0, -1)},"collections":{\n`;

/** The line opening the `c`th collection (from 0). */
const openLine = (name: string, c: number): string =>
  `${c > 0 ? ',' : ''}${JSON.stringify(name)}:[\n`;
/** The line of a collection's `i`th entity (from 0). */
const entityLine = (e: Entity, i: number): string => `${i > 0 ? ',' : ''}${JSON.stringify(e)}\n`;
const CLOSE_LINE = ']\n';
const END_LINE = '}}\n';

/**
 * An entity as a line of a spool, `,{…}\n`: spools are copied into a collection by
 * `SnapshotWriter.spool`, which drops the comma of a collection's first line.
 */
export const spoolLine = (e: Entity): string => entityLine(e, 1);

/** The lines of a snapshot, in order (each ends with a line break). */
function* snapshotLines(data: Snapshot): Generator<string> {
  yield headLine(data.lastSeq);
  let c = 0;
  for (const [name, items] of Object.entries(data.collections)) {
    yield openLine(name, c++);
    let i = 0;
    for (const e of items) yield entityLine(e, i++);
    yield CLOSE_LINE;
  }
  yield END_LINE;
}

/** A file written in chunks through a temporary file, fsynced, then renamed over it (atomic). */
class ChunkedFile {
  readonly #file: string;
  readonly #tmp: string;
  readonly #fd: number;
  #chunk = '';

  constructor(file: string) {
    mkdirSync(dirname(file), { recursive: true });
    this.#file = file;
    // Beside the file, hidden, as lowdb's own writer names it.
    this.#tmp = join(dirname(file), `.${basename(file)}.tmp`);
    this.#fd = openSync(this.#tmp, 'w');
  }

  add(text: string): void {
    this.#chunk += text;
    if (this.#chunk.length >= CHUNK_BYTES) this.#flush();
  }

  finish(): void {
    try {
      this.#flush();
      fsyncSync(this.#fd);
    } finally {
      closeSync(this.#fd);
    }
    renameSync(this.#tmp, this.#file);
  }

  abandon(): void {
    closeSync(this.#fd);
    rmSync(this.#tmp, { force: true });
  }

  addBytes(bytes: Uint8Array): void {
    this.#flush();
    for (let written = 0; written < bytes.length;)
      written += writeSync(this.#fd, bytes, written, bytes.length - written);
  }

  /** Appends a file's bytes from `skip` on, a buffer at a time. */
  addFile(path: string, skip: number): void {
    this.#flush();
    const fd = openSync(path, 'r');
    try {
      const buf = Buffer.allocUnsafe(CHUNK_BYTES * 4);
      for (let at = skip; ;) {
        const n = readSync(fd, buf, 0, buf.length, at);
        if (n === 0) break;
        at += n;
        for (let written = 0; written < n;)
          written += writeSync(this.#fd, buf, written, n - written);
      }
    } finally {
      closeSync(fd);
    }
  }

  #flush(): void {
    const bytes = Buffer.from(this.#chunk, 'utf8');
    let written = 0;
    while (written < bytes.length) written += writeSync(this.#fd, bytes, written);
    this.#chunk = '';
  }
}

/**
 * Writes a snapshot a piece at a time, for a world that is never whole in memory (the seed's
 * chunks): collections in turn, each from entities and spools of lines (`spoolLine`).
 */
export class SnapshotWriter {
  readonly #out: ChunkedFile;
  #collections = 0;
  /** Entities in the open collection, or undefined when none is open. */
  #entities: number | undefined;

  constructor(file: string, lastSeq: number) {
    this.#out = new ChunkedFile(file);
    this.#out.add(headLine(lastSeq));
  }

  collection(name: string): void {
    this.#close();
    this.#out.add(openLine(name, this.#collections++));
    this.#entities = 0;
  }

  entity(e: Entity): void {
    this.#out.add(entityLine(e, this.#opened()));
    this.#entities! += 1;
  }

  /** Adds `count` spool lines (`spoolLine`s, in UTF-8) to the open collection. */
  lines(bytes: Uint8Array, count: number): void {
    if (count === 0) return;
    // The first line of a collection has no comma (one byte in UTF-8).
    this.#out.addBytes(this.#opened() === 0 ? bytes.subarray(1) : bytes);
    this.#entities! += count;
  }

  /** Copies a spool file of `count` lines into the open collection. */
  spool(file: string, count: number): void {
    if (count === 0) return;
    this.#out.addFile(file, this.#opened() === 0 ? 1 : 0);
    this.#entities! += count;
  }

  /** Ends the snapshot and puts it in place (fsynced, renamed over the file). */
  finish(): void {
    this.#close();
    this.#out.add(END_LINE);
    this.#out.finish();
  }

  abandon(): void {
    this.#out.abandon();
  }

  #opened(): number {
    if (this.#entities === undefined) throw new Error('SnapshotWriter: no collection is open');
    return this.#entities;
  }

  #close(): void {
    if (this.#entities !== undefined) this.#out.add(CLOSE_LINE);
    this.#entities = undefined;
  }
}

/** Writes a snapshot at once: the seed's bulk path, when nothing else is running. */
export const writeSnapshotSync = (file: string, data: Snapshot): void => {
  const out = new ChunkedFile(file);
  try {
    for (const line of snapshotLines(data)) out.add(line);
  } catch (error) {
    out.abandon();
    throw error;
  }
  out.finish();
};

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Writes a snapshot in the background (a compaction): the event loop gets a turn every few
 * thousand entities, so the server keeps answering while a large world is written.
 */
export const writeSnapshotFile = async (file: string, data: Snapshot): Promise<void> => {
  const out = new ChunkedFile(file);
  try {
    let n = 0;
    for (const line of snapshotLines(data)) {
      out.add(line);
      if (++n % YIELD_EVERY === 0) await nextTurn();
    }
  } catch (error) {
    out.abandon();
    throw error;
  }
  out.finish();
};

/** The first bytes of a file, as text. */
const prefixOf = (file: string, bytes: number): string => {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return '';
  }
  try {
    const buf = Buffer.alloc(bytes);
    return buf.toString('utf8', 0, readSync(fd, buf, 0, bytes, 0));
  } finally {
    closeSync(fd);
  }
};

/** Reads a snapshot written line by line, a line at a time; a line out of place is an error. */
const readLines = async (file: string): Promise<unknown> => {
  const collections: Record<string, Entity[]> = {};
  const shared = valueSharer();
  let lastSeq = -1;
  let open: Entity[] | undefined;
  let ended = false;
  let n = 0;
  const bad = (what: string) => new Error(`line ${n}: ${what}`);
  await eachLine(file, (line) => {
    n += 1;
    if (ended) {
      if (line.trim() === '') return;
      throw bad('text after the end of the snapshot');
    }
    if (n === 1) {
      const m = HEAD_LINE.exec(line);
      if (!m) throw bad('not the snapshot header');
      lastSeq = Number(m[1]);
    } else if (open) {
      if (line === ']') open = undefined;
      else {
        try {
          open.push(
            shared.share(JSON.parse(line.startsWith(',') ? line.slice(1) : line) as Entity),
          );
        } catch (error) {
          throw bad(`not an entity (${String(error)})`);
        }
      }
    } else if (line === '}}') ended = true;
    else {
      const m = OPEN_LINE.exec(line);
      if (!m) throw bad('expected a collection');
      const name = JSON.parse(m[1]!) as string;
      open = collections[name] = [];
    }
  });
  if (!ended) throw new Error('the snapshot ends early');
  return snapshot(lastSeq, collections);
};

/** Whether a file's first line is a line-by-line snapshot's header. */
const isLineSnapshot = (file: string): boolean => {
  const head = prefixOf(file, 200);
  const nl = head.indexOf('\n');
  return nl > 0 && HEAD_LINE.test(head.slice(0, head[nl - 1] === '\r' ? nl - 1 : nl));
};

/** Whether a file starts as a data file does (`{"provisim":"world-snapshot"`), without reading it all. */
export const startsAsDataFile = (file: string): boolean =>
  prefixOf(file, 64).startsWith(JSON.stringify(DATA_FILE_HEADER).slice(0, -1));

/** Data files up to this size are read whole (faster to start); larger ones a line at a time. */
export const WHOLE_READ_BYTES = 64 * 1024 * 1024;

/**
 * Reads a data file: a large one written line by line, a line at a time; others as one JSON text
 * (a line-by-line file is JSON too). What it holds is not checked here (the store does that).
 */
export const readSnapshotFile = async (
  file: string,
  wholeReadBytes = WHOLE_READ_BYTES,
): Promise<unknown> => {
  if (statSync(file).size > wholeReadBytes && isLineSnapshot(file)) return readLines(file);
  const data = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  shareEntities(data);
  return data;
};

/** Shares equal values among the entities of what looks like a snapshot (others are left alone). */
const shareEntities = (data: unknown): void => {
  const collections = (data as { collections?: unknown } | null)?.collections;
  if (typeof collections !== 'object' || collections === null) return;
  const shared = valueSharer();
  for (const items of Object.values(collections)) {
    if (!Array.isArray(items)) continue;
    for (let i = 0; i < items.length; i += 1) items[i] = shared.share(items[i]);
  }
};

/** A lowdb adapter for data files: `null` when there is none yet, as lowdb's own file adapters. */
export class SnapshotFile implements Adapter<Snapshot> {
  readonly #file: string;

  constructor(file: string) {
    this.#file = file;
  }

  async read(): Promise<Snapshot | null> {
    if (!existsSync(this.#file)) return null;
    return (await readSnapshotFile(this.#file)) as Snapshot;
  }

  write(data: Snapshot): Promise<void> {
    return writeSnapshotFile(this.#file, data);
  }
}
