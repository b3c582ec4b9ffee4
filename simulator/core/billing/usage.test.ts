import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../store/memory-store.ts';
import { EVENT_HANDLERS, ON_COMMIT } from '../event-handlers.ts';
import type { PartnerUser } from '../kernel/model.ts';
import { World } from '../kernel/world.ts';
import {
  deleteBroadWorks,
  provisionBroadWorks,
  updateBroadWorks,
} from '../broadworks/subscribers.ts';
import type { BillingReport } from './model.ts';
import { coveredDays, DAY_MS, isoDate } from './period.ts';
import { reportCsv } from './report-csv.ts';

const START = Date.parse('2026-01-01T00:00:00Z');

describe('coveredDays: a day counts when the stretch held its packages at the end of it', () => {
  it('matches counting each day end one by one', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -5 * DAY_MS, max: 15 * DAY_MS }),
        fc.option(fc.integer({ min: 0, max: 12 * DAY_MS }), { nil: undefined }),
        fc.integer({ min: 1, max: 10 }),
        (from, length, days) => {
          const to = length === undefined ? undefined : from + length;
          const p = { start: START, days };
          const held: number[] = [];
          for (let d = 0; d < days; d++) {
            const end = (d + 1) * DAY_MS; // relative to START, as from and to are
            if (from < end && (to === undefined || to >= end)) held.push(d);
          }
          const r = coveredDays(
            {
              from: new Date(START + from).toISOString(),
              ...(to === undefined ? {} : { to: new Date(START + to).toISOString() }),
            },
            p,
          );
          expect(r).toEqual(held.length === 0 ? undefined : [held[0], held.at(-1)]);
          // Stretches are contiguous: every day between the first and the last counts.
          expect(held.length === 0 || held.length === held.at(-1)! - held[0]! + 1).toBe(true);
        },
      ),
    );
  });
});

const newWorld = (history = true) =>
  new World(new MemoryStore(), {
    seed: 9,
    clock: { mode: 'frozen' },
    wallClock: () => 0,
    handlers: EVENT_HANDLERS,
    ...(history ? { onCommit: ON_COMMIT } : {}),
  });
const admin = (w: World): PartnerUser =>
  w
    .read()
    .list('users')
    .find((u) => u.token === 'acme-admin')!;
const trusted = (w: World, partnerId: string) =>
  w
    .read()
    .list('templates')
    .find((t) => t.partnerId === partnerId && t.userVerification?.emailTrust === 'trusted')!
    .provisioningId;

/** The January report's rows as `subscriberId package → days`. */
const januaryDays = (w: World, partnerId: string): Map<string, number> => {
  const yesterday = isoDate(Math.floor(w.now() / DAY_MS) * DAY_MS - DAY_MS);
  const report: BillingReport = {
    id: 'r',
    partnerId,
    offer: 'broadworks',
    billingPeriod: '2026-01',
    billingStartDate: '2026-01-01',
    billingEndDate: yesterday,
    status: 'IN_PROGRESS',
    errors: [],
    created: '',
    createdBy: '',
  };
  const lines = reportCsv(w.read(), report).trimEnd().split('\r\n').slice(1);
  return new Map(lines.map((l) => l.split(',')).map((c) => [`${c[3]} ${c[6]}`, Number(c[9])]));
};

type Op =
  | { readonly kind: 'create'; readonly pkg: number }
  | { readonly kind: 'update'; readonly pick: number; readonly pkg: number }
  | { readonly kind: 'delete'; readonly pick: number }
  | { readonly kind: 'advance'; readonly minutes: number };
const PACKAGES = ['softphone', 'basic', 'standard', 'premium'] as const;

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), pkg: fc.nat(3) }),
  fc.record({ kind: fc.constant('update' as const), pick: fc.nat(5), pkg: fc.nat(3) }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat(5) }),
  fc.record({ kind: fc.constant('advance' as const), minutes: fc.integer({ min: 0, max: 1800 }) }),
);

