import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../simulator/http/create-app.ts';
import { ALL_COLUMNS } from '../../simulator/core/subscribers/csv.ts';
import { createMemoryStore, MemoryStore } from '../../simulator/store/memory-store.ts';
import { watchRegexes } from '../support/regex-spy.ts';
import { buildBaseWorld, WALL, type BaseWorld } from './base-world.ts';
import { OWN_ENDPOINTS, V1_ENDPOINTS, type Endpoint } from './endpoints.ts';
import { fromSchema } from './schema-arbitrary.ts';

/**
 * Structural ReDoS tests (issue 16): a body whose every string is the backtracking probe (`a@`,
 * dots, `@`) at a length over every field's limit is refused, and no pattern is ever handed more
 * than FIELD_MAX characters of it, whichever endpoint it goes to. No timing: the regex spy sees
 * every input a pattern is given.
 */
const FIELD_MAX = 2_000; // the longest bound of a patterned field (a fault's path)
const probe = (n: number): string => `a@${'.'.repeat(n - 3)}@`;

/** Every string leaf of a value replaced by `s` (keys kept, so the body stays well-formed). */
const everyString = (v: unknown, s: string): unknown =>
  typeof v === 'string'
    ? s
    : Array.isArray(v)
      ? v.map((x) => everyString(x, s))
      : v !== null && typeof v === 'object'
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, everyString(x, s)]))
        : v;

let base: BaseWorld;
beforeAll(async () => {
  base = await buildBaseWorld();
}, 60_000);

const app = () =>
  createApp({
    store: new MemoryStore(base.dump),
    newStore: createMemoryStore,
    clock: { mode: 'frozen' },
    wallClock: () => WALL,
    log: () => undefined,
  });

/** A body with every field present, valid by the schema (ids and values from the world). */
const fullBody = (e: Endpoint): unknown =>
  fc.sample(
    fromSchema(e.schema!, {
      hints: base.hints,
      allKeys: true,
      ...(e.root ? { root: e.root } : {}),
    }),
    { numRuns: 1, seed: 16 },
  )[0];

const pathFor = (e: Endpoint): string =>
  e.template.replace(/\{(\w+)\}/g, (_, p: string) => base.ids[e.params[p] ?? p]?.[0] ?? 'nope');

const withBodies = [...OWN_ENDPOINTS, ...V1_ENDPOINTS].filter((e) => e.schema !== undefined);

describe('no pattern sees an over-long input, on any endpoint (structural ReDoS test)', () => {
  it.each(withBodies.map((e) => [e.name, e] as const))(
    '%s',
    async (_name, e) => {
      const a = app();
      const body = fullBody(e);
      for (const size of [FIELD_MAX + 1, 16_000, 100_000]) {
        const json = JSON.stringify(everyString(body, probe(size)));
        const { value: res, seen } = await watchRegexes(
          () =>
            a.request(`http://provisim.test${pathFor(e)}`, {
              method: e.method,
              headers: { authorization: 'Bearer acme-admin', 'content-type': 'application/json' },
              body: json,
            }),
          FIELD_MAX,
        );
        const text = await res.text();
        expect(seen.over, `${e.name} with ${size}-character strings: ${text}`).toEqual([]);
        if (JSON.stringify(everyString(body, '\u0000')).includes('\\u0000')) {
          // Some string was there to lengthen: the request is refused, not served.
          expect(res.status, text).toBeGreaterThanOrEqual(400);
          expect(res.status === 501 || res.status < 500, text).toBe(true);
        }
      }
    },
    30_000,
  );

  it('the activation page form: an over-long user id or email reaches no pattern', async () => {
    const a = app();
    const form = new URLSearchParams({ userId: probe(100_000), email: probe(100_000) });
    const { value: res, seen } = await watchRegexes(
      () =>
        a.request(`http://provisim.test/activation/${base.ids.linkId![0]}`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: form.toString(),
        }),
      FIELD_MAX,
    );
    expect(res.status).toBe(400);
    expect(seen.over).toEqual([]);
  });

  it('the users CSV: over-long cells reach no field pattern', async () => {
    const a = app();
    const csvImport = OWN_ENDPOINTS.find((e) => e.name.endsWith('/users/csv'))!;
    const csv = `${ALL_COLUMNS.join(',')}\r\n${ALL_COLUMNS.map(() => probe(100_000)).join(',')}\r\n`;
    const { value: res, seen } = await watchRegexes(
      () =>
        a.request(`http://provisim.test${pathFor(csvImport)}?behavior=default`, {
          method: 'POST',
          headers: { authorization: 'Bearer acme-admin', 'content-type': 'text/csv' },
          body: csv,
        }),
      FIELD_MAX,
    );
    expect(res.status).toBe(200);
    const report = (await res.json()) as { summary: { failed: number } };
    expect(report.summary.failed).toBe(1);
    expect(seen.over).toEqual([]);
  });
});
