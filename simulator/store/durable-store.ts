import {
  appendFileSync,
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { Low } from 'lowdb';
import { TURN, type Steps } from '../core/kernel/steps.ts';
import {
  ReplacementAbandoned,
  type Change,
  type Entity,
  type OrderedWalk,
  type Store,
} from '../core/kernel/store-port.ts';
import { MemoryStore, REPLACE_STEP } from './memory-store.ts';
import {
  DATA_FILE_HEADER,
  snapshot,
  SnapshotFile,
  startsAsDataFile,
  WHOLE_READ_BYTES,
  writeSnapshotSync,
  type Snapshot,
} from './snapshot-file.ts';
import { eachLineSync } from './file-lines.ts';
import { frozenCopy, storableBatch } from './storable.ts';

export { DATA_FILE_HEADER, type Snapshot };

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Whether parsed JSON is a snapshot this store wrote: the header, a sequence number and
 * collections of entities. (Snapshots written before the header existed carry exactly
 * `version`, `lastSeq` and `collections`, and count too.)
 */
export const isSnapshot = (data: unknown): data is Snapshot => {
  if (!isRecord(data)) return false;
  const keys = Object.keys(data).sort().join(',');
  const headed =
    data.provisim === DATA_FILE_HEADER.provisim && keys === 'collections,lastSeq,provisim,version';
  const legacy = data.provisim === undefined && keys === 'collections,lastSeq,version';
  return (
    (headed || legacy) &&
    data.version === 1 &&
    Number.isSafeInteger(data.lastSeq) &&
    isRecord(data.collections) &&
    Object.values(data.collections).every(
      (items) =>
        Array.isArray(items) && items.every((e) => isRecord(e) && typeof e.id === 'string'),
    )
  );
};

const notOurs = (file: string, why: string): Error =>
  new Error(
    `${file} is not a provisim data file (${why}); it was left untouched. Name another file with --data, or move this one away.`,
  );

/** Whether a file is a data file the store wrote (and so may be replaced), or holds nothing. */
export const isDataFile = (file: string, wholeCheckBytes = WHOLE_READ_BYTES): boolean => {
  try {
    if (statSync(file).size > wholeCheckBytes) return startsAsDataFile(file);
    return isSnapshot(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return false;
  }
};

export interface DurableStoreOptions {
  /** The snapshot file; the journal sits beside it as `<file>.journal`. */
  readonly file: string;
  /** Journal entries before a compaction is due (at least; never fewer than the last snapshot's objects). */
  readonly compactAfter?: number;
  /** fsync every journal write: survives power loss, not only a killed process. Slower. */
  readonly fsync?: boolean;
  /** Told of a background compaction that failed (the journal keeps every write meanwhile). */
  readonly onError?: (error: unknown) => void;
  /** Changes a journal line holds at most (default JOURNAL_LINE_CHANGES). */
  readonly journalLineChanges?: number;
}

/**
 * Changes a journal line holds at most. A larger batch (a snapshot of a large world restored, a
 * world imported) is written as a group of lines, replayed whole or not at all: one line would be
 * longer than the longest string V8 makes (about 512 MB) past a few hundred thousand subscribers.
 */
export const JOURNAL_LINE_CHANGES = 5_000;

/**
 * One journal line: its sequence number and changes. The lines of a group carry `g`, the first
 * line's number; all but the last carry `m` (more follow).
 */
interface JournalEntry {
  readonly s: number;
  readonly c: readonly Change[];
  readonly g?: number;
  readonly m?: true;
}

const ENTRY_START = '{"s":';

const isEntry = (v: unknown): v is JournalEntry =>
  isRecord(v) &&
  Number.isSafeInteger(v.s) &&
  Array.isArray(v.c) &&
  (v.g === undefined || Number.isSafeInteger(v.g)) &&
  (v.m === undefined || v.m === true);

/**
 * The journal's entries after `afterSeq`, read a line at a time. A group of lines counts only when
 * its last line is there: one cut short (a kill, a failed write) was never acknowledged.
 */
const readJournal = (file: string, afterSeq: number): JournalEntry[] => {
  if (!existsSync(file)) return [];
  const entries: JournalEntry[] = [];
  let group: JournalEntry[] = [];
  let n = 0;
  /** A line that is not an entry: only the last line may be one (torn by a killed process). */
  let bad: { readonly line: number; readonly why: string; readonly torn: boolean } | undefined;
  const corrupt = (b: NonNullable<typeof bad>) =>
    new Error(`${file}, line ${b.line}: the journal is corrupt (${b.why}).`);
  eachLineSync(file, (line) => {
    n += 1;
    if (line.trim() === '') return;
    if (bad) throw corrupt(bad);
    let parsed: unknown;
    let why = 'not a journal entry';
    try {
      parsed = JSON.parse(line);
    } catch (error) {
      why = String(error);
    }
    if (!isEntry(parsed)) {
      // A torn entry still starts as every entry does.
      bad = { line: n, why, torn: line.startsWith(ENTRY_START) || ENTRY_START.startsWith(line) };
      return;
    }
    if (parsed.g === undefined) {
      group = [];
      if (parsed.s > afterSeq) entries.push(parsed);
      return;
    }
    if (group[0]?.g !== parsed.g) group = [];
    group.push(parsed);
    if (parsed.m) return;
    for (const e of group) if (e.s > afterSeq) entries.push(e);
    group = [];
  });
  if (bad && !bad.torn) throw corrupt(bad);
  return entries;
};

/**
 * The lowdb-backed store. Reads are served from memory. Each batch is appended to a journal with one
 * synchronous write before `apply` returns, so an acknowledged write survives `kill -9`, and a
 * write's cost does not grow with the store. When the journal holds as many entries as the last
 * snapshot held objects (and at least `compactAfter`), lowdb writes a fresh snapshot in the background
 * (atomically: temporary file, then rename) and the old journal is dropped: amortized O(1) a write.
 */
export class DurableStore implements Store {
  readonly #memory: MemoryStore;
  readonly #db: Low<Snapshot>;
  readonly #journal: string;
  readonly #options: DurableStoreOptions;
  #fd: number;
  #seq: number;
  #journalEntries = 0;
  /** Objects in the last snapshot: the journal may grow to this many entries before the next one. */
  #snapshotSize: number;
  #compaction: Promise<void> | undefined;

  private constructor(
    options: DurableStoreOptions,
    db: Low<Snapshot>,
    memory: MemoryStore,
    seq: number,
  ) {
    this.#options = options;
    this.#db = db;
    this.#memory = memory;
    this.#seq = seq;
    this.#snapshotSize = memory.size;
    this.#journal = `${options.file}.journal`;
    this.#fd = openSync(this.#journal, 'a');
  }

  /** Opens (or creates) the store at `options.file`, replaying the journal over the snapshot. */
  static async open(options: DurableStoreOptions): Promise<DurableStore> {
    mkdirSync(dirname(options.file), { recursive: true });
    // lowdb over a data file read and written a line at a time (snapshot-file.ts): no string
    // ever holds the whole world, so a world of a million subscribers is written and read back.
    const db = new Low<Snapshot>(new SnapshotFile(options.file), snapshot(0, {}));
    try {
      await db.read();
    } catch (error) {
      throw notOurs(options.file, `it cannot be read as JSON: ${String(error)}`);
    }
    if (!isSnapshot(db.data))
      throw notOurs(options.file, 'it does not start with the provisim header');
    const memory = new MemoryStore(db.data.collections);
    let seq = db.data.lastSeq;
    const journal = `${options.file}.journal`;
    const replay = [...readJournal(`${journal}.old`, seq), ...readJournal(journal, seq)];
    for (const e of replay) {
      // A crash while a failed compaction's journal was being carried over can leave an entry twice.
      if (e.s <= seq) continue;
      memory.apply(e.c);
      seq = e.s;
    }
    // Fold what was replayed into a fresh snapshot before serving, so the journal starts empty. A
    // journal holding only a torn line goes too: new entries appended to it would join that line.
    const journalHasBytes = existsSync(journal) && statSync(journal).size > 0;
    if (
      replay.length > 0 ||
      journalHasBytes ||
      existsSync(`${journal}.old`) ||
      !existsSync(options.file)
    ) {
      db.data = snapshot(seq, memory.dump());
      await db.write();
      rmSync(`${journal}.old`, { force: true });
      rmSync(journal, { force: true });
    }
    return new DurableStore(options, db, memory, seq);
  }

  get(collection: string, id: string): Entity | undefined {
    return this.#memory.get(collection, id);
  }

  list(collection: string): readonly Entity[] {
    return this.#memory.list(collection);
  }

  count(collection: string): number {
    return this.#memory.count(collection);
  }

  lookup(collection: string, index: string, key: string): readonly Entity[] {
    return this.#memory.lookup(collection, index, key);
  }

  walkKey(collection: string, index: string, key: string, descending = false): Iterable<Entity> {
    return this.#memory.walkKey(collection, index, key, descending);
  }

  above(collection: string, index: string, key: string): readonly Entity[] {
    return this.#memory.above(collection, index, key);
  }

  ordered(collection: string, index: string, walk: OrderedWalk): Iterable<Entity> {
    return this.#memory.ordered(collection, index, walk);
  }

  countOf(collection: string, index: string, key: string): number {
    return this.#memory.countOf(collection, index, key);
  }

  least(collection: string): Entity | undefined {
    return this.#memory.least(collection);
  }

  dump(): Readonly<Record<string, readonly Entity[]>> {
    return this.#memory.dump();
  }

  get revision(): object {
    return this.#memory.revision;
  }

  apply(changes: readonly Change[]): void {
    if (changes.length === 0) return;
    // Nothing reaches the journal that could not be read back (it would brick the next start).
    const prepared = storableBatch(changes);
    const per = this.#options.journalLineChanges ?? JOURNAL_LINE_CHANGES;
    const first = this.#seq + 1;
    const parts = Math.max(1, Math.ceil(prepared.length / per));
    if (parts === 1) this.#writeLine({ s: first, c: prepared });
    else
      for (let k = 0; k < parts; k += 1)
        this.#writeLine({
          s: first + k,
          c: prepared.slice(k * per, (k + 1) * per),
          g: first,
          ...(k < parts - 1 ? { m: true as const } : {}),
        });
    if (this.#options.fsync) fsyncSync(this.#fd);
    this.#seq = first + parts - 1;
    this.#memory.applyStorable(prepared);
    this.#journaled(parts);
  }

  /**
   * The replacement goes to the journal as one group, a line (`REPLACE_STEP` changes at most) a
   * step, while the memory store makes the new content aside; the group's last line is written
   * in the step that puts that content in place. A crash before it leaves a group without its last
   * line, which is never replayed: the store opens as it was.
   */
  *replace(collections: Readonly<Record<string, readonly Entity[]>>): Steps {
    const revision = this.#memory.revision;
    const unwritten = () => {
      if (this.#memory.revision !== revision) throw new ReplacementAbandoned();
    };
    // A line a step: its JSON is made and written at once, so lines no longer than a step's puts.
    const per = Math.min(this.#options.journalLineChanges ?? JOURNAL_LINE_CHANGES, REPLACE_STEP);
    const group = this.#seq + 1;
    let lines = 0;
    let line: Change[] = [{ op: 'clear' }];
    const writeLine = (last: boolean) => {
      // Each line takes the next number as it is written, so no other write can share one.
      this.#seq += 1;
      this.#writeLine({ s: this.#seq, c: line, g: group, ...(last ? {} : { m: true as const }) });
      lines += 1;
      line = [];
    };
    const copies: Record<string, Entity[]> = {};
    for (const [collection, items] of Object.entries(collections)) {
      const copied: Entity[] = (copies[collection] = []);
      for (const item of items) {
        const value = frozenCopy(item, `${collection} ${item.id}`);
        copied.push(value);
        line.push({ op: 'put', collection, value });
        if (line.length < per) continue;
        unwritten();
        writeLine(false);
        yield TURN;
      }
    }
    const put = yield* this.#memory.staged(copies, true);
    unwritten();
    writeLine(true);
    if (this.#options.fsync) fsyncSync(this.#fd);
    put();
    // Counted by its changes, not its lines: a journal holding a whole world is folded into a
    // snapshot at once (in the background), so the store does not reopen by replaying it.
    this.#journaled(Math.max(lines, this.#memory.size));
  }

  /** Counts journal entries just written, and starts a compaction when one is due. */
  #journaled(entries: number): void {
    this.#journalEntries += entries;
    if (
      !this.#compaction &&
      this.#journalEntries >= Math.max(this.#options.compactAfter ?? 10_000, this.#snapshotSize)
    ) {
      this.#compaction = this.#compact()
        .catch((error: unknown) => this.#options.onError?.(error))
        .finally(() => {
          this.#compaction = undefined;
        });
    }
  }

  #writeLine(entry: JournalEntry): void {
    const bytes = Buffer.from(`${JSON.stringify(entry)}\n`, 'utf8');
    let written = 0;
    while (written < bytes.length) written += writeSync(this.#fd, bytes, written);
  }

  /** Resolves once a running compaction is done; journal writes are already on disk when `apply` returns. */
  async flush(): Promise<void> {
    await this.#compaction;
  }

  async close(): Promise<void> {
    await this.#compaction;
    closeSync(this.#fd);
  }

  /** Journal entries since the last snapshot (for tests and the bench). */
  get journalEntries(): number {
    return this.#journalEntries;
  }

  async #compact(): Promise<void> {
    const lastSeq = this.#seq;
    const collections = this.#memory.dump();
    // Start a new journal; until the snapshot is renamed into place, recovery replays both.
    const old = `${this.#journal}.old`;
    closeSync(this.#fd);
    try {
      if (existsSync(old)) {
        // An earlier compaction failed: its set-aside journal still holds writes no snapshot has.
        appendFileSync(old, readFileSync(this.#journal));
        rmSync(this.#journal);
      } else {
        renameSync(this.#journal, old);
      }
    } finally {
      // Whatever happened, writes go on to a journal (and the next attempt waits for more of them).
      this.#fd = openSync(this.#journal, 'a');
      this.#journalEntries = 0;
    }
    this.#db.data = snapshot(lastSeq, collections);
    await this.#db.write();
    this.#snapshotSize = Object.values(collections).reduce((n, items) => n + items.length, 0);
    rmSync(old, { force: true });
  }
}

/**
 * Writes a snapshot straight to `file` (through a temporary file, then a rename), a line at a
 * time: the bulk path of `provisim seed`. `DurableStore.open` reads it like any snapshot.
 */
export const writeSnapshot = (
  file: string,
  collections: Readonly<Record<string, readonly Entity[]>>,
): void => {
  writeSnapshotSync(file, snapshot(0, collections));
  rmSync(`${file}.journal`, { force: true });
};

/** Opens the lowdb-backed store at a file. */
export const openDurableStore = (options: DurableStoreOptions): Promise<DurableStore> =>
  DurableStore.open(options);
