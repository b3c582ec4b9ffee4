import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SUBSCRIBER_STATES } from '../simulator/core/subscribers/states.ts';
import { REPORT_STATES } from '../simulator/core/billing/states.ts';
import { BW_STATES } from '../simulator/core/broadworks/states.ts';
import { SYNC_STATES } from '../simulator/core/broadworks/sync-states.ts';
import { LINE_STATES } from '../simulator/core/ccw/line-states.ts';
import type { Change, Entity, Store } from '../simulator/core/kernel/store-port.ts';
import { allowedMoves, type StateTable } from '../simulator/core/kernel/state-table.ts';
import { CUSTOMER_STATES } from '../simulator/core/organisations/customer-states.ts';
import { createMemoryStore } from '../simulator/store/memory-store.ts';
import { inProcessTarget } from './in-process.ts';
import { runScenarios } from './runner.ts';

/**
 * Issue 17: the scenario library covers every cell of every state table. Not by what scenarios
 * say of themselves: the library runs in-process over stores that watch every write, and each
 * status change (and each removal) the simulator made is a cell seen. A cell no scenario reaches
 * fails here by name.
 */

/** Where each table's resource is kept: its collection and, for order lines, the array inside. */
const TABLES: readonly {
  name: string;
  collection: string;
  lines?: true;
  table: StateTable<string>;
}[] = [
  { name: 'customer', collection: 'customers', table: CUSTOMER_STATES },
  { name: 'wholesale subscriber', collection: 'subscribers', table: SUBSCRIBER_STATES },
  { name: 'BroadWorks subscriber', collection: 'broadworksSubscribers', table: BW_STATES },
  { name: 'directory sync', collection: 'directorySyncs', table: SYNC_STATES },
  { name: 'billing report', collection: 'billingReports', table: REPORT_STATES },
  { name: 'order line', collection: 'orders', lines: true, table: LINE_STATES },
];

type Statused = { readonly id: string; readonly status: string };

/** The resources of a table held by one stored entity (the entity, or an order's lines). */
const resources = (where: (typeof TABLES)[number], e: Entity | undefined): Statused[] =>
  e === undefined
    ? []
    : where.lines
      ? [...(e as unknown as { lines: Statused[] }).lines]
      : [e as unknown as Statused];

/** A store that names every move it is asked to write: `resource: from → to` or `resource: from → removed`. */
const watching = (store: Store, seen: Set<string>): Store => {
  const note = (changes: readonly Change[]) => {
    for (const c of changes) {
      if (c.op === 'clear') continue;
      const where = TABLES.find((t) => t.collection === c.collection);
      if (!where) continue;
      const id = c.op === 'put' ? c.value.id : c.id;
      const before = new Map(resources(where, store.get(c.collection, id)).map((r) => [r.id, r]));
      const after = c.op === 'put' ? resources(where, c.value) : [];
      for (const r of after) {
        const was = before.get(r.id);
        // A write that leaves the status as it was counts as a self-move only if it changed something.
        if (was && (was.status !== r.status || JSON.stringify(was) !== JSON.stringify(r)))
          seen.add(`${where.name}: ${was.status} → ${r.status}`);
        before.delete(r.id);
      }
      for (const gone of before.values()) seen.add(`${where.name}: ${gone.status} → removed`);
    }
  };
  return {
    get: (collection, id) => store.get(collection, id),
    list: (collection) => store.list(collection),
    count: (collection) => store.count(collection),
    lookup: (collection, index, key) => store.lookup(collection, index, key),
    walkKey: (collection, index, key, descending) =>
      store.walkKey(collection, index, key, descending),
    above: (collection, index, key) => store.above(collection, index, key),
    ordered: (collection, index, walk) => store.ordered(collection, index, walk),
    countOf: (collection, index, key) => store.countOf(collection, index, key),
    least: (collection) => store.least(collection),
    get revision() {
      return store.revision;
    },
    dump: () => store.dump(),
    flush: () => store.flush(),
    close: () => store.close(),
    apply: (changes) => {
      note(changes);
      store.apply(changes);
    },
    // A restore or an import puts back a world as it was: no move of any table, as a clear is none.
    replace: (collections) => store.replace(collections),
  };
};

/** Every cell of every table, as `watching` names them. */
const cells = (): string[] =>
  TABLES.flatMap(({ name, table }) => [
    ...allowedMoves(table).map(([from, to]) => `${name}: ${from} → ${to}`),
    ...table.removable.map((from) => `${name}: ${from} → removed`),
  ]);

describe('the scenario library and the state tables (issue 17)', { timeout: 120_000 }, () => {
  it('reaches every cell of every state table, and every removal a table allows', async () => {
    const seen = new Set<string>();
    const report = await runScenarios({
      paths: ['scenarios'],
      target: inProcessTarget(() => watching(createMemoryStore(), seen)),
      reporters: [],
      out: mkdtempSync(join(tmpdir(), 'provisim-')),
      fullLibrary: true,
      warn: () => undefined,
      workers: 2,
    });
    expect(report.results.filter((r) => r.verdict === 'failed').map((r) => r.id)).toEqual([]);
    expect(cells().filter((cell) => !seen.has(cell))).toEqual([]);
  });

  it('names a cell the library does not reach', () => {
    const seen = new Set<string>();
    const store = watching(createMemoryStore(), seen);
    store.apply([
      {
        op: 'put',
        collection: 'billingReports',
        value: { id: 'r', status: 'IN_PROGRESS' } as Entity,
      },
    ]);
    store.apply([
      { op: 'put', collection: 'billingReports', value: { id: 'r', status: 'FAILED' } as Entity },
    ]);
    expect(seen).toEqual(new Set(['billing report: IN_PROGRESS → FAILED']));
    expect(cells()).toContain('billing report: IN_PROGRESS → COMPLETED');
    store.apply([{ op: 'delete', collection: 'billingReports', id: 'r' }]);
    expect(seen).toContain('billing report: FAILED → removed');
  });
});