describe("the billing history (SIM-1): what a report counts is what the world held at each day's end", () => {
  it('for any walk of provisioning, package changes, removals and time, the report agrees with a day-by-day look', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 5, maxLength: 30 }), (ops) => {
        const w = newWorld();
        const user = admin(w);
        const pid = trusted(w, user.partnerId);
        const seen = new Map<string, number>();
        /** What each subscriber is billed for at this instant (provisioned or updating). */
        const look = () => {
          for (const s of w.read().list('broadworksSubscribers'))
            if (
              s.partnerId === user.partnerId &&
              (s.status === 'provisioned' || s.status === 'updating')
            )
              seen.set(`${s.id} ${s.package}`, (seen.get(`${s.id} ${s.package}`) ?? 0) + 1);
        };
        let n = 0;
        for (const o of ops) {
          const ids = w
            .read()
            .list('broadworksSubscribers')
            .map((s) => s.id);
          const pick = (i: number) => ids[i % Math.max(ids.length, 1)] ?? 'none';
          if (o.kind === 'create') {
            n += 1;
            w.transact((tx) =>
              provisionBroadWorks(tx, user, {
                provisioningId: pid,
                userId: `u${n}@bw.example`,
                spEnterpriseId: 'ACME-ENT-01',
                firstName: 'A',
                lastName: 'B',
                email: `u${n}@x.example`,
                package: PACKAGES[o.pkg],
              }),
            );
          } else if (o.kind === 'update') {
            w.transact((tx) =>
              updateBroadWorks(tx, user, pick(o.pick), { package: PACKAGES[o.pkg] }),
            );
          } else if (o.kind === 'delete') {
            w.transact((tx) => deleteBroadWorks(tx, user.partnerId, pick(o.pick)));
          } else {
            // Stop a millisecond before each midnight crossed, to look at what the day ends with.
            const target = w.now() + o.minutes * 60_000;
            for (;;) {
              const lastMs = Math.floor(w.now() / DAY_MS) * DAY_MS + DAY_MS - 1;
              if (lastMs > target || lastMs < w.now()) break;
              w.changeClock({ set: new Date(lastMs).toISOString() });
              look();
              w.changeClock({ set: new Date(lastMs + 1).toISOString() });
            }
            w.changeClock({ set: new Date(target).toISOString() });
          }
          // At most one open stretch per subscriber, exactly for those billed now, with their package.
          const records = w.read().list('usageRecords');
          for (const s of w.read().list('broadworksSubscribers')) {
            const open = records.filter((r) => r.entityId === s.id && r.to === undefined);
            const billed = s.status === 'provisioned' || s.status === 'updating';
            expect(open.map((r) => r.packages)).toEqual(billed ? [[s.package]] : []);
          }
          // One subscriber's stretches never overlap.
          const byEntity = new Map<string, (typeof records)[number][]>();
          for (const r of records)
            byEntity.set(r.entityId, [...(byEntity.get(r.entityId) ?? []), r]);
          for (const list of byEntity.values()) {
            const sorted = [...list].sort((a, b) => (a.from < b.from ? -1 : 1));
            for (let i = 1; i < sorted.length; i++)
              expect(sorted[i - 1]!.to! <= sorted[i]!.from).toBe(true);
          }
        }
        expect(januaryDays(w, user.partnerId)).toEqual(seen);
      }),
      { numRuns: 40 },
    );
  });

  it("a world kept without history (no commit hook) counts today's subscribers from their creation", () => {
    const w = newWorld(false);
    const user = admin(w);
    w.transact((tx) =>
      provisionBroadWorks(tx, user, {
        provisioningId: trusted(w, user.partnerId),
        userId: 'old@bw.example',
        spEnterpriseId: 'ACME-ENT-01',
        firstName: 'A',
        lastName: 'B',
        email: 'old@x.example',
        package: 'basic',
      }),
    );
    w.changeClock({ advance: 'P3D' });
    expect(w.read().list('usageRecords')).toEqual([]);
    expect([...januaryDays(w, user.partnerId).values()]).toEqual([3]);
  });
});
