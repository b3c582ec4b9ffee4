import {
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Change, Entity } from '../core/kernel/store-port.ts';
import { DurableStore, type Snapshot } from './durable-store.ts';
import { runStoreContract } from './store-contract.ts';

const freshDir = (): string => mkdtempSync(join(tmpdir(), 'provisim-durable-'));

runStoreContract('DurableStore', async () => {
  const dir = freshDir();
  const file = join(dir, 'world.json');
  let current = await DurableStore.open({ file });
  return {
    store: current,
    reopen: async () => {
      await current.close();
      current = await DurableStore.open({ file });
      return current;
    },
    cleanup: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
  };
});

const put = (id: string, n = 0): Change => ({
  op: 'put',
  collection: 'people',
  value: { id, name: `person ${id}`, n } as Entity,
});
const lines = (path: string): string[] =>
  existsSync(path)
    ? readFileSync(path, 'utf8')
        .split('\n')
        .filter((l) => l !== '')
    : [];

describe('DurableStore on disk', () => {
  let dir: string;
  let file: string;
  let journal: string;
  const open: DurableStore[] = [];
  const openStore = async (compactAfter?: number): Promise<DurableStore> => {
    const store = await DurableStore.open({
      file,
      ...(compactAfter !== undefined ? { compactAfter } : {}),
    });
    open.push(store);
    return store;
  };

  beforeEach(() => {
    dir = freshDir();
    file = join(dir, 'world.json');
    journal = `${file}.journal`;
  });

  afterEach(async () => {
    for (const s of open.splice(0)) await s.close().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  });

  it('folds a replaced world into a snapshot at once: the journal does not keep a whole world to replay', async () => {
    // Three journal lines, 3,000 changes: a compaction is due after 1,000 entries.
    const store = await openStore(1_000);
    store.apply([put('old', 1)]);
    const people = Array.from({ length: 3_000 }, (_, i) => ({ id: `p${i}`, name: `p${i}`, n: i }));
    for (const _ of store.replace({ people }));
    await store.flush();
    const snapshot = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
    expect(snapshot.collections['people']).toHaveLength(3_000);
    expect(store.journalEntries).toBe(0);
    expect(lines(journal)).toHaveLength(0);
    await store.close();
    expect((await openStore()).count('people')).toBe(3_000);
  });

  it('compacts: the journal is folded into a snapshot that holds the data, and the journal is left short', async () => {
    const errors: unknown[] = [];
    const store = await DurableStore.open({
      file,
      compactAfter: 5,
      onError: (e) => errors.push(e),
    });
    open.push(store);
    for (let i = 1; i <= 7; i += 1) store.apply([put(`p${i}`, i)]);
    await store.flush();
    expect(errors).toEqual([]);
    const snapshot = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
    // The compaction ran after the fifth batch: the snapshot holds those, the journal only the rest.
    expect(snapshot.lastSeq).toBe(5);
    expect(snapshot.collections['people']?.map((e) => e.id)).toEqual([
      'p1',
      'p2',
      'p3',
      'p4',
      'p5',
    ]);
    expect(snapshot.collections['people']?.[4]).toEqual({ id: 'p5', name: 'person p5', n: 5 });
    expect(lines(journal)).toHaveLength(2);
    expect(store.journalEntries).toBe(2);
    expect(existsSync(`${journal}.old`)).toBe(false);
    await store.close();
    const again = await openStore(5);
    expect(again.list('people').map((e) => e.id)).toEqual([
      'p1',
      'p2',
      'p3',
      'p4',
      'p5',
      'p6',
      'p7',
    ]);
  });

  it('keeps compacting as writes go on, so the journal never holds more than the store', async () => {
    const store = await openStore(5);
    // Rewriting the same three objects: the store stays small, so compactions come every few writes.
    for (let i = 1; i <= 40; i += 1) {
      store.apply([put(`p${i % 3}`, i)]);
      await store.flush();
    }
    expect(lines(journal).length).toBeLessThan(5);
    const snapshot = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
    expect(snapshot.lastSeq).toBeGreaterThanOrEqual(36);
    expect(snapshot.collections['people']).toHaveLength(3);
  });

  it('keeps compacting while the store only grows, so the journal stays no longer than the last snapshot', async () => {
    const store = await openStore(5);
    for (let i = 1; i <= 60; i += 1) {
      store.apply([put(`p${i}`, i)]);
      await store.flush();
      const snapshot = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
      const inSnapshot = snapshot.collections['people']?.length ?? 0;
      expect(lines(journal).length).toBeLessThanOrEqual(Math.max(5, inSnapshot));
      expect(inSnapshot + lines(journal).length).toBe(i);
    }
  });

  it('keeps every write on disk when compactions fail, and recovers them all', async () => {
    const errors: unknown[] = [];
    const store = await DurableStore.open({
      file,
      compactAfter: 3,
      onError: (e) => errors.push(e),
    });
    open.push(store);
    // lowdb writes the snapshot through a temporary file; a directory in its place makes that fail.
    const blocker = join(dir, '.world.json.tmp');
    mkdirSync(blocker);
    for (const id of ['a', 'b', 'c']) store.apply([put(id)]);
    await store.flush();
    for (const id of ['d', 'e', 'f']) store.apply([put(id)]);
    await store.flush();
    expect(errors).toHaveLength(2);
    expect(store.list('people').map((e) => e.id)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    // The process dies here; a new one opens the same files.
    rmSync(blocker, { recursive: true });
    const recovered = await openStore();
    expect(recovered.list('people').map((e) => e.id)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('replays an entry found in both journals once (a crash while carrying a journal over)', async () => {
    const store = await openStore();
    store.apply([put('a')]);
    store.apply([put('b')]);
    store.apply([{ op: 'delete', collection: 'people', id: 'a' }]);
    store.apply([put('a')]);
    store.apply([put('e')]);
    expect(store.list('people').map((e) => e.id)).toEqual(['b', 'a', 'e']);
    await store.close();
    const written = lines(journal);
    writeFileSync(`${journal}.old`, `${written.join('\n')}\n`);
    writeFileSync(journal, `${written.slice(2).join('\n')}\n`);
    expect((await openStore()).list('people').map((e) => e.id)).toEqual(['b', 'a', 'e']);
  });

  it('ignores a torn last journal line (a write cut short by a kill) and keeps everything before it', async () => {
    const store = await openStore();
    store.apply([put('p1')]);
    store.apply([put('p2'), put('p3')]);
    store.apply([{ op: 'delete', collection: 'people', id: 'p1' }]);
    await store.close();
    appendFileSync(journal, '{"s":4,"c":[{"op":"put","collection":"people","value":{"id":"p4","na');
    const reopened = await openStore();
    expect(reopened.list('people').map((e) => e.id)).toEqual(['p2', 'p3']);
  });

  it('keeps writes made after recovering from a torn line, across the next reopen', async () => {
    const store = await openStore();
    store.apply([put('p1')]);
    await store.close();
    // Reopening folds the journal into the snapshot; then a kill tears the first write after that.
    await (await openStore()).close();
    appendFileSync(journal, '{"s":2,"c":[{"op":"put","collection":"people","value":{"id":"torn"');
    const recovered = await openStore();
    expect(recovered.list('people').map((e) => e.id)).toEqual(['p1']);
    recovered.apply([put('p2')]);
    recovered.apply([put('p3')]);
    await recovered.close();
    const later = await openStore();
    expect(later.list('people').map((e) => e.id)).toEqual(['p1', 'p2', 'p3']);
  });

  it('writes a batch larger than a journal line holds as a group of lines, read back whole', async () => {
    const store = await DurableStore.open({ file, journalLineChanges: 3 });
    open.push(store);
    store.apply([put('p0')]);
    store.apply(Array.from({ length: 8 }, (_, i) => put(`q${i}`)));
    store.apply([put('p1')]);
    const written = lines(journal).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(written.map((e) => [e.s, (e.c as unknown[]).length, e.g, e.m])).toEqual([
      [1, 1, undefined, undefined],
      [2, 3, 2, true],
      [3, 3, 2, true],
      [4, 2, 2, undefined],
      [5, 1, undefined, undefined],
    ]);
    await store.close();
    const ids = ['p0', ...Array.from({ length: 8 }, (_, i) => `q${i}`), 'p1'];
    expect((await openStore()).list('people').map((e) => e.id)).toEqual(ids);
  });

  it('drops a group of lines cut short, whole: by a kill at its end, or by a failed write before later ones', async () => {
    const store = await DurableStore.open({ file, journalLineChanges: 2 });
    store.apply([put('p0')]);
    store.apply([put('q0'), put('q1'), put('q2'), put('q3'), put('q4')]);
    await store.close();
    const [first, ...group] = lines(journal);
    expect(group).toHaveLength(3);
    // Killed after the group's second line: none of it was acknowledged.
    writeFileSync(journal, `${[first, ...group.slice(0, 2)].join('\n')}\n`);
    writeFileSync(file, '{"provisim":"world-snapshot","version":1,"lastSeq":0,"collections":{}}');
    expect((await openStore()).list('people').map((e) => e.id)).toEqual(['p0']);
    // A write that failed after the group's first line, then one more write that succeeded.
    writeFileSync(
      journal,
      `${[first, group[0], '{"s":5,"c":[{"op":"put","collection":"people","value":{"id":"p1"}}]}'].join('\n')}\n`,
    );
    writeFileSync(file, '{"provisim":"world-snapshot","version":1,"lastSeq":0,"collections":{}}');
    expect((await openStore()).list('people').map((e) => e.id)).toEqual(['p0', 'p1']);
    // The same, the later write a group of its own.
    const person = (id: string) => `{"op":"put","collection":"people","value":{"id":"${id}"}}`;
    writeFileSync(
      journal,
      `${[first, group[0], `{"s":5,"c":[${person('p1')}],"g":5,"m":true}`, `{"s":6,"c":[${person('p2')}],"g":5}`].join('\n')}\n`,
    );
    writeFileSync(file, '{"provisim":"world-snapshot","version":1,"lastSeq":0,"collections":{}}');
    expect((await openStore()).list('people').map((e) => e.id)).toEqual(['p0', 'p1', 'p2']);
  });

  it('refuses to open over a corrupt line in the middle of the journal, naming the file and line', async () => {
    const store = await openStore();
    store.apply([put('p1')]);
    store.apply([put('p2')]);
    store.apply([put('p3')]);
    await store.close();
    const [first, , third] = lines(journal);
    writeFileSync(journal, `${first}\n{"s":2,"c":[{"op":"put" garbage\n${third}\n`);
    await expect(DurableStore.open({ file })).rejects.toThrow(`${journal}, line 2`);
  });

  it('replays a journal left behind as .journal.old by a crash during compaction', async () => {
    const store = await openStore();
    store.apply([put('p1')]);
    store.apply([put('p2')]);
    store.apply([{ op: 'delete', collection: 'people', id: 'p1' }]);
    store.apply([put('p3')]);
    await store.close();
    // The crash came after the journal was set aside and one more write went to the new journal,
    // but before the new snapshot was in place.
    const written = lines(journal);
    writeFileSync(`${journal}.old`, `${written.slice(0, 3).join('\n')}\n`);
    writeFileSync(journal, `${written.slice(3).join('\n')}\n`);
    const reopened = await openStore();
    expect(reopened.list('people').map((e) => e.id)).toEqual(['p2', 'p3']);
    expect(existsSync(`${journal}.old`)).toBe(false);
    await reopened.close();
    expect((await openStore()).list('people').map((e) => e.id)).toEqual(['p2', 'p3']);
  });

  it('does not replay a .journal.old whose entries the snapshot already holds', async () => {
    const store = await openStore(3);
    store.apply([put('a')]);
    store.apply([put('b')]);
    store.apply([put('c')]);
    await store.flush();
    store.apply([{ op: 'delete', collection: 'people', id: 'a' }]);
    await store.close();
    // A crash after the snapshot was renamed into place but before the old journal was removed.
    writeFileSync(
      `${journal}.old`,
      `${JSON.stringify({ s: 1, c: [put('a')] })}\n${JSON.stringify({ s: 2, c: [put('stale')] })}\n`,
    );
    const reopened = await openStore();
    expect(reopened.list('people').map((e) => e.id)).toEqual(['b', 'c']);
  });
});

describe('DurableStore: only its own files', () => {
  let dir: string;
  beforeEach(() => {
    dir = freshDir();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the provisim header into every snapshot', async () => {
    const file = join(dir, 'world.json');
    const store = await DurableStore.open({ file, compactAfter: 2 });
    for (let i = 0; i < 3; i += 1) store.apply([put(`p${i}`)]);
    await store.close();
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({
      provisim: 'world-snapshot',
      version: 1,
    });
  });

  it.each([
    ['an empty object', '{}'],
    ['a package.json', JSON.stringify({ name: 'app', version: '1.0.0', scripts: {} }, null, 2)],
    ['a snapshot-like file of another shape', '{"version":1,"lastSeq":0,"collections":[]}'],
    ['text that is not JSON', '# notes\n'],
    ['an empty file', ''],
  ])('refuses %s, leaving it and its neighbours untouched', async (_what, content) => {
    const file = join(dir, 'data.json');
    writeFileSync(file, content);
    await expect(DurableStore.open({ file })).rejects.toThrow(
      `${file} is not a provisim data file`,
    );
    expect(readFileSync(file, 'utf8')).toBe(content);
    expect(existsSync(`${file}.journal`)).toBe(false);
  });

  it('refuses a journal beside it that is not one, leaving it untouched', async () => {
    const file = join(dir, 'data.json');
    writeFileSync(`${file}.journal`, 'hello\n');
    await expect(DurableStore.open({ file })).rejects.toThrow(
      `${file}.journal, line 1: the journal is corrupt`,
    );
    expect(readFileSync(`${file}.journal`, 'utf8')).toBe('hello\n');
    expect(existsSync(file)).toBe(false);
  });

  it('opens a snapshot written before the header existed, and gives it the header', async () => {
    const file = join(dir, 'world.json');
    writeFileSync(
      file,
      JSON.stringify({ version: 1, lastSeq: 3, collections: { people: [{ id: 'p1' }] } }),
    );
    const store = await DurableStore.open({ file, compactAfter: 1 });
    expect(store.list('people')).toEqual([{ id: 'p1' }]);
    store.apply([put('p2')]);
    await store.close();
    const reopened = await DurableStore.open({ file });
    expect(reopened.list('people').map((e) => e.id)).toEqual(['p1', 'p2']);
    await reopened.close();
    expect(JSON.parse(readFileSync(file, 'utf8')).provisim).toBe('world-snapshot');
  });

  it('keeps nothing it could not read back: a refused write leaves the next start whole', async () => {
    const file = join(dir, 'world.json');
    const store = await DurableStore.open({ file });
    store.apply([put('p1')]);
    let deep: unknown = 0;
    for (let i = 0; i < 4_000; i += 1) deep = [deep];
    expect(() =>
      store.apply([{ op: 'put', collection: 'people', value: { id: 'deep', deep } as Entity }]),
    ).toThrow(/nests deeper than 64 levels/);
    await store.close();
    const reopened = await DurableStore.open({ file });
    expect(reopened.list('people').map((e) => e.id)).toEqual(['p1']);
    await reopened.close();
  });
});
