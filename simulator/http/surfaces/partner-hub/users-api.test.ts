import { describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../adapters/testing.ts';
import { ADDRESS, ADMIN, advance, provisioningId } from '../../../../test/fixtures/wholesale.ts';

const CUSTOMERS = '/partner-hub/api/customers';
const HEADER =
  'User ID/Email (Required),First Name,Last Name,Phone Number,Extension,Location,Preferred Webex Site,Webex Calling [Wholesale],Webex Meetings [Wholesale],Webex Suite [Wholesale]';

/** A Partner Hub customer with calling, meetings and suite, provisioned; answers its id and headquarters. */
const customer = async (
  t: TestApp,
  packages = ['webex_suite', 'webex_calling', 'webex_meetings'],
) => {
  const r = await t.call('POST', CUSTOMERS, {
    ...ADMIN,
    json: {
      companyName: 'Pizza Co',
      adminEmail: 'boss@pizza.example',
      provisioningId: await provisioningId(t),
      packages,
      headquarters: ADDRESS,
      supportedLocationAttested: true,
    },
  });
  expect(r.status).toBe(201);
  await advance(t, 'PT5M');
  return { id: r.body.id as string, hq: r.body.headquartersLocationId as string };
};

const user = (hq: string, i: number, extra: Record<string, unknown> = {}) => ({
  firstName: `Ana${i}`,
  lastName: 'Lima',
  email: `u${i}@pizza.example`,
  package: 'webex_calling',
  locationId: hq,
  extension: `${100 + i}`,
  ...extra,
});
const users = async (t: TestApp, id: string) =>
  (await t.call('GET', `${CUSTOMERS}/${id}/users`, ADMIN)).body.items as {
    email: string;
    id: string;
    package: string | null;
    status: string;
    licenses: Record<string, boolean>;
    role: string;
  }[];
const csv = (t: TestApp, id: string, body: string, behavior = 'default') =>
  t.call('POST', `${CUSTOMERS}/${id}/users/csv?behavior=${behavior}`, {
    ...ADMIN,
    body,
    headers: { 'content-type': 'text/csv' },
  });

describe('Partner Hub users: manual add (USR-1, ORG-3, USR-5)', () => {
  it('adds 25 users at once with the basic licenses, and rejects 26 whole with 1002 (USR-1, USR-3)', async () => {
    const t = createTestApp();
    const { id, hq } = await customer(t);
    const r26 = await t.call('POST', `${CUSTOMERS}/${id}/users`, {
      ...ADMIN,
      json: { users: Array.from({ length: 26 }, (_, i) => user(hq, i)) },
    });
    expect(r26.status).toBe(400);
    expect(r26.body.errors[0]).toMatchObject({
      errorCode: 1002,
      description: 'users: must be at most 25 items',
    });
    expect((await users(t, id)).map((u) => u.email)).toEqual(['boss@pizza.example']);
    const r25 = await t.call('POST', `${CUSTOMERS}/${id}/users`, {
      ...ADMIN,
      json: { users: Array.from({ length: 25 }, (_, i) => user(hq, i)) },
    });
    expect(r25.status).toBe(201);
    expect(r25.body.items).toHaveLength(25);
    expect(r25.body.items[0]).toMatchObject({
      email: 'u0@pizza.example',
      package: 'webex_calling',
      licenses: { messaging: true, meetings: true, calling: true },
      status: 'provisioned',
    });
  });

  it('names the missing field of each user and creates nothing when one user is wrong (ORG-3)', async () => {
    const t = createTestApp();
    const { id, hq } = await customer(t);
    const r = await t.call('POST', `${CUSTOMERS}/${id}/users`, {
      ...ADMIN,
      json: {
        users: [
          user(hq, 1),
          { email: 'x@pizza.example', package: 'webex_meetings', locationId: hq },
        ],
      },
    });
    expect(r.status).toBe(400);
    expect(r.body.errors.map((e: { description: string }) => e.description)).toEqual([
      'users[1].firstName: is required',
      'users[1].lastName: is required',
    ]);
    expect(r.body.errors[0].errorCode).toBe(1001);
    expect(await users(t, id)).toHaveLength(1);
  });

  it('needs a phone number or extension for a calling package, and creates nothing (USR-5, ORG-3)', async () => {
    const t = createTestApp();
    const { id, hq } = await customer(t);
    const r = await t.call('POST', `${CUSTOMERS}/${id}/users`, {
      ...ADMIN,
      json: { users: [user(hq, 1), user(hq, 2, { extension: undefined })] },
    });
    expect(r.status).toBe(400);
    expect(r.body.errors[0]).toMatchObject({
      errorCode: 1001,
      description: expect.stringContaining(
        'users[1].phoneNumber: a calling package needs a phone number or an extension',
      ),
    });
    expect(await users(t, id)).toHaveLength(1);
  });

  it('answers 404 for an unknown location and 415 for a body that is not JSON', async () => {
    const t = createTestApp();
    const { id, hq } = await customer(t);
    expect(
      (
        await t.call('POST', `${CUSTOMERS}/${id}/users`, {
          ...ADMIN,
          json: { users: [user(hq, 1, { locationId: 'nope' })] },
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await t.call('POST', `${CUSTOMERS}/${id}/users`, {
          ...ADMIN,
          body: 'users',
          headers: { 'content-type': 'text/plain' },
        })
      ).status,
    ).toBe(415);
  });
});

describe('Partner Hub users: package changes (USR-5, USR-6, ORG-4)', () => {
  it('makes the adminEmail the full administrator with the first package and refuses its downgrade (ORG-4)', async () => {
    const t = createTestApp();
    const { id } = await customer(t);
    const [admin] = await users(t, id);
    expect(admin).toMatchObject({
      email: 'boss@pizza.example',
      package: 'webex_suite',
      role: 'full_admin',
    });
    const down = await t.call('PATCH', `${CUSTOMERS}/${id}/users/${admin!.id}`, {
      ...ADMIN,
      json: { package: 'webex_calling' },
    });
    expect(down.status).toBe(409);
    expect(down.body.errors[0].description).toMatch(/full administrator.*losing meetings.*ORG-4/);
    expect((await t.call('DELETE', `${CUSTOMERS}/${id}/users/${admin!.id}`, ADMIN)).status).toBe(
      409,
    );
    expect((await users(t, id))[0]!.package).toBe('webex_suite');
  });

  it('rejects a change to calling without number information, and accepts it with an extension (USR-5)', async () => {
    const t = createTestApp();
    const { id, hq } = await customer(t);
    const u = (
      await t.call('POST', `${CUSTOMERS}/${id}/users`, {
        ...ADMIN,
        json: { users: [user(hq, 1, { package: 'webex_meetings', extension: undefined })] },
      })
    ).body.items[0];
    const r = await t.call('PATCH', `${CUSTOMERS}/${id}/users/${u.id}`, {
      ...ADMIN,
      json: { package: 'webex_calling' },
    });
    expect(r.status).toBe(400);
    expect(r.body.errors[0].description).toMatch(/^phoneNumber: a calling package needs/);
    const ok = await t.call('PATCH', `${CUSTOMERS}/${id}/users/${u.id}`, {
      ...ADMIN,
      json: { package: 'webex_calling', extension: '4321' },
    });
    expect(ok.body).toMatchObject({ package: 'webex_calling', extension: '4321' });
  });

  it('leaves a user in a package error from a step fault; unassign then assign recovers it (USR-6)', async () => {
    const t = createTestApp();
    const { id, hq } = await customer(t);
    await t.call('POST', '/sim/faults', {
      json: {
        on: 'subscriber',
        errorCode: 7001,
        description: 'License assignment failed',
        times: 1,
      },
    });
    const u = (
      await t.call('POST', `${CUSTOMERS}/${id}/users`, { ...ADMIN, json: { users: [user(hq, 1)] } })
    ).body.items[0];
    expect(u).toMatchObject({
      status: 'error',
      errors: [{ errorCode: 7001, description: 'License assignment failed' }],
    });
    const again = await t.call('PATCH', `${CUSTOMERS}/${id}/users/${u.id}`, {
      ...ADMIN,
      json: { package: 'webex_suite' },
    });
    expect(again.status).toBe(409);
    expect(again.body.errors[0].description).toMatch(/unassign the package.*USR-6/);
    const off = await t.call('PATCH', `${CUSTOMERS}/${id}/users/${u.id}`, {
      ...ADMIN,
      json: { package: null },
    });
    expect(off.body).toMatchObject({ package: null, status: 'provisioned', errors: [] });
    const on = await t.call('PATCH', `${CUSTOMERS}/${id}/users/${u.id}`, {
      ...ADMIN,
      json: { package: 'webex_calling' },
    });
    expect(on.body).toMatchObject({ package: 'webex_calling', status: 'provisioned', errors: [] });
  });

  it('deletes a user', async () => {
    const t = createTestApp();
    const { id, hq } = await customer(t);
    const u = (
      await t.call('POST', `${CUSTOMERS}/${id}/users`, { ...ADMIN, json: { users: [user(hq, 1)] } })
    ).body.items[0];
    expect((await t.call('DELETE', `${CUSTOMERS}/${id}/users/${u.id}`, ADMIN)).status).toBe(204);
    expect((await users(t, id)).map((x) => x.email)).toEqual(['boss@pizza.example']);
  });
});

describe('Partner Hub users: CSV import and export (USR-2, USR-3, USR-4)', () => {
  it('reports each row; failing rows change nothing, the others apply; meetings without a site warn (USR-2)', async () => {
    const t = createTestApp();
    const { id } = await customer(t);
    const file = [
      HEADER,
      'a@pizza.example,Ann,A,,201,Headquarters,,TRUE,,',
      'b@pizza.example,Bob,B,,,,,TRUE,,',
      'c@pizza.example,Cy,C,,,,,,TRUE,',
      ',No,Email,,,,,,TRUE,',
      'd@pizza.example,Di,D,,,,,maybe,,',
    ].join('\n');
    const r = await csv(t, id, file);
    expect(r.status).toBe(200);
    expect(r.body.summary).toEqual({
      rows: 5,
      created: 2,
      updated: 0,
      removed: 0,
      unchanged: 0,
      failed: 3,
      warnings: 1,
    });
    expect(r.body.rows.map((x: { line: number; outcome: string }) => [x.line, x.outcome])).toEqual([
      [2, 'created'],
      [3, 'failed'],
      [4, 'created'],
      [5, 'failed'],
      [6, 'failed'],
    ]);
    expect(r.body.rows[1].errors[0].description).toMatch(
      /Phone Number: a calling package needs a phone number or an extension/,
    );
    expect(r.body.rows[2].warnings[0].description).toMatch(/Preferred Webex Site: missing.*USR-2/);
    expect(r.body.rows[3].errors[0]).toMatchObject({
      errorCode: 1001,
      description: 'User ID/Email (Required): is required',
    });
    expect(r.body.rows[4].errors[0].description).toMatch(/must be TRUE, FALSE or empty/);
    expect((await users(t, id)).map((u) => u.email).sort()).toEqual([
      'a@pizza.example',
      'boss@pizza.example',
      'c@pizza.example',
    ]);
  });

  it('assigns the basic licenses by default and applies the Basic cells with add_and_remove_services (USR-3)', async () => {
    const t = createTestApp();
    const { id } = await customer(t);
    const file =
      'User ID/Email (Required),Basic Messaging,Basic Meetings,Basic Calling,Webex Meetings [Wholesale],Preferred Webex Site\n';
    await csv(t, id, `${file}a@pizza.example,FALSE,FALSE,TRUE,TRUE,pizza.webex.com\n`);
    await csv(
      t,
      id,
      `${file}b@pizza.example,FALSE,FALSE,TRUE,TRUE,pizza.webex.com\n`,
      'add_and_remove_services',
    );
    const all = await users(t, id);
    expect(all.find((u) => u.email === 'a@pizza.example')!.licenses).toEqual({
      messaging: true,
      meetings: true,
      calling: true,
    });
    expect(all.find((u) => u.email === 'b@pizza.example')!.licenses).toEqual({
      messaging: false,
      meetings: false,
      calling: true,
    });
  });

  it('removes a user whose package cells are all FALSE, never the full administrator (USR-4, ORG-4)', async () => {
    const t = createTestApp();
    const { id, hq } = await customer(t);
    await t.call('POST', `${CUSTOMERS}/${id}/users`, { ...ADMIN, json: { users: [user(hq, 1)] } });
    const r = await csv(
      t,
      id,
      `${HEADER}\nu1@pizza.example,,,,,,,FALSE,FALSE,FALSE\nboss@pizza.example,,,,,,,FALSE,FALSE,FALSE\n`,
    );
    expect(r.body.rows.map((x: { outcome: string }) => x.outcome)).toEqual(['removed', 'failed']);
    expect(r.body.rows[1].errors[0].description).toMatch(/ORG-4/);
    expect((await users(t, id)).map((u) => u.email)).toEqual(['boss@pizza.example']);
  });

  for (const behavior of ['default', 'add_and_remove_services']) {
    it(`imports its own export back with no change (${behavior}) (USR-2)`, async () => {
      const t = createTestApp();
      const { id, hq } = await customer(t);
      await t.call('POST', `${CUSTOMERS}/${id}/users`, {
        ...ADMIN,
        json: {
          users: [
            user(hq, 1, { displayName: 'Ana "the chef", Lima' }),
            user(hq, 2, {
              package: 'webex_meetings',
              extension: undefined,
              preferredWebexSite: 'pizza.webex.com',
            }),
          ],
        },
      });
      const exported = await t.call('GET', `${CUSTOMERS}/${id}/users/csv`, ADMIN);
      expect(exported.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(exported.text.split('\r\n')[0]).toMatch(/^User ID\/Email \(Required\),First Name,/);
      expect(exported.text).toContain(
        'u1@pizza.example,Ana1,Lima,"Ana ""the chef"", Lima",,101,Headquarters,,TRUE,TRUE,TRUE,TRUE,',
      );
      const before = await users(t, id);
      const r = await csv(t, id, exported.text, behavior);
      expect(r.body.summary).toMatchObject({ rows: 3, unchanged: 3, failed: 0 });
      expect(await users(t, id)).toEqual(before);
    });
  }

  const refused: [string, string | Uint8Array<ArrayBuffer>, RegExp][] = [
    [
      'bad quoting',
      `${HEADER}\na@pizza.example,"Ann"x,,,,,,,TRUE,\n`,
      /^line 2: cannot be read as CSV/,
    ],
    [
      'an unknown column',
      'User ID/Email (Required),Shoe Size\na@pizza.example,42\n',
      /^line 1: unknown column "Shoe Size"/,
    ],
    [
      'no email column',
      'First Name,Webex Meetings [Wholesale]\nAnn,TRUE\n',
      /^line 1: no "User ID\/Email \(Required\)" column/,
    ],
    ['an empty file', '', /^line 1: the file is empty/],
    [
      'invalid UTF-8',
      new Uint8Array([
        ...new TextEncoder().encode(`${HEADER}\na@pizza.example,`),
        0xff,
        0xfe,
        ...new TextEncoder().encode(',,,,,,,TRUE,\n'),
      ]),
      /^line 2: is not valid UTF-8/,
    ],
  ];
  for (const [what, body, message] of refused) {
    it(`refuses ${what} with 400 naming the line, and applies nothing (USR-2)`, async () => {
      const t = createTestApp();
      const { id } = await customer(t);
      const res = await t.app.request(`http://provisim.test${CUSTOMERS}/${id}/users/csv`, {
        method: 'POST',
        headers: { authorization: 'Bearer acme-admin', 'content-type': 'text/csv' },
        body,
      });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { message: string }).message).toMatch(message);
      expect(await users(t, id)).toHaveLength(1);
    });
  }

  const rowsOf = (n: number) =>
    [HEADER, ...Array.from({ length: n }, (_, i) => `u${i}@pizza.example,,,,,,,,TRUE,`)].join('\n');
  const oneTurn = () => new Promise((r) => setTimeout(r, 0));

  /** Turns of the event loop until the customer holds more users than its admin (bounded). */
  const firstRowsIn = async (t: TestApp, id: string): Promise<number> => {
    for (let i = 0; i < 100; i++) {
      await oneTurn();
      const n = (await users(t, id)).length;
      if (n > 1) return n;
    }
    throw new Error('no row of the import was applied');
  };

  it('applies a long file 250 rows a turn of the event loop: the world answers in between (issue 13)', async () => {
    const t = createTestApp();
    const { id } = await customer(t);
    let answered = false;
    const importing = csv(t, id, rowsOf(600)).then((r) => ((answered = true), r));
    // Between two chunks: the world answers, and holds the rows applied so far (and its admin).
    const between = await firstRowsIn(t, id);
    expect(answered).toBe(false);
    expect(between).toBeLessThan(601);
    const r = await importing;
    expect(r.status).toBe(200);
    expect(r.body.summary).toMatchObject({ rows: 600, created: 600, failed: 0 });
    expect(await users(t, id)).toHaveLength(601);
  });

  it('reports the rows left as failed, with the reason, when the customer stops taking users mid-file', async () => {
    const t = createTestApp();
    const { id } = await customer(t);
    const importing = csv(t, id, rowsOf(600));
    const applied = (await firstRowsIn(t, id)) - 1;
    expect((await t.call('DELETE', `/v1/wholesale/customers/${id}`, ADMIN)).status).toBe(202);
    const r = await importing;
    expect(r.status).toBe(200);
    expect(r.body.summary).toMatchObject({ rows: 600, created: applied, failed: 600 - applied });
    expect(applied % 250).toBe(0);
    expect(applied).toBeLessThan(600);
    const last = r.body.rows.at(-1);
    expect(last).toMatchObject({ line: 601, email: 'u599@pizza.example', outcome: 'failed' });
    expect(last.errors[0].description).toMatch(/is deleting; users can be added/);
  });

  it('accepts a BOM, answers 413 past 20,000 rows and 415 for a body that is not text/csv', async () => {
    const t = createTestApp();
    const { id } = await customer(t);
    expect(
      (await csv(t, id, `\uFEFF${HEADER}\nz@pizza.example,,,,,,,,TRUE,\n`)).body.summary.created,
    ).toBe(1);
    const big = [
      HEADER,
      ...Array.from({ length: 20_001 }, (_, i) => `x${i}@pizza.example,,,,,,,,TRUE,`),
    ].join('\n');
    const r = await csv(t, id, big);
    expect(r.status).toBe(413);
    expect(r.body.message).toMatch(/20001 data rows; at most 20000/);
    expect(
      (await t.call('POST', `${CUSTOMERS}/${id}/users/csv`, { ...ADMIN, json: {} })).status,
    ).toBe(415);
    expect(await users(t, id)).toHaveLength(2);
  });
});

describe('Partner Hub users CSV: cells a spreadsheet cannot run (OWASP)', () => {
  const NAMES = [
    '=HYPERLINK("http://evil.example","click")',
    "+cmd|' /C calc'!A0",
    '-2+3',
    '@SUM(1+1)',
    "'=already quoted",
  ];

  it('escapes formula-leading cells in the export, and the import takes them back unchanged', async () => {
    const t = createTestApp();
    const { id, hq } = await customer(t);
    const added = await t.call('POST', `${CUSTOMERS}/${id}/users`, {
      ...ADMIN,
      json: {
        users: NAMES.map((firstName, i) =>
          user(hq, i, { firstName, lastName: '=1+1', phoneNumber: `+1240555121${i}` }),
        ),
      },
    });
    expect(added.status).toBe(201);
    const before = (await t.call('GET', `${CUSTOMERS}/${id}/users`, ADMIN)).body.items;
    const exported = await t.call('GET', `${CUSTOMERS}/${id}/users/csv`, ADMIN);
    expect(exported.status).toBe(200);
    const cells = exported.text
      .trim()
      .split('\r\n')
      .flatMap((line: string) => line.split(','))
      .map((cell: string) => cell.replace(/^"/, ''));
    // No cell starts with a character a spreadsheet would take for a formula.
    expect(cells.filter((c: string) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
    expect(exported.text).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(exported.text).toContain("'+12405551210");
    for (const behavior of ['default', 'add_and_remove_services']) {
      const r = await csv(t, id, exported.text, behavior);
      expect(r.status).toBe(200);
      expect(r.body.summary).toMatchObject({ created: 0, updated: 0, removed: 0, failed: 0 });
      expect((await t.call('GET', `${CUSTOMERS}/${id}/users`, ADMIN)).body.items).toEqual(before);
    }
  });
});
