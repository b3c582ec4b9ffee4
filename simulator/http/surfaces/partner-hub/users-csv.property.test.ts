import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../../adapters/testing.ts';
import { ADDRESS, ADMIN, advance, provisioningId } from '../../../../test/fixtures/wholesale.ts';

const CUSTOMERS = '/partner-hub/api/customers';
const HEADER =
  'User ID/Email (Required),First Name,Extension,Location,Preferred Webex Site,Webex Calling [Wholesale],Webex Meetings [Wholesale]';

/** A small seeded generator (mulberry32), so a failing seed can be replayed. */
const rng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
  return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
};

type Kind =
  | 'newMeetings'
  | 'newCalling'
  | 'callingNoNumber'
  | 'badCell'
  | 'badEmail'
  | 'remove'
  | 'toCalling';
const KINDS: Kind[] = [
  'newMeetings',
  'newCalling',
  'callingNoNumber',
  'badCell',
  'badEmail',
  'remove',
  'toCalling',
];

describe('CSV import over generated files (USR-2, USR-4, USR-5)', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    it(`applies the valid rows and no failing row changes anything (seed ${seed})`, async () => {
      const t = createTestApp();
      const created = await t.call('POST', CUSTOMERS, {
        ...ADMIN,
        json: {
          companyName: 'Gen Co',
          adminEmail: 'boss@gen.example',
          provisioningId: await provisioningId(t),
          packages: ['webex_calling', 'webex_meetings'],
          headquarters: ADDRESS,
          supportedLocationAttested: true,
        },
      });
      const id = created.body.id as string;
      await advance(t, 'PT5M');
      const existing = Array.from({ length: 10 }, (_, i) => `old${i}@gen.example`);
      await t.call('POST', `${CUSTOMERS}/${id}/users/csv`, {
        ...ADMIN,
        headers: { 'content-type': 'text/csv' },
        body: [HEADER, ...existing.map((e) => `${e},Old,,,site.webex.com,,TRUE`)].join('\n'),
      });
      const snapshot = async () =>
        new Map(
          (
            (await t.call('GET', `${CUSTOMERS}/${id}/users`, ADMIN)).body.items as {
              email: string;
            }[]
          ).map((u) => [u.email, JSON.stringify(u)]),
        );
      const before = await snapshot();
      const next = rng(seed);
      const lines: string[] = [HEADER];
      const kinds: Kind[] = [];
      for (let i = 0; i < 40; i += 1) {
        const kind = KINDS[Math.floor(next() * KINDS.length)]!;
        kinds.push(kind);
        const old = existing[Math.floor(next() * existing.length)]!;
        lines.push(
          {
            newMeetings: `n${i}@gen.example,New,,,site.webex.com,,TRUE`,
            newCalling: `n${i}@gen.example,New,${1000 + i},Headquarters,,TRUE,`,
            callingNoNumber: `n${i}@gen.example,New,,Headquarters,,TRUE,`,
            badCell: `n${i}@gen.example,New,,,,yes,`,
            badEmail: `not-an-email-${i},New,,,,,TRUE`,
            remove: `${old},,,,,FALSE,FALSE`,
            toCalling: `${old},,,Headquarters,,TRUE,FALSE`,
          }[kind],
        );
      }
      const r = await t.call(
        'POST',
        `${CUSTOMERS}/${id}/users/csv?behavior=add_and_remove_services`,
        { ...ADMIN, headers: { 'content-type': 'text/csv' }, body: lines.join('\n') },
      );
      expect(r.status).toBe(200);
      const after = await snapshot();
      const rows = r.body.rows as { line: number; email: string; outcome: string }[];
      expect(rows.map((x) => x.line)).toEqual(kinds.map((_, i) => i + 2));
      const touched = new Set(rows.filter((x) => x.outcome !== 'failed').map((x) => x.email));
      for (const [i, row] of rows.entries()) {
        const kind = kinds[i]!;
        const expected = {
          newMeetings: 'created',
          newCalling: 'created',
          callingNoNumber: 'failed',
          badCell: 'failed',
          badEmail: 'failed',
          remove: null,
          toCalling: null,
        }[kind];
        if (expected) expect(row.outcome, `line ${row.line} (${kind})`).toBe(expected);
        if (row.outcome === 'failed' && !touched.has(row.email))
          expect(after.get(row.email), `line ${row.line} (${kind})`).toBe(before.get(row.email));
        if (row.outcome === 'created' || row.outcome === 'updated')
          expect(after.has(row.email)).toBe(true);
        if (row.outcome === 'removed') expect(after.has(row.email)).toBe(false);
      }
      const changed = [...new Set([...before.keys(), ...after.keys()])].filter(
        (e) => before.get(e) !== after.get(e),
      );
      for (const e of changed)
        expect(touched.has(e), `${e} changed without a row that applied`).toBe(true);
      expect(r.body.summary.rows).toBe(40);
    });
  }
});
