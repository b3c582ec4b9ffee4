import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bwBody, bwWorld } from '../../../../test/fixtures/broadworks.ts';
import { createTestApp, TEST_ORIGIN } from '../../../adapters/testing.ts';
import type { BroadWorksSubscriber } from '../../../core/broadworks/model.ts';

const ADMIN = { token: 'acme-admin' };
const INSTANTS = ['2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z'];
const STATUSES = ['pending_email_input', 'provisioned', 'provisioning'] as const;

const row = fc.record({
  // Mostly the partner's own; some of another partner, which no list of this partner shows.
  mine: fc.constantFrom(true, true, true, false),
  status: fc.constantFrom(...STATUSES),
  // A few emails and user ids shared, in any case, so the filters find several.
  email: fc.option(fc.constantFrom('a@x.example', 'B@x.example', 'c@x.example'), {
    nil: undefined,
  }),
  userId: fc.constantFrom('u1@bw.example', 'U2@bw.example', 'u3@bw.example'),
  selfActivated: fc.boolean(),
  created: fc.constantFrom(...INSTANTS),
  lastStatusChange: fc.constantFrom(...INSTANTS),
});
type Row = typeof row extends fc.Arbitrary<infer R> ? R : never;

const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined, freq: 2 });
const query = fc
  .record({
    status: maybe(fc.constantFrom(...STATUSES, 'provisioned,pending_email_input')),
    email: maybe(fc.constantFrom('a@x.example', 'b@X.example', 'nobody@x.example')),
    userId: maybe(fc.constantFrom('U1@bw.example', 'u2@bw.example')),
    selfActivated: maybe(fc.constantFrom('true', 'false')),
    after: maybe(fc.constantFrom('2026-01-01T12:00:00Z')),
    lastStatusChange: maybe(fc.constantFrom('2026-01-01T12:00:00Z')),
    max: fc.integer({ min: 1, max: 7 }),
  })
  .map(
    (q) =>
      Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined)) as Record<
        string,
        string | number
      >,
  );

/** What the list answers by definition: the partner's matches in store order. */
const reference = (
  all: readonly BroadWorksSubscriber[],
  partnerId: string,
  q: Readonly<Record<string, string | number>>,
): string[] => {
  const status = q.status === undefined ? undefined : String(q.status).split(',');
  const lower = (v: unknown) => String(v).toLowerCase();
  return all
    .filter(
      (s) =>
        s.partnerId === partnerId &&
        (!status || status.includes(s.status)) &&
        (q.email === undefined || (s.email !== undefined && lower(s.email) === lower(q.email))) &&
        (q.userId === undefined || lower(s.userId) === lower(q.userId)) &&
        (q.selfActivated === undefined || String(s.selfActivated) === q.selfActivated) &&
        (q.after === undefined || s.created > new Date(String(q.after)).toISOString()) &&
        (q.lastStatusChange === undefined ||
          s.lastStatusChange > new Date(String(q.lastStatusChange)).toISOString()),
    )
    .map((s) => s.id);
};

describe('GET /v1/broadworks/subscribers: pages walked through its indexes', () => {
  it('answers every filter, page after page by cursor, as filtering every subscriber would (generated worlds and queries)', async () => {
    const t = createTestApp();
    const w = await bwWorld(t);
    const made = await t.call('POST', '/v1/broadworks/subscribers', {
      ...ADMIN,
      json: bwBody(w.untrusted.provisioningId, w.spEnterpriseId),
    });
    expect(made.status).toBe(200);
    const model = t.store.get(
      'broadworksSubscribers',
      made.body.id,
    ) as unknown as BroadWorksSubscriber;
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { minLength: 1, maxLength: 40 }),
        fc.array(query, { minLength: 1, maxLength: 6 }),
        async (rows: Row[], queries) => {
          const world = rows.map((r, i): BroadWorksSubscriber => ({
            ...model,
            id: `bw-${i}`,
            partnerId: r.mine ? model.partnerId : 'another-partner',
            status: r.status,
            userId: r.userId,
            selfActivated: r.selfActivated,
            created: r.created,
            lastStatusChange: r.lastStatusChange,
            // The model has no email (untrusted, none given): a row adds one or none.
            ...(r.email === undefined ? {} : { email: r.email }),
          }));
          t.store.apply([
            ...t.store.list('broadworksSubscribers').map((s) => ({
              op: 'delete' as const,
              collection: 'broadworksSubscribers',
              id: s.id,
            })),
            ...world.map((value) => ({
              op: 'put' as const,
              collection: 'broadworksSubscribers',
              value,
            })),
          ]);
          for (const q of queries) {
            const want = reference(world, model.partnerId, q);
            const got: string[] = [];
            let path: string | undefined = `/v1/broadworks/subscribers?${new URLSearchParams(
              Object.entries(q).map(([k, v]) => [k, String(v)]),
            )}`;
            for (let pages = 0; path !== undefined; pages += 1) {
              expect(pages).toBeLessThanOrEqual(want.length);
              const r = await t.call('GET', path, ADMIN);
              expect(r.status).toBe(200);
              const items = (r.body as { items: { id: string }[] }).items.map((s) => s.id);
              expect(items.length).toBeLessThanOrEqual(Number(q.max));
              got.push(...items);
              const next = /<([^>]+)>; rel="next"/.exec(r.headers.get('link') ?? '');
              path = next ? next[1]!.slice(TEST_ORIGIN.length) : undefined;
              // A page that is not the last is full.
              if (path !== undefined) expect(items).toHaveLength(Number(q.max));
            }
            expect(got).toEqual(want);
          }
        },
      ),
      { numRuns: 80, seed: 17 },
    );
  });
});
