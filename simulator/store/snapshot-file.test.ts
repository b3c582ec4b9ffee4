import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Entity } from '../core/kernel/store-port.ts';
import { DurableStore, isDataFile } from './durable-store.ts';
import {
  readSnapshotFile,
  snapshot,
  SnapshotWriter,
  spoolLine,
  startsAsDataFile,
  writeSnapshotFile,
  writeSnapshotSync,
} from './snapshot-file.ts';

const people = (n: number): Entity[] =>
  Array.from({ length: n }, (_, i) => ({ id: `p${i}`, name: `line\nbreak "${i}"` }) as Entity);

describe('data files, a line at a time (snapshot-file.ts)', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'provisim-snapshot-'));
    file = join(dir, 'world.json');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes one entity a line, as JSON that reads back the same', async () => {
    const data = snapshot(7, { people: people(3), empty: [], 'odd "name"': people(1) });
    writeSnapshotSync(file, data);
    const text = readFileSync(file, 'utf8');
    expect(JSON.parse(text)).toEqual(data);
    const lines = text.split('\n');
    expect(lines[0]).toBe('{"provisim":"world-snapshot","version":1,"lastSeq":7,"collections":{');
    expect(lines.slice(1, 6)).toEqual([
      '"people":[',
      JSON.stringify(data.collections.people![0]),
      `,${JSON.stringify(data.collections.people![1])}`,
      `,${JSON.stringify(data.collections.people![2])}`,
      ']',
    ]);
    expect(await readSnapshotFile(file, 0)).toEqual(data);
    expect(await readSnapshotFile(file)).toEqual(data);
    expect(startsAsDataFile(file)).toBe(true);
  });

  it('reads a data file written as one JSON text, as earlier versions wrote it', async () => {
    const data = snapshot(3, { people: people(2) });
    writeFileSync(file, JSON.stringify(data, null, 2));
    expect(await readSnapshotFile(file, 0)).toEqual(data);
    writeFileSync(file, JSON.stringify(data));
    expect(await readSnapshotFile(file, 0)).toEqual(data);
  });

  it('says which line is wrong, and when the file ends early', async () => {
    writeSnapshotSync(file, snapshot(1, { people: people(3) }));
    const lines = readFileSync(file, 'utf8').split('\n');
    writeFileSync(file, [...lines.slice(0, 3), '{"id":', ...lines.slice(3)].join('\n'));
    await expect(readSnapshotFile(file, 0)).rejects.toThrow(/^line 4: not an entity \(SyntaxError/);
    writeFileSync(file, lines.slice(0, 4).join('\n'));
    await expect(readSnapshotFile(file, 0)).rejects.toThrow('the snapshot ends early');
    writeFileSync(file, [lines[0], 'people:[', ...lines.slice(2)].join('\n'));
    await expect(readSnapshotFile(file, 0)).rejects.toThrow('line 2: expected a collection');
    expect(startsAsDataFile(join(dir, 'none.json'))).toBe(false);
  });

  it('reads lines longer than a read, characters of several bytes across reads, and CRLF ends', async () => {
    // A megabyte is read at a time: this entity's line spans three reads, its characters of two
    // and four bytes falling on every boundary somewhere.
    const long = 'żółw 🐢 '.repeat(200_000);
    const notes = [
      { id: 'n1', text: long },
      { id: 'n2', text: 'ß' },
    ];
    const data = snapshot(2, { notes });
    writeSnapshotSync(file, data);
    expect(await readSnapshotFile(file, 0)).toEqual(data);
    writeFileSync(file, readFileSync(file, 'utf8').replaceAll('\n', '\r\n'));
    expect(await readSnapshotFile(file, 0)).toEqual(data);
    // Without the last line break.
    writeFileSync(file, readFileSync(file, 'utf8').trimEnd());
    expect(await readSnapshotFile(file, 0)).toEqual(data);
  });

  it('reads a world holding one copy of lists and records its entities share', async () => {
    const subscribers = Array.from({ length: 3 }, (_, i) => ({
      id: `s${i}`,
      packages: ['webex_calling'],
      licenses: { calling: true },
    }));
    writeSnapshotSync(file, snapshot(1, { subscribers }));
    for (const wholeReadBytes of [0, Infinity]) {
      const read = (await readSnapshotFile(file, wholeReadBytes)) as {
        collections: { subscribers: typeof subscribers };
      };
      const [a, b, c] = read.collections.subscribers;
      expect(b!.packages).toBe(a!.packages);
      expect(c!.licenses).toBe(a!.licenses);
      expect(read.collections.subscribers).toEqual(subscribers);
    }
  });

  it('writes a large world in the background, giving the event loop turns as it goes', async () => {
    const order: string[] = [];
    const written = writeSnapshotFile(file, snapshot(1, { people: people(10_000) })).then(() =>
      order.push('written'),
    );
    setImmediate(() => order.push('another request'));
    await written;
    expect(order).toEqual(['another request', 'written']);
    expect(
      (await readSnapshotFile(file, 0)) as { collections: { people: Entity[] } },
    ).toMatchObject({
      collections: {
        people: expect.arrayContaining([{ id: 'p9999', name: 'line\nbreak "9999"' }]),
      },
    });
  });

  it('is what the durable store reads and compacts into', async () => {
    writeSnapshotSync(file, snapshot(0, { people: people(5) }));
    const store = await DurableStore.open({ file, compactAfter: 2 });
    expect(store.list('people').map((e) => e.id)).toEqual(['p0', 'p1', 'p2', 'p3', 'p4']);
    for (const id of ['x', 'y', 'z', 'w', 'v', 'u'])
      store.apply([{ op: 'put', collection: 'people', value: { id } as Entity }]);
    await store.flush();
    await store.close();
    expect(readFileSync(file, 'utf8').split('\n')[0]).toMatch(/^\{"provisim":"world-snapshot"/);
    const again = await DurableStore.open({ file });
    expect(again.list('people')).toHaveLength(11);
    await again.close();
  });

  it('tells a data file too large to read whole by its header (seed --force replaces only those)', () => {
    writeSnapshotSync(file, snapshot(0, { people: people(50) }));
    expect(isDataFile(file, 100)).toBe(true);
    expect(isDataFile(file)).toBe(true);
    const other = join(dir, 'other.json');
    writeFileSync(other, JSON.stringify({ name: 'a package.json', list: people(50) }));
    expect(isDataFile(other, 100)).toBe(false);
    expect(isDataFile(other)).toBe(false);
    writeFileSync(
      other,
      '{"provisim":"world-snapshot","version":1,"lastSeq":0,"collections":{}} and more',
    );
    expect(isDataFile(other)).toBe(false);
    expect(isDataFile(join(dir, 'missing.json'))).toBe(false);
  });
  it('writes a snapshot a piece at a time: entities, then spools of lines, as one valid file', async () => {
    const [a, b, c, d] = people(4);
    const spool = join(dir, 'spool.lines');
    writeFileSync(spool, [c!, d!].map(spoolLine).join(''));
    const head = join(dir, 'head.lines');
    writeFileSync(head, spoolLine(a!));
    const w = new SnapshotWriter(file, 3);
    expect(() => w.entity(a!)).toThrow(/no collection is open/);
    w.collection('people');
    w.entity(a!);
    w.entity(b!);
    w.spool(spool, 2);
    w.collection('only spooled');
    w.spool(head, 1);
    w.spool(spool, 2);
    w.collection('empty');
    w.spool(spool, 0);
    w.lines(new Uint8Array(), 0);
    w.collection('from text');
    w.lines(Buffer.from([b!, c!].map(spoolLine).join('')), 2);
    w.entity(d!);
    w.finish();
    const expected = snapshot(3, {
      people: [a!, b!, c!, d!],
      'only spooled': [a!, c!, d!],
      empty: [],
      'from text': [b!, c!, d!],
    });
    // Valid JSON read whole, and the same read a line at a time.
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(expected);
    expect(await readSnapshotFile(file, 0)).toEqual(expected);
  });

  it('leaves the file as it was when a piece-by-piece write is abandoned', () => {
    writeFileSync(file, 'before');
    const w = new SnapshotWriter(file, 0);
    w.collection('people');
    w.entity(people(1)[0]!);
    w.abandon();
    expect(readFileSync(file, 'utf8')).toBe('before');
    expect(readdirSync(dir)).toEqual(['world.json']);
  });
});
